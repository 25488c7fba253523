-- The contract surface (contract.md): schema, tables, columns, functions,
-- the settings installed, the extension's placement, PUBLIC's privileges and
-- the fixed vocabularies.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;

SELECT plan(139);

-- ---------------------------------------------------------------------------
-- Schema and tables (12)
-- ---------------------------------------------------------------------------
SELECT has_schema('enforcement');
SELECT has_table('enforcement', t, 'table enforcement.' || t || ' exists')
FROM unnest(ARRAY['settings', 'calendar', 'violations', 'agencies',
                  'legal_bases', 'agency_powers', 'officers', 'certificates',
                  'enterprises', 'conflicts', 'certificate_statuses']) AS t;

-- ---------------------------------------------------------------------------
-- Columns of agencies, officers, certificates: has_column + col_type_is (56)
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE contract_columns (tbl text, col text, typ text) ON COMMIT DROP;
INSERT INTO contract_columns VALUES
    ('agencies', 'id', 'bigint'),
    ('agencies', 'code', 'text'),
    ('agencies', 'name', 'text'),
    ('agencies', 'kind', 'text'),
    ('agencies', 'entrusted_by', 'bigint'),
    ('agencies', 'region_code', 'text'),
    ('agencies', 'legal_authority', 'text'),
    ('agencies', 'confirmed_on', 'date'),
    ('agencies', 'disclosed_on', 'date'),
    ('agencies', 'dissolved_on', 'date'),
    ('officers', 'id', 'bigint'),
    ('officers', 'agency_id', 'bigint'),
    ('officers', 'name', 'text'),
    ('officers', 'employment', 'text'),
    ('officers', 'on_enforcement_post', 'boolean'),
    ('officers', 'exam_passed_on', 'date'),
    ('officers', 'legal_qualification', 'boolean'),
    ('officers', 'legal_reviewer', 'boolean'),
    ('officers', 'left_on', 'date'),
    ('certificates', 'id', 'bigint'),
    ('certificates', 'officer_id', 'bigint'),
    ('certificates', 'number', 'text'),
    ('certificates', 'issued_on', 'date'),
    ('certificates', 'valid_from', 'date'),
    ('certificates', 'valid_to', 'date'),
    ('certificates', 'status', 'text'),
    ('certificates', 'status_since', 'date'),
    ('certificates', 'status_reason', 'text');

SELECT has_column('enforcement', tbl, col, tbl || '.' || col || ' exists')
FROM contract_columns ORDER BY tbl, col;
SELECT col_type_is('enforcement', tbl, col, typ, tbl || '.' || col || ' is ' || typ)
FROM contract_columns ORDER BY tbl, col;

-- NOT NULL and defaults the contract names (10)
SELECT col_not_null('enforcement', 'agencies', 'code', 'agencies.code is NOT NULL');
SELECT col_not_null('enforcement', 'agencies', 'kind', 'agencies.kind is NOT NULL');
SELECT col_is_null('enforcement', 'agencies', 'legal_authority', 'agencies.legal_authority is nullable');
SELECT col_not_null('enforcement', 'officers', 'agency_id', 'officers.agency_id is NOT NULL');
SELECT col_not_null('enforcement', 'certificates', 'issued_on', 'certificates.issued_on is NOT NULL');
SELECT col_default_is('enforcement', 'officers', 'legal_qualification', 'false',
                      'officers.legal_qualification defaults to false');
SELECT col_default_is('enforcement', 'officers', 'legal_reviewer', 'false',
                      'officers.legal_reviewer defaults to false');
SELECT col_default_is('enforcement', 'certificates', 'status', 'active'::text,
                      'certificates.status defaults to active');
SELECT col_default_is('enforcement', 'enterprises', 'kind', 'enterprise'::text,
                      'enterprises.kind defaults to enterprise');
SELECT col_is_pk('enforcement', 'agency_powers', ARRAY['agency_id', 'legal_basis_id', 'power'],
                 'agency_powers has primary key (agency_id, legal_basis_id, power)');

-- Ids default to enforcement.next_id() (6)
SELECT col_default_is('enforcement', t, 'id', 'enforcement.next_id()',
                      t || '.id defaults to enforcement.next_id()')
FROM unnest(ARRAY['agencies', 'legal_bases', 'officers', 'certificates',
                  'enterprises', 'violations']) AS t;

-- ---------------------------------------------------------------------------
-- Functions (8 has_function + 8 function_returns + 2 volatility + 1 strict: 19)
-- ---------------------------------------------------------------------------
SELECT has_function('enforcement', 'agency_may_act', ARRAY['bigint', 'date'],
                    'agency_may_act(bigint, date) exists');
SELECT has_function('enforcement', 'officer_certified', ARRAY['bigint', 'bigint', 'date'],
                    'officer_certified(bigint, bigint, date) exists');
SELECT has_function('enforcement', 'credit_code_valid', ARRAY['text'],
                    'credit_code_valid(text) exists');
SELECT has_function('enforcement', 'is_working_day', ARRAY['date'],
                    'is_working_day(date) exists');
