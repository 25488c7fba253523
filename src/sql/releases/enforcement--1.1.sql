-- enforcement: the database refuses unlawful administrative enforcement.
-- Version 1.1 as released; later versions change it only through update scripts.

\echo Use "CREATE EXTENSION enforcement" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Shared machinery: ids, settings, the calendar, violations.
-- ---------------------------------------------------------------------------

-- Ids: the node id in the high bits, this counter in the low 53 (src/ids.c).
CREATE SEQUENCE enforcement.id_seq AS bigint MINVALUE 1 MAXVALUE 9007199254740991;

CREATE TABLE enforcement.installation (
    node_id integer NOT NULL CHECK (node_id BETWEEN 1 AND 1023)
);
CREATE UNIQUE INDEX installation_single_row ON enforcement.installation ((true));
COMMENT ON TABLE enforcement.installation IS
    'The installation''s node id, set once by enforcement.set_node_id().';

CREATE FUNCTION enforcement.next_id() RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_next_id' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION enforcement.next_id() IS
    'A new id: the node id in the high bits, so installations never collide.';
CREATE FUNCTION enforcement.node_id() RETURNS integer
    AS 'MODULE_PATHNAME', 'en_node_id' LANGUAGE C STABLE;
CREATE FUNCTION enforcement.set_node_id(integer) RETURNS integer
    AS 'MODULE_PATHNAME', 'en_set_node_id' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION enforcement.set_node_id(integer) IS
    'Sets the installation''s node id (1..1023), once.';

CREATE TABLE enforcement.settings (
    name text PRIMARY KEY,
    value numeric NOT NULL
);

CREATE TABLE enforcement.calendar (
    day date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    source text
);
COMMENT ON TABLE enforcement.calendar IS
    'Official holidays (days off whatever the weekday) and make-up working days on weekends.';

CREATE FUNCTION enforcement.is_working_day(date) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_is_working_day' LANGUAGE C STABLE STRICT;
CREATE FUNCTION enforcement.add_working_days(date, integer) RETURNS date
    AS 'MODULE_PATHNAME', 'en_add_working_days' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.add_working_days(date, integer) IS
    'The day n working days after (n < 0: before) the given one; n = 0 returns it.';

CREATE TABLE enforcement.violations (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    occurred_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    code text NOT NULL,
    rule text,
    message text NOT NULL,
    detail text,
    hint text,
    table_name text,
    row_id bigint,
    db_user text,
    txid bigint NOT NULL DEFAULT pg_catalog.txid_current()
);
CREATE INDEX violations_code ON enforcement.violations (code, occurred_at);
COMMENT ON TABLE enforcement.violations IS
    'Violations let through in warn mode, and every change of enforcement.mode (code 00000).';

-- The trigger that keeps enforcement records (REC-2, EN501).
CREATE FUNCTION enforcement.forbid_delete() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_forbid_delete' LANGUAGE C;

-- ---------------------------------------------------------------------------
-- Roles, the process record, and the declaration of enforcement tables
-- (REC-1..3, EN501, EN503).
-- ---------------------------------------------------------------------------

-- Whether a superuser is restoring a dump: then nothing is appended to the
-- process record and the installed defaults are not inserted twice.
CREATE FUNCTION enforcement.restoring() RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_restoring_sql' LANGUAGE C STABLE;

-- The group roles (created if absent; roles belong to the cluster).
CREATE FUNCTION enforcement.create_role(text) RETURNS void
    AS 'MODULE_PATHNAME', 'en_create_role' LANGUAGE C STRICT;
SELECT enforcement.create_role('enforcement_writer');
SELECT enforcement.create_role('enforcement_supervisor');
SELECT enforcement.create_role('enforcement_auditor');
DROP FUNCTION enforcement.create_role(text);

-- Which roles act for which agency.
CREATE TABLE enforcement.agency_members (
    role_name text NOT NULL,
    agency_id bigint NOT NULL,
    PRIMARY KEY (role_name, agency_id)
);
COMMENT ON TABLE enforcement.agency_members IS
    'A member of role role_name acts for agency agency_id (row security, EN503).';

