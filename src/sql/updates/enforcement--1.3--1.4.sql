-- enforcement 1.3 -> 1.4: integrity over time.
--
-- The facts the rules rely on are fixed once written, set once, or change
-- forward by a new dated fact: declared per column (declared_columns) and
-- per table (mutable_columns).  A certificate keeps every status it had
-- (certificate_statuses, filled from the process record), and OFF-2 is
-- judged on the status on the day.  Acts are never dated after the day
-- they are recorded; late records and complaint grounds are shown; the
-- compliance scan lists every row that breaks a rule as the data stands.

\echo Use "ALTER EXTENSION enforcement UPDATE TO '1.4'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Declared columns: set once, and the dates of acts.
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.declared_columns (
    table_name name NOT NULL,
    column_name name NOT NULL,
    kind text NOT NULL CHECK (kind IN ('once', 'act')),
    PRIMARY KEY (table_name, column_name, kind)
);
COMMENT ON TABLE enforcement.declared_columns IS
    'Columns with a rule of their own: once (set once, from NULL, then fixed) and act (the date of an act, never after the day the row is recorded).';

DROP FUNCTION enforcement.declare_table(regclass, text, name, name, name, text[], text[], text[], boolean, regprocedure, jsonb);
CREATE FUNCTION enforcement.declare_table(
    tbl regclass,
    kind text DEFAULT 'records',
    agency_column name DEFAULT NULL,
    parent_table name DEFAULT NULL,
    parent_column name DEFAULT NULL,
    private_columns text[] DEFAULT NULL,
    mutable_columns text[] DEFAULT NULL,
    writer_privileges text[] DEFAULT NULL,
    strict boolean DEFAULT false,
    check_function regprocedure DEFAULT NULL,
    vocabulary jsonb DEFAULT NULL,
    once_columns text[] DEFAULT NULL,
    act_columns text[] DEFAULT NULL)
    RETURNS void
    AS 'MODULE_PATHNAME', 'en_declare' LANGUAGE C;
COMMENT ON FUNCTION enforcement.declare_table(regclass, text, name, name, name, text[], text[], text[], boolean, regprocedure, jsonb, text[], text[]) IS
    'Makes a table of the schema an enforcement table of its kind, completely, and records it in enforcement.declared_tables; from the extension''s scripts only.';

SELECT enforcement.declare_table('enforcement.declared_columns', kind => 'catalog',
                                 mutable_columns => '{}', strict => true);

-- What may change, per table (NULL: all but the id and the agency).
UPDATE enforcement.declared_tables d SET mutable_columns = v.mutable
FROM (VALUES
    ('agencies', '{name, region_code, legal_authority}'::text[]),
    ('legal_bases', '{title, article}'),
    ('agency_powers', '{}'),
    ('officers', '{name, employment, on_enforcement_post, legal_qualification, legal_reviewer}'),
    ('certificates', '{status, status_since, status_reason}'),
    ('conflicts', '{reason}'),
    ('inspection_limits', '{}'),
    ('complaints', '{summary, status}'),
    ('inspections', '{outcome}')) AS v(table_name, mutable)
WHERE d.table_name = v.table_name::name;

