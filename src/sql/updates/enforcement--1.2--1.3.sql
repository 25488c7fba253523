-- enforcement 1.2 -> 1.3: the rebuilt core.
--
-- Every table is declared again, into the new catalog of declared tables:
-- one BEFORE check per table (its rules, or the frame alone), the record
-- trigger without arguments, DELETE and TRUNCATE refused; row security on
-- the row's own agency column, which certificates, conflicts, plan items,
-- signatures and complaints now carry; the fixed vocabularies checked in C
-- instead of CHECK constraints; rules that were CHECK constraints refused
-- by the inspection check with their EN codes.

\echo Use "ALTER EXTENSION enforcement UPDATE TO '1.3'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- What 1.2 attached to its tables goes: triggers, policies, the parent-agency
-- functions and the old declaration.
-- ---------------------------------------------------------------------------
DROP TRIGGER fixed_once_written ON enforcement.installation;
DROP TRIGGER forbid_delete ON enforcement.secrets;
DROP TRIGGER forbid_truncate ON enforcement.secrets;
DROP TRIGGER protect_record ON enforcement.process_log;
DROP TRIGGER protect_record_truncate ON enforcement.process_log;
DROP TRIGGER protect_record ON enforcement.chain_heads;
DROP TRIGGER protect_record_truncate ON enforcement.chain_heads;
DROP TRIGGER certificates_check ON enforcement.certificates;
DROP TRIGGER enterprises_check ON enforcement.enterprises;
DROP TRIGGER plans_check ON enforcement.inspection_plans;
DROP TRIGGER plan_items_check ON enforcement.plan_items;
DROP TRIGGER inspections_check ON enforcement.inspections;
DROP TRIGGER joint_inspections_check ON enforcement.joint_inspections;
DROP TRIGGER signatures_check ON enforcement.inspection_signatures;

DROP TRIGGER record_row ON enforcement.installation;
DROP TRIGGER forbid_delete ON enforcement.installation;
DROP TRIGGER forbid_truncate ON enforcement.installation;
DROP TRIGGER record_row ON enforcement.settings;
DROP TRIGGER forbid_delete ON enforcement.settings;
DROP TRIGGER forbid_truncate ON enforcement.settings;
DROP TRIGGER record_row ON enforcement.calendar;
DROP TRIGGER forbid_delete ON enforcement.calendar;
DROP TRIGGER forbid_truncate ON enforcement.calendar;
DROP TRIGGER record_row ON enforcement.violations;
DROP TRIGGER forbid_delete ON enforcement.violations;
DROP TRIGGER forbid_truncate ON enforcement.violations;
DROP TRIGGER record_row ON enforcement.agency_members;
DROP TRIGGER forbid_delete ON enforcement.agency_members;
DROP TRIGGER forbid_truncate ON enforcement.agency_members;
DROP TRIGGER record_row ON enforcement.legal_bases;
DROP TRIGGER forbid_delete ON enforcement.legal_bases;
DROP TRIGGER forbid_truncate ON enforcement.legal_bases;
DROP TRIGGER record_row ON enforcement.enterprises;
DROP TRIGGER forbid_delete ON enforcement.enterprises;
DROP TRIGGER forbid_truncate ON enforcement.enterprises;
DROP TRIGGER record_row ON enforcement.inspection_limits;
DROP TRIGGER forbid_delete ON enforcement.inspection_limits;
DROP TRIGGER forbid_truncate ON enforcement.inspection_limits;

