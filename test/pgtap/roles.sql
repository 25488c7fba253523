-- Roles (contract.md "Roles"; EN503): writers read and write only the rows
-- of their agencies, supervisors read everything and write nothing,
-- auditors verify the process record, PUBLIC gets nothing.
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

SELECT plan(69);

-- The SQLSTATE a statement ends with, or 'ok' (run as the calling role).
CREATE FUNCTION pg_temp.outcome(sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE sql;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;
-- The number of rows a statement touched.
CREATE FUNCTION pg_temp.affected(sql text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE sql;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
-- The rows of a relation the calling role sees, or NULL if it may not look.
CREATE FUNCTION pg_temp.rows_seen(rel regclass) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM %s', rel) INTO n;
    RETURN n;
EXCEPTION WHEN insufficient_privilege THEN
    RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------
-- Three agencies, their powers, officers, certificates and conflicts
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.agencies
    (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (2, 'SCJG', '市场监督管理局', 'statutory', '371703', '食品安全法 第六条', '2023-01-01', '2023-01-10'),
       (3, 'YJJ', '药品监督管理局', 'statutory', '371703', '药品管理法', '2023-01-01', '2023-01-10'),
       (4, 'HBJ', '生态环境局', 'statutory', '371703', '环境保护法', '2023-01-01', '2023-01-10');
INSERT INTO enforcement.legal_bases (id, code, title, level, effective_from)
VALUES (11, 'FSL-2015', '中华人民共和国食品安全法', 'law', '2015-10-01'),
       (12, 'DAL-2019', '中华人民共和国药品管理法', 'law', '2019-12-01');
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES (2, 11, 'inspection', '2023-02-01'), (3, 12, 'inspection', '2023-02-01'),
       (4, 11, 'penalty', '2023-02-01');
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (101, 2, '张伟', 'established', true, '2022-06-01'),
       (102, 2, '刘洋', 'established', true, '2022-06-01'),
       (201, 3, '王芳', 'established', true, '2022-06-01'),
       (401, 4, '赵磊', 'established', true, '2022-06-01');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1001, 101, 'N-1001', '2023-03-01', '2023-03-01', '2035-12-31'),
       (2001, 201, 'N-2001', '2023-03-01', '2023-03-01', '2035-12-31'),
       (4001, 401, 'N-4001', '2023-03-01', '2023-03-01', '2035-12-31');
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (501, '91371703MA3C8KJ1XD', '山东定陶鲁味食品有限公司'),
       (502, '91330100716105852F', '某医药有限公司');
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on)
VALUES (101, 501, '2024-01-01'), (201, 502, '2024-01-01'), (401, 501, '2024-01-01');
INSERT INTO enforcement.violations (id, code, message) VALUES (9001, 'EN000', 'for the test');
SELECT enforcement.set_node_id(3) AS node \gset

-- the roles (CREATE ROLE is undone by the ROLLBACK at the end)
CREATE ROLE tap_writer2 IN ROLE enforcement_writer;          -- agency 2, by name
CREATE ROLE tap_agency3 NOLOGIN;                              -- agency 3's staff group
CREATE ROLE tap_writer23 IN ROLE enforcement_writer, tap_agency3;  -- agency 2 by name, 3 by group
CREATE ROLE tap_supervisor IN ROLE enforcement_supervisor;
CREATE ROLE tap_auditor IN ROLE enforcement_auditor;
CREATE ROLE tap_plain;
INSERT INTO enforcement.agency_members (role_name, agency_id)
VALUES ('tap_writer2', 2), ('tap_writer23', 2), ('tap_agency3', 3);

-- what every row is, as the superuser sees it
CREATE TEMP TABLE everything (rel regclass, n bigint);
INSERT INTO everything
SELECT c.oid::regclass, pg_temp.rows_seen(c.oid::regclass)
FROM pg_class c
WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm');
GRANT SELECT ON everything TO PUBLIC;

-- ---------------------------------------------------------------------------
-- The roles and agency_members (4)
-- ---------------------------------------------------------------------------
SELECT results_eq(
    $$SELECT rolname::text COLLATE "default", rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls
      FROM pg_roles WHERE rolname IN ('enforcement_writer', 'enforcement_supervisor',
                                      'enforcement_auditor') ORDER BY rolname$$,
    $$VALUES ('enforcement_auditor', false, false, false, false, false),
             ('enforcement_supervisor', false, false, false, false, false),
             ('enforcement_writer', false, false, false, false, false)$$,
    'the group roles exist, NOLOGIN and without special attributes');
SELECT has_table('enforcement', 'agency_members', 'table enforcement.agency_members exists');
SELECT col_is_pk('enforcement', 'agency_members', ARRAY['role_name', 'agency_id'],
    'agency_members has primary key (role_name, agency_id)');
SELECT throws_ok($$INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('tap_writer2', 2)$$,
    '23505', NULL, 'a role is a member of an agency once');

-- ---------------------------------------------------------------------------
-- A writer sees only its agency's rows (9)
-- ---------------------------------------------------------------------------
SET LOCAL ROLE tap_writer2;
SELECT results_eq($$SELECT id FROM enforcement.officers ORDER BY id$$,
    ARRAY[101::bigint, 102], 'writer: sees only its agency''s officers');
SELECT results_eq($$SELECT id FROM enforcement.certificates ORDER BY id$$,
    ARRAY[1001::bigint], 'writer: sees only its agency''s certificates');
SELECT results_eq($$SELECT id FROM enforcement.agencies ORDER BY id$$,
    ARRAY[2::bigint], 'writer: sees only its own agency');
SELECT results_eq($$SELECT agency_id, legal_basis_id FROM enforcement.agency_powers ORDER BY 1, 2$$,
    $$VALUES (2::bigint, 11::bigint)$$, 'writer: sees only its agency''s powers');
SELECT results_eq($$SELECT officer_id, enterprise_id FROM enforcement.conflicts ORDER BY 1, 2$$,
    $$VALUES (101::bigint, 501::bigint)$$, 'writer: sees only its agency''s officers'' conflicts');
SELECT results_eq($$SELECT officer_id FROM enforcement.v_officer_certification ORDER BY 1$$,
    ARRAY[101::bigint, 102], 'writer: the certification view shows only its agency''s officers');
SELECT is(pg_temp.rows_seen('enforcement.enterprises'),
    (SELECT n FROM everything WHERE rel = 'enforcement.enterprises'::regclass),
    'writer: sees every enterprise');
SELECT is(pg_temp.rows_seen('enforcement.legal_bases'),
    (SELECT n FROM everything WHERE rel = 'enforcement.legal_bases'::regclass),
    'writer: sees every legal basis');
SELECT ok(pg_temp.rows_seen('enforcement.settings') =
              (SELECT n FROM everything WHERE rel = 'enforcement.settings'::regclass)
          AND pg_temp.rows_seen('enforcement.calendar') =
              (SELECT n FROM everything WHERE rel = 'enforcement.calendar'::regclass),
    'writer: sees the settings and the calendar');

-- ---------------------------------------------------------------------------
-- A writer writes only its agency's rows: EN503 or no rows (14)
-- ---------------------------------------------------------------------------
SELECT throws_ok($$INSERT INTO enforcement.officers (agency_id, name, employment, on_enforcement_post)
                   VALUES (3, '越权', 'established', true)$$,
    'EN503', 'write refused: the role does not act for this agency (EN503)',
    'EN503: a writer may not add an officer to another agency');
SELECT lives_ok($$INSERT INTO enforcement.officers (agency_id, name, employment, on_enforcement_post, exam_passed_on)
                  VALUES (2, '新人', 'established', true, '2022-06-01')$$,
    'a writer adds an officer to its own agency (id from next_id())');
SELECT throws_ok($$UPDATE enforcement.officers SET agency_id = 3 WHERE id = 102$$,
    'EN503', 'write refused: the role does not act for this agency (EN503)',
    'EN503: a writer may not move its officer to another agency');
SELECT is(pg_temp.affected($$UPDATE enforcement.officers SET name = '刘洋（更正）' WHERE id = 102$$),
    1::bigint, 'a writer updates its own officer');
SELECT is(pg_temp.affected($$UPDATE enforcement.officers SET name = '被改' WHERE id = 201$$),
    0::bigint, 'a writer''s UPDATE of another agency''s officer touches no row');
SELECT is(pg_temp.affected($$UPDATE enforcement.certificates SET status_reason = '被改' WHERE id = 2001$$),
    0::bigint, 'a writer''s UPDATE of another agency''s certificate touches no row');
SELECT throws_ok($$INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
                   VALUES (201, 'X-201', '2023-03-01', '2023-03-01', '2035-12-31')$$,
    '23503', NULL, 'a writer may not issue a certificate to another agency''s officer: refused as for an officer that does not exist');
SELECT lives_ok($$INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
                  VALUES (102, 'N-1002', '2023-03-01', '2023-03-01', '2035-12-31')$$,
    'a writer issues a certificate to its own officer');
SELECT throws_ok($$INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on)
                   VALUES (201, 501, '2024-02-01')$$,
    '23503', NULL, 'a writer may not declare a conflict of another agency''s officer: refused as for an officer that does not exist');
