-- The catalog of declared tables (src/declare.c) is complete and faithful:
-- every table of the schema is declared, and each has what its kind
-- promises: its triggers, its place in pg_dump, its row security, its
-- grants, its parent's composite foreign key and its vocabularies.  Every
-- check is a generic query over the system catalogs, driven by
-- enforcement.declared_tables, so that it keeps holding as tables are added.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SET LOCAL client_min_messages = warning;
SET LOCAL lc_messages = 'C';

SELECT plan(42);

-- The declared tables with their oids.
CREATE TEMP VIEW declared AS
SELECT d.*, c.oid AS relid
FROM enforcement.declared_tables d
LEFT JOIN pg_class c
       ON c.relname = d.table_name
      AND c.relnamespace = 'enforcement'::regnamespace
      AND c.relkind IN ('r', 'p');

-- ===========================================================================
-- Complete: every table is declared, every declared table exists (5)
-- ===========================================================================
SELECT is_empty($$
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind IN ('r', 'p')
      AND c.relname NOT IN (SELECT table_name FROM enforcement.declared_tables)$$,
    'every table of schema enforcement is in enforcement.declared_tables');
SELECT is_empty($$SELECT table_name FROM declared WHERE relid IS NULL$$,
    'every declared table exists in schema enforcement');
SELECT cmp_ok((SELECT count(*) FROM declared WHERE kind = 'records'), '>=', 15::bigint,
              'there are many records tables to check');
SELECT is_empty($$SELECT table_name, kind FROM enforcement.declared_tables
                  WHERE kind NOT IN ('records', 'log', 'secret', 'catalog')$$,
    'every declared table is of a known kind');
SELECT results_eq($$SELECT kind, array_agg(table_name::text COLLATE "default" ORDER BY table_name)
                    FROM enforcement.declared_tables
                    WHERE kind <> 'records' GROUP BY kind ORDER BY kind$$,
    $$VALUES ('catalog', ARRAY['declared_columns', 'declared_tables', 'vocabularies']),
             ('log', ARRAY['chain_heads', 'process_log']),
             ('secret', ARRAY['secrets'])$$,
    'the catalogs, the process record and the secrets are the tables of the other kinds');

-- ===========================================================================
-- Triggers by kind (4)
-- ===========================================================================
-- A trigger's timing, events and level, from pg_trigger.tgtype.
CREATE FUNCTION pg_temp.trigger_shape(t int2) RETURNS text
LANGUAGE sql IMMUTABLE RETURN
    CASE WHEN t & 2 <> 0 THEN 'BEFORE' WHEN t & 64 <> 0 THEN 'INSTEAD OF' ELSE 'AFTER' END
    || ' ' || array_to_string(ARRAY[
           CASE WHEN t & 4 <> 0 THEN 'INSERT' END,
           CASE WHEN t & 16 <> 0 THEN 'UPDATE' END,
           CASE WHEN t & 8 <> 0 THEN 'DELETE' END,
           CASE WHEN t & 32 <> 0 THEN 'TRUNCATE' END], ' OR ')
    || CASE WHEN t & 1 <> 0 THEN ' FOR EACH ROW' ELSE ' FOR EACH STATEMENT' END;

CREATE TEMP VIEW expected_triggers AS
SELECT d.table_name::text, t.name, t.shape, t.function
FROM declared d
CROSS JOIN LATERAL (
    VALUES ('check_row', 'BEFORE INSERT OR UPDATE FOR EACH ROW', d.check_function),
           ('record_row', 'AFTER INSERT OR UPDATE FOR EACH ROW', 'enforcement.record_row()'),
           ('forbid_delete', 'BEFORE DELETE FOR EACH ROW', 'enforcement.forbid_delete()'),
           ('forbid_truncate', 'BEFORE TRUNCATE FOR EACH STATEMENT', 'enforcement.forbid_delete()'),
           ('protect_record', 'BEFORE INSERT OR UPDATE OR DELETE FOR EACH ROW',
            'enforcement.protect_record()'),
           ('protect_record_truncate', 'BEFORE TRUNCATE FOR EACH STATEMENT',
            'enforcement.protect_record()')
) AS t (name, shape, function)
WHERE CASE d.kind
          WHEN 'records' THEN t.name IN ('check_row', 'record_row', 'forbid_delete',
                                         'forbid_truncate')
          WHEN 'log' THEN t.name IN ('protect_record', 'protect_record_truncate')
          ELSE t.name IN ('check_row', 'forbid_delete', 'forbid_truncate')
      END;