DROP TRIGGER agency_scope ON enforcement.agencies;
DROP TRIGGER record_row ON enforcement.agencies;
DROP TRIGGER forbid_delete ON enforcement.agencies;
DROP TRIGGER forbid_truncate ON enforcement.agencies;
DROP TRIGGER agency_scope ON enforcement.agency_powers;
DROP TRIGGER record_row ON enforcement.agency_powers;
DROP TRIGGER forbid_delete ON enforcement.agency_powers;
DROP TRIGGER forbid_truncate ON enforcement.agency_powers;
DROP TRIGGER agency_scope ON enforcement.officers;
DROP TRIGGER record_row ON enforcement.officers;
DROP TRIGGER forbid_delete ON enforcement.officers;
DROP TRIGGER forbid_truncate ON enforcement.officers;
DROP TRIGGER agency_scope ON enforcement.certificates;
DROP TRIGGER record_row ON enforcement.certificates;
DROP TRIGGER forbid_delete ON enforcement.certificates;
DROP TRIGGER forbid_truncate ON enforcement.certificates;
DROP TRIGGER agency_scope ON enforcement.conflicts;
DROP TRIGGER record_row ON enforcement.conflicts;
DROP TRIGGER forbid_delete ON enforcement.conflicts;
DROP TRIGGER forbid_truncate ON enforcement.conflicts;
DROP TRIGGER agency_scope ON enforcement.inspection_plans;
DROP TRIGGER record_row ON enforcement.inspection_plans;
DROP TRIGGER forbid_delete ON enforcement.inspection_plans;
DROP TRIGGER forbid_truncate ON enforcement.inspection_plans;
DROP TRIGGER agency_scope ON enforcement.plan_items;
DROP TRIGGER record_row ON enforcement.plan_items;
DROP TRIGGER forbid_delete ON enforcement.plan_items;
DROP TRIGGER forbid_truncate ON enforcement.plan_items;
DROP TRIGGER agency_scope ON enforcement.joint_inspections;
DROP TRIGGER record_row ON enforcement.joint_inspections;
DROP TRIGGER forbid_delete ON enforcement.joint_inspections;
DROP TRIGGER forbid_truncate ON enforcement.joint_inspections;
DROP TRIGGER agency_scope ON enforcement.complaints;
DROP TRIGGER record_row ON enforcement.complaints;
DROP TRIGGER forbid_delete ON enforcement.complaints;
DROP TRIGGER forbid_truncate ON enforcement.complaints;
DROP TRIGGER agency_scope ON enforcement.inspections;
DROP TRIGGER record_row ON enforcement.inspections;
DROP TRIGGER forbid_delete ON enforcement.inspections;
DROP TRIGGER forbid_truncate ON enforcement.inspections;
DROP TRIGGER agency_scope ON enforcement.inspection_signatures;
DROP TRIGGER record_row ON enforcement.inspection_signatures;
DROP TRIGGER forbid_delete ON enforcement.inspection_signatures;
DROP TRIGGER forbid_truncate ON enforcement.inspection_signatures;

DROP POLICY agency_writer ON enforcement.agencies;
DROP POLICY supervision_read ON enforcement.agencies;
DROP POLICY agency_writer ON enforcement.agency_powers;
DROP POLICY supervision_read ON enforcement.agency_powers;
DROP POLICY agency_writer ON enforcement.officers;
DROP POLICY supervision_read ON enforcement.officers;
DROP POLICY agency_writer ON enforcement.certificates;
DROP POLICY supervision_read ON enforcement.certificates;
DROP POLICY agency_writer ON enforcement.conflicts;
DROP POLICY supervision_read ON enforcement.conflicts;
DROP POLICY agency_writer ON enforcement.inspection_plans;
DROP POLICY supervision_read ON enforcement.inspection_plans;
DROP POLICY agency_writer ON enforcement.plan_items;
DROP POLICY supervision_read ON enforcement.plan_items;
DROP POLICY agency_writer ON enforcement.joint_inspections;
DROP POLICY supervision_read ON enforcement.joint_inspections;
DROP POLICY agency_writer ON enforcement.complaints;
DROP POLICY supervision_read ON enforcement.complaints;
DROP POLICY agency_writer ON enforcement.inspections;
DROP POLICY supervision_read ON enforcement.inspections;
DROP POLICY agency_writer ON enforcement.inspection_signatures;
DROP POLICY supervision_read ON enforcement.inspection_signatures;

DROP FUNCTION enforcement.agency_scope();
DROP FUNCTION enforcement.officer_agency(bigint);
DROP FUNCTION enforcement.plan_agency(bigint);
DROP FUNCTION enforcement.inspection_agency(bigint);
DROP FUNCTION enforcement.declare_table(regclass, text, text[]);

-- Privileges are granted again by the declarations below.
REVOKE ALL ON ALL TABLES IN SCHEMA enforcement
    FROM enforcement_writer, enforcement_supervisor, enforcement_auditor;