SELECT lives_ok($$INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on)
                  VALUES (102, 502, '2024-02-01')$$,
    'a writer declares a conflict of its own officer');
SELECT lives_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name)
                  VALUES (503, '91371703MA3D2LQ4PB', '某商贸有限公司')$$,
    'a writer registers an enterprise (enterprises belong to no agency)');
SELECT is(
    pg_temp.outcome($$INSERT INTO enforcement.agencies (code, name, kind, region_code) VALUES ('X', 'X', 'statutory', 'X')$$)
    || ' ' || pg_temp.outcome($$INSERT INTO enforcement.agency_powers VALUES (2, 12, 'penalty', '2024-01-01')$$)
    || ' ' || pg_temp.outcome($$INSERT INTO enforcement.legal_bases (code, title, level, effective_from) VALUES ('X', 'X', 'law', '2024-01-01')$$)
    || ' ' || pg_temp.outcome($$UPDATE enforcement.agencies SET name = 'X' WHERE id = 2$$),
    '42501 42501 42501 42501',
    'a writer may not write agencies, agency_powers or legal_bases (42501)');
SELECT throws_ok($$DELETE FROM enforcement.officers WHERE id = 102$$, '42501', NULL,
    'a writer may not DELETE');
RESET ROLE;
SELECT results_eq($$SELECT name FROM enforcement.officers WHERE id IN (102, 201) ORDER BY id$$,
    $$VALUES ('刘洋（更正）'::text), ('王芳')$$,
    'the writer''s own officer changed, the other agency''s did not');

