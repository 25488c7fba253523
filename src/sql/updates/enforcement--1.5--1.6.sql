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

-- since 1.6: the period of the report and the dashboard
CREATE FUNCTION enforcement.check_period(from_day date, to_day date) RETURNS void
    AS 'MODULE_PATHNAME', 'en_check_period' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.check_period(date, date) IS
    'Refuses (22023) a period that is not two finite days, the first not after the second.';
GRANT EXECUTE ON FUNCTION enforcement.check_period(date, date)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer;

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
-- A writer reads its own agencies' late records and complaint grounds too,
-- now that the views show each role its own rows without the process
-- record itself.
GRANT SELECT ON enforcement.v_late_records, enforcement.v_complaint_grounds
    TO enforcement_writer;
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
    enforcement.view_sees(bigint),
    enforcement.node_id()
    TO enforcement_observer;
GRANT EXECUTE ON FUNCTION enforcement.view_sees(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- The report for other authorities (SUP-3): every supervision view for a
-- period, in one JSON document (its schema: docs/supervision-report.schema.json).
-- It runs with the caller's privileges, through the views: a supervisor,
-- an auditor or an observer in office reports on every agency, a writer on
-- its own.  Dated rows are those of the period; standing lists (the
-- officers' certification, what is overdue or open, the three systems)
-- are as they stand today, for what began by the period's end.
-- ---------------------------------------------------------------------------
CREATE FUNCTION enforcement.supervision_report(from_day date, to_day date)
    RETURNS jsonb
    LANGUAGE sql STABLE
AS $$
SELECT enforcement.check_period(from_day, to_day);
WITH views (name, rows) AS (
    SELECT 'v_officer_certification',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.officer_id), '[]')
            FROM enforcement.v_officer_certification v)
    UNION ALL
    SELECT 'v_inspection_ledger',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.inspected_on, v.inspection_id), '[]')
            FROM enforcement.v_inspection_ledger v
            WHERE v.inspected_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_unplanned_inspections',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.inspected_on, v.inspection_id), '[]')
            FROM enforcement.v_unplanned_inspections v
            WHERE v.inspected_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_inspection_frequency',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.year, v.agency_id, v.enterprise_id), '[]')
            FROM enforcement.v_inspection_frequency v
            WHERE v.year BETWEEN pg_catalog.date_part('year', from_day)
                             AND pg_catalog.date_part('year', to_day))
    UNION ALL
    SELECT 'v_enterprise_burden',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.year, v.enterprise_id), '[]')
            FROM enforcement.v_enterprise_burden v
            WHERE v.year BETWEEN pg_catalog.date_part('year', from_day)
                             AND pg_catalog.date_part('year', to_day))
    UNION ALL
    SELECT 'v_legal_review_register',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.decided_on, v.decision_id), '[]')
            FROM enforcement.v_legal_review_register v
            WHERE v.decided_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_leniency_ledger',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.decided_on, v.decision_id), '[]')
            FROM enforcement.v_leniency_ledger v
            WHERE v.decided_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_overdue_cases',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.opened_on, v.case_id), '[]')
            FROM enforcement.v_overdue_cases v
            WHERE v.opened_on <= to_day)
    UNION ALL
    SELECT 'v_overdue_disclosures',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.decided_on, v.decision_id), '[]')
            FROM enforcement.v_overdue_disclosures v
            WHERE v.decided_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_overdue_complaints',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.received_on, v.complaint_id), '[]')
            FROM enforcement.v_overdue_complaints v
            WHERE v.received_on <= to_day)
    UNION ALL
    SELECT 'v_three_systems',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.agency_id), '[]')
            FROM enforcement.v_three_systems v)
    UNION ALL
    SELECT 'v_accountability',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.opened_on, v.kind, v.id), '[]')
            FROM enforcement.v_accountability v
            WHERE v.opened_on <= to_day)
    UNION ALL
    SELECT 'v_late_records',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.act_date, v.table_name, v.row_id), '[]')
            FROM enforcement.v_late_records v
            WHERE v.act_date BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_complaint_grounds',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.received_on, v.complaint_id), '[]')
            FROM enforcement.v_complaint_grounds v
            WHERE v.received_on BETWEEN from_day AND to_day)
)
SELECT pg_catalog.jsonb_build_object(
    'report', 'enforcement supervision report',
    'version', (SELECT e.extversion FROM pg_catalog.pg_extension e
                WHERE e.extname = 'enforcement'),
    'node_id', enforcement.node_id(),
    'period', pg_catalog.jsonb_build_object('from', from_day, 'to', to_day),
    'generated_at', pg_catalog.now(),
    'views', (SELECT pg_catalog.jsonb_object_agg(v.name, v.rows) FROM views v),
    'counts', (SELECT pg_catalog.jsonb_object_agg(v.name, pg_catalog.jsonb_array_length(v.rows))
               FROM views v));