REVOKE SELECT (id, received_on, kind, enterprise_id, about_agency_id,
               about_officer_id, summary, status, accepted_on, answered_on,
               reported_to_justice_on, closed_on)
    ON enforcement.complaints FROM enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- The fixed vocabularies are checked in C; the rules that were CHECK
-- constraints are refused by the inspection check (EN202, EN207).
-- ---------------------------------------------------------------------------
ALTER TABLE enforcement.calendar DROP CONSTRAINT calendar_kind_check;
ALTER TABLE enforcement.agencies DROP CONSTRAINT agencies_kind_check;
ALTER TABLE enforcement.legal_bases DROP CONSTRAINT legal_bases_level_check;
ALTER TABLE enforcement.agency_powers DROP CONSTRAINT agency_powers_power_check;
ALTER TABLE enforcement.officers DROP CONSTRAINT officers_employment_check;
ALTER TABLE enforcement.certificates DROP CONSTRAINT certificates_status_check;
ALTER TABLE enforcement.enterprises DROP CONSTRAINT enterprises_kind_check;
ALTER TABLE enforcement.inspection_plans DROP CONSTRAINT inspection_plans_status_check;
ALTER TABLE enforcement.complaints DROP CONSTRAINT complaints_kind_check;
ALTER TABLE enforcement.complaints DROP CONSTRAINT complaints_status_check;
ALTER TABLE enforcement.inspections DROP CONSTRAINT inspections_mode_check;
ALTER TABLE enforcement.inspections DROP CONSTRAINT inspections_exemption_check;
ALTER TABLE enforcement.inspections DROP CONSTRAINT inspections_outcome_check;
ALTER TABLE enforcement.inspections DROP CONSTRAINT inspections_check;
ALTER TABLE enforcement.inspections DROP CONSTRAINT inspections_check1;

-- ---------------------------------------------------------------------------
-- The agency on every row: a child row carries its parent's, kept by a
-- composite foreign key.  The columns are filled in below, once the
-- tables are declared, so that the record records the filling.
-- ---------------------------------------------------------------------------
ALTER TABLE enforcement.officers
    ADD CONSTRAINT officers_id_agency UNIQUE (id, agency_id);
ALTER TABLE enforcement.inspection_plans
    ADD CONSTRAINT inspection_plans_id_agency UNIQUE (id, agency_id);
ALTER TABLE enforcement.inspections
    ADD CONSTRAINT inspections_id_agency UNIQUE (id, agency_id);
ALTER TABLE enforcement.certificates ADD COLUMN agency_id bigint;
ALTER TABLE enforcement.conflicts ADD COLUMN agency_id bigint;
ALTER TABLE enforcement.plan_items ADD COLUMN agency_id bigint;
ALTER TABLE enforcement.inspection_signatures ADD COLUMN agency_id bigint;
ALTER TABLE enforcement.complaints ADD COLUMN agency_id bigint
    REFERENCES enforcement.agencies (id);
CREATE INDEX certificates_agency ON enforcement.certificates (agency_id);
CREATE INDEX conflicts_agency ON enforcement.conflicts (agency_id);
CREATE INDEX plan_items_agency ON enforcement.plan_items (agency_id);
CREATE INDEX inspection_signatures_agency ON enforcement.inspection_signatures (agency_id);
CREATE INDEX complaints_agency ON enforcement.complaints (agency_id);
COMMENT ON COLUMN enforcement.certificates.agency_id IS
    'The officer''s agency, filled in by the extension.';
COMMENT ON COLUMN enforcement.conflicts.agency_id IS
    'The officer''s agency, filled in by the extension.';
COMMENT ON COLUMN enforcement.plan_items.agency_id IS
    'The plan''s agency, filled in by the extension.';
COMMENT ON COLUMN enforcement.inspection_signatures.agency_id IS
    'The inspection''s agency, filled in by the extension.';
COMMENT ON COLUMN enforcement.complaints.agency_id IS
    'The agency that handles the complaint; when not given, the agency it is about.';

-- The record's entries carry the node id like every other id.
ALTER SEQUENCE enforcement.process_log_seq MAXVALUE 9007199254740991;

