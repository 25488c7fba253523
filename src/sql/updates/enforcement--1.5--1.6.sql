-- enforcement 1.5 -> 1.6: supervision.
--
-- The supervision half of the directive (II.4, IV, VI): the ban on fine
-- and inspection quotas (performance_indicators, quota_terms), conduct
-- complaints reported to the justice bureau before they close, social
-- supervisors and enterprise commissioners (supervisors, the group role
-- enforcement_observer), the outcomes of reconsideration and litigation
-- and the reverse investigations they open (review_outcomes,
-- accountability_reviews), and officers' sanctions acting on their
-- certificates (officer_sanctions).  The supervision views now run as
-- enforcement_view_owner, under its row-security policy view_read on
-- every table with an agency, so that observers read the views and no
-- table; v_overdue_complaints and v_accountability are new, and
-- v_late_records lists complaints, outcomes and sanctions; the report
-- for other authorities and the dashboard page.

\echo Use "ALTER EXTENSION enforcement UPDATE TO '1.6'" to load this file. \quit

-- The new group roles (created if absent; roles belong to the cluster).
CREATE FUNCTION enforcement.create_role(text) RETURNS void
    AS 'MODULE_PATHNAME', 'en_create_role' LANGUAGE C STRICT;
SELECT enforcement.create_role('enforcement_observer');
SELECT enforcement.create_role('enforcement_view_owner');
DROP FUNCTION enforcement.create_role(text);
GRANT USAGE ON SCHEMA enforcement TO enforcement_observer, enforcement_view_owner;

-- The row scope of the supervision views, which run as enforcement_view_owner
-- (src/scope.c): its row-security policy on every table with an agency.
CREATE FUNCTION enforcement.view_sees(agency_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_view_sees' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.view_sees(bigint) IS
    'The row scope of the supervision views: a writer sees its own agencies'' rows, a supervisor or an auditor all, an observer all while its supervisor''s term runs, and any other role none.';

-- The owner of the views reads what supervisors read, each table under
-- its policy view_read (declare_table() gives the same to new tables).
GRANT SELECT ON enforcement.agencies TO enforcement_view_owner;
GRANT SELECT ON enforcement.agency_members TO enforcement_view_owner;
GRANT SELECT ON enforcement.agency_powers TO enforcement_view_owner;
GRANT SELECT ON enforcement.calendar TO enforcement_view_owner;
GRANT SELECT ON enforcement.case_events TO enforcement_view_owner;
GRANT SELECT ON enforcement.cases TO enforcement_view_owner;
GRANT SELECT ON enforcement.certificate_statuses TO enforcement_view_owner;
GRANT SELECT ON enforcement.certificates TO enforcement_view_owner;
GRANT SELECT ON enforcement.chain_heads TO enforcement_view_owner;
GRANT SELECT ON enforcement.conflicts TO enforcement_view_owner;
GRANT SELECT ON enforcement.decisions TO enforcement_view_owner;
GRANT SELECT ON enforcement.declared_columns TO enforcement_view_owner;
GRANT SELECT ON enforcement.declared_tables TO enforcement_view_owner;
GRANT SELECT ON enforcement.discretion_benchmarks TO enforcement_view_owner;
GRANT SELECT ON enforcement.enterprises TO enforcement_view_owner;
GRANT SELECT ON enforcement.inspection_limits TO enforcement_view_owner;
GRANT SELECT ON enforcement.inspection_plans TO enforcement_view_owner;
GRANT SELECT ON enforcement.inspection_signatures TO enforcement_view_owner;
GRANT SELECT ON enforcement.inspections TO enforcement_view_owner;
GRANT SELECT ON enforcement.installation TO enforcement_view_owner;
GRANT SELECT ON enforcement.joint_inspections TO enforcement_view_owner;
GRANT SELECT ON enforcement.legal_bases TO enforcement_view_owner;
GRANT SELECT ON enforcement.legal_reviews TO enforcement_view_owner;
GRANT SELECT ON enforcement.leniency_items TO enforcement_view_owner;
GRANT SELECT ON enforcement.officers TO enforcement_view_owner;
GRANT SELECT ON enforcement.payments TO enforcement_view_owner;
GRANT SELECT ON enforcement.plan_items TO enforcement_view_owner;
GRANT SELECT ON enforcement.process_log TO enforcement_view_owner;
GRANT SELECT ON enforcement.review_catalog TO enforcement_view_owner;
GRANT SELECT ON enforcement.settings TO enforcement_view_owner;
GRANT SELECT ON enforcement.violations TO enforcement_view_owner;
GRANT SELECT ON enforcement.vocabularies TO enforcement_view_owner;
GRANT SELECT (id, received_on, kind, enterprise_id, about_agency_id, about_officer_id, summary, status, accepted_on, answered_on, reported_to_justice_on, closed_on, agency_id) ON enforcement.complaints TO enforcement_view_owner;
CREATE POLICY view_read ON enforcement.agencies FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(id));
CREATE POLICY view_read ON enforcement.agency_powers FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.case_events FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.cases FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.certificate_statuses FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.certificates FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.complaints FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.conflicts FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.decisions FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.discretion_benchmarks FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.inspection_plans FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.inspection_signatures FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.inspections FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.joint_inspections FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(lead_agency_id));
CREATE POLICY view_read ON enforcement.legal_reviews FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.leniency_items FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.officers FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.payments FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.plan_items FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));
CREATE POLICY view_read ON enforcement.review_catalog FOR SELECT TO enforcement_view_owner USING (enforcement.view_sees(agency_id));