-- ---------------------------------------------------------------------------
-- A writer may not read the record, the members, the violations; may not
-- verify, set the node id, declare tables or change the mode (12)
-- ---------------------------------------------------------------------------
SET LOCAL ROLE tap_writer2;
SELECT throws_ok(format('SELECT * FROM enforcement.%I', t), '42501', NULL,
    'a writer may not read enforcement.' || t)
FROM unnest(ARRAY['process_log', 'chain_heads', 'violations', 'agency_members',
                  'installation']) AS t;
SELECT throws_ok($$SELECT * FROM enforcement.verify_process_log()$$, '42501', NULL,
    'a writer may not run verify_process_log()');
SELECT throws_ok($$SELECT enforcement.set_node_id(7)$$, '42501', NULL,
    'a writer may not run set_node_id()');
SELECT throws_ok($$SELECT enforcement.declare_table('enforcement.officers')$$, '42501', NULL,
    'a writer may not run declare_table()');
SELECT throws_ok($$SET enforcement.mode = 'warn'$$, '42501', NULL,
    'a writer may not SET enforcement.mode');
SELECT throws_ok($$SELECT set_config('enforcement.mode', 'warn', true)$$, '42501', NULL,
    'a writer may not set_config() enforcement.mode');
SELECT is(current_setting('enforcement.mode'), 'enforce', 'the mode is still enforce');
RESET ROLE;
SELECT lives_ok($$SELECT set_config('enforcement.mode', 'enforce', true)$$,
    'the superuser may set enforcement.mode');

-- ---------------------------------------------------------------------------
-- A role acting for two agencies sees and writes both (6)
-- ---------------------------------------------------------------------------
SET LOCAL ROLE tap_writer23;
SELECT results_eq($$SELECT id FROM enforcement.agencies ORDER BY id$$,
    ARRAY[2::bigint, 3], 'two agencies: sees both agencies (one by name, one through a group role)');