INSERT INTO enforcement.declared_columns (table_name, column_name, kind)
VALUES
    ('agencies', 'confirmed_on', 'once'),
    ('agencies', 'disclosed_on', 'once'),
    ('agencies', 'dissolved_on', 'once'),
    ('legal_bases', 'effective_to', 'once'),
    ('agency_powers', 'published_on', 'act'),
    ('officers', 'exam_passed_on', 'once'),
    ('officers', 'left_on', 'once'),
    ('officers', 'exam_passed_on', 'act'),
    ('officers', 'left_on', 'act'),
    ('certificates', 'issued_on', 'act'),
    ('certificates', 'status_since', 'act'),
    ('conflicts', 'declared_on', 'act'),
    ('inspection_limits', 'published_on', 'act'),
    ('inspection_plans', 'filed_on', 'act'),
    ('joint_inspections', 'inspected_on', 'act'),
    ('complaints', 'accepted_on', 'once'),
    ('complaints', 'answered_on', 'once'),
    ('complaints', 'reported_to_justice_on', 'once'),
    ('complaints', 'closed_on', 'once'),
    ('complaints', 'received_on', 'act'),
    ('complaints', 'accepted_on', 'act'),
    ('complaints', 'answered_on', 'act'),
    ('complaints', 'reported_to_justice_on', 'act'),
    ('complaints', 'closed_on', 'act'),
    ('inspections', 'ended_on', 'once'),
    ('inspections', 'inspected_on', 'act'),
    ('inspections', 'ended_on', 'act'),
    ('inspection_signatures', 'signed_on', 'act');

-- ---------------------------------------------------------------------------
-- The status history of certificates (OFF-2, OFF-3), filled from the
-- process record: each status and day a certificate had, in the order
-- recorded; a certificate the record has no entry of gets its current one.
-- ---------------------------------------------------------------------------
ALTER TABLE enforcement.certificates
    ADD CONSTRAINT certificates_id_agency UNIQUE (id, agency_id);
-- OFF-2, OFF-3: a certificate's statuses, each from its day, in the order
-- recorded; written by the extension on each status of a certificate.
CREATE TABLE enforcement.certificate_statuses (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    certificate_id bigint NOT NULL,
    status text NOT NULL,
    since date NOT NULL,
    reason text,
    agency_id bigint,
    CONSTRAINT certificate_statuses_certificate_id_fkey
        FOREIGN KEY (certificate_id, agency_id)
        REFERENCES enforcement.certificates (id, agency_id) MATCH FULL
);
CREATE INDEX certificate_statuses_certificate
    ON enforcement.certificate_statuses (certificate_id, since);
CREATE INDEX certificate_statuses_agency ON enforcement.certificate_statuses (agency_id);
COMMENT ON TABLE enforcement.certificate_statuses IS
    'Every status a certificate had, from its day (since), in the order recorded; written by the extension when a certificate is issued or its status changes.';

SELECT enforcement.declare_table('enforcement.certificate_statuses',
    agency_column => 'agency_id',
    parent_table => 'certificates', parent_column => 'certificate_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT}',
    vocabulary => '{"status": ["active", "suspended", "revoked"]}');

INSERT INTO enforcement.certificate_statuses (certificate_id, status, since, reason)
SELECT h.certificate_id, h.status, h.since, h.reason
FROM (
    SELECT e.*,
           pg_catalog.lag(e.status) OVER w AS prev_status,
           pg_catalog.lag(e.since) OVER w AS prev_since
    FROM (
        SELECT pl.seq, pl.row_id AS certificate_id,
               pl.row_data OPERATOR(pg_catalog.->>) 'status' AS status,
               pg_catalog.to_date(pl.row_data OPERATOR(pg_catalog.->>) 'status_since',
                                  'YYYY-MM-DD') AS since,
               pl.row_data OPERATOR(pg_catalog.->>) 'status_reason' AS reason
        FROM enforcement.process_log pl
        JOIN enforcement.certificates c ON c.id OPERATOR(pg_catalog.=) pl.row_id
        WHERE pl.table_name OPERATOR(pg_catalog.=) 'certificates'
          AND pl.row_data OPERATOR(pg_catalog.?) 'status_since'
    ) e
    WINDOW w AS (PARTITION BY e.certificate_id ORDER BY e.seq)
) h
WHERE h.status IS NOT NULL AND h.since IS NOT NULL
  AND (h.prev_status IS NULL OR h.prev_status OPERATOR(pg_catalog.<>) h.status
       OR h.prev_since OPERATOR(pg_catalog.<>) h.since)
