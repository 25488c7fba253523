-- ---------------------------------------------------------------------------
-- Declared tables (src/declare.c, src/relinfo.c, src/row.c,
-- src/append_only.c): every table of the extension is declared once, with
-- everything its kind needs, and the catalog of declarations is what every
-- trigger reads its table's descriptor from.
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

CREATE TABLE enforcement.declared_columns (
    table_name name NOT NULL,
    column_name name NOT NULL,
    kind text NOT NULL CHECK (kind IN ('once', 'act')),
    PRIMARY KEY (table_name, column_name, kind)
);
COMMENT ON TABLE enforcement.declared_columns IS
    'Columns with a rule of their own: once (set once, from NULL, then fixed) and act (the date of an act, never after the day the row is recorded).';

-- The triggers declare_table() attaches.
CREATE FUNCTION enforcement.check_row() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_check_row' LANGUAGE C;
CREATE FUNCTION enforcement.forbid_delete() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_forbid_delete' LANGUAGE C;

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

-- The catalogs and the process record are declared first.
SELECT enforcement.declare_table('enforcement.declared_tables', kind => 'catalog',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.vocabularies', kind => 'catalog',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.declared_columns', kind => 'catalog',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.process_log', kind => 'log',
                                 mutable_columns => '{}', strict => true);
SELECT enforcement.declare_table('enforcement.chain_heads', kind => 'log',
                                 strict => true);
SELECT pg_catalog.pg_extension_config_dump('enforcement.process_log_seq', '');

-- Memberships are the DBA's; no writer reads or writes them.
SELECT enforcement.declare_table('enforcement.agency_members');
