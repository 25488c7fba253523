-- enforcement 1.1 -> 1.2

\echo Use "ALTER EXTENSION enforcement UPDATE TO '1.2'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- 1.2: inspections (INSP-1..8, SUBJ-1/2, OFF-5/6).
-- ---------------------------------------------------------------------------

-- declare_table() learns private columns: the process record keeps their
-- SHA-256 instead of the value, so the chain still commits to them but no
-- reader of the record learns them (the complainant's identity).
DROP FUNCTION enforcement.declare_table(regclass, text);
CREATE FUNCTION enforcement.declare_table(tbl regclass, scope text DEFAULT NULL,
                                          private_columns text[] DEFAULT NULL)
    RETURNS void
    AS 'MODULE_PATHNAME', 'en_declare_table' LANGUAGE C;
COMMENT ON FUNCTION enforcement.declare_table(regclass, text, text[]) IS
    'Makes a table an enforcement table: process record, no DELETE/TRUNCATE, agency row security, no PUBLIC access, pg_dump.';
REVOKE ALL ON FUNCTION enforcement.declare_table(regclass, text, text[]) FROM PUBLIC;

-- The process record writes its own operation names, and nothing looks
-- entries up by row: one index and one check less on every write.
DROP INDEX enforcement.process_log_row;
ALTER TABLE enforcement.process_log DROP CONSTRAINT process_log_operation_check;

-- The agency a plan or an inspection belongs to, for row security.
CREATE FUNCTION enforcement.plan_agency(plan_id bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_plan_agency' LANGUAGE C STABLE STRICT;
CREATE FUNCTION enforcement.inspection_agency(inspection_id bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_inspection_agency' LANGUAGE C STABLE STRICT;

CREATE TABLE enforcement.inspection_limits (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint REFERENCES enforcement.agencies (id),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    max_per_enterprise integer NOT NULL CHECK (max_per_enterprise >= 0),
    published_on date NOT NULL
);
CREATE INDEX inspection_limits_year ON enforcement.inspection_limits (year, agency_id);
COMMENT ON TABLE enforcement.inspection_limits IS
    'Published yearly caps of routine inspections per enterprise; an agency''s own row beats a NULL (every agency) row.';

CREATE TABLE enforcement.inspection_plans (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'filed')),
    filed_on date,
    filed_with bigint REFERENCES enforcement.agencies (id)
);
CREATE INDEX inspection_plans_agency ON enforcement.inspection_plans (agency_id, year);

CREATE TABLE enforcement.plan_items (
    plan_id bigint NOT NULL REFERENCES enforcement.inspection_plans (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    matter text,
    PRIMARY KEY (plan_id, legal_basis_id)
);

CREATE TABLE enforcement.joint_inspections (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    lead_agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    inspected_on date NOT NULL
);

CREATE TABLE enforcement.complaints (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    received_on date NOT NULL,
    kind text NOT NULL CHECK (kind IN ('violation_report', 'conduct_complaint')),
    enterprise_id bigint REFERENCES enforcement.enterprises (id),
    about_agency_id bigint REFERENCES enforcement.agencies (id),
    about_officer_id bigint REFERENCES enforcement.officers (id),
    complainant text,
    summary text,
    status text NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'accepted', 'rejected', 'verified',
                          'answered', 'closed')),
    accepted_on date,
    answered_on date,
    reported_to_justice_on date,
    closed_on date
);
CREATE INDEX complaints_enterprise ON enforcement.complaints (enterprise_id, received_on);