-- The enabled triggers of the declared tables.
CREATE TEMP VIEW actual_triggers AS
SELECT d.table_name::text, tg.tgname::text AS name,
       pg_temp.trigger_shape(tg.tgtype) AS shape,
       tg.tgfoid::regprocedure::text AS function
FROM declared d
JOIN pg_trigger tg ON tg.tgrelid = d.relid
WHERE NOT tg.tgisinternal AND tg.tgenabled = 'O';

SELECT cmp_ok((SELECT count(*) FROM expected_triggers), '>=', 80::bigint,
              'dozens of triggers are expected of the declared tables');
SELECT is_empty($$SELECT * FROM expected_triggers EXCEPT SELECT * FROM actual_triggers$$,
    'every declared table has the triggers of its kind, enabled, with their timing, events, level and function (records: check_row with its check, record_row, forbid_delete, forbid_truncate; log: protect_record, protect_record_truncate; secret and catalog: check_row, forbid_delete, forbid_truncate)');
SELECT is_empty($$SELECT * FROM actual_triggers
                  WHERE name IN (SELECT name FROM expected_triggers)
                  EXCEPT SELECT * FROM expected_triggers$$,
    'no declared table has a trigger of another kind (no record_row outside records, no protect_record outside log)');
SELECT is_empty($$SELECT d.table_name, tg.tgname FROM declared d
                  JOIN pg_trigger tg ON tg.tgrelid = d.relid
                  WHERE NOT tg.tgisinternal AND tg.tgenabled <> 'O'$$,
    'no trigger of a declared table is disabled or set to fire only as replica');

-- ===========================================================================
-- In pg_dump: every kind but catalog (3)
-- ===========================================================================
CREATE TEMP VIEW dumped AS
SELECT c.cfg AS relid, c.cond
FROM pg_extension e,
     unnest(e.extconfig, e.extcondition) AS c (cfg, cond)
WHERE e.extname = 'enforcement';

SELECT is_empty($$SELECT table_name, kind FROM declared
                  WHERE kind IN ('records', 'log', 'secret')
                    AND relid NOT IN (SELECT relid FROM dumped)$$,
    'every records, log and secret table is in pg_extension.extconfig (its data dumped)');
SELECT is_empty($$SELECT table_name FROM declared
                  WHERE kind = 'catalog' AND relid IN (SELECT relid FROM dumped)$$,
    'the catalogs (declared_tables, vocabularies) are not dumped: CREATE EXTENSION makes them');
SELECT is_empty($$SELECT d.table_name, x.cond FROM declared d JOIN dumped x USING (relid)
                  WHERE x.cond <> ''$$,
    'every dumped table is dumped whole (no condition)');

-- ===========================================================================
-- Row security (4)
-- ===========================================================================
SELECT is_empty($$SELECT d.table_name, d.kind, d.agency_column, c.relrowsecurity
                  FROM declared d JOIN pg_class c ON c.oid = d.relid
                  WHERE c.relrowsecurity IS DISTINCT FROM
                        (d.kind = 'records' AND d.agency_column IS NOT NULL)$$,
    'row security is enabled exactly on the records tables with an agency column');
SELECT cmp_ok((SELECT count(*) FROM declared WHERE kind = 'records' AND agency_column IS NOT NULL),
              '>=', 10::bigint, 'many records tables have an agency column');

CREATE TEMP VIEW expected_policies AS
SELECT d.table_name::text, p.*
FROM declared d
CROSS JOIN LATERAL (
    VALUES ('agency_writer', 'PERMISSIVE', 'ALL', ARRAY['enforcement_writer'],
            format('enforcement.acts_for(%s)', quote_ident(d.agency_column)),
            format('enforcement.acts_for(%s)', quote_ident(d.agency_column))),
           ('supervision_read', 'PERMISSIVE', 'SELECT',
            ARRAY['enforcement_auditor', 'enforcement_supervisor'], 'true', NULL),
           -- 1.6: the owner of the supervision views, for the role that queries them
           ('view_read', 'PERMISSIVE', 'SELECT', ARRAY['enforcement_view_owner'],
            format('enforcement.view_sees(%s)', quote_ident(d.agency_column)), NULL)
) AS p (policy, permissive, cmd, roles, qual, with_check)
WHERE d.kind = 'records' AND d.agency_column IS NOT NULL
UNION ALL
-- what the region publishes for every agency is read by every writer
SELECT t, 'region_wide_read', 'PERMISSIVE', 'SELECT',
       ARRAY['enforcement_view_owner', 'enforcement_writer'], '(agency_id IS NULL)', NULL
FROM unnest(ARRAY['discretion_benchmarks', 'leniency_items']) t;