SELECT has_function('enforcement', 'add_working_days', ARRAY['date', 'integer'],
                    'add_working_days(date, integer) exists');
SELECT has_function('enforcement', 'next_id', ARRAY[]::text[], 'next_id() exists');
SELECT has_function('enforcement', 'node_id', ARRAY[]::text[], 'node_id() exists');
SELECT has_function('enforcement', 'set_node_id', ARRAY['integer'],
                    'set_node_id(integer) exists');

SELECT function_returns('enforcement', 'agency_may_act', ARRAY['bigint', 'date'], 'boolean');
SELECT function_returns('enforcement', 'officer_certified', ARRAY['bigint', 'bigint', 'date'], 'boolean');
SELECT function_returns('enforcement', 'credit_code_valid', ARRAY['text'], 'boolean');
SELECT function_returns('enforcement', 'is_working_day', ARRAY['date'], 'boolean');
SELECT function_returns('enforcement', 'add_working_days', ARRAY['date', 'integer'], 'date');
SELECT function_returns('enforcement', 'next_id', ARRAY[]::text[], 'bigint');
SELECT function_returns('enforcement', 'node_id', ARRAY[]::text[], 'integer');
SELECT function_returns('enforcement', 'set_node_id', ARRAY['integer'], 'integer');

SELECT volatility_is('enforcement', 'credit_code_valid', ARRAY['text'], 'immutable',
                     'credit_code_valid(text) is immutable');
SELECT is_strict('enforcement', 'credit_code_valid', ARRAY['text'],
                 'credit_code_valid(text) is strict');
SELECT volatility_is('enforcement', 'next_id', ARRAY[]::text[], 'volatile',
                     'next_id() is volatile');

-- The view (2)
SELECT has_view('enforcement', 'v_officer_certification', 'view v_officer_certification exists');
SELECT columns_are('enforcement', 'v_officer_certification',
                   ARRAY['officer_id', 'agency_id', 'certificate_number', 'status',
                         'valid_to', 'certified_today', 'problem'],
                   'v_officer_certification has the contract''s columns');

-- ---------------------------------------------------------------------------
-- Settings installed (2)
-- ---------------------------------------------------------------------------
SELECT results_eq(
    'SELECT name, value FROM enforcement.settings ORDER BY name',
    $$VALUES ('accountability_due_days'::text, 30::numeric),
             ('complaint_accept_working_days', 5),
             ('complaint_answer_days', 30),
             ('decision_deadline_days', 90),
             ('disclosure_working_days', 7),
             ('hearing_threshold_individual', 5000),
             ('hearing_threshold_organisation', 100000),
             ('late_record_days', 7),
             ('onsite_collection_limit', 100)$$,
    'the nine settings are installed with their values');
SELECT is((SELECT count(*) FROM enforcement.settings), 9::bigint,
          'settings holds exactly nine rows');

-- ---------------------------------------------------------------------------
-- The extension: not relocatable, in schema enforcement (4)
-- ---------------------------------------------------------------------------
SELECT has_extension('enforcement', 'extension enforcement is installed');
SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'enforcement'),
          false, 'extension is not relocatable');
SELECT is((SELECT extnamespace::regnamespace::text FROM pg_extension
           WHERE extname = 'enforcement'),
          'enforcement', 'extension lives in schema enforcement');
SELECT throws_ok('ALTER EXTENSION enforcement SET SCHEMA public', '0A000', NULL,
                 'ALTER EXTENSION ... SET SCHEMA is refused');

-- ---------------------------------------------------------------------------
-- PUBLIC has nothing (4)
-- ---------------------------------------------------------------------------
SELECT is((SELECT count(*)
           FROM pg_class c,
                aclexplode(coalesce(c.relacl,
                                    acldefault(CASE WHEN c.relkind = 'S' THEN 's'
                                                    ELSE 'r' END::"char",
                                               c.relowner))) a
           WHERE c.relnamespace = 'enforcement'::regnamespace
             AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
             AND a.grantee = 0),
          0::bigint, 'PUBLIC has no privilege on any table, view or sequence');
SELECT is((SELECT count(*)
           FROM pg_proc p,
                aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
           WHERE p.pronamespace = 'enforcement'::regnamespace
             AND a.grantee = 0),
          0::bigint, 'PUBLIC has no privilege on any function');
SELECT cmp_ok((SELECT count(*) FROM pg_proc
               WHERE pronamespace = 'enforcement'::regnamespace),
              '>=', 10::bigint, 'the schema has functions to check');
SELECT is((SELECT count(*)
           FROM pg_namespace n,
                aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
           WHERE n.nspname = 'enforcement' AND a.grantee = 0),
          0::bigint, 'PUBLIC has no privilege on schema enforcement');