CREATE TABLE enforcement.inspections (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    inspected_on date NOT NULL,
    officer_ids bigint[] NOT NULL,
    mode text NOT NULL DEFAULT 'onsite' CHECK (mode IN ('onsite', 'offsite')),
    certificates_shown boolean NOT NULL DEFAULT false,
    plan_id bigint REFERENCES enforcement.inspection_plans (id),
    exemption text
        CHECK (exemption IN ('national_security', 'public_safety',
                             'food_drug_safety', 'production_safety',
                             'eco_environment', 'superior_deployment',
                             'complaint_report', 'emergency')),
    exemption_ref text,
    complaint_id bigint REFERENCES enforcement.complaints (id),
    joint_inspection_id bigint REFERENCES enforcement.joint_inspections (id),
    outcome text
        CHECK (outcome IN ('no_issue', 'education', 'warning',
                           'guidance_interview', 'order_to_correct',
                           'case_opened')),
    ended_on date,
    -- a routine inspection has a plan, an unplanned one an exemption
    CHECK ((plan_id IS NULL) <> (exemption IS NULL)),
    CHECK (ended_on IS NULL OR ended_on >= inspected_on)
);
CREATE INDEX inspections_agency ON enforcement.inspections (agency_id, enterprise_id, inspected_on);
CREATE INDEX inspections_enterprise ON enforcement.inspections (enterprise_id, inspected_on);
CREATE INDEX inspections_joint ON enforcement.inspections (joint_inspection_id)
    WHERE joint_inspection_id IS NOT NULL;
CREATE INDEX inspections_officers ON enforcement.inspections USING gin (officer_ids);

CREATE TABLE enforcement.inspection_signatures (
    inspection_id bigint NOT NULL REFERENCES enforcement.inspections (id),
    officer_id bigint NOT NULL REFERENCES enforcement.officers (id),
    signed_on date NOT NULL,
    PRIMARY KEY (inspection_id, officer_id)
);

-- The rules, as triggers (src/inspections.c, src/plans.c).
CREATE FUNCTION enforcement.plans_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_plans_check' LANGUAGE C;
CREATE TRIGGER plans_check BEFORE INSERT OR UPDATE ON enforcement.inspection_plans
    FOR EACH ROW EXECUTE FUNCTION enforcement.plans_check();
CREATE FUNCTION enforcement.plan_items_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_plan_items_check' LANGUAGE C;
CREATE TRIGGER plan_items_check BEFORE INSERT OR UPDATE ON enforcement.plan_items
    FOR EACH ROW EXECUTE FUNCTION enforcement.plan_items_check();
CREATE FUNCTION enforcement.inspections_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_inspections_check' LANGUAGE C;
CREATE TRIGGER inspections_check BEFORE INSERT OR UPDATE ON enforcement.inspections
    FOR EACH ROW EXECUTE FUNCTION enforcement.inspections_check();
CREATE FUNCTION enforcement.joint_inspections_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_joint_inspections_check' LANGUAGE C;
CREATE TRIGGER joint_inspections_check BEFORE INSERT OR UPDATE ON enforcement.joint_inspections
    FOR EACH ROW EXECUTE FUNCTION enforcement.joint_inspections_check();
CREATE FUNCTION enforcement.signatures_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_signatures_check' LANGUAGE C;
CREATE TRIGGER signatures_check BEFORE INSERT OR UPDATE ON enforcement.inspection_signatures
    FOR EACH ROW EXECUTE FUNCTION enforcement.signatures_check();

SELECT enforcement.declare_table('enforcement.inspection_limits');
SELECT enforcement.declare_table('enforcement.inspection_plans', 'agency_id');
SELECT enforcement.declare_table('enforcement.plan_items', 'plan:plan_id');
SELECT enforcement.declare_table('enforcement.joint_inspections', 'lead_agency_id');
SELECT enforcement.declare_table('enforcement.complaints', 'about_agency_id',
                                 ARRAY['complainant']);
SELECT enforcement.declare_table('enforcement.inspections', 'agency_id');
SELECT enforcement.declare_table('enforcement.inspection_signatures',
                                 'inspection:inspection_id');

REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;
GRANT SELECT ON enforcement.inspection_limits, enforcement.inspection_plans,
    enforcement.plan_items, enforcement.joint_inspections,
    enforcement.inspections, enforcement.inspection_signatures,
    enforcement.complaints
    TO enforcement_writer;
GRANT INSERT, UPDATE ON enforcement.inspection_plans, enforcement.plan_items,
    enforcement.joint_inspections, enforcement.inspections,
    enforcement.inspection_signatures, enforcement.complaints
    TO enforcement_writer;