-- ---------------------------------------------------------------------------
-- Quotas, supervisors and accountability (src/quotas.c: QUOTA-1/2;
-- src/accountability.c: ACC-1/2): performance indicators and the banned
-- vocabulary, the social supervisors and enterprise commissioners who read
-- the supervision views, the outcomes of reconsideration and litigation,
-- the reverse investigations they open, and officers' sanctions.
-- ---------------------------------------------------------------------------

-- The banned vocabulary (QUOTA-2), kept as data: terms are added, never
-- removed or rewritten.
CREATE TABLE enforcement.quota_terms (
    term text PRIMARY KEY
);
COMMENT ON TABLE enforcement.quota_terms IS
    'QUOTA-2: words no performance indicator may use in its name or metric. A term of Chinese or other non-ASCII text matches as a substring; an ASCII term matches whole words, case-insensitively. Terms are added, never removed.';

CREATE TABLE enforcement.performance_indicators (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint REFERENCES enforcement.agencies (id),
    officer_id bigint REFERENCES enforcement.officers (id),
    name text NOT NULL,
    metric text NOT NULL,
    target numeric,
    year integer
);
CREATE INDEX performance_indicators_agency
    ON enforcement.performance_indicators (agency_id, year);
COMMENT ON TABLE enforcement.performance_indicators IS
    'Performance indicators of agencies and officers (QUOTA-1/2): none may measure fines, confiscations, penalty revenue, or counts of penalties or inspections (directive II.4).';
COMMENT ON COLUMN enforcement.performance_indicators.agency_id IS
    'The agency the indicator applies to; when not given, the officer''s.';

CREATE TABLE enforcement.supervisors (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    kind text NOT NULL,
    name text NOT NULL,
    enterprise_id bigint REFERENCES enforcement.enterprises (id),
    appointed_on date NOT NULL,
    term_ends_on date,
    role_name text UNIQUE
);
COMMENT ON TABLE enforcement.supervisors IS
    'SUP-2: social supervisors (社会监督员) and enterprise commissioners (企业监督员). The login role named in role_name, a member of enforcement_observer, reads the supervision views from appointed_on to term_ends_on.';
COMMENT ON COLUMN enforcement.supervisors.role_name IS
    'The supervisor''s login role; set once.';
COMMENT ON COLUMN enforcement.supervisors.term_ends_on IS
    'The last day of the term; set once. From the day after, the role reads nothing.';

