
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