-- ---------------------------------------------------------------------------
-- The catalog of declared tables, and the declaration.
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.declared_tables (
    table_name name PRIMARY KEY,
    kind text NOT NULL,
    agency_column name,
    parent_table name,
    parent_column name,
    private_columns text[] NOT NULL,
    mutable_columns text[],
    writer_privileges text[] NOT NULL,
    strict boolean NOT NULL,
    check_function text NOT NULL
);
COMMENT ON TABLE enforcement.declared_tables IS
    'Every table of the extension: its kind (records, log, secret, catalog), where its agency comes from, its private columns, the columns that may change after insert (NULL: all but the id and the agency), what writers may do, whether its refusals hold in warn mode, and its check.';

CREATE TABLE enforcement.vocabularies (
    table_name name NOT NULL,
    column_name name NOT NULL,
    terms text[] NOT NULL,
    PRIMARY KEY (table_name, column_name)
);
COMMENT ON TABLE enforcement.vocabularies IS
    'The fixed vocabularies of text columns; a value outside one is refused with 23514 under the constraint name <table>_<column>_check.';

CREATE FUNCTION enforcement.check_row() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_check_row' LANGUAGE C;
CREATE FUNCTION enforcement.complaints_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_complaints_check' LANGUAGE C;

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
    vocabulary jsonb DEFAULT NULL)
    RETURNS void
    AS 'MODULE_PATHNAME', 'en_declare' LANGUAGE C;
COMMENT ON FUNCTION enforcement.declare_table(regclass, text, name, name, name, text[], text[], text[], boolean, regprocedure, jsonb) IS
    'Makes a table of the schema an enforcement table of its kind, completely, and records it in enforcement.declared_tables; from the extension''s scripts only.';

SELECT enforcement.declare_table('enforcement.declared_tables', kind => 'catalog',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.vocabularies', kind => 'catalog',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.process_log', kind => 'log',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.chain_heads', kind => 'log',
                                 strict => true);
SELECT enforcement.declare_table('enforcement.agency_members');
SELECT enforcement.declare_table('enforcement.installation',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.settings',
                                 writer_privileges => '{SELECT}');
SELECT enforcement.declare_table('enforcement.calendar',
    writer_privileges => '{SELECT}',
    vocabulary => '{"kind": ["holiday", "workday"]}');
SELECT enforcement.declare_table('enforcement.violations',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.agencies',
    agency_column => 'id',
    writer_privileges => '{SELECT}',
    vocabulary => '{"kind": ["statutory", "authorized", "entrusted", "justice_bureau"]}');
SELECT enforcement.declare_table('enforcement.legal_bases',
    writer_privileges => '{SELECT}',
    vocabulary => '{"level": ["law", "administrative_regulation", "local_regulation", "department_rule", "local_government_rule"]}');
SELECT enforcement.declare_table('enforcement.agency_powers',
    agency_column => 'agency_id',
    writer_privileges => '{SELECT}',
    vocabulary => '{"power": ["inspection", "penalty", "coercion"]}');
SELECT enforcement.declare_table('enforcement.officers',
    agency_column => 'agency_id',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    vocabulary => '{"employment": ["established", "contract", "auxiliary", "seconded"]}');
SELECT enforcement.declare_table('enforcement.certificates',
    agency_column => 'agency_id',
    parent_table => 'officers', parent_column => 'officer_id',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.certificates_check()',
    vocabulary => '{"status": ["active", "suspended", "revoked"]}');
SELECT enforcement.declare_table('enforcement.enterprises',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.enterprises_check()',
    vocabulary => '{"kind": ["enterprise", "individual_business"]}');
SELECT enforcement.declare_table('enforcement.conflicts',
    agency_column => 'agency_id',
    parent_table => 'officers', parent_column => 'officer_id',
    writer_privileges => '{SELECT, INSERT, UPDATE}');
SELECT enforcement.declare_table('enforcement.inspection_limits',
    writer_privileges => '{SELECT}');
SELECT enforcement.declare_table('enforcement.inspection_plans',
    agency_column => 'agency_id',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.plans_check()',
    vocabulary => '{"status": ["draft", "filed"]}');