-- ---------------------------------------------------------------------------
-- Lawful rows of every vocabulary (15)
-- ---------------------------------------------------------------------------
SELECT lives_ok($$
    INSERT INTO enforcement.agencies
        (id, code, name, kind, entrusted_by, region_code, legal_authority,
         confirmed_on, disclosed_on)
    VALUES (1, 'SFJ', '司法局', 'justice_bureau', NULL, '371703', '条例', '2023-01-01', '2023-01-05'),
           (2, 'SCJG', '市场监督管理局', 'statutory', NULL, '371703', '食品安全法', '2023-01-01', '2023-01-10'),
           (3, 'SQ', '授权组织', 'authorized', NULL, '371703', '授权文件', '2023-01-01', '2023-01-10'),
           (4, 'WT', '委托组织', 'entrusted', 2, '371703', '委托书', '2024-03-01', '2024-03-05')$$,
    'agencies accept kinds statutory, authorized, entrusted, justice_bureau');
SELECT lives_ok(format($$
    INSERT INTO enforcement.legal_bases (id, code, title, level, effective_from)
    VALUES (%s, 'LB-%s', 'title', %L, '2020-01-01')$$, 10 + i, i, lvl),
    'legal_bases accept level ' || lvl)
FROM unnest(ARRAY['law', 'administrative_regulation', 'local_regulation',
                  'department_rule', 'local_government_rule'])
     WITH ORDINALITY AS v(lvl, i);
SELECT lives_ok(format($$
    INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
    VALUES (2, 11, %L, '2023-02-01')$$, pw),
    'agency_powers accept power ' || pw)
FROM unnest(ARRAY['inspection', 'penalty', 'coercion']) AS pw;
SELECT lives_ok($$
    INSERT INTO enforcement.officers
        (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
    VALUES (101, 2, '张伟', 'established', true, '2022-06-01'),
           (102, 2, '李强', 'contract', true, NULL),
           (103, 2, '王芳', 'auxiliary', true, NULL),
           (104, 2, '刘洋', 'seconded', false, NULL)$$,
    'officers accept employment established, contract, auxiliary, seconded');
SELECT lives_ok($$
    INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to, status)
    VALUES (1001, 101, 'C-1001', '2023-03-01', '2023-03-01', '2035-12-31', 'active')$$,
    'certificates accept status active');
SELECT lives_ok($$UPDATE enforcement.certificates SET status = 'suspended' WHERE id = 1001$$,
    'certificates accept status suspended');
SELECT lives_ok($$UPDATE enforcement.certificates SET status = 'revoked' WHERE id = 1001$$,
    'certificates accept status revoked');
SELECT lives_ok($$
    INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
    VALUES (501, '91371703MA3C8KJ1XD', '食品公司', 'enterprise'),
           (502, '92371703MA3E5RT7NH', '烧饼店', 'individual_business')$$,
    'enterprises accept kinds enterprise, individual_business');
SELECT lives_ok($$
    INSERT INTO enforcement.calendar (day, kind)
    VALUES ('2030-01-01', 'holiday'), ('2030-01-05', 'workday')$$,
    'calendar accepts kinds holiday, workday');

-- ---------------------------------------------------------------------------
-- Vocabulary CHECKs reject anything else: 23514 (9)
-- ---------------------------------------------------------------------------
SELECT throws_ok($$
    INSERT INTO enforcement.agencies (id, code, name, kind, region_code, legal_authority)
    VALUES (9, 'BAD', 'bad', 'police', '371703', 'x')$$,
    '23514', NULL, 'agencies.kind rejects a value outside the vocabulary');
SELECT throws_ok($$
    INSERT INTO enforcement.agencies (id, code, name, kind, region_code, legal_authority)
    VALUES (9, 'BAD', 'bad', 'Statutory', '371703', 'x')$$,
    '23514', NULL, 'agencies.kind is case-sensitive');
SELECT throws_ok($$
    INSERT INTO enforcement.legal_bases (id, code, title, level, effective_from)
    VALUES (19, 'LB-BAD', 'bad', 'constitution', '2020-01-01')$$,
    '23514', NULL, 'legal_bases.level rejects a value outside the vocabulary');
SELECT throws_ok($$
    INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
    VALUES (2, 12, 'licensing', '2023-02-01')$$,
    '23514', NULL, 'agency_powers.power rejects a value outside the vocabulary');
SELECT throws_ok($$
    INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post)
    VALUES (109, 2, 'x', 'volunteer', true)$$,
    '23514', NULL, 'officers.employment rejects a value outside the vocabulary');
SELECT throws_ok($$
    INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to, status)
    VALUES (1009, 101, 'C-1009', '2024-03-01', '2024-03-01', '2035-12-31', 'expired')$$,
    '23514', NULL, 'certificates.status rejects a value outside the vocabulary (insert)');
SELECT throws_ok($$
    INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
    VALUES (509, '91371703MA3D2LQ4PB', 'x', 'state_owned')$$,
    '23514', NULL, 'enterprises.kind rejects a value outside the vocabulary');
SELECT throws_ok($$
    INSERT INTO enforcement.calendar (day, kind) VALUES ('2030-01-02', 'weekend')$$,
    '23514', NULL, 'calendar.kind rejects a value outside the vocabulary');
SELECT throws_ok($$
    INSERT INTO enforcement.calendar (day, kind) VALUES ('2030-01-03', NULL)$$,
    '23502', NULL, 'calendar.kind is NOT NULL');

SELECT * FROM finish();
ROLLBACK;