ORDER BY h.seq;
INSERT INTO enforcement.certificate_statuses (certificate_id, status, since, reason)
SELECT c.id, c.status, c.status_since, c.status_reason
FROM enforcement.certificates c
WHERE NOT EXISTS (SELECT FROM enforcement.certificate_statuses s
                  WHERE s.certificate_id OPERATOR(pg_catalog.=) c.id)
ORDER BY c.id;

CREATE FUNCTION enforcement.certificates_history() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_certificates_history' LANGUAGE C;
CREATE FUNCTION enforcement.conflicts_taint() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_conflicts_taint' LANGUAGE C;
CREATE TRIGGER certificates_history
    AFTER INSERT OR UPDATE OF status, status_since ON enforcement.certificates
    FOR EACH ROW EXECUTE FUNCTION enforcement.certificates_history();
CREATE TRIGGER conflicts_taint
    AFTER INSERT ON enforcement.conflicts
    FOR EACH ROW EXECUTE FUNCTION enforcement.conflicts_taint();

-- ---------------------------------------------------------------------------
-- Settings, views and the compliance scan.
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.settings (name, value)
SELECT 'late_record_days', 7
WHERE NOT enforcement.restoring();

CREATE OR REPLACE VIEW enforcement.v_inspection_frequency WITH (security_invoker = true) AS
SELECT f.agency_id,
       f.enterprise_id,
       f.year,
       f.routine_visits,
       f.exempt_visits,
       f.cap,
       coalesce(f.routine_visits > f.cap, false) AS over_cap
