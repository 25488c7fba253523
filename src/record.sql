-- ---------------------------------------------------------------------------
-- The process record (src/record.c, REC-1..3): one hash chain per agency
-- (chain 0: rows without one), entries numbered with the node id in their
-- high bits like every other id.
-- ---------------------------------------------------------------------------
CREATE SEQUENCE enforcement.process_log_seq AS bigint MINVALUE 1
    MAXVALUE 9007199254740991;
CREATE TABLE enforcement.process_log (
    seq bigint PRIMARY KEY,
    chain bigint NOT NULL,
    logged_at timestamptz NOT NULL,
    txid bigint NOT NULL,
    db_user text NOT NULL,
    table_name text NOT NULL,
    operation text NOT NULL,
    row_id bigint,
    row_data jsonb NOT NULL,
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL
);
CREATE INDEX process_log_chain ON enforcement.process_log (chain, seq);
COMMENT ON TABLE enforcement.process_log IS
    'Every INSERT and UPDATE of an enforcement table; hash = SHA-256(prev_hash || entry).';

CREATE TABLE enforcement.chain_heads (
    chain bigint PRIMARY KEY,
    seq bigint NOT NULL,
    hash bytea NOT NULL
);
COMMENT ON TABLE enforcement.chain_heads IS
    'The last entry of each chain of the process record.';

CREATE FUNCTION enforcement.record_row() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_record_row' LANGUAGE C;
CREATE FUNCTION enforcement.protect_record() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_protect_record' LANGUAGE C;

CREATE FUNCTION enforcement.verify_process_log(
    OUT ok boolean, OUT entries bigint, OUT first_bad_seq bigint)
    AS 'MODULE_PATHNAME', 'en_verify_process_log' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.verify_process_log() IS
    'Recomputes every chain of the process record; first_bad_seq is NULL when ok.';
CREATE FUNCTION enforcement.chain_head(OUT seq bigint, OUT hash bytea)
    AS 'MODULE_PATHNAME', 'en_chain_head' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.chain_head() IS
    'The newest seq and one hash over every chain head, to publish outside the database.';

-- Whether a superuser is restoring a dump: then nothing is appended to the
-- process record and the installed defaults are not inserted twice.
CREATE FUNCTION enforcement.restoring() RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_restoring_sql' LANGUAGE C STABLE;

GRANT EXECUTE ON FUNCTION enforcement.verify_process_log(),
    enforcement.chain_head()
    TO enforcement_supervisor, enforcement_auditor;

-- Every live row of every declared table of records against its last entry
-- in the process record (src/record.c).
CREATE FUNCTION enforcement.verify_rows(
    OUT table_name text, OUT row_id bigint, OUT problem text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'en_verify_rows' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.verify_rows() IS
    'Rows of the declared tables of records that are not in the process record, differ from their last entry, or whose entry has no row left; row_id is NULL for a table keyed by other columns, whose key the problem names.';
REVOKE ALL ON FUNCTION enforcement.verify_rows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enforcement.verify_rows()
    TO enforcement_supervisor, enforcement_auditor;
