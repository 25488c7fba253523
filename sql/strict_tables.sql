-- Strict tables refuse in every mode (defect 3 of 1.2): the node id, the
-- keys, the warn-mode record, the catalogs and the process record cannot
-- be truncated, deleted or changed, in warn mode either; enforcement
-- records are never deleted either, but warn mode records and lets that
-- through, as it does any rule.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
SELECT enforcement.set_node_id(3);
\i test/fixtures/registry.sql
\set VERBOSITY terse

SELECT table_name, kind, strict FROM enforcement.declared_tables
WHERE strict ORDER BY 1;

SET enforcement.mode = 'warn';
-- in warn mode, each strict table refuses TRUNCATE, DELETE and UPDATE
CREATE FUNCTION pg_temp.try(sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE sql;
    RETURN 'let through';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;
SELECT d.table_name,
       pg_temp.try(format('TRUNCATE enforcement.%I CASCADE', d.table_name)) AS truncate,
       pg_temp.try(format('DELETE FROM enforcement.%I', d.table_name)) AS delete,
       pg_temp.try(format('UPDATE enforcement.%I SET %I = %I',
                          d.table_name, a.attname, a.attname)) AS update_same,
       pg_temp.try(format('UPDATE enforcement.%I SET %I = NULL',
                          d.table_name, a.attname)) AS update_null
FROM enforcement.declared_tables d
CROSS JOIN LATERAL (
    SELECT a.attname FROM pg_attribute a
    WHERE a.attrelid = ('enforcement.' || d.table_name)::regclass
      AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attnum LIMIT 1) a
WHERE d.strict
ORDER BY 1;
-- nothing was lost
SELECT count(*) AS keys FROM enforcement.secrets;
SELECT enforcement.node_id();
-- the node id cannot be set a second time after a refused DELETE
SELECT enforcement.set_node_id(4);
\echo :LAST_ERROR_SQLSTATE

-- an enforcement record's deletion is recorded and let through in warn
-- mode, like any rule; the record shows it was asked for
BEGIN;
DELETE FROM enforcement.enterprises WHERE id = 502;
SELECT code, rule, table_name, row_id FROM enforcement.violations
WHERE code = 'EN501' ORDER BY id;
ROLLBACK;
RESET enforcement.mode;
-- and refused in enforce mode
DELETE FROM enforcement.enterprises WHERE id = 502;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE enforcement.secrets;
\echo :LAST_ERROR_SQLSTATE
SELECT ok FROM enforcement.verify_process_log();