CREATE FUNCTION enforcement.acts_for(agency_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_acts_for' LANGUAGE C STABLE STRICT;
CREATE FUNCTION enforcement.officer_agency(officer_id bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_officer_agency' LANGUAGE C STABLE STRICT;

-- The process record: one hash chain per agency (chain 0: no agency).
CREATE SEQUENCE enforcement.process_log_seq AS bigint MINVALUE 1;
CREATE TABLE enforcement.process_log (
    seq bigint PRIMARY KEY,
    chain bigint NOT NULL,
    logged_at timestamptz NOT NULL,
    txid bigint NOT NULL,
    db_user text NOT NULL,
    table_name text NOT NULL,
    operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE')),
    row_id bigint,
    row_data jsonb NOT NULL,
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL
);
CREATE INDEX process_log_chain ON enforcement.process_log (chain, seq);
CREATE INDEX process_log_row ON enforcement.process_log (table_name, row_id);
COMMENT ON TABLE enforcement.process_log IS
    'Every INSERT and UPDATE of an enforcement table; hash = SHA-256(prev_hash || entry).';

CREATE TABLE enforcement.chain_heads (
    chain bigint PRIMARY KEY,
    seq bigint NOT NULL,
    hash bytea NOT NULL
);
COMMENT ON TABLE enforcement.chain_heads IS
    'The last entry of each chain of the process record.';

CREATE FUNCTION enforcement.protect_record() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_protect_record' LANGUAGE C;
CREATE TRIGGER protect_record BEFORE INSERT OR UPDATE OR DELETE
    ON enforcement.process_log
    FOR EACH ROW EXECUTE FUNCTION enforcement.protect_record();
CREATE TRIGGER protect_record_truncate BEFORE TRUNCATE ON enforcement.process_log
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.protect_record();
CREATE TRIGGER protect_record BEFORE INSERT OR UPDATE OR DELETE
    ON enforcement.chain_heads
    FOR EACH ROW EXECUTE FUNCTION enforcement.protect_record();
CREATE TRIGGER protect_record_truncate BEFORE TRUNCATE ON enforcement.chain_heads
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.protect_record();
SELECT pg_catalog.pg_extension_config_dump('enforcement.process_log', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.chain_heads', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.process_log_seq', '');

CREATE FUNCTION enforcement.verify_process_log(
    OUT ok boolean, OUT entries bigint, OUT first_bad_seq bigint)
    AS 'MODULE_PATHNAME', 'en_verify_process_log' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.verify_process_log() IS
    'Recomputes every chain of the process record; first_bad_seq is NULL when ok.';
CREATE FUNCTION enforcement.chain_head(OUT seq bigint, OUT hash bytea)
    AS 'MODULE_PATHNAME', 'en_chain_head' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.chain_head() IS
    'The newest seq and one hash over every chain head, to publish outside the database.';

-- The triggers declare_table() attaches.
CREATE FUNCTION enforcement.record_row() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_record_row' LANGUAGE C;
CREATE FUNCTION enforcement.agency_scope() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_agency_scope' LANGUAGE C;
CREATE FUNCTION enforcement.declare_table(tbl regclass, scope text DEFAULT NULL)
    RETURNS void
    AS 'MODULE_PATHNAME', 'en_declare_table' LANGUAGE C;
COMMENT ON FUNCTION enforcement.declare_table(regclass, text) IS
    'Makes a table an enforcement table: process record, no DELETE/TRUNCATE, agency row security, no PUBLIC access, pg_dump.';

-- ---------------------------------------------------------------------------
-- Subjects, powers, officers, certificates, enterprises (SUBJ-1, OFF-1..4).
-- ---------------------------------------------------------------------------

CREATE TABLE enforcement.agencies (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    kind text NOT NULL
        CHECK (kind IN ('statutory', 'authorized', 'entrusted', 'justice_bureau')),
    entrusted_by bigint REFERENCES enforcement.agencies (id),
    region_code text NOT NULL,
    legal_authority text,
    confirmed_on date,
    disclosed_on date,
    dissolved_on date,
    CHECK (entrusted_by IS DISTINCT FROM id)
);
COMMENT ON TABLE enforcement.agencies IS
    'Enforcement subjects (执法主体) and justice bureaus.';

CREATE TABLE enforcement.legal_bases (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    code text NOT NULL UNIQUE,
    title text NOT NULL,
    level text NOT NULL
        CHECK (level IN ('law', 'administrative_regulation', 'local_regulation',
                         'department_rule', 'local_government_rule')),
    article text,
    effective_from date NOT NULL,
    effective_to date,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);

CREATE TABLE enforcement.agency_powers (
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    power text NOT NULL CHECK (power IN ('inspection', 'penalty', 'coercion')),
    published_on date NOT NULL,
    PRIMARY KEY (agency_id, legal_basis_id, power)
);
CREATE INDEX agency_powers_basis ON enforcement.agency_powers (legal_basis_id);

CREATE TABLE enforcement.officers (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    name text NOT NULL,
    employment text NOT NULL
        CHECK (employment IN ('established', 'contract', 'auxiliary', 'seconded')),
    on_enforcement_post boolean NOT NULL,
    exam_passed_on date,
    legal_qualification boolean NOT NULL DEFAULT false,
    legal_reviewer boolean NOT NULL DEFAULT false,
    left_on date
);
CREATE INDEX officers_agency ON enforcement.officers (agency_id);

CREATE TABLE enforcement.certificates (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    officer_id bigint NOT NULL REFERENCES enforcement.officers (id),
    number text NOT NULL UNIQUE,
    issued_on date NOT NULL,
    valid_from date NOT NULL,
    valid_to date NOT NULL,
    status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'suspended', 'revoked')),
    status_since date NOT NULL,
    status_reason text,
    CHECK (valid_to >= valid_from)
);
CREATE INDEX certificates_officer ON enforcement.certificates (officer_id);
COMMENT ON COLUMN enforcement.certificates.status_since IS
    'Defaults to issued_on; a status change sets it (to current_date unless given).';