SELECT set_eq($$SELECT tablename::text, policyname::text, permissive, cmd,
                       ARRAY(SELECT r::text FROM unnest(roles) r ORDER BY 1), qual, with_check
                FROM pg_policies WHERE schemaname = 'enforcement'$$,
    $$SELECT * FROM expected_policies$$,
    'the policies of the schema are exactly agency_writer (TO enforcement_writer, acts_for(<agency column>)), supervision_read (supervisors and auditors) and view_read (the views'' owner, view_sees(<agency column>)) on each records table with an agency column, and region_wide_read on the two published lists with region-wide rows');
SELECT is((SELECT count(*) FROM pg_policies WHERE schemaname = 'enforcement'),
          3 * (SELECT count(*) FROM declared WHERE kind = 'records' AND agency_column IS NOT NULL) + 2,
          'three policies per records table with an agency column (four on the two published lists), and none elsewhere');

-- ===========================================================================
-- Grants (12)
-- ===========================================================================
CREATE TEMP VIEW privileges (privilege) AS
VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'),
       ('REFERENCES'), ('TRIGGER');
CREATE TEMP VIEW column_privileges (privilege) AS
VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('REFERENCES');

-- PUBLIC
SELECT is_empty($$SELECT d.table_name, p.privilege FROM declared d, privileges p
                  WHERE has_table_privilege('public', d.relid, p.privilege)
                     OR (p.privilege IN (SELECT privilege FROM column_privileges)
                         AND has_any_column_privilege('public', d.relid, p.privilege))$$,
    'PUBLIC has no privilege on any declared table or any of its columns');
SELECT is_empty($$SELECT d.table_name, a.privilege_type FROM declared d
                  JOIN pg_class c ON c.oid = d.relid,
                  aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
                  WHERE a.grantee = 0$$,
    'no ACL of a declared table names PUBLIC');

-- enforcement_writer: exactly writer_privileges (catalogs: SELECT)
CREATE TEMP VIEW writer_expected AS
SELECT d.table_name, d.relid,
       CASE WHEN d.kind = 'catalog' THEN ARRAY['SELECT'] ELSE d.writer_privileges END AS privileges
FROM declared d;
SELECT is_empty($$
    SELECT w.table_name, p.privilege, w.privileges
    FROM writer_expected w, privileges p
    WHERE has_table_privilege('enforcement_writer', w.relid, p.privilege)
              IS DISTINCT FROM (p.privilege = ANY (w.privileges))
       OR (p.privilege IN (SELECT privilege FROM column_privileges)
           AND has_any_column_privilege('enforcement_writer', w.relid, p.privilege)
                   IS DISTINCT FROM (p.privilege = ANY (w.privileges)))$$,
    'enforcement_writer has exactly the privileges of writer_privileges on each table (catalogs: SELECT), and no other on any column');
SELECT ok((SELECT count(*) FILTER (WHERE 'INSERT' = ANY (privileges)) >= 5
              AND count(*) FILTER (WHERE privileges = '{SELECT}') >= 5
              AND count(*) FILTER (WHERE privileges = '{}') >= 3
           FROM writer_expected),
          'writer_privileges has tables writers write, tables they only read and tables they never see');
SELECT is(has_table_privilege('enforcement_writer', 'enforcement.inspections', 'INSERT')
          AND NOT has_table_privilege('enforcement_writer', 'enforcement.inspections', 'DELETE')
          AND NOT has_table_privilege('enforcement_writer', 'enforcement.process_log', 'SELECT')
          AND has_table_privilege('enforcement_writer', 'enforcement.vocabularies', 'SELECT'),
          true,
          'a writer inserts inspections, never deletes them, never reads the process record, reads the catalogs');

-- enforcement_supervisor and enforcement_auditor: every column but the
-- private ones, nothing on the secrets, nothing but SELECT
CREATE TEMP VIEW readers (role) AS
VALUES ('enforcement_supervisor'), ('enforcement_auditor');
CREATE TEMP VIEW declared_columns AS
SELECT d.table_name, d.kind, d.relid, a.attname::text AS column_name,
       a.attname::text = ANY (d.private_columns) AS private
FROM declared d
JOIN pg_attribute a ON a.attrelid = d.relid AND a.attnum > 0 AND NOT a.attisdropped;

SELECT cmp_ok((SELECT count(*) FROM declared_columns WHERE kind <> 'secret'), '>=', 100::bigint,
              'there are well over a hundred columns to check');
