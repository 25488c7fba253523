-- enforcement 1.4 -> 1.5: cases and decisions.
--
-- The penalty half of the directive and of the Administrative Penalty
-- Law: the staged case record (cases, case_events), what an agency
-- publishes for its decisions (review_catalog, discretion_benchmarks,
-- leniency_items), legal reviews, decisions and payments, each declared;
-- the views of the legal review register, the leniency ledger, overdue
-- cases and disclosures and the three systems; and the acts of cases in
-- v_late_records.  The new rules run in the compliance scan by their
-- tables' own triggers.

\echo Use "ALTER EXTENSION enforcement UPDATE TO '1.5'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Cases and decisions (src/cases.c, src/decisions.c: CASE-1..10, SUBJ-1/2
-- and OFF-2/5/6 for handlers): the staged case record, what an agency
-- publishes for them (its review catalogue, discretion benchmarks and
-- no-penalty list), legal reviews, decisions and the payments of fines.
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.cases (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    inspection_id bigint REFERENCES enforcement.inspections (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    opened_on date NOT NULL,
    violation_on date NOT NULL,
    violation_ended_on date,
    discovered_on date NOT NULL,
    handler_ids bigint[] NOT NULL,
    party_kind text NOT NULL DEFAULT 'organisation',
    harm text NOT NULL DEFAULT 'none',
    corrected boolean NOT NULL DEFAULT false,
    endangers_life_or_finance boolean NOT NULL DEFAULT false,
    public_interest boolean NOT NULL DEFAULT false,
    complex boolean NOT NULL DEFAULT false,
    stage text NOT NULL DEFAULT 'filed',
    CONSTRAINT cases_id_agency UNIQUE (id, agency_id)
);
CREATE INDEX cases_agency ON enforcement.cases (agency_id, opened_on);
CREATE INDEX cases_enterprise ON enforcement.cases (enterprise_id, legal_basis_id);
CREATE INDEX cases_handlers ON enforcement.cases USING gin (handler_ids);
COMMENT ON TABLE enforcement.cases IS
    'Penalty cases (立案): opened by two certified handlers under a penalty power; the stage moves only through enforcement.case_events.';
COMMENT ON COLUMN enforcement.cases.stage IS
    'The case''s last step, set by the extension from enforcement.case_events; never written directly.';

CREATE TABLE enforcement.case_events (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    case_id bigint NOT NULL,
    stage text NOT NULL,
    occurred_on date NOT NULL,
    officer_ids bigint[],
    hearing_offered boolean NOT NULL DEFAULT false,
    document_no text,
    note text,
    agency_id bigint,
    CONSTRAINT case_events_case_id_fkey FOREIGN KEY (case_id, agency_id)
        REFERENCES enforcement.cases (id, agency_id) MATCH FULL
);
CREATE INDEX case_events_case ON enforcement.case_events (case_id, id);
CREATE INDEX case_events_agency ON enforcement.case_events (agency_id);
CREATE INDEX case_events_officers ON enforcement.case_events USING gin (officer_ids);
COMMENT ON TABLE enforcement.case_events IS
    'The steps of each case, in order (CASE-1); inserting one validates and applies it. The event decided is written by the decision.';

CREATE TABLE enforcement.review_catalog (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    published_on date NOT NULL,
    fine_at_least numeric,
    decision_kinds text[],
    description text,
    effective_to date
);
CREATE INDEX review_catalog_agency ON enforcement.review_catalog (agency_id, published_on);
COMMENT ON TABLE enforcement.review_catalog IS
    'The agency''s published catalogue of major decisions (重大执法决定法制审核目录清单): a fine at or above fine_at_least, or a decision of a listed kind, needs a legal review.';
COMMENT ON COLUMN enforcement.review_catalog.effective_to IS
    'The last day the entry is in force; set once, never before today.';

CREATE TABLE enforcement.legal_reviews (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    case_id bigint NOT NULL,
    reviewer_id bigint NOT NULL REFERENCES enforcement.officers (id),
    submitted_on date NOT NULL,
    concluded_on date,
    result text,
    opinion text,
    agency_id bigint,
    CONSTRAINT legal_reviews_case_id_fkey FOREIGN KEY (case_id, agency_id)
        REFERENCES enforcement.cases (id, agency_id) MATCH FULL
);
CREATE INDEX legal_reviews_case ON enforcement.legal_reviews (case_id);
CREATE INDEX legal_reviews_agency ON enforcement.legal_reviews (agency_id);
COMMENT ON TABLE enforcement.legal_reviews IS
    'Legal reviews of decisions (法制审核, CASE-2): by a designated, qualified reviewer of the agency who is not a handler; fixed once concluded.';

CREATE TABLE enforcement.discretion_benchmarks (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint REFERENCES enforcement.agencies (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    circumstance text NOT NULL,
    fine_min numeric NOT NULL,
    fine_max numeric NOT NULL,
    published_on date NOT NULL,
    effective_to date
);
CREATE INDEX discretion_benchmarks_basis
    ON enforcement.discretion_benchmarks (legal_basis_id, circumstance, agency_id);
CREATE INDEX discretion_benchmarks_agency ON enforcement.discretion_benchmarks (agency_id);
COMMENT ON TABLE enforcement.discretion_benchmarks IS
    'Published discretion benchmarks (裁量基准, CASE-3): the fine range for a legal basis and circumstance; an agency''s own row hides the region-wide one (agency_id NULL) for the same circumstance.';

CREATE TABLE enforcement.leniency_items (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint REFERENCES enforcement.agencies (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    kind text NOT NULL,
    lookback_years integer NOT NULL DEFAULT 1,
    description text,
    published_on date NOT NULL,
    effective_to date
);
CREATE INDEX leniency_items_basis ON enforcement.leniency_items (legal_basis_id, agency_id);
CREATE INDEX leniency_items_agency ON enforcement.leniency_items (agency_id);
COMMENT ON TABLE enforcement.leniency_items IS
    'Published no-penalty and lenient lists (不予处罚、从轻处罚清单, CASE-4); region-wide when agency_id is NULL.';

CREATE TABLE enforcement.decisions (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    case_id bigint NOT NULL UNIQUE,
    decided_on date NOT NULL,
    kind text NOT NULL,
    fine_amount numeric(14,2) NOT NULL DEFAULT 0,
    confiscation_amount numeric(14,2) NOT NULL DEFAULT 0,
    circumstance text NOT NULL,
    leniency_item_id bigint REFERENCES enforcement.leniency_items (id),
    document_no text,
    disclosed_on date,
    agency_id bigint,
    CONSTRAINT decisions_case_id_fkey FOREIGN KEY (case_id, agency_id)
        REFERENCES enforcement.cases (id, agency_id) MATCH FULL,
    CONSTRAINT decisions_id_agency UNIQUE (id, agency_id)
);
CREATE INDEX decisions_agency ON enforcement.decisions (agency_id, decided_on);
COMMENT ON TABLE enforcement.decisions IS
    'Decisions (决定): inserting one runs every CASE check and decides the case; fixed but for disclosed_on, set once.';
COMMENT ON COLUMN enforcement.decisions.leniency_item_id IS
    'The no-penalty item applied, filled in by the extension.';

CREATE TABLE enforcement.payments (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    decision_id bigint NOT NULL,
    amount numeric(14,2) NOT NULL,
    paid_on date NOT NULL,
    collector text NOT NULL,
    onsite_reason text,
    receipt_no text,
    agency_id bigint,
    CONSTRAINT payments_decision_id_fkey FOREIGN KEY (decision_id, agency_id)
        REFERENCES enforcement.decisions (id, agency_id) MATCH FULL
);
CREATE INDEX payments_decision ON enforcement.payments (decision_id);
CREATE INDEX payments_agency ON enforcement.payments (agency_id);
COMMENT ON TABLE enforcement.payments IS
    'Payments of fines (CASE-9): apart from the deciding agency, through a designated bank or e-payment; on site only within the limit or with its reason.';

CREATE FUNCTION enforcement.cases_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_cases_check' LANGUAGE C;
CREATE FUNCTION enforcement.case_events_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_case_events_check' LANGUAGE C;
CREATE FUNCTION enforcement.case_events_apply() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_case_events_apply' LANGUAGE C;
CREATE FUNCTION enforcement.published_entry_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_published_entry_check' LANGUAGE C;
CREATE FUNCTION enforcement.legal_reviews_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_legal_reviews_check' LANGUAGE C;
CREATE FUNCTION enforcement.decisions_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_decisions_check' LANGUAGE C;
CREATE FUNCTION enforcement.decisions_apply() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_decisions_apply' LANGUAGE C;
CREATE FUNCTION enforcement.payments_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_payments_check' LANGUAGE C;

SELECT enforcement.declare_table('enforcement.cases',
    agency_column => 'agency_id',
    mutable_columns => '{stage}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.cases_check()',
    act_columns => '{opened_on, violation_on, violation_ended_on, discovered_on}',
    vocabulary => '{"party_kind": ["individual", "organisation"], "harm": ["none", "minor", "serious"], "stage": ["filed", "investigated", "notified", "hearing", "reviewed", "decided", "served", "executed", "dismissed", "closed"]}');
SELECT enforcement.declare_table('enforcement.case_events',
    agency_column => 'agency_id',
    parent_table => 'cases', parent_column => 'case_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.case_events_check()',
    act_columns => '{occurred_on}',
    vocabulary => '{"stage": ["investigated", "notified", "hearing", "reviewed", "decided", "served", "executed", "dismissed", "closed"]}');
SELECT enforcement.declare_table('enforcement.review_catalog',
    agency_column => 'agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.published_entry_check()',
    once_columns => '{effective_to}',
    act_columns => '{published_on}');
SELECT enforcement.declare_table('enforcement.legal_reviews',
    agency_column => 'agency_id',
    parent_table => 'cases', parent_column => 'case_id',
    mutable_columns => '{opinion}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.legal_reviews_check()',
    once_columns => '{concluded_on, result}',
    act_columns => '{submitted_on, concluded_on}',
    vocabulary => '{"result": ["approved", "rejected", "returned"]}');
SELECT enforcement.declare_table('enforcement.discretion_benchmarks',
    agency_column => 'agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.published_entry_check()',
    once_columns => '{effective_to}',
    act_columns => '{published_on}',
    vocabulary => '{"circumstance": ["mitigated", "lenient", "ordinary", "severe"]}');
SELECT enforcement.declare_table('enforcement.leniency_items',
    agency_column => 'agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.published_entry_check()',
    once_columns => '{effective_to}',
    act_columns => '{published_on}',
    vocabulary => '{"kind": ["minor_exempt", "first_offense_exempt", "lenient"]}');
SELECT enforcement.declare_table('enforcement.decisions',
    agency_column => 'agency_id',
    parent_table => 'cases', parent_column => 'case_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.decisions_check()',
    once_columns => '{disclosed_on}',
    act_columns => '{decided_on, disclosed_on}',
    vocabulary => '{"kind": ["no_penalty", "warning", "fine", "confiscation", "suspend_license", "revoke_license", "order_closure", "restrict_practice", "lower_qualification"], "circumstance": ["exempt", "mitigated", "lenient", "ordinary", "severe"]}');
SELECT enforcement.declare_table('enforcement.payments',
    agency_column => 'agency_id',
    parent_table => 'decisions', parent_column => 'decision_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.payments_check()',
    act_columns => '{paid_on}',
    vocabulary => '{"collector": ["designated_bank", "e_payment", "onsite"]}');

-- A step applied: cases.stage follows the case's last event.
CREATE TRIGGER case_events_apply
    AFTER INSERT ON enforcement.case_events
    FOR EACH ROW EXECUTE FUNCTION enforcement.case_events_apply();
-- A decision decides its case: the event decided, written by the extension.
CREATE TRIGGER decisions_apply
    AFTER INSERT ON enforcement.decisions
    FOR EACH ROW EXECUTE FUNCTION enforcement.decisions_apply();

-- What the region publishes for every agency (agency_id NULL) is read by
-- every writer; only the DBA writes it.
CREATE POLICY region_wide_read ON enforcement.discretion_benchmarks FOR SELECT
    TO enforcement_writer USING (agency_id IS NULL);
CREATE POLICY region_wide_read ON enforcement.leniency_items FOR SELECT
    TO enforcement_writer USING (agency_id IS NULL);

-- The facts the decision checks read, for the views (src/decisions.c):
-- the same code as the trigger.
CREATE FUNCTION enforcement.decision_major(decision_id bigint) RETURNS text
    AS 'MODULE_PATHNAME', 'en_decision_major' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.decision_major(bigint) IS
    'CASE-2: why a decision is major (public_interest, complex, hearing, review_catalog), or NULL when it is not; NULL for a decision the caller may not see.';
CREATE FUNCTION enforcement.decision_review(decision_id bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_decision_review' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.decision_review(bigint) IS
    'CASE-2: the approved legal review, concluded on or before the decision by a qualified reviewer, that the decision rests on; NULL when there is none.';

GRANT EXECUTE ON FUNCTION enforcement.decision_major(bigint),
    enforcement.decision_review(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- Late records: the acts of cases too (src/views.sql).
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW enforcement.v_late_records WITH (security_invoker = true) AS
WITH first_entries AS (
    SELECT pl.table_name, pl.row_id, min(pl.logged_at) AS logged_at
    FROM enforcement.process_log pl
    WHERE pl.operation = 'INSERT' AND pl.row_id IS NOT NULL
    GROUP BY pl.table_name, pl.row_id
), filings AS (
    SELECT pl.row_id, min(pl.logged_at) AS logged_at
    FROM enforcement.process_log pl
    WHERE pl.table_name = 'inspection_plans'
      AND pl.row_data OPERATOR(pg_catalog.->>) 'status' = 'filed'
    GROUP BY pl.row_id
), signed AS (
    SELECT pl.row_data OPERATOR(pg_catalog.->) 'inspection_id' AS inspection_id,
           pl.row_data OPERATOR(pg_catalog.->) 'officer_id' AS officer_id,
           min(pl.logged_at) AS logged_at
    FROM enforcement.process_log pl
    WHERE pl.table_name = 'inspection_signatures' AND pl.operation = 'INSERT'
    GROUP BY 1, 2
), acts AS (
    SELECT 'inspections'::text AS table_name, i.id AS row_id, i.agency_id,
           i.inspected_on AS act_date, e.logged_at
    FROM enforcement.inspections i
    JOIN first_entries e ON e.table_name = 'inspections' AND e.row_id = i.id
    UNION ALL
    SELECT 'joint_inspections', j.id, j.lead_agency_id, j.inspected_on, e.logged_at
    FROM enforcement.joint_inspections j
    JOIN first_entries e ON e.table_name = 'joint_inspections' AND e.row_id = j.id
    UNION ALL
    SELECT 'inspection_signatures', s.inspection_id, s.agency_id, s.signed_on,
           g.logged_at
    FROM enforcement.inspection_signatures s
    JOIN signed g ON g.inspection_id = pg_catalog.to_jsonb(s.inspection_id)
                 AND g.officer_id = pg_catalog.to_jsonb(s.officer_id)
    UNION ALL
    SELECT 'inspection_plans', p.id, p.agency_id, p.filed_on, f.logged_at
    FROM enforcement.inspection_plans p
    JOIN filings f ON f.row_id = p.id
    WHERE p.filed_on IS NOT NULL
    UNION ALL
    SELECT 'cases', c.id, c.agency_id, c.opened_on, e.logged_at
    FROM enforcement.cases c
    JOIN first_entries e ON e.table_name = 'cases' AND e.row_id = c.id
    UNION ALL
    SELECT 'case_events', ce.id, ce.agency_id, ce.occurred_on, e.logged_at
    FROM enforcement.case_events ce
    JOIN first_entries e ON e.table_name = 'case_events' AND e.row_id = ce.id
    WHERE ce.stage <> 'decided'
    UNION ALL
    SELECT 'legal_reviews', r.id, r.agency_id, r.submitted_on, e.logged_at
    FROM enforcement.legal_reviews r
    JOIN first_entries e ON e.table_name = 'legal_reviews' AND e.row_id = r.id
    UNION ALL
    SELECT 'decisions', d.id, d.agency_id, d.decided_on, e.logged_at
    FROM enforcement.decisions d
    JOIN first_entries e ON e.table_name = 'decisions' AND e.row_id = d.id
    UNION ALL
    SELECT 'payments', pm.id, pm.agency_id, pm.paid_on, e.logged_at
    FROM enforcement.payments pm
    JOIN first_entries e ON e.table_name = 'payments' AND e.row_id = pm.id
)
SELECT a.table_name, a.row_id, a.agency_id, a.act_date,
       a.logged_at::date AS recorded_on,
       a.logged_at::date - a.act_date AS lag_days
FROM acts a
WHERE pg_catalog.isfinite(a.act_date)
  AND a.logged_at::date - a.act_date >
      coalesce((SELECT st.value FROM enforcement.settings st
                WHERE st.name = 'late_record_days'), 7);
COMMENT ON VIEW enforcement.v_late_records IS
    'Acts recorded late: every inspection, joint inspection, signature (row_id: the inspection), plan filing, case, case step, legal review, decision and payment recorded more than late_record_days (settings) after its date, by the process record''s own time.';


-- ---------------------------------------------------------------------------
-- Supervision views of cases and decisions (SUP-1; CASE-2, -4, -7, -8 and
-- the three systems of 118号).  Like the views of inspections, each runs
-- with the caller's privileges and row security, and reads the rules'
-- own answers: decision_major() and decision_review() are the code of the
-- decision trigger (src/decisions.c), add_working_days() the calendar's.
-- ---------------------------------------------------------------------------

-- One row per decision: whether it is major (CASE-2) and the approved
-- review by a qualified reviewer it rests on.
CREATE VIEW enforcement.v_legal_review_register WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.case_id,
       d.agency_id,
       d.decided_on,
       d.kind,
       m.major_because,
       m.major_because IS NOT NULL AS major,
       r.id IS NOT NULL AS reviewed,
       r.reviewer_id,
       r.concluded_on
FROM enforcement.decisions d
CROSS JOIN LATERAL (SELECT enforcement.decision_major(d.id) AS major_because,
                           enforcement.decision_review(d.id) AS review_id) m
LEFT JOIN enforcement.legal_reviews r ON r.id = m.review_id;
COMMENT ON VIEW enforcement.v_legal_review_register IS
    'CASE-2: every decision, whether it is major and why, and the approved legal review by a qualified reviewer it rests on (重大执法决定法制审核).';

-- One row per no-penalty decision under a published item: the ledger
-- (台账) of CASE-4.
CREATE VIEW enforcement.v_leniency_ledger WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.case_id,
       d.agency_id,
       c.enterprise_id,
       c.legal_basis_id,
       d.leniency_item_id,
       l.kind,
       d.decided_on
FROM enforcement.decisions d
JOIN enforcement.cases c ON c.id = d.case_id
JOIN enforcement.leniency_items l ON l.id = d.leniency_item_id
WHERE d.kind = 'no_penalty';
COMMENT ON VIEW enforcement.v_leniency_ledger IS
    'CASE-4: the ledger (台账) of decisions not to penalise under a published no-penalty item.';

-- One row per open case past its deadline (CASE-8): opened_on plus
-- decision_deadline_days calendar days, before a decision or dismissal.
CREATE VIEW enforcement.v_overdue_cases WITH (security_invoker = true) AS
SELECT c.id AS case_id,
       c.agency_id,
       c.opened_on,
       c.stage,
       c.opened_on + s.days AS due_on,
       CURRENT_DATE - (c.opened_on + s.days) AS days_overdue
FROM enforcement.cases c
CROSS JOIN (SELECT coalesce((SELECT st.value::integer FROM enforcement.settings st
                             WHERE st.name = 'decision_deadline_days'), 90) AS days) s
WHERE c.stage IN ('filed', 'investigated', 'notified', 'hearing', 'reviewed')
  AND pg_catalog.isfinite(c.opened_on)
  AND c.opened_on + s.days < CURRENT_DATE;
COMMENT ON VIEW enforcement.v_overdue_cases IS
    'CASE-8: open cases past opened_on + decision_deadline_days (处罚法 Art 60).';

-- One row per decision not disclosed by its due day (CASE-7):
-- disclosure_working_days working days after decided_on, by the calendar.
CREATE VIEW enforcement.v_overdue_disclosures WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.agency_id,
       d.decided_on,
       enforcement.add_working_days(d.decided_on, s.days) AS due_on,
       d.disclosed_on
FROM enforcement.decisions d
CROSS JOIN (SELECT coalesce((SELECT st.value::integer FROM enforcement.settings st
                             WHERE st.name = 'disclosure_working_days'), 7) AS days) s
WHERE pg_catalog.isfinite(d.decided_on)
  AND coalesce(d.disclosed_on, CURRENT_DATE) >
      enforcement.add_working_days(d.decided_on, s.days);
COMMENT ON VIEW enforcement.v_overdue_disclosures IS
    'CASE-7: decisions disclosed after, or not disclosed by, decided_on + disclosure_working_days working days (118号; 处罚法 Art 48).';

CREATE FUNCTION enforcement.may_see_agency(agency_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_may_see_agency_sql' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.may_see_agency(bigint) IS
    'Whether the current role sees the agency''s rows: a writer its own agencies'', every other role all.';
GRANT EXECUTE ON FUNCTION enforcement.may_see_agency(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

-- One row per enforcement agency: the three systems (118号) — disclosure,
-- the full record of each case, and the legal review of major decisions.
-- A case has its full record when each of its steps carries a document
-- number (not blank); a decision is disclosed on time when it is disclosed
-- by its due day.
CREATE VIEW enforcement.v_three_systems WITH (security_invoker = true) AS
WITH decided AS (
    SELECT r.agency_id,
           count(*) AS decisions,
           count(*) FILTER (WHERE o.decision_id IS NULL
                              AND d.disclosed_on IS NOT NULL) AS disclosed_on_time,
           count(*) FILTER (WHERE r.major) AS major_decisions,
           count(*) FILTER (WHERE r.major AND r.reviewed) AS reviewed_major
    FROM enforcement.v_legal_review_register r
    JOIN enforcement.decisions d ON d.id = r.decision_id
    LEFT JOIN enforcement.v_overdue_disclosures o ON o.decision_id = r.decision_id
    GROUP BY r.agency_id
), recorded AS (
    SELECT c.agency_id,
           count(*) AS cases,
           count(*) FILTER (WHERE NOT EXISTS (
                   SELECT FROM enforcement.case_events e
                   WHERE e.case_id = c.id
                     AND (e.document_no IS NULL
                          OR e.document_no ~ '^[[:space:]　]*$'))
               AND EXISTS (SELECT FROM enforcement.case_events e WHERE e.case_id = c.id)
           ) AS cases_with_full_record
    FROM enforcement.cases c
    GROUP BY c.agency_id
)
SELECT a.id AS agency_id,
       coalesce(d.decisions, 0) AS decisions,
       coalesce(d.disclosed_on_time, 0) AS disclosed_on_time,
       coalesce(d.major_decisions, 0) AS major_decisions,
       coalesce(d.reviewed_major, 0) AS reviewed_major,
       coalesce(r.cases, 0) AS cases,
       coalesce(r.cases_with_full_record, 0) AS cases_with_full_record
FROM enforcement.agencies a
LEFT JOIN decided d ON d.agency_id = a.id
LEFT JOIN recorded r ON r.agency_id = a.id
WHERE a.kind <> 'justice_bureau' AND enforcement.may_see_agency(a.id);
COMMENT ON VIEW enforcement.v_three_systems IS
    'The three systems (118号) per enforcement agency: decisions disclosed on time, major decisions reviewed, cases with their full record.';

GRANT SELECT ON enforcement.v_legal_review_register, enforcement.v_leniency_ledger,
    enforcement.v_overdue_cases, enforcement.v_overdue_disclosures,
    enforcement.v_three_systems
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;