CREATE TABLE enforcement.review_outcomes (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    decision_id bigint NOT NULL,
    venue text NOT NULL,
    result text NOT NULL,
    decided_on date NOT NULL,
    document_no text,
    agency_id bigint,
    CONSTRAINT review_outcomes_decision_id_fkey FOREIGN KEY (decision_id, agency_id)
        REFERENCES enforcement.decisions (id, agency_id) MATCH FULL
);
CREATE INDEX review_outcomes_decision ON enforcement.review_outcomes (decision_id);
CREATE INDEX review_outcomes_agency ON enforcement.review_outcomes (agency_id, decided_on);
COMMENT ON TABLE enforcement.review_outcomes IS
    'Outcomes of administrative reconsideration (复议) and litigation (诉讼) of decisions; a reversal opens a reverse investigation (ACC-1).';

CREATE TABLE enforcement.accountability_reviews (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    case_id bigint NOT NULL,
    review_outcome_id bigint REFERENCES enforcement.review_outcomes (id),
    officer_ids bigint[] NOT NULL,
    opened_on date NOT NULL,
    due_on date NOT NULL,
    status text NOT NULL DEFAULT 'open',
    finding text,
    concluded_on date,
    agency_id bigint,
    CONSTRAINT accountability_reviews_case_id_fkey FOREIGN KEY (case_id, agency_id)
        REFERENCES enforcement.cases (id, agency_id) MATCH FULL
);
CREATE UNIQUE INDEX accountability_reviews_outcome
    ON enforcement.accountability_reviews (review_outcome_id);
CREATE INDEX accountability_reviews_agency
    ON enforcement.accountability_reviews (agency_id, status);
CREATE INDEX accountability_reviews_case ON enforcement.accountability_reviews (case_id);
COMMENT ON TABLE enforcement.accountability_reviews IS
    'Reverse investigations (责任倒查, ACC-1) of a reversed decision''s handlers and legal reviewer, opened by the extension; a writer concludes one with its finding.';

CREATE TABLE enforcement.officer_sanctions (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    officer_id bigint NOT NULL,
    decided_on date NOT NULL,
    reason text NOT NULL,
    sanction text NOT NULL,
    accountability_review_id bigint REFERENCES enforcement.accountability_reviews (id),
    agency_id bigint,
    CONSTRAINT officer_sanctions_officer_id_fkey FOREIGN KEY (officer_id, agency_id)
        REFERENCES enforcement.officers (id, agency_id) MATCH FULL
);
CREATE INDEX officer_sanctions_officer ON enforcement.officer_sanctions (officer_id);
CREATE INDEX officer_sanctions_agency ON enforcement.officer_sanctions (agency_id, decided_on);
COMMENT ON TABLE enforcement.officer_sanctions IS
    'Sanctions of officers (ACC-2): suspend or revoke suspends or revokes the officer''s live certificate in the same transaction, through the certificate''s own rules.';

CREATE FUNCTION enforcement.quota_terms_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_quota_terms_check' LANGUAGE C;
CREATE FUNCTION enforcement.performance_indicators_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_performance_indicators_check' LANGUAGE C;
CREATE FUNCTION enforcement.supervisors_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_supervisors_check' LANGUAGE C;
CREATE FUNCTION enforcement.review_outcomes_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_review_outcomes_check' LANGUAGE C;
CREATE FUNCTION enforcement.review_outcomes_apply() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_review_outcomes_apply' LANGUAGE C;
CREATE FUNCTION enforcement.accountability_reviews_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_accountability_reviews_check' LANGUAGE C;
CREATE FUNCTION enforcement.officer_sanctions_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_officer_sanctions_check' LANGUAGE C;
CREATE FUNCTION enforcement.officer_sanctions_apply() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_officer_sanctions_apply' LANGUAGE C;

-- Only the DBA adds terms and registers supervisors.
SELECT enforcement.declare_table('enforcement.quota_terms',
    mutable_columns => '{}',
    writer_privileges => '{SELECT}',
    check_function => 'enforcement.quota_terms_check()');
SELECT enforcement.declare_table('enforcement.performance_indicators',
    agency_column => 'agency_id',
    mutable_columns => '{name, metric, target, year}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.performance_indicators_check()');
