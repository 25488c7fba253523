-- REC-2 (EN501): enforcement records are never deleted or truncated.
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

SELECT plan(37);

-- one row in every table, so that the row triggers fire (the certificate
-- also appends its certificate_statuses row, 1.4)
INSERT INTO enforcement.agencies
    (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (2, 'SCJG', '市场监督管理局', 'statutory', '371703', '食品安全法 第六条',
        '2023-01-01', '2023-01-10');
INSERT INTO enforcement.legal_bases (id, code, title, level, article, effective_from)
VALUES (11, 'FSL-2015', '中华人民共和国食品安全法', 'law', '第一百二十二条', '2015-10-01');
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES (2, 11, 'inspection', '2023-02-01');
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (101, 2, '张伟', 'established', true, '2022-06-01');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1001, 101, 'N-1001', '2023-03-01', '2023-03-01', '2035-12-31');
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (501, '91371703MA3C8KJ1XD', '山东定陶鲁味食品有限公司');
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on, reason)
VALUES (101, 501, '2024-01-01', '配偶在该企业任职');
INSERT INTO enforcement.violations (id, code, message, table_name, row_id)
VALUES (9001, 'EN000', 'a recorded violation for the test', 'enterprises', 501);

CREATE TEMP TABLE append_only_tables (t text, n bigint) ON COMMIT DROP;
INSERT INTO append_only_tables VALUES
    ('agencies', 1), ('legal_bases', 1), ('agency_powers', 1), ('officers', 1),
    ('certificates', 1), ('certificate_statuses', 1), ('enterprises', 1), ('conflicts', 1), ('violations', 1),
    ('settings', 9), ('calendar', 72);

-- ---------------------------------------------------------------------------
-- Every table has the rows the tests rely on (1)
-- ---------------------------------------------------------------------------
SELECT is((SELECT count(*) FROM append_only_tables a
           WHERE (xpath('/row/c/text()',
                        query_to_xml(format('SELECT count(*) AS c FROM enforcement.%I', a.t),
                                     false, true, '')))[1]::text::bigint <> a.n),
          0::bigint, 'every table holds the rows inserted for the test');

-- ---------------------------------------------------------------------------
-- DELETE: EN501 (11 + 3)
-- ---------------------------------------------------------------------------
SELECT throws_ok(format('DELETE FROM enforcement.%I', t), 'EN501',
                 'enforcement records are never deleted (REC-2)',
                 'EN501: DELETE FROM enforcement.' || t || ' is refused')
FROM append_only_tables ORDER BY t;
SELECT throws_ok($$DELETE FROM enforcement.certificates WHERE id = 1001$$, 'EN501',
                 'enforcement records are never deleted (REC-2)',
                 'EN501: DELETE of one certificate by id is refused');
SELECT throws_ok($$WITH d AS (DELETE FROM enforcement.enterprises RETURNING id)
                   SELECT count(*) FROM d$$, 'EN501',
                 'enforcement records are never deleted (REC-2)',
                 'EN501: DELETE in a WITH query is refused');
SELECT throws_ok($$DELETE FROM enforcement.calendar WHERE day = '2025-10-01'$$, 'EN501',
                 'enforcement records are never deleted (REC-2)',
                 'EN501: DELETE of a calendar day is refused');

-- ---------------------------------------------------------------------------
-- TRUNCATE: EN501 (11 + 6)
-- ---------------------------------------------------------------------------
SELECT throws_ok(format('TRUNCATE enforcement.%I', t), 'EN501',
                 'enforcement records are never truncated (REC-2)',
                 'EN501: TRUNCATE enforcement.' || t || ' is refused')
FROM append_only_tables ORDER BY t;
SELECT throws_ok($$TRUNCATE enforcement.agencies CASCADE$$, 'EN501',
                 'enforcement records are never truncated (REC-2)',
                 'EN501: TRUNCATE ... CASCADE of a referenced table is refused');
SELECT throws_ok($$TRUNCATE enforcement.officers CASCADE$$, 'EN501',
                 'enforcement records are never truncated (REC-2)',
                 'EN501: TRUNCATE ... CASCADE of officers is refused');
SELECT throws_ok($$TRUNCATE ONLY enforcement.enterprises RESTRICT$$, 'EN501',
                 'enforcement records are never truncated (REC-2)',
                 'EN501: TRUNCATE ONLY ... RESTRICT is refused');
SELECT throws_ok($$TRUNCATE enforcement.conflicts, enforcement.certificates, enforcement.officers$$,
                 'EN501', 'enforcement records are never truncated (REC-2)',
                 'EN501: TRUNCATE of several tables at once is refused');
SELECT throws_ok($$TRUNCATE TABLE enforcement.legal_bases RESTART IDENTITY CASCADE$$, 'EN501',
                 'enforcement records are never truncated (REC-2)',
                 'EN501: TRUNCATE ... RESTART IDENTITY CASCADE is refused');
SET LOCAL search_path = enforcement, public;
SELECT throws_ok($$TRUNCATE agency_powers$$, 'EN501',
                 'enforcement records are never truncated (REC-2)',
                 'EN501: TRUNCATE of an unqualified name found on the search_path is refused');
RESET search_path;

-- ---------------------------------------------------------------------------
-- Nothing was lost; lawful statements go through (1 + 4)
-- ---------------------------------------------------------------------------
SELECT is((SELECT count(*) FROM append_only_tables a
           WHERE (xpath('/row/c/text()',
                        query_to_xml(format('SELECT count(*) AS c FROM enforcement.%I', a.t),
                                     false, true, '')))[1]::text::bigint <> a.n),
          0::bigint, 'every row is still there');
SELECT lives_ok($$DELETE FROM enforcement.agencies WHERE id = -1$$,
                'a DELETE matching no rows is lawful');
SELECT lives_ok($$DELETE FROM enforcement.certificates WHERE number = 'no such certificate'$$,
                'a DELETE of certificates matching no rows is lawful');
SELECT lives_ok($$UPDATE enforcement.enterprises SET name = '鲁味食品' WHERE id = 501$$,
                'an UPDATE of an enterprise''s name is lawful');
SELECT lives_ok($$INSERT INTO enforcement.legal_bases (id, code, title, level, effective_from)
                  VALUES (12, 'PL-2021', '中华人民共和国行政处罚法', 'law', '2021-07-15')$$,
                'an INSERT is lawful');

SELECT * FROM finish();
ROLLBACK;