SELECT results_eq($$SELECT DISTINCT agency_id FROM enforcement.officers ORDER BY 1$$,
    ARRAY[2::bigint, 3], 'two agencies: sees the officers of both');
SELECT results_eq($$SELECT id FROM enforcement.certificates ORDER BY id$$,
    $$SELECT c.id FROM enforcement.certificates c JOIN enforcement.officers o ON o.id = c.officer_id
      WHERE o.agency_id IN (2, 3) ORDER BY c.id$$,
    'two agencies: sees the certificates of both');
SELECT lives_ok($$INSERT INTO enforcement.officers (agency_id, name, employment, on_enforcement_post)
                  VALUES (3, '药监新人', 'established', true)$$,
    'two agencies: adds an officer to the agency it acts for through its group');
SELECT throws_ok($$INSERT INTO enforcement.officers (agency_id, name, employment, on_enforcement_post)
                   VALUES (4, '越权', 'established', true)$$,
    'EN503', NULL, 'EN503: two agencies: not a third');
SELECT is(pg_temp.affected($$UPDATE enforcement.officers SET name = '被改' WHERE id = 401$$),
    0::bigint, 'two agencies: an UPDATE of the third agency''s officer touches no row');
RESET ROLE;

-- ---------------------------------------------------------------------------
-- A supervisor reads every row of every table and view, writes nothing (9)
-- ---------------------------------------------------------------------------
TRUNCATE everything;
-- (all but the check-in secret, and the complainant's identity: below)
INSERT INTO everything
SELECT c.oid::regclass, pg_temp.rows_seen(c.oid::regclass)
FROM pg_class c
WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
  AND c.relname NOT IN ('secrets', 'complaints');
SELECT is((SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c
           WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
             AND c.relname NOT IN ('secrets', 'complaints')
             AND NOT has_table_privilege('enforcement_supervisor', c.oid, 'SELECT')),
    NULL, 'supervisor: may read every table and view of the schema');
SELECT ok(NOT has_table_privilege('enforcement_supervisor', 'enforcement.secrets', 'SELECT'),
    'supervisor: may not read the check-in secret');
SELECT ok(has_column_privilege('enforcement_supervisor', 'enforcement.complaints', 'summary', 'SELECT')
          AND has_column_privilege('enforcement_supervisor', 'enforcement.complaints', 'status', 'SELECT'),
    'supervisor: may read complaints');
SELECT ok(NOT has_column_privilege('enforcement_supervisor', 'enforcement.complaints', 'complainant', 'SELECT'),
    'supervisor: but not the complainant''s identity (CMP-2)');
SET LOCAL ROLE tap_supervisor;
SELECT is((SELECT string_agg(format('%s (%s of %s)', e.rel, pg_temp.rows_seen(e.rel), e.n), ', ' ORDER BY e.rel::text)
           FROM everything e WHERE pg_temp.rows_seen(e.rel) IS DISTINCT FROM e.n),
    NULL, 'supervisor: sees every row of every table and view');
SELECT ok((SELECT count(*) FROM everything WHERE n > 0) >= 12,
    'supervisor: (the tables compared hold rows)');
SELECT is((SELECT string_agg(e.rel || ' ' || o.state, ', ' ORDER BY e.rel::text)
           FROM everything e
           JOIN pg_class c ON c.oid = e.rel AND c.relkind IN ('r', 'p')
           CROSS JOIN LATERAL (SELECT pg_temp.outcome(format('INSERT INTO %s DEFAULT VALUES', e.rel)) AS state) o
           WHERE o.state <> '42501'),
    NULL, 'supervisor: may not INSERT into any table (42501)');
SELECT is((SELECT string_agg(e.rel || ' ' || o.state, ', ' ORDER BY e.rel::text)
           FROM everything e
           JOIN pg_class c ON c.oid = e.rel AND c.relkind IN ('r', 'p')
           CROSS JOIN LATERAL (
               SELECT pg_temp.outcome(format('UPDATE %s SET %I = %I', e.rel, a.attname, a.attname)) AS state
               FROM pg_attribute a WHERE a.attrelid = e.rel AND a.attnum = 1) o
           WHERE o.state <> '42501'),
    NULL, 'supervisor: may not UPDATE any table (42501)');
SELECT is((SELECT string_agg(e.rel || ' ' || o.state, ', ' ORDER BY e.rel::text)
           FROM everything e
           JOIN pg_class c ON c.oid = e.rel AND c.relkind IN ('r', 'p')
           CROSS JOIN LATERAL (SELECT pg_temp.outcome(format('DELETE FROM %s', e.rel)) AS state) o
           WHERE o.state <> '42501'),
    NULL, 'supervisor: may not DELETE from any table (42501)');
SELECT throws_ok($$UPDATE enforcement.officers SET name = 'x' WHERE id = 101$$, '42501', NULL,
    'supervisor: an UPDATE of an officer is refused (42501)');
SELECT results_eq($$SELECT ok, entries, first_bad_seq FROM enforcement.verify_process_log()$$,
    $$SELECT true, count(*), NULL::bigint FROM enforcement.process_log$$,
    'supervisor: runs verify_process_log()');
SELECT results_eq($$SELECT seq, length(hash) FROM enforcement.chain_head()$$,
    $$SELECT max(seq), 32 FROM enforcement.process_log$$,
    'supervisor: runs chain_head()');
RESET ROLE;

-- ---------------------------------------------------------------------------
-- An auditor verifies the record and writes nothing (4)
-- ---------------------------------------------------------------------------
SET LOCAL ROLE tap_auditor;
SELECT results_eq($$SELECT ok, entries, first_bad_seq FROM enforcement.verify_process_log()$$,
    $$SELECT true, count(*), NULL::bigint FROM enforcement.process_log$$,
    'auditor: runs verify_process_log()');
SELECT results_eq($$SELECT seq FROM enforcement.chain_head()$$,
    $$SELECT max(seq) FROM enforcement.process_log$$,
    'auditor: runs chain_head()');
SELECT throws_ok($$INSERT INTO enforcement.officers (agency_id, name, employment, on_enforcement_post)
                   VALUES (2, 'x', 'established', true)$$, '42501', NULL,
    'auditor: may not INSERT (42501)');
SELECT throws_ok($$UPDATE enforcement.certificates SET status_reason = 'x'$$, '42501', NULL,
    'auditor: may not UPDATE (42501)');
RESET ROLE;

-- ---------------------------------------------------------------------------
-- PUBLIC gets nothing; a role with no membership cannot even use the schema
-- (8)
-- ---------------------------------------------------------------------------
SELECT is((SELECT string_agg(c.relname, ', ' ORDER BY c.relname)
           FROM pg_class c
           WHERE c.relnamespace = 'enforcement'::regnamespace
             AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
             AND EXISTS (SELECT 1 FROM aclexplode(coalesce(c.relacl,
                             acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a
                         WHERE a.grantee = 0)),
    NULL, 'PUBLIC: no privilege on any table, view or sequence of the schema');
SELECT is((SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY 1)
           FROM pg_proc p
           WHERE p.pronamespace = 'enforcement'::regnamespace
             AND EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f'::"char", p.proowner))) a
                         WHERE a.grantee = 0)),
    NULL, 'PUBLIC: no privilege on any function of the schema');
SELECT is((SELECT count(*) FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))) a
           WHERE n.nspname = 'enforcement' AND a.grantee = 0), 0::bigint,
    'PUBLIC: no privilege on the schema');
SET LOCAL ROLE tap_plain;
SELECT throws_ok($$SELECT count(*) FROM enforcement.enterprises$$, '42501',
    'permission denied for schema enforcement', 'a role with no membership: no use of the schema');
SELECT throws_ok($$SELECT enforcement.next_id()$$, '42501', NULL,
    'a role with no membership: no function of the schema');
SELECT throws_ok($$SELECT * FROM enforcement.v_officer_certification$$, '42501', NULL,
    'a role with no membership: no view of the schema');
RESET ROLE;
SET LOCAL ROLE tap_writer2;
SELECT lives_ok($$SELECT count(*) FROM enforcement.enterprises$$,
    'a writer uses the schema');
SELECT ok(enforcement.next_id() > 0, 'a writer runs next_id()');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