SELECT enforcement.declare_table('enforcement.supervisors',
    mutable_columns => '{name}',
    writer_privileges => '{}',
    check_function => 'enforcement.supervisors_check()',
    once_columns => '{term_ends_on, role_name}',
    act_columns => '{appointed_on}',
    vocabulary => '{"kind": ["social_supervisor", "enterprise_commissioner"]}');
SELECT enforcement.declare_table('enforcement.review_outcomes',
    agency_column => 'agency_id',
    parent_table => 'decisions', parent_column => 'decision_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.review_outcomes_check()',
    act_columns => '{decided_on}',
    vocabulary => '{"venue": ["reconsideration", "litigation"], "result": ["upheld", "revoked", "altered", "confirmed_unlawful", "ordered_to_perform", "dismissed"]}');
SELECT enforcement.declare_table('enforcement.accountability_reviews',
    agency_column => 'agency_id',
    parent_table => 'cases', parent_column => 'case_id',
    mutable_columns => '{status, finding}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.accountability_reviews_check()',
    once_columns => '{concluded_on}',
    act_columns => '{opened_on, concluded_on}',
    vocabulary => '{"status": ["open", "concluded"]}');
SELECT enforcement.declare_table('enforcement.officer_sanctions',
    agency_column => 'agency_id',
    parent_table => 'officers', parent_column => 'officer_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.officer_sanctions_check()',
    act_columns => '{decided_on}',
    vocabulary => '{"sanction": ["none", "suspend", "revoke"]}');

-- A reversal opens its reverse investigation (ACC-1); a sanction acts on
-- the officer's certificate (ACC-2).
CREATE TRIGGER review_outcomes_apply
    AFTER INSERT ON enforcement.review_outcomes
    FOR EACH ROW EXECUTE FUNCTION enforcement.review_outcomes_apply();
CREATE TRIGGER officer_sanctions_apply
    AFTER INSERT ON enforcement.officer_sanctions
    FOR EACH ROW EXECUTE FUNCTION enforcement.officer_sanctions_apply();

-- The installed vocabulary (contract.md): the words of fines and
-- confiscations, of revenue from penalties, and of counts of inspections,
-- penalties and cases.
-- Installed (not inserted again while a dump is restored: the dump brings
-- them back with the terms added later).
INSERT INTO enforcement.quota_terms (term)
SELECT v.term
FROM (VALUES
    ('罚款'), ('罚没'), ('没收'), ('创收'), ('罚金'), ('检查次数'), ('检查数量'),
    ('处罚数量'), ('办案数量'), ('处罚案件数'), ('罚没收入'), ('检查频次'),
    ('fine'), ('fines'), ('penalty revenue'), ('quota'), ('quotas'),
    ('confiscation'), ('confiscations'), ('penalty count'),
    ('number of penalties'), ('inspection count'), ('number of inspections'),
    ('case count'), ('number of cases')) AS v(term)
WHERE NOT enforcement.restoring();

-- The views changed: the cap read as the trigger reads it (an observer
-- reads no table), and the late records of complaints, outcomes and
-- sanctions.
CREATE OR REPLACE VIEW enforcement.v_inspection_frequency WITH (security_invoker = true) AS
SELECT f.agency_id,
       f.enterprise_id,
       f.year,
       f.routine_visits,
       f.exempt_visits,
       f.cap,
       coalesce(f.routine_visits > f.cap, false) AS over_cap