SELECT is_empty($$
    SELECT r.role, c.table_name, c.column_name, c.private
    FROM readers r, declared_columns c
    WHERE c.kind <> 'secret'
      AND has_column_privilege(r.role, c.relid, c.column_name, 'SELECT') = c.private$$,
    'supervisors and auditors read every column of every table but the secrets, except the private columns');
SELECT is_empty($$
    SELECT d.table_name, p FROM declared d, unnest(d.private_columns) p
    WHERE p NOT IN (SELECT column_name FROM declared_columns c WHERE c.relid = d.relid)$$,
    'every private column is a column of its table');
SELECT ok((SELECT count(*) FROM declared_columns WHERE private) >= 1
          AND NOT has_column_privilege('enforcement_supervisor', 'enforcement.complaints',
                                       'complainant', 'SELECT')
          AND NOT has_column_privilege('enforcement_auditor', 'enforcement.complaints',
                                       'complainant', 'SELECT')
          AND has_column_privilege('enforcement_auditor', 'enforcement.complaints',
                                   'summary', 'SELECT'),
          'the complainant is private: supervisors and auditors read the complaint but not who made it');
SELECT is_empty($$
    SELECT r.role, d.table_name, p.privilege FROM readers r, declared d, privileges p
    WHERE (d.kind = 'secret' OR p.privilege <> 'SELECT')
      AND (has_table_privilege(r.role, d.relid, p.privilege)
           OR (p.privilege IN (SELECT privilege FROM column_privileges)
               AND has_any_column_privilege(r.role, d.relid, p.privilege)))$$,
    'supervisors and auditors have nothing on the secrets and only SELECT elsewhere');
SELECT is_empty($$
    SELECT d.table_name, a.grantee::regrole, a.privilege_type FROM declared d
    JOIN pg_class c ON c.oid = d.relid,
    aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
    WHERE d.kind = 'secret' AND a.grantee <> c.relowner$$,
    'no role but the owner holds any privilege on the secret tables');
SELECT is_empty($$
    SELECT d.table_name, g.role, p.privilege
    FROM declared d, privileges p,
         (VALUES ('public'), ('enforcement_writer'), ('enforcement_supervisor'),
                 ('enforcement_auditor')) AS g (role)
    WHERE d.kind = 'secret'
      AND (has_table_privilege(g.role, d.relid, p.privilege)
           OR (p.privilege IN (SELECT privilege FROM column_privileges)
               AND has_any_column_privilege(g.role, d.relid, p.privilege)))$$,
    'neither PUBLIC nor any enforcement role can use the secret tables in any way');

-- ===========================================================================
-- The parent's composite foreign key (3)
-- ===========================================================================
SELECT cmp_ok((SELECT count(*) FROM declared WHERE parent_table IS NOT NULL), '>=', 3::bigint,
              'several tables take their agency from a parent');
SELECT is_empty($$
    SELECT d.table_name, d.parent_table FROM declared d
    WHERE d.parent_table IS NOT NULL
      AND NOT EXISTS (
          SELECT 1 FROM pg_constraint k
          WHERE k.conrelid = d.relid AND k.contype = 'f'
            AND k.confrelid = format('enforcement.%I', d.parent_table)::regclass
            AND k.confmatchtype = 'f'
            AND k.conkey = ARRAY[
                    (SELECT attnum FROM pg_attribute
                     WHERE attrelid = d.relid AND attname = d.parent_column),
                    (SELECT attnum FROM pg_attribute
                     WHERE attrelid = d.relid AND attname = d.agency_column)]::int2[]
            AND k.confkey = ARRAY[
                    (SELECT attnum FROM pg_attribute
                     WHERE attrelid = k.confrelid AND attname = 'id'),
                    (SELECT attnum FROM pg_attribute
                     WHERE attrelid = k.confrelid AND attname = 'agency_id')]::int2[])$$,
    'every table with a parent has FOREIGN KEY (parent_column, agency_column) REFERENCES parent (id, agency_id) MATCH FULL');
SELECT is_empty($$
    SELECT table_name FROM declared
    WHERE (parent_table IS NULL) <> (parent_column IS NULL)
       OR (parent_table IS NOT NULL AND agency_column IS NULL)$$,
    'a parent is declared with its column and the row''s agency column');

-- ===========================================================================
-- Vocabularies (11)
-- ===========================================================================
SELECT cmp_ok((SELECT count(*) FROM enforcement.vocabularies), '>=', 10::bigint,
              'there are many vocabularies to check');
SELECT is_empty($$
    SELECT v.table_name, v.column_name FROM enforcement.vocabularies v
    WHERE NOT EXISTS (
        SELECT 1 FROM declared d
        JOIN pg_attribute a ON a.attrelid = d.relid
        WHERE d.table_name = v.table_name AND a.attname = v.column_name
          AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = 'text'::regtype)$$,
    'every vocabulary names an existing text column of a declared table');