SELECT enforcement.declare_table('enforcement.plan_items',
    agency_column => 'agency_id',
    parent_table => 'inspection_plans', parent_column => 'plan_id',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.plan_items_check()');
SELECT enforcement.declare_table('enforcement.joint_inspections',
    agency_column => 'lead_agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.joint_inspections_check()');
SELECT enforcement.declare_table('enforcement.complaints',
    agency_column => 'agency_id',
    private_columns => '{complainant}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.complaints_check()',
    vocabulary => '{"kind": ["violation_report", "conduct_complaint"], "status": ["received", "accepted", "rejected", "verified", "answered", "closed"]}');
SELECT enforcement.declare_table('enforcement.inspections',
    agency_column => 'agency_id',
    mutable_columns => '{outcome, ended_on}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.inspections_check()',
    vocabulary => '{"mode": ["onsite", "offsite"], "exemption": ["national_security", "public_safety", "food_drug_safety", "production_safety", "eco_environment", "superior_deployment", "complaint_report", "emergency"], "outcome": ["no_issue", "education", "warning", "guidance_interview", "order_to_correct", "case_opened"]}');
SELECT enforcement.declare_table('enforcement.inspection_signatures',
    agency_column => 'agency_id',
    parent_table => 'inspections', parent_column => 'inspection_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.signatures_check()');
SELECT enforcement.declare_table('enforcement.secrets', kind => 'secret',
                                 mutable_columns => '{}', strict => true);

-- The agency of each child row, filled in by its check (the update of its
-- own scripts is not judged) and recorded in the process record.
UPDATE enforcement.certificates SET agency_id = NULL;
UPDATE enforcement.conflicts SET agency_id = NULL;
UPDATE enforcement.plan_items SET agency_id = NULL;
UPDATE enforcement.inspection_signatures SET agency_id = NULL;
UPDATE enforcement.complaints SET agency_id = about_agency_id
WHERE agency_id IS NULL AND about_agency_id IS NOT NULL;

ALTER TABLE enforcement.certificates DROP CONSTRAINT certificates_officer_id_fkey;
ALTER TABLE enforcement.certificates ADD CONSTRAINT certificates_officer_id_fkey
    FOREIGN KEY (officer_id, agency_id)
    REFERENCES enforcement.officers (id, agency_id) MATCH FULL;
ALTER TABLE enforcement.conflicts DROP CONSTRAINT conflicts_officer_id_fkey;
ALTER TABLE enforcement.conflicts ADD CONSTRAINT conflicts_officer_id_fkey
    FOREIGN KEY (officer_id, agency_id)
    REFERENCES enforcement.officers (id, agency_id) MATCH FULL;
ALTER TABLE enforcement.plan_items DROP CONSTRAINT plan_items_plan_id_fkey;
ALTER TABLE enforcement.plan_items ADD CONSTRAINT plan_items_plan_id_fkey
    FOREIGN KEY (plan_id, agency_id)
    REFERENCES enforcement.inspection_plans (id, agency_id) MATCH FULL;
ALTER TABLE enforcement.inspection_signatures
    DROP CONSTRAINT inspection_signatures_inspection_id_fkey;
ALTER TABLE enforcement.inspection_signatures
    ADD CONSTRAINT inspection_signatures_inspection_id_fkey
    FOREIGN KEY (inspection_id, agency_id)
    REFERENCES enforcement.inspections (id, agency_id) MATCH FULL;

-- ---------------------------------------------------------------------------
-- The rules table, the facts for the views, the views on them.
-- ---------------------------------------------------------------------------
CREATE FUNCTION enforcement.rule_entries(
    OUT code text, OUT rule text, OUT name text, OUT column_name text,
    OUT kind text, OUT message text, OUT hint text, OUT detail text,
    OUT message_local text, OUT hint_local text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'en_rules' LANGUAGE C STABLE;

CREATE VIEW enforcement.rules AS
SELECT r.code, r.rule, r.name, r.message, r.hint, r.detail, r.column_name,
       r.kind, r.message_local, r.hint_local
FROM enforcement.rule_entries() r;
COMMENT ON VIEW enforcement.rules IS
    'Every refusal of a rule: code (SQLSTATE), rule (invariants), a unique name, message, hint and detail format; kind says how warn mode and restores treat it.';

CREATE FUNCTION enforcement.certificate_holds(valid_from date, valid_to date,
                                              status text, status_since date,
                                              on_date date)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(valid_from OPERATOR(pg_catalog.<=) on_date
                    AND valid_to OPERATOR(pg_catalog.>=) on_date
                    AND (status OPERATOR(pg_catalog.=) 'active'
                         OR (status IS NOT NULL
                             AND status_since OPERATOR(pg_catalog.>) on_date)),
                    false);
COMMENT ON FUNCTION enforcement.certificate_holds(date, date, text, date, date) IS
    'OFF-2: whether a certificate holds on a day (valid then, not suspended or revoked on or before it).';

CREATE FUNCTION enforcement.cap_in_force(agency_id bigint, year integer,
                                         on_date date)
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
        SELECT l.max_per_enterprise
        FROM enforcement.inspection_limits l
        WHERE pg_catalog.isfinite(cap_in_force.on_date)
          AND l.year OPERATOR(pg_catalog.=) cap_in_force.year
          AND (l.agency_id OPERATOR(pg_catalog.=) cap_in_force.agency_id
               OR l.agency_id IS NULL)
          AND l.published_on OPERATOR(pg_catalog.<=) cap_in_force.on_date
        ORDER BY l.agency_id IS NULL, l.published_on DESC, l.id DESC
        LIMIT 1;
    END;
COMMENT ON FUNCTION enforcement.cap_in_force(bigint, integer, date) IS
    'INSP-5: the yearly cap of routine inspections in force for an agency on a day; NULL: no cap (or no finite day).';

-- INSP-5: the visit an inspection is part of: a joint inspection once for
-- all its parts, any other inspection by itself.  The two ids are of
-- different tables, so each is named with its kind.
CREATE FUNCTION enforcement.visit(joint_inspection_id bigint,
                                  inspection_id bigint)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN joint_inspection_id IS NOT NULL
                THEN 'joint '::pg_catalog.text OPERATOR(pg_catalog.||)
                     pg_catalog.textin(pg_catalog.int8out(joint_inspection_id))
                ELSE 'inspection '::pg_catalog.text OPERATOR(pg_catalog.||)
                     pg_catalog.textin(pg_catalog.int8out(inspection_id)) END;
COMMENT ON FUNCTION enforcement.visit(bigint, bigint) IS
    'INSP-5: the visit an inspection is part of: ''joint N'' once for all parts of joint inspection N, else ''inspection N''.';

-- INSP-5: the visit an inspection counts as against the cap, or NULL: a
-- routine one counts, a joint inspection once for all its parts, an exempt
-- one never.
CREATE FUNCTION enforcement.routine_visit(plan_id bigint,
                                          joint_inspection_id bigint,
                                          inspection_id bigint)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN plan_id IS NOT NULL
                THEN enforcement.visit(joint_inspection_id, inspection_id) END;
COMMENT ON FUNCTION enforcement.routine_visit(bigint, bigint, bigint) IS
    'INSP-5: the visit an inspection counts as against the cap (see visit()), or NULL for an exempt one.';

CREATE FUNCTION enforcement.routine_visits(agency_id bigint,
                                           enterprise_id bigint,
                                           year integer)
    RETURNS bigint
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
        SELECT pg_catalog.count(DISTINCT enforcement.routine_visit(
                   i.plan_id, i.joint_inspection_id, i.id))
        FROM enforcement.inspections i
        WHERE i.agency_id OPERATOR(pg_catalog.=) routine_visits.agency_id
          AND i.enterprise_id OPERATOR(pg_catalog.=) routine_visits.enterprise_id
          AND i.inspected_on OPERATOR(pg_catalog.>=)
              CASE WHEN routine_visits.year OPERATOR(pg_catalog.>=) 1
                    AND routine_visits.year OPERATOR(pg_catalog.<=) 9999
                   THEN pg_catalog.make_date(routine_visits.year, 1, 1) END
          AND i.inspected_on OPERATOR(pg_catalog.<)
              CASE WHEN routine_visits.year OPERATOR(pg_catalog.>=) 1
                    AND routine_visits.year OPERATOR(pg_catalog.<=) 9999
                   THEN pg_catalog.make_date(routine_visits.year OPERATOR(pg_catalog.+) 1, 1, 1) END;
    END;
COMMENT ON FUNCTION enforcement.routine_visits(bigint, bigint, integer) IS
    'INSP-5: the routine visits of an enterprise by an agency in a year that count against the cap.';

CREATE FUNCTION enforcement.rule_certificate_holds(valid_from date, valid_to date,
                                                   status text, status_since date,
                                                   on_date date)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_rule_certificate_holds' LANGUAGE C IMMUTABLE;
CREATE FUNCTION enforcement.rule_cap_in_force(agency_id bigint, year integer,
                                              on_date date)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'en_rule_cap_in_force' LANGUAGE C STABLE STRICT;
CREATE FUNCTION enforcement.rule_routine_visits(agency_id bigint,
                                                enterprise_id bigint,
                                                year integer)
    RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_rule_routine_visits' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.rule_cap_in_force(bigint, integer, date) IS
    'The cap in force as the inspection trigger reads it; equals cap_in_force().';

CREATE OR REPLACE VIEW enforcement.v_officer_certification WITH (security_invoker = true) AS
SELECT o.id AS officer_id,
       o.agency_id,
       c.number AS certificate_number,
       c.status,
       c.valid_to,
       (c.id IS NOT NULL
        AND (o.left_on IS NULL OR o.left_on > current_date)
        AND enforcement.certificate_holds(c.valid_from, c.valid_to, c.status,
                                          c.status_since, current_date))
           AS certified_today,
       CASE
           WHEN o.left_on <= current_date THEN 'left'
           WHEN c.id IS NULL THEN 'no_certificate'
           WHEN c.status = 'revoked' AND c.status_since <= current_date THEN 'revoked'
           WHEN c.status = 'suspended' AND c.status_since <= current_date THEN 'suspended'
           WHEN c.valid_from > current_date THEN 'not_yet_valid'
           WHEN c.valid_to < current_date THEN 'expired'
           WHEN c.valid_to < current_date + 90 THEN 'expires_within_90_days'
       END AS problem
FROM enforcement.officers o
LEFT JOIN LATERAL (
    SELECT c.*
    FROM enforcement.certificates c
    WHERE c.officer_id = o.id
    ORDER BY c.status <> 'revoked' DESC, c.issued_on DESC, c.id DESC
    LIMIT 1
) c ON true;
COMMENT ON VIEW enforcement.v_officer_certification IS
    'OFF-2: one row per officer, with the current (or latest) certificate and whether the officer is certified today.';

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
GROUP BY i.enterprise_id, extract(year FROM i.inspected_on)::integer;

COMMENT ON TABLE enforcement.settings IS
    'Thresholds and deadlines: hearing thresholds, the on-site collection limit, and the days allowed for decisions, disclosure, complaints and accountability.';
COMMENT ON TABLE enforcement.secrets IS
    'Keys of this installation (the check-in key, the record''s key for private columns); read by the extension''s owner only, never changed.';
COMMENT ON FUNCTION enforcement.acts_for(bigint) IS
    'Whether the current role acts for the agency (enforcement.agency_members).';

-- ---------------------------------------------------------------------------
-- Privileges of the functions and views (the tables' come from their
-- declarations), and nothing for PUBLIC.
-- ---------------------------------------------------------------------------
GRANT SELECT ON enforcement.rules, enforcement.v_officer_certification,
    enforcement.v_inspection_ledger, enforcement.v_unplanned_inspections,
    enforcement.v_inspection_frequency, enforcement.v_enterprise_burden
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
GRANT SELECT ON enforcement.v_violation_summary
    TO enforcement_supervisor, enforcement_auditor;
GRANT EXECUTE ON FUNCTION enforcement.rule_entries(),
    enforcement.certificate_holds(date, date, text, date, date),
    enforcement.cap_in_force(bigint, integer, date),
    enforcement.visit(bigint, bigint),
    enforcement.routine_visit(bigint, bigint, bigint),
    enforcement.routine_visits(bigint, bigint, integer),
    enforcement.rule_certificate_holds(date, date, text, date, date),
    enforcement.rule_cap_in_force(bigint, integer, date),
    enforcement.rule_routine_visits(bigint, bigint, integer)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;
GRANT USAGE ON SCHEMA enforcement
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