$$;
COMMENT ON FUNCTION enforcement.supervision_report(date, date) IS
    'SUP-3: every supervision view for the period from_day..to_day, as one JSON document (docs/supervision-report.schema.json); the caller''s own scope, through the views.';

REVOKE ALL ON FUNCTION enforcement.supervision_report(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enforcement.supervision_report(date, date)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer;

-- ---------------------------------------------------------------------------
-- The supervision dashboard (SUP-1, SUP-3): one self-contained HTML page
-- of the supervision views for a period, for a supervisor who would rather
-- look than read tables.  Inline SVG charts and inline CSS only: no script,
-- no font, image or style from anywhere else (the page's own
-- Content-Security-Policy forbids every request).  Labels in Chinese with
-- English beside them.  It runs with the caller's privileges, through the
-- views, as the report does.  It shows no fine amount and ranks no agency
-- or officer by fines or penalties (directive II.4).
-- ---------------------------------------------------------------------------

-- The names the dashboard shows beside the ids: what agencies and
-- enterprises are, as published (执法主体公示, the enterprise register).
CREATE VIEW enforcement.v_agency_directory AS
SELECT a.id AS agency_id, a.code, a.name, a.kind, a.entrusted_by, a.dissolved_on
FROM enforcement.agencies a;
COMMENT ON VIEW enforcement.v_agency_directory IS
    'The published register of enforcement subjects (执法主体): one row per agency, with its code, name and kind.';
CREATE VIEW enforcement.v_enterprise_directory AS
SELECT e.id AS enterprise_id, e.credit_code, e.name, e.kind
FROM enforcement.enterprises e;
COMMENT ON VIEW enforcement.v_enterprise_directory IS
    'The enterprise register: one row per enterprise, with its unified social credit code and name.';
ALTER VIEW enforcement.v_agency_directory OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_enterprise_directory OWNER TO enforcement_view_owner;
GRANT SELECT ON enforcement.v_agency_directory, enforcement.v_enterprise_directory
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer;

-- Text for HTML: the five characters that mean something there, escaped.
CREATE FUNCTION enforcement.html_escape(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
           pg_catalog.replace(pg_catalog.replace(t, '&', '&amp;'), '<', '&lt;'),
           '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION enforcement.html_escape(text) IS
    'The text with &, <, >, " and '' escaped for HTML.';

-- One chart: horizontal bars, one per row, each stacked from its series.
-- rows: [{"label": text, "values": [number, ...]}]; series: [{"name":
-- text, "color": "#rrggbb"}], one per value.  An empty chart says so.
CREATE FUNCTION enforcement.dashboard_bars(chart text, rows jsonb, series jsonb)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
WITH r AS (
    SELECT t.n, t.e OPERATOR(pg_catalog.->>) 'label' AS label,
           t.e OPERATOR(pg_catalog.->) 'values' AS vals
    FROM pg_catalog.jsonb_array_elements(coalesce(rows, '[]')) WITH ORDINALITY AS t(e, n)
), seg AS (
    SELECT r.n, s.j, s.v::numeric AS v,
           coalesce(pg_catalog.sum(s.v::numeric) OVER (PARTITION BY r.n ORDER BY s.j
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM r, pg_catalog.jsonb_array_elements_text(r.vals) WITH ORDINALITY AS s(v, j)
), tot AS (
    SELECT r.n, r.label, coalesce((SELECT pg_catalog.sum(seg.v) FROM seg WHERE seg.n = r.n), 0) AS total
    FROM r
), s AS (
    SELECT t.k, t.e OPERATOR(pg_catalog.->>) 'name' AS name,
           t.e OPERATOR(pg_catalog.->>) 'color' AS color
    FROM pg_catalog.jsonb_array_elements(coalesce(series, '[]')) WITH ORDINALITY AS t(e, k)
), scale AS (
    -- the legend takes a line for every three series; the bars start below it
    SELECT greatest(coalesce(pg_catalog.max(tot.total), 0), 1) AS mx,
           pg_catalog.count(*) AS nrows,
           14 + 18 * ((SELECT pg_catalog.count(*) FROM s) + 2) / 3 AS top
    FROM tot
), legend AS (
    SELECT coalesce(pg_catalog.string_agg(pg_catalog.format(
               '<rect x="%s" y="%s" width="12" height="12" rx="2" fill="%s"/><text x="%s" y="%s" class="legend">%s</text>',
               12 + ((s.k - 1) % 3) * 208, 4 + ((s.k - 1) / 3) * 18,
               enforcement.html_escape(s.color), 30 + ((s.k - 1) % 3) * 208,
               14 + ((s.k - 1) / 3) * 18,
               enforcement.html_escape(pg_catalog.left(s.name, 14))), '' ORDER BY s.k), '') AS svg
    FROM s
), bars AS (
    SELECT coalesce(pg_catalog.string_agg(pg_catalog.format(
               '<rect x="%s" y="%s" width="%s" height="18" fill="%s"><title>%s · %s: %s</title></rect>',
               pg_catalog.round(230 + 340 * seg.before / scale.mx, 1),
               scale.top + 8 + (seg.n - 1) * 26,
               pg_catalog.round(340 * seg.v / scale.mx, 1),
               enforcement.html_escape(coalesce(s.color, '#718096')),
               enforcement.html_escape(r.label), enforcement.html_escape(s.name), seg.v),
               '' ORDER BY seg.n, seg.j), '') AS svg
    FROM seg JOIN r ON r.n = seg.n LEFT JOIN s ON s.k = seg.j CROSS JOIN scale
    WHERE seg.v > 0
), labels AS (
    SELECT coalesce(pg_catalog.string_agg(pg_catalog.format(
               '<text x="222" y="%s" text-anchor="end" class="label">%s</text><text x="%s" y="%s" class="value">%s</text>',
               scale.top + 21 + (tot.n - 1) * 26, enforcement.html_escape(pg_catalog.left(tot.label, 20)),
               pg_catalog.round(236 + 340 * tot.total / scale.mx, 1), scale.top + 21 + (tot.n - 1) * 26,
               tot.total), '' ORDER BY tot.n), '') AS svg
    FROM tot CROSS JOIN scale
)
SELECT pg_catalog.format(
    '<svg class="chart" data-chart="%s" xmlns="http://www.w3.org/2000/svg" width="640" height="%s" viewBox="0 0 640 %s" role="img">',
    enforcement.html_escape(chart), scale.top + 20 + greatest(scale.nrows, 1) * 26,
    scale.top + 20 + greatest(scale.nrows, 1) * 26)
    || '<line x1="230" y1="' || (scale.top + 2)::text || '" x2="230" y2="'
    || (scale.top + 12 + greatest(scale.nrows, 1) * 26)::text || '" class="axis"/>'
    || legend.svg || bars.svg || labels.svg
    || CASE WHEN scale.nrows = 0
            THEN '<text x="400" y="' || (scale.top + 26)::text
                 || '" text-anchor="middle" class="empty">无数据 No data</text>'
            ELSE '' END
    || '</svg>'
FROM scale, legend, bars, labels;
$$;
COMMENT ON FUNCTION enforcement.dashboard_bars(text, jsonb, jsonb) IS
    'One chart of the dashboard: an inline SVG of horizontal bars, each row stacked from its series.';

-- The numbers of a chart, as a table under it.
CREATE FUNCTION enforcement.dashboard_table(rows jsonb, series jsonb, label_heading text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT '<table><thead><tr><th>' || enforcement.html_escape(label_heading) || '</th>'
    || coalesce((SELECT pg_catalog.string_agg('<th>' || enforcement.html_escape(e OPERATOR(pg_catalog.->>) 'name') || '</th>', '' ORDER BY k)
                 FROM pg_catalog.jsonb_array_elements(coalesce(series, '[]')) WITH ORDINALITY AS t(e, k)), '')
    || '</tr></thead><tbody>'
    || coalesce((SELECT pg_catalog.string_agg('<tr><td>' || enforcement.html_escape(e OPERATOR(pg_catalog.->>) 'label') || '</td>'
                        || (SELECT coalesce(pg_catalog.string_agg('<td class="n">' || v || '</td>', '' ORDER BY j), '')
                            FROM pg_catalog.jsonb_array_elements_text(e OPERATOR(pg_catalog.->) 'values') WITH ORDINALITY AS x(v, j))
                        || '</tr>', '' ORDER BY n)
                 FROM pg_catalog.jsonb_array_elements(coalesce(rows, '[]')) WITH ORDINALITY AS t(e, n)),
                '<tr><td colspan="9">无数据 No data</td></tr>')
    || '</tbody></table>';
$$;
COMMENT ON FUNCTION enforcement.dashboard_table(jsonb, jsonb, text) IS
    'The numbers of one chart of the dashboard, as an HTML table.';

CREATE FUNCTION enforcement.supervision_dashboard(from_day date, to_day date)
    RETURNS text
    LANGUAGE sql STABLE
AS $$
SELECT enforcement.check_period(from_day, to_day);
WITH palette (colors) AS (
    SELECT ARRAY['#2b6cb0', '#dd6b20', '#38a169', '#805ad5', '#d53f8c', '#319795',
                 '#b7791f', '#e53e3e', '#4a5568', '#00a3c4']
), dir AS (
    SELECT d.agency_id, d.name FROM enforcement.v_agency_directory d
), ledger AS (
    SELECT l.* FROM enforcement.v_inspection_ledger l
    WHERE l.inspected_on BETWEEN from_day AND to_day
), agencies AS (
    SELECT x.agency_id, pg_catalog.row_number() OVER (ORDER BY x.agency_id) AS k
    FROM (SELECT DISTINCT l.agency_id FROM ledger l) x
), agency_series AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'name', coalesce(d.name, '机关 Agency ' || a.agency_id),
               'color', p.colors[(a.k - 1) % 10 + 1]) ORDER BY a.k), '[]') AS series
    FROM agencies a LEFT JOIN dir d ON d.agency_id = a.agency_id CROSS JOIN palette p
), per_month AS (
    SELECT pg_catalog.to_char(l.inspected_on, 'YYYY-MM') AS month, l.agency_id,
           pg_catalog.count(*) AS n
    FROM ledger l GROUP BY 1, 2
), months AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', m.month,
               'values', (SELECT pg_catalog.jsonb_agg(coalesce(pm.n, 0) ORDER BY a.k)
                          FROM agencies a
                          LEFT JOIN per_month pm ON pm.agency_id = a.agency_id
                                                AND pm.month = m.month)) ORDER BY m.month), '[]') AS rows
    FROM (SELECT DISTINCT pm.month FROM per_month pm) m
), planned AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(d.name, '机关 Agency ' || x.agency_id),
               'values', pg_catalog.jsonb_build_array(x.planned, x.exempt)) ORDER BY x.agency_id), '[]') AS rows
    FROM (SELECT l.agency_id,
                 pg_catalog.count(*) FILTER (WHERE l.planned) AS planned,
                 pg_catalog.count(*) FILTER (WHERE l.exemption IS NOT NULL) AS exempt
          FROM ledger l GROUP BY l.agency_id) x
    LEFT JOIN dir d ON d.agency_id = x.agency_id
), visited AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(e.name, '企业 Enterprise ' || x.enterprise_id)
                        || '（' || x.agencies || '个机关）',
               'values', pg_catalog.jsonb_build_array(x.visits)) ORDER BY x.visits DESC, x.enterprise_id), '[]') AS rows
    FROM (SELECT l.enterprise_id,
                 pg_catalog.count(DISTINCT enforcement.visit(l.joint_inspection_id, l.inspection_id)) AS visits,
                 pg_catalog.count(DISTINCT l.agency_id) AS agencies
          FROM ledger l GROUP BY l.enterprise_id
          ORDER BY 2 DESC, 1 LIMIT 10) x
    LEFT JOIN enforcement.v_enterprise_directory e ON e.enterprise_id = x.enterprise_id
), decided AS (
    SELECT r.* FROM enforcement.v_legal_review_register r
    WHERE r.decided_on BETWEEN from_day AND to_day
), timely AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(d.name, '机关 Agency ' || x.agency_id) || w.what,
               'values', CASE WHEN w.k = 1
                              THEN pg_catalog.jsonb_build_array(x.disclosed_on_time, x.disclosed_late, 0, 0)
                              ELSE pg_catalog.jsonb_build_array(0, 0, x.reviewed, x.unreviewed) END)
               ORDER BY x.agency_id, w.k), '[]') AS rows
    FROM (VALUES (1, '·公示'), (2, '·审核')) AS w(k, what),
         (SELECT r.agency_id,
                 pg_catalog.count(*) FILTER (WHERE o.decision_id IS NULL) AS disclosed_on_time,
                 pg_catalog.count(*) FILTER (WHERE o.decision_id IS NOT NULL) AS disclosed_late,
                 pg_catalog.count(*) FILTER (WHERE r.major AND r.reviewed) AS reviewed,
                 pg_catalog.count(*) FILTER (WHERE r.major AND NOT r.reviewed) AS unreviewed
          FROM decided r
          LEFT JOIN enforcement.v_overdue_disclosures o ON o.decision_id = r.decision_id
          GROUP BY r.agency_id) x
    LEFT JOIN dir d ON d.agency_id = x.agency_id
), overdue AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(d.name, '机关 Agency ' || x.agency_id),
               'values', pg_catalog.jsonb_build_array(x.cases, x.complaints)) ORDER BY x.agency_id), '[]') AS rows
    FROM (SELECT u.agency_id, pg_catalog.sum(u.cases) AS cases, pg_catalog.sum(u.complaints) AS complaints
          FROM (SELECT c.agency_id, 1 AS cases, 0 AS complaints
                FROM enforcement.v_overdue_cases c WHERE c.opened_on <= to_day
                UNION ALL
                SELECT c.agency_id, 0, 1
                FROM enforcement.v_overdue_complaints c WHERE c.received_on <= to_day) u
          GROUP BY u.agency_id) x
    LEFT JOIN dir d ON d.agency_id = x.agency_id
), reverse AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(d.name, '机关 Agency ' || x.agency_id),
               'values', pg_catalog.jsonb_build_array(x.in_time, x.late)) ORDER BY x.agency_id), '[]') AS rows
    FROM (SELECT a.agency_id,
                 pg_catalog.count(*) FILTER (WHERE a.days_overdue = 0) AS in_time,
                 pg_catalog.count(*) FILTER (WHERE a.days_overdue > 0) AS late
          FROM enforcement.v_accountability a
          WHERE a.kind = 'reverse_investigation' AND a.opened_on <= to_day
          GROUP BY a.agency_id) x
    LEFT JOIN dir d ON d.agency_id = x.agency_id
), cards (n, chart, title, note, label_heading, rows, series) AS (
    SELECT 1, 'inspections_per_month', '每月检查 Inspections per month',
           '各执法机关每月入企检查次数（按检查日期）。 Inspections by each agency, per month of the inspection.',
           '月份 Month', m.rows, s.series
    FROM months m, agency_series s
    UNION ALL
    SELECT 2, 'planned_vs_exempt', '计划内与计划外 Planned against exempt',
           '按年度计划的检查与依例外事由的检查（涉企行政检查须有计划）。 Routine inspections under a filed plan and unplanned ones on an exemption.',
           '机关 Agency', p.rows,
           '[{"name": "计划内 Planned", "color": "#2b6cb0"}, {"name": "计划外 Exempt", "color": "#dd6b20"}]'
    FROM planned p
    UNION ALL
    SELECT 3, 'most_visited', '受检最多的企业 Enterprises most visited',
           '期间内入企次数最多的十家企业及前往检查的机关数；联合检查计一次（综合查一次）。 The ten enterprises visited most, with how many agencies came; a joint inspection counts once.',
           '企业 Enterprise', v.rows,
           '[{"name": "入企次数 Visits", "color": "#805ad5"}]'
    FROM visited v
    UNION ALL
    SELECT 4, 'timeliness', '公示与法制审核 Disclosure and legal review',
           '期间内作出的决定：按期公示与逾期公示（7个工作日）；重大执法决定已审核与未审核。 Decisions of the period: disclosed on time or late (7 working days); major decisions reviewed or not.',
           '机关 Agency', t.rows,
           '[{"name": "按期公示 On time", "color": "#38a169"}, {"name": "逾期公示 Late", "color": "#e53e3e"}, {"name": "已法制审核 Reviewed", "color": "#319795"}, {"name": "未审核 Unreviewed", "color": "#d53f8c"}]'
    FROM timely t
    UNION ALL
    SELECT 5, 'overdue', '超期案件与投诉 Overdue cases and complaints',
           '超过90日未作决定的案件，超过受理或答复期限的投诉举报。 Cases undecided after 90 days; complaints past their deadline to accept or answer.',
           '机关 Agency', o.rows,
           '[{"name": "超期案件 Cases", "color": "#dd6b20"}, {"name": "超期投诉 Complaints", "color": "#e53e3e"}]'
    FROM overdue o
    UNION ALL
    SELECT 6, 'reverse_investigations', '责任倒查 Open reverse investigations',
           '被复议、诉讼纠错的决定所启动、尚未办结的责任倒查。 Reverse investigations opened by reversed decisions, not yet concluded.',
           '机关 Agency', r.rows,
           '[{"name": "期限内 Within time", "color": "#4a5568"}, {"name": "已超期 Overdue", "color": "#e53e3e"}]'
    FROM reverse r
)
SELECT '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
    || '<meta http-equiv="Content-Security-Policy" content="default-src ''none''; style-src ''unsafe-inline''; img-src data:">'
    || '<meta name="viewport" content="width=device-width, initial-scale=1">'
    || '<title>行政执法监督 Enforcement supervision ' || from_day || ' – ' || to_day || '</title>'
    || '<style>'
    || 'body{margin:0;font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;color:#1a202c}'
    || 'header{background:#1f3a5f;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:6px 0 0;font-size:13px;opacity:.85}'
    || 'main{display:grid;grid-template-columns:repeat(auto-fill,minmax(680px,1fr));gap:18px;padding:18px 28px}'
    || 'section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:14px 18px}'
    || 'section h2{margin:0 0 4px;font-size:17px;color:#1f3a5f}section p{margin:0 0 8px;font-size:12px;color:#4a5568}'
    || 'svg text{font-size:12px;fill:#2d3748}svg .legend{font-size:11px}svg .value{fill:#4a5568}svg .empty{font-size:14px;fill:#a0aec0}svg .axis{stroke:#cbd5e0}'
    || 'table{border-collapse:collapse;width:100%;margin-top:8px;font-size:12px}th,td{border-bottom:1px solid #e2e8f0;padding:3px 6px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}'
    || 'footer{padding:0 28px 18px;font-size:11px;color:#718096}'
    || '</style></head><body>'
    || '<header><h1>行政执法监督 Enforcement supervision</h1>'
    || '<p>期间 Period: ' || from_day || ' – ' || to_day
    || ' · 生成时间 Generated: ' || pg_catalog.to_char(pg_catalog.now(), 'YYYY-MM-DD HH24:MI TZ')
    || ' · 依据 菏定政办字〔2023〕6号、国办发〔2024〕54号</p></header><main>'
    || (SELECT pg_catalog.string_agg(
               '<section><h2>' || enforcement.html_escape(c.title) || '</h2><p>'
               || enforcement.html_escape(c.note) || '</p>'
               || enforcement.dashboard_bars(c.chart, c.rows, c.series)
               || enforcement.dashboard_table(c.rows, c.series, c.label_heading)
               || '</section>', '' ORDER BY c.n)
        FROM cards c)
    || '</main><footer>不以罚没数额、处罚或检查数量排名或考核（菏定政办字〔2023〕6号 第二部分第四条）。'
    || ' No agency or officer is ranked by fines, penalties or inspection counts (directive II.4).'
    || ' enforcement ' || coalesce((SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'enforcement'), '')
    || '</footer></body></html>';
$$;
COMMENT ON FUNCTION enforcement.supervision_dashboard(date, date) IS
    'SUP-1, SUP-3: a self-contained HTML page of the supervision views for the period: inline SVG charts of inspections per month per agency, planned against exempt, the enterprises most visited, disclosure and legal-review timeliness, overdue cases and complaints, and open reverse investigations; no script, no request.';

REVOKE ALL ON FUNCTION enforcement.html_escape(text),
    enforcement.dashboard_bars(text, jsonb, jsonb),
    enforcement.dashboard_table(jsonb, jsonb, text),
    enforcement.supervision_dashboard(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enforcement.html_escape(text),
    enforcement.dashboard_bars(text, jsonb, jsonb),
    enforcement.dashboard_table(jsonb, jsonb, text),
    enforcement.supervision_dashboard(date, date)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer;

REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;