CREATE TABLE enforcement.enterprises (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    credit_code text NOT NULL UNIQUE,
    name text NOT NULL,
    kind text NOT NULL DEFAULT 'enterprise'
        CHECK (kind IN ('enterprise', 'individual_business')),
    region_code text
);

CREATE TABLE enforcement.conflicts (
    officer_id bigint NOT NULL REFERENCES enforcement.officers (id),
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    declared_on date NOT NULL,
    reason text,
    PRIMARY KEY (officer_id, enterprise_id)
);
CREATE INDEX conflicts_enterprise ON enforcement.conflicts (enterprise_id);

CREATE FUNCTION enforcement.agency_may_act(agency_id bigint, on_date date)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_agency_may_act' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION enforcement.agency_may_act(bigint, date) IS
    'SUBJ-1: whether the agency may act on the date; locks the agency rows it reads.';

CREATE FUNCTION enforcement.officer_certified(officer_id bigint, agency_id bigint,
                                              on_date date)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_officer_certified' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION enforcement.officer_certified(bigint, bigint, date) IS
    'OFF-2: whether the officer is certified for the agency on the date; locks the rows it reads.';

CREATE FUNCTION enforcement.credit_code_valid(text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_credit_code_valid'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION enforcement.credit_code_valid(text) IS
    'GB 32100-2015 unified social credit code: 18 characters and the check character.';

CREATE FUNCTION enforcement.certificates_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_certificates_check' LANGUAGE C;
CREATE TRIGGER certificates_check
    BEFORE INSERT OR UPDATE ON enforcement.certificates
    FOR EACH ROW EXECUTE FUNCTION enforcement.certificates_check();

CREATE FUNCTION enforcement.officers_departure() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_officers_departure' LANGUAGE C;
CREATE TRIGGER officers_departure
    AFTER UPDATE OF left_on, on_enforcement_post, employment ON enforcement.officers
    FOR EACH ROW EXECUTE FUNCTION enforcement.officers_departure();

CREATE FUNCTION enforcement.enterprises_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_enterprises_check' LANGUAGE C;
CREATE TRIGGER enterprises_check
    BEFORE INSERT OR UPDATE OF credit_code ON enforcement.enterprises
    FOR EACH ROW EXECUTE FUNCTION enforcement.enterprises_check();

-- ---------------------------------------------------------------------------
-- Supervision views.
-- ---------------------------------------------------------------------------

-- One row per officer: the current (or, with none, the latest) certificate.
CREATE VIEW enforcement.v_officer_certification WITH (security_invoker = true) AS
SELECT o.id AS officer_id,
       o.agency_id,
       c.number AS certificate_number,
       c.status,
       c.valid_to,
       (c.id IS NOT NULL
        AND (o.left_on IS NULL OR o.left_on > current_date)
        AND c.valid_from <= current_date AND c.valid_to >= current_date
        AND NOT (c.status <> 'active' AND c.status_since <= current_date))
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


-- ---------------------------------------------------------------------------
-- Every table that holds enforcement data is declared: process record, no
-- DELETE or TRUNCATE, agency row security where it has an agency, nothing
-- for PUBLIC, and its data in pg_dump.
-- ---------------------------------------------------------------------------
SELECT enforcement.declare_table('enforcement.installation');
SELECT enforcement.declare_table('enforcement.settings');
SELECT enforcement.declare_table('enforcement.calendar');
SELECT enforcement.declare_table('enforcement.violations');
SELECT enforcement.declare_table('enforcement.agency_members');
SELECT enforcement.declare_table('enforcement.agencies', 'id');
SELECT enforcement.declare_table('enforcement.legal_bases');
SELECT enforcement.declare_table('enforcement.agency_powers', 'agency_id');
SELECT enforcement.declare_table('enforcement.officers', 'agency_id');
SELECT enforcement.declare_table('enforcement.certificates', 'officer:officer_id');
SELECT enforcement.declare_table('enforcement.enterprises');
SELECT enforcement.declare_table('enforcement.conflicts', 'officer:officer_id');
SELECT pg_catalog.pg_extension_config_dump('enforcement.id_seq', '');
-- The node id is fixed once written.
CREATE TRIGGER fixed_once_written BEFORE UPDATE ON enforcement.installation
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();

-- ---------------------------------------------------------------------------
-- Privileges: nothing for PUBLIC; writers write their agencies' registry,
-- supervisors read, auditors verify.
-- ---------------------------------------------------------------------------
REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;

GRANT USAGE ON SCHEMA enforcement
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

GRANT SELECT ON enforcement.agencies, enforcement.legal_bases,
    enforcement.agency_powers, enforcement.officers, enforcement.certificates,
    enforcement.enterprises, enforcement.conflicts, enforcement.settings,
    enforcement.calendar, enforcement.v_officer_certification
    TO enforcement_writer;
GRANT INSERT, UPDATE ON enforcement.officers, enforcement.certificates,
    enforcement.enterprises, enforcement.conflicts
    TO enforcement_writer;
GRANT EXECUTE ON FUNCTION enforcement.next_id(), enforcement.node_id(),
    enforcement.agency_may_act(bigint, date),
    enforcement.officer_certified(bigint, bigint, date),
    enforcement.credit_code_valid(text), enforcement.is_working_day(date),
    enforcement.add_working_days(date, integer),
    enforcement.acts_for(bigint), enforcement.officer_agency(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

GRANT SELECT ON enforcement.installation, enforcement.settings,
    enforcement.calendar, enforcement.violations, enforcement.agency_members,
    enforcement.agencies, enforcement.legal_bases, enforcement.agency_powers,
    enforcement.officers, enforcement.certificates, enforcement.enterprises,
    enforcement.conflicts, enforcement.process_log, enforcement.chain_heads,
    enforcement.v_officer_certification
    TO enforcement_supervisor, enforcement_auditor;
GRANT EXECUTE ON FUNCTION enforcement.verify_process_log(),
    enforcement.chain_head()
    TO enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- Installed data (not inserted again while a dump is restored: the dump
-- brings it back with any later changes).
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.settings (name, value)
SELECT v.name, v.value
FROM (VALUES
    ('hearing_threshold_individual', 5000),
    ('hearing_threshold_organisation', 100000),
    ('onsite_collection_limit', 100),
    ('decision_deadline_days', 90),
    ('disclosure_working_days', 7),
    ('complaint_accept_working_days', 5),
    ('complaint_answer_days', 30),
    ('accountability_due_days', 30)) AS v(name, value)
WHERE NOT enforcement.restoring();

-- ---------------------------------------------------------------------------
-- 1.1: a summary of the violations let through in warn mode, for the DBA
-- rolling the extension out (docs/install.md).
-- ---------------------------------------------------------------------------
CREATE VIEW enforcement.v_violation_summary WITH (security_invoker = true) AS
SELECT v.code, v.rule, v.table_name, count(*) AS violations,
       min(v.occurred_at) AS first_at, max(v.occurred_at) AS last_at
FROM enforcement.violations v
WHERE v.code <> '00000'
GROUP BY v.code, v.rule, v.table_name;
COMMENT ON VIEW enforcement.v_violation_summary IS
    'Violations let through in warn mode, by code, rule and table.';
REVOKE ALL ON enforcement.v_violation_summary FROM PUBLIC;
GRANT SELECT ON enforcement.v_violation_summary
    TO enforcement_supervisor, enforcement_auditor;

-- Official 2025-2026 holidays and make-up working days.
INSERT INTO enforcement.calendar (day, kind, source)
SELECT v.day::date, v.kind, v.source FROM (VALUES
    ('2025-01-01', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-01-26', 'workday', '国办发明电〔2024〕12号'),
    ('2025-01-28', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-01-29', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-01-30', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-01-31', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-02-01', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-02-02', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-02-03', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-02-04', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-02-08', 'workday', '国办发明电〔2024〕12号'),
    ('2025-04-04', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-04-05', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-04-06', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-04-27', 'workday', '国办发明电〔2024〕12号'),
    ('2025-05-01', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-05-02', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-05-03', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-05-04', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-05-05', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-05-31', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-06-01', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-06-02', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-09-28', 'workday', '国办发明电〔2024〕12号'),
    ('2025-10-01', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-10-02', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-10-03', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-10-04', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-10-05', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-10-06', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-10-07', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-10-08', 'holiday', '国办发明电〔2024〕12号'),
    ('2025-10-11', 'workday', '国办发明电〔2024〕12号'),
    ('2026-01-01', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-01-02', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-01-03', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-01-04', 'workday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-14', 'workday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-15', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-16', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-17', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-18', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-19', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-20', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-21', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-22', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-23', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-02-28', 'workday', '国务院办公厅 2025-11-04 通知'),
    ('2026-04-04', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-04-05', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-04-06', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-05-01', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-05-02', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-05-03', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-05-04', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-05-05', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-05-09', 'workday', '国务院办公厅 2025-11-04 通知'),
    ('2026-06-19', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-06-20', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-06-21', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-09-20', 'workday', '国务院办公厅 2025-11-04 通知'),
    ('2026-09-25', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-09-26', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-09-27', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-10-01', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-10-02', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-10-03', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-10-04', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-10-05', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-10-06', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-10-07', 'holiday', '国务院办公厅 2025-11-04 通知'),
    ('2026-10-10', 'workday', '国务院办公厅 2025-11-04 通知')
) AS v(day, kind, source)
WHERE NOT enforcement.restoring();