FROM (
    SELECT g.*, enforcement.cap_in_force(g.agency_id, g.year, current_date) AS cap
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
CREATE OR REPLACE VIEW enforcement.v_enterprise_burden WITH (security_invoker = true) AS
SELECT i.enterprise_id,
       extract(year FROM i.inspected_on)::integer AS year,
       count(DISTINCT i.agency_id) AS agencies,
       count(DISTINCT enforcement.visit(i.joint_inspection_id, i.id)) AS visits,
       count(DISTINCT enforcement.routine_visit(i.plan_id,
             i.joint_inspection_id, i.id)) AS routine_visits,
       count(DISTINCT enforcement.visit(i.joint_inspection_id, i.id))
           FILTER (WHERE i.exemption IS NOT NULL) AS exempt_visits
FROM enforcement.inspections i
WHERE pg_catalog.isfinite(i.inspected_on)
GROUP BY i.enterprise_id, extract(year FROM i.inspected_on)::integer;
-- ---------------------------------------------------------------------------
-- What the database cannot judge alone, shown (docs/rules.md, "Facts over
-- time"): acts recorded late, and the complaints unplanned inspections
-- rest on.  Both read the process record's own time; supervisors and
-- auditors read them.
-- ---------------------------------------------------------------------------

-- One row per act recorded more than late_record_days after its date:
-- inspections, joint inspections, signatures (row_id: the inspection) and
-- plan filings.  recorded_on is the day of the act's first entry in the
-- process record (for a filing, the entry that filed the plan).
CREATE VIEW enforcement.v_late_records WITH (security_invoker = true) AS
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
    'Acts recorded late: every inspection, joint inspection, signature (row_id: the inspection) and plan filing recorded more than late_record_days (settings) after its date, by the process record''s own time.';

-- One row per complaint that justified unplanned inspections (INSP-3):
-- how many visits it justified, who recorded it and how late, and whether
-- that role also recorded the inspections.
CREATE VIEW enforcement.v_complaint_grounds WITH (security_invoker = true) AS
WITH entries AS (
    SELECT DISTINCT ON (pl.table_name, pl.row_id)
           pl.table_name, pl.row_id, pl.logged_at, pl.db_user
    FROM enforcement.process_log pl
    WHERE pl.operation = 'INSERT' AND pl.row_id IS NOT NULL
      AND pl.table_name IN ('complaints', 'inspections')
    ORDER BY pl.table_name, pl.row_id, pl.seq
), grounds AS (
    SELECT i.complaint_id,
           count(DISTINCT enforcement.visit(i.joint_inspection_id, i.id)) AS visits,
           pg_catalog.array_agg(DISTINCT e.db_user) AS inspectors
    FROM enforcement.inspections i
    LEFT JOIN entries e ON e.table_name = 'inspections' AND e.row_id = i.id
    WHERE i.exemption = 'complaint_report' AND i.complaint_id IS NOT NULL
    GROUP BY i.complaint_id
)
SELECT c.id AS complaint_id,
       c.agency_id,
       c.received_on,
       e.logged_at::date AS recorded_on,
       e.db_user AS recorded_by,
       g.visits,
       coalesce(e.db_user = ANY (g.inspectors), false) AS recorded_by_inspector
FROM grounds g
JOIN enforcement.complaints c ON c.id = g.complaint_id
LEFT JOIN entries e ON e.table_name = 'complaints' AND e.row_id = c.id;
COMMENT ON VIEW enforcement.v_complaint_grounds IS
    'Complaints that justified unplanned inspections (INSP-3): visits justified, who recorded the complaint and when, and whether that role also recorded the inspections.';

GRANT SELECT ON enforcement.v_late_records, enforcement.v_complaint_grounds
    TO enforcement_supervisor, enforcement_auditor;

CREATE FUNCTION enforcement.compliance_scan(
    OUT code text, OUT rule text, OUT table_name text, OUT row_id bigint,
    OUT agency_id bigint, OUT detail text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'en_compliance_scan' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.compliance_scan() IS
    'Every rule run against every row as the data stands: each row that breaks one, with the rule''s SQLSTATE (a writer sees its agencies'' rows only).';

CREATE VIEW enforcement.v_standing_violations WITH (security_invoker = true) AS
SELECT s.code, s.rule, s.table_name, s.row_id, s.agency_id, s.detail
FROM enforcement.compliance_scan() s;
COMMENT ON VIEW enforcement.v_standing_violations IS
    'The compliance scan: one row per rule a row breaks as the data stands (what warn mode let through, what a later fact showed to be unlawful).';

GRANT EXECUTE ON FUNCTION enforcement.compliance_scan()
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
GRANT SELECT ON enforcement.v_standing_violations
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- Memberships end by a dated change; verify_rows() for auditors.
-- ---------------------------------------------------------------------------
-- agency_members: ended_on, and the trigger that checks the role, the
-- agency, ended_on (set once) and the fixed columns (src/scope.c).
ALTER TABLE enforcement.agency_members ADD COLUMN ended_on date;
COMMENT ON TABLE enforcement.agency_members IS
    'A member of role role_name acts for agency agency_id (row security, EN503), until ended_on.';
COMMENT ON COLUMN enforcement.agency_members.ended_on IS
    'From this day on the role no longer acts for the agency; set once, to a day not before the day it is set.';
CREATE FUNCTION enforcement.agency_members_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_agency_members_check' LANGUAGE C;
CREATE TRIGGER agency_members_check BEFORE INSERT OR UPDATE
    ON enforcement.agency_members
    FOR EACH ROW EXECUTE FUNCTION enforcement.agency_members_check();
-- as a fresh install leaves it (src/sql/finish.sql revokes from PUBLIC)
REVOKE ALL ON FUNCTION enforcement.agency_members_check() FROM PUBLIC;

-- verify_rows() (src/record.c)
CREATE FUNCTION enforcement.verify_rows(
    OUT table_name text, OUT row_id bigint, OUT problem text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'en_verify_rows' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.verify_rows() IS
    'Rows of the declared tables of records that are not in the process record, differ from their last entry, or whose entry has no row left; row_id is NULL for a table keyed by other columns, whose key the problem names.';
REVOKE ALL ON FUNCTION enforcement.verify_rows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enforcement.verify_rows()
    TO enforcement_supervisor, enforcement_auditor;


REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;