SELECT is_empty($$
    SELECT table_name, column_name FROM enforcement.vocabularies
    WHERE cardinality(terms) = 0
       OR cardinality(terms) <> (SELECT count(DISTINCT t) FROM unnest(terms) t)$$,
    'every vocabulary has terms, none twice');

-- Each vocabulary tried on a row of its table that has only that column
-- set: with a value outside it, and with each of its terms.  What the row
-- raises is recorded (the insert is always undone).
CREATE FUNCTION pg_temp.try_value(tbl name, col name, val text,
    OUT e_state text, OUT e_constraint text, OUT e_column text,
    OUT e_table text, OUT e_message text)
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE format('INSERT INTO enforcement.%I SELECT * FROM jsonb_populate_record(NULL::enforcement.%I, $1)',
                       tbl, tbl)
        USING jsonb_build_object(col, val);
        RAISE EXCEPTION 'inserted' USING ERRCODE = 'P0001';
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE,
                                e_constraint = CONSTRAINT_NAME,
                                e_column = COLUMN_NAME,
                                e_table = TABLE_NAME,
                                e_message = MESSAGE_TEXT;
    END;
END $$;

CREATE TEMP TABLE vocabulary_tries ON COMMIT DROP AS
SELECT v.table_name::text, v.column_name::text, x.val, x.outside, r.*
FROM enforcement.vocabularies v
CROSS JOIN LATERAL (
    SELECT 'not-a-term ' || v.column_name, true
    UNION ALL
    SELECT t, false FROM unnest(v.terms) t
) AS x (val, outside)
CROSS JOIN LATERAL pg_temp.try_value(v.table_name, v.column_name, x.val)
    AS r (sqlstate, constraint_name, err_column, err_table, message);

SELECT is((SELECT count(*) FROM vocabulary_tries WHERE outside),
          (SELECT count(*) FROM enforcement.vocabularies),
          'a value outside is tried on every vocabulary');
SELECT is_empty($$
    SELECT table_name, column_name, sqlstate, constraint_name, err_column, err_table, message
    FROM vocabulary_tries
    WHERE outside
      AND (sqlstate IS DISTINCT FROM '23514'
           OR constraint_name IS DISTINCT FROM table_name || '_' || column_name || '_check'
           OR err_column IS DISTINCT FROM column_name
           OR err_table IS DISTINCT FROM table_name
           OR message IS DISTINCT FROM format('new row for relation "%s" violates check constraint "%s"',
                                              table_name, table_name || '_' || column_name || '_check'))$$,
    'every vocabulary refuses a value outside it with 23514 under the constraint <table>_<column>_check, naming the table and column');
SELECT cmp_ok((SELECT count(*) FROM vocabulary_tries WHERE NOT outside), '>=', 40::bigint,
              'every term of every vocabulary is tried');
SELECT is_empty($$
    SELECT table_name, column_name, val, sqlstate, constraint_name
    FROM vocabulary_tries
    WHERE NOT outside
      AND constraint_name = table_name || '_' || column_name || '_check'$$,
    'no term of a vocabulary is refused by its vocabulary');

-- Two of them the way an application meets them.
SELECT throws_ok($$INSERT INTO enforcement.calendar (day, kind, source)
                   VALUES ('2030-01-01', 'weekend', 'test')$$,
    '23514', 'new row for relation "calendar" violates check constraint "calendar_kind_check"',
    'calendar.kind outside its vocabulary: 23514, calendar_kind_check');
SELECT lives_ok($$INSERT INTO enforcement.calendar (day, kind, source)
                  VALUES ('2030-01-01', 'holiday', 'test')$$,
    'calendar.kind in its vocabulary is accepted');

\ir ../fixtures/registry.sql
\ir ../fixtures/inspections.sql
SELECT throws_ok($$INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
                       inspected_on, officer_ids, mode, certificates_shown, plan_id)
                   VALUES (2, 501, 21, '2025-03-10', '{101,102}', 'by_phone', true, 301)$$,
    '23514', 'new row for relation "inspections" violates check constraint "inspections_mode_check"',
    'inspections.mode outside its vocabulary: 23514, inspections_mode_check');
SELECT lives_ok($$INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
                      inspected_on, officer_ids, mode, certificates_shown, plan_id)
                  VALUES (2, 501, 21, '2025-03-10', '{101,102}', 'onsite', true, 301)$$,
    'the same inspection with mode onsite is accepted');

SELECT * FROM finish();
ROLLBACK;
