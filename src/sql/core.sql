
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