FROM (
    SELECT g.*, enforcement.rule_cap_in_force(g.agency_id, g.year, current_date) AS cap
    FROM (
        SELECT i.agency_id,
               i.enterprise_id,
               extract(year FROM i.inspected_on)::integer AS year,
               count(DISTINCT enforcement.routine_visit(i.plan_id,
                     i.joint_inspection_id, i.id)) AS routine_visits,
               count(DISTINCT enforcement.visit(i.joint_inspection_id, i.id))
                   FILTER (WHERE i.exemption IS NOT NULL) AS exempt_visits
        FROM enforcement.inspections i
        WHERE pg_catalog.isfinite(i.inspected_on)
        GROUP BY i.agency_id, i.enterprise_id,
                 extract(year FROM i.inspected_on)::integer
    ) g
) f;
COMMENT ON VIEW enforcement.v_inspection_frequency IS
    'Inspection frequency (INSP-5): one row per agency, enterprise and year; routine visits, a joint inspection once, against the published cap in force (the agency''s own beats the general one); exempt visits do not count.';

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
    UNION ALL
    SELECT 'complaints', cp.id, cp.agency_id, cp.received_on, e.logged_at
    FROM enforcement.complaints cp
    JOIN first_entries e ON e.table_name = 'complaints' AND e.row_id = cp.id
    UNION ALL
    SELECT 'review_outcomes', ro.id, ro.agency_id, ro.decided_on, e.logged_at
    FROM enforcement.review_outcomes ro
    JOIN first_entries e ON e.table_name = 'review_outcomes' AND e.row_id = ro.id
    UNION ALL
    SELECT 'officer_sanctions', os.id, os.agency_id, os.decided_on, e.logged_at
    FROM enforcement.officer_sanctions os
    JOIN first_entries e ON e.table_name = 'officer_sanctions' AND e.row_id = os.id
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
    'Acts recorded late: every inspection, joint inspection, signature (row_id: the inspection), plan filing, case, case step, legal review, decision, payment, complaint, review outcome and officer sanction recorded more than late_record_days (settings) after its date, by the process record''s own time.';

-- ---------------------------------------------------------------------------
-- Supervision views of complaints and accountability (CMP-1, ACC-1/2), and
-- who reads the supervision views (SUP-1, SUP-2).
--
-- Every supervision view belongs to enforcement_view_owner and runs with
-- that role's privileges, so that social supervisors and enterprise
-- commissioners (enforcement_observer) read the views and no table.  The
-- owner reads every table but the secrets and the private columns, under
-- its own row-security policy: enforcement.view_sees() of each row's
-- agency, for the role that queries the view.  A writer so sees what its
-- own agencies' rows add up to, as under its own policy; a supervisor or
-- an auditor all; an observer all while its term runs (src/scope.c).  No
-- view shows the complainant, and none ranks agencies or officers by fines
-- or penalty counts.
-- ---------------------------------------------------------------------------

-- One row per open complaint past a deadline (CMP-1; directive IV.11):
-- not yet accepted or rejected complaint_accept_working_days working days
-- after it was received, or accepted and not yet answered
-- complaint_answer_days days after it was accepted.
CREATE VIEW enforcement.v_overdue_complaints AS
SELECT c.id AS complaint_id,
       c.agency_id,
       c.kind,
       c.status,
       c.received_on,
       c.accepted_on,
       d.due_on,
       CURRENT_DATE - d.due_on AS days_overdue
FROM enforcement.complaints c
CROSS JOIN (SELECT coalesce((SELECT st.value::integer FROM enforcement.settings st
                             WHERE st.name = 'complaint_accept_working_days'), 5) AS accept_days,
                   coalesce((SELECT st.value::integer FROM enforcement.settings st
                             WHERE st.name = 'complaint_answer_days'), 30) AS answer_days) s
CROSS JOIN LATERAL (
    SELECT CASE
               WHEN c.status = 'received'
                   THEN enforcement.add_working_days(c.received_on, s.accept_days)
               WHEN c.status IN ('accepted', 'verified')
                   THEN c.accepted_on + s.answer_days
           END AS due_on
) d
WHERE c.status IN ('received', 'accepted', 'verified')
  AND pg_catalog.isfinite(c.received_on)
  AND d.due_on < CURRENT_DATE;
COMMENT ON VIEW enforcement.v_overdue_complaints IS
    'CMP-1: open complaints past a deadline: not accepted or rejected within complaint_accept_working_days working days of receipt, or not answered within complaint_answer_days days of acceptance (directive IV.11).';