GRANT EXECUTE ON FUNCTION enforcement.plan_agency(bigint),
    enforcement.inspection_agency(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
GRANT SELECT ON enforcement.inspection_limits, enforcement.inspection_plans,
    enforcement.plan_items, enforcement.joint_inspections,
    enforcement.inspections, enforcement.inspection_signatures
    TO enforcement_supervisor, enforcement_auditor;
-- the complainant's identity is for the roles that handle the complaint
GRANT SELECT (id, received_on, kind, enterprise_id, about_agency_id,
              about_officer_id, summary, status, accepted_on, answered_on,
              reported_to_justice_on, closed_on)
    ON enforcement.complaints TO enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- 1.2: QR check-in (扫码入企, INSP-8): a signed token per inspection that the
-- enterprise verifies without access to other rows; see src/checkin.c.
-- ---------------------------------------------------------------------------

-- The installation's secrets: the check-in key, and the key under which the
-- process record masks private columns.  Only the owner reads them;
-- they are never declared, so no value reaches the process record; a dump
-- carries them, so a restored database verifies the tokens it issued.
CREATE TABLE enforcement.secrets (
    name text PRIMARY KEY,
    value bytea NOT NULL
);
COMMENT ON TABLE enforcement.secrets IS
    'Keys of this installation (the check-in key); read by the extension''s owner only, never changed.';
CREATE TRIGGER forbid_delete BEFORE UPDATE OR DELETE ON enforcement.secrets
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete('strict');
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.secrets
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete('strict');
REVOKE ALL ON enforcement.secrets FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('enforcement.secrets', '');

-- A new key of 32 random bytes (not made again while a dump is restored:
-- the dump brings the key back).
CREATE FUNCTION enforcement.new_secret() RETURNS bytea
    AS 'MODULE_PATHNAME', 'en_new_secret' LANGUAGE C VOLATILE;
INSERT INTO enforcement.secrets (name, value)
SELECT v.name, enforcement.new_secret()
FROM (VALUES ('checkin'), ('record')) AS v(name)
WHERE NOT enforcement.restoring();
DROP FUNCTION enforcement.new_secret();

CREATE FUNCTION enforcement.checkin_token(inspection_id bigint) RETURNS text
    AS 'MODULE_PATHNAME', 'en_checkin_token' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION enforcement.checkin_token(bigint) IS
    'INSP-8: the signed check-in token of an inspection, for its QR code.';
CREATE FUNCTION enforcement.verify_checkin(token text)
    RETURNS TABLE (valid boolean, inspection_id bigint, agency_name text,
                   officer_names text[], certificate_numbers text[],
                   inspected_on date)
    AS 'MODULE_PATHNAME', 'en_verify_checkin' LANGUAGE C STABLE ROWS 1;
COMMENT ON FUNCTION enforcement.verify_checkin(text) IS
    'INSP-8: whether a check-in token is this installation''s, and its inspection''s agency, officers and certificates; never an error.';

REVOKE ALL ON FUNCTION enforcement.checkin_token(bigint),
    enforcement.verify_checkin(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enforcement.checkin_token(bigint) TO enforcement_writer;
GRANT EXECUTE ON FUNCTION enforcement.verify_checkin(text)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- 1.2: inspection supervision views (INSP-2/3/5/6, SUP-1).
--
-- Every view runs with the privileges and row security of the caller: a
-- writer sees what its agencies' rows add up to, a supervisor or an auditor
-- the whole.  Each one keeps its filters on inspections' own columns, so a
-- query for one agency or one enterprise is answered from the indexes
-- inspections_agency and inspections_enterprise (see docs/views.md).
-- ---------------------------------------------------------------------------

-- One row per inspection: the inspection ledger (检查台账, INSP-6) — who
-- inspected, on which ground, and whether every officer signed.
CREATE VIEW enforcement.v_inspection_ledger WITH (security_invoker = true) AS
SELECT i.id AS inspection_id,
       i.agency_id,
       i.enterprise_id,
       i.inspected_on,
       i.plan_id IS NOT NULL AS planned,
       i.exemption,
       o.officer_count,
       s.signed_count,
       s.signed_count = o.officer_count AS signatures_complete,
       i.outcome,
       i.legal_basis_id,
       i.joint_inspection_id,
       i.ended_on
FROM enforcement.inspections i
CROSS JOIN LATERAL (
    SELECT count(DISTINCT x.officer_id) AS officer_count
    FROM unnest(i.officer_ids) AS x(officer_id)
) o
CROSS JOIN LATERAL (
    SELECT count(*) AS signed_count
    FROM enforcement.inspection_signatures s
    WHERE s.inspection_id = i.id AND s.officer_id = ANY (i.officer_ids)
) s;
COMMENT ON VIEW enforcement.v_inspection_ledger IS
    'Inspection ledger (INSP-6): one row per inspection, planned or on which exemption, with its distinct officers and how many of them signed.';

-- One row per unplanned inspection (INSP-3): the exemption and its
-- reference, a superior's document or a violation report.
CREATE VIEW enforcement.v_unplanned_inspections WITH (security_invoker = true) AS
SELECT i.id AS inspection_id,
       i.agency_id,
       i.enterprise_id,
       i.inspected_on,
       i.exemption,
       i.exemption_ref,
       i.complaint_id
FROM enforcement.inspections i
WHERE i.exemption IS NOT NULL;
COMMENT ON VIEW enforcement.v_unplanned_inspections IS
    'Unplanned inspections (INSP-3): one row per inspection made on an exemption, with the document or complaint it rests on.';

-- One row per agency, enterprise and calendar year (INSP-5): routine visits
-- (a joint inspection once) against the cap in force today; exempt visits
-- are shown but never count toward the cap.
CREATE VIEW enforcement.v_inspection_frequency WITH (security_invoker = true) AS
SELECT f.agency_id,
       f.enterprise_id,
       f.year,
       f.routine_visits,
       f.exempt_visits,
       l.cap,
       coalesce(f.routine_visits > l.cap, false) AS over_cap
FROM (
    SELECT i.agency_id,
           i.enterprise_id,
           extract(year FROM i.inspected_on)::integer AS year,
           count(DISTINCT coalesce(i.joint_inspection_id, i.id))
               FILTER (WHERE i.plan_id IS NOT NULL) AS routine_visits,
           count(DISTINCT coalesce(i.joint_inspection_id, i.id))
               FILTER (WHERE i.exemption IS NOT NULL) AS exempt_visits
    FROM enforcement.inspections i
    GROUP BY i.agency_id, i.enterprise_id, extract(year FROM i.inspected_on)::integer
) f
LEFT JOIN LATERAL (
    SELECT l.max_per_enterprise AS cap
    FROM enforcement.inspection_limits l
    WHERE l.year = f.year
      AND (l.agency_id = f.agency_id OR l.agency_id IS NULL)
      AND l.published_on <= current_date
    ORDER BY l.agency_id IS NULL, l.published_on DESC, l.id DESC
    LIMIT 1
) l ON true;
COMMENT ON VIEW enforcement.v_inspection_frequency IS
    'Inspection frequency (INSP-5): one row per agency, enterprise and year; routine visits, a joint inspection once, against the published cap in force (the agency''s own beats the general one); exempt visits do not count.';

-- One row per enterprise and calendar year (INSP-5, 综合查一次): how many
-- agencies came and how many times, a joint inspection once across all its
-- agencies.
CREATE VIEW enforcement.v_enterprise_burden WITH (security_invoker = true) AS
SELECT i.enterprise_id,
       extract(year FROM i.inspected_on)::integer AS year,
       count(DISTINCT i.agency_id) AS agencies,
       count(DISTINCT coalesce(i.joint_inspection_id, i.id)) AS visits,
       count(DISTINCT coalesce(i.joint_inspection_id, i.id))
           FILTER (WHERE i.plan_id IS NOT NULL) AS routine_visits,
       count(DISTINCT coalesce(i.joint_inspection_id, i.id))
           FILTER (WHERE i.exemption IS NOT NULL) AS exempt_visits
FROM enforcement.inspections i
GROUP BY i.enterprise_id, extract(year FROM i.inspected_on)::integer;
COMMENT ON VIEW enforcement.v_enterprise_burden IS
    'Inspection burden (INSP-5): one row per enterprise and year; agencies that came and distinct visits, a joint inspection once across all its agencies.';

REVOKE ALL ON enforcement.v_inspection_ledger, enforcement.v_unplanned_inspections,
    enforcement.v_inspection_frequency, enforcement.v_enterprise_burden
    FROM PUBLIC;
GRANT SELECT ON enforcement.v_inspection_ledger, enforcement.v_unplanned_inspections,
    enforcement.v_inspection_frequency, enforcement.v_enterprise_burden
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