-- One row per open reverse investigation (ACC-1) and per sanctioned
-- officer (ACC-2).  officer_id is the sanctioned officer; an
-- investigation lists its officers in officer_ids.
CREATE VIEW enforcement.v_accountability AS
SELECT 'reverse_investigation'::text AS kind,
       a.id,
       a.case_id,
       NULL::bigint AS officer_id,
       a.officer_ids,
       a.agency_id,
       a.review_outcome_id,
       a.opened_on,
       a.due_on,
       a.status,
       CASE WHEN a.due_on < CURRENT_DATE THEN CURRENT_DATE - a.due_on ELSE 0 END
           AS days_overdue
FROM enforcement.accountability_reviews a
WHERE a.status = 'open'
UNION ALL
SELECT 'sanction',
       s.id,
       a.case_id,
       s.officer_id,
       ARRAY[s.officer_id],
       s.agency_id,
       a.review_outcome_id,
       s.decided_on,
       NULL::date,
       s.sanction,
       0
FROM enforcement.officer_sanctions s
LEFT JOIN enforcement.accountability_reviews a ON a.id = s.accountability_review_id
WHERE s.sanction <> 'none';
COMMENT ON VIEW enforcement.v_accountability IS
    'ACC-1/2: open reverse investigations (责任倒查) of reversed decisions, with their officers and due day, and officers sanctioned with suspension or revocation (directive VI.18).';

-- The region-wide benchmarks and lists are read in the views as writers
-- read them.
ALTER POLICY region_wide_read ON enforcement.discretion_benchmarks
    TO enforcement_writer, enforcement_view_owner;
ALTER POLICY region_wide_read ON enforcement.leniency_items
    TO enforcement_writer, enforcement_view_owner;

-- The supervision views run as their owner (above).
ALTER VIEW enforcement.v_officer_certification OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_inspection_ledger OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_unplanned_inspections OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_inspection_frequency OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_enterprise_burden OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_late_records OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_complaint_grounds OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_legal_review_register OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_leniency_ledger OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_overdue_cases OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_overdue_disclosures OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_three_systems OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_overdue_complaints OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_accountability OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_officer_certification RESET (security_invoker);
ALTER VIEW enforcement.v_inspection_ledger RESET (security_invoker);
ALTER VIEW enforcement.v_unplanned_inspections RESET (security_invoker);
ALTER VIEW enforcement.v_inspection_frequency RESET (security_invoker);
ALTER VIEW enforcement.v_enterprise_burden RESET (security_invoker);
ALTER VIEW enforcement.v_late_records RESET (security_invoker);
ALTER VIEW enforcement.v_complaint_grounds RESET (security_invoker);
ALTER VIEW enforcement.v_legal_review_register RESET (security_invoker);
ALTER VIEW enforcement.v_leniency_ledger RESET (security_invoker);
ALTER VIEW enforcement.v_overdue_cases RESET (security_invoker);
ALTER VIEW enforcement.v_overdue_disclosures RESET (security_invoker);
ALTER VIEW enforcement.v_three_systems RESET (security_invoker);

GRANT SELECT ON enforcement.v_overdue_complaints, enforcement.v_accountability
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
GRANT SELECT ON enforcement.v_officer_certification, enforcement.v_inspection_ledger,
    enforcement.v_unplanned_inspections, enforcement.v_inspection_frequency,
    enforcement.v_enterprise_burden, enforcement.v_late_records,
    enforcement.v_complaint_grounds, enforcement.v_legal_review_register,
    enforcement.v_leniency_ledger, enforcement.v_overdue_cases,
    enforcement.v_overdue_disclosures, enforcement.v_three_systems,
    enforcement.v_overdue_complaints, enforcement.v_accountability
    TO enforcement_observer;
-- The functions the views call run as the caller.
GRANT EXECUTE ON FUNCTION enforcement.add_working_days(date, integer),
    enforcement.is_working_day(date),
    enforcement.certificate_holds(date, date, text, date, date),
    enforcement.rule_cap_in_force(bigint, integer, date),
    enforcement.visit(bigint, bigint),
    enforcement.routine_visit(bigint, bigint, bigint),
    enforcement.decision_major(bigint),
    enforcement.decision_review(bigint),
    enforcement.may_see_agency(bigint),
    enforcement.view_sees(bigint)
    TO enforcement_observer;
GRANT EXECUTE ON FUNCTION enforcement.view_sees(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;
