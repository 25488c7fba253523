-- enforcement.mode: enforce refuses, warn records and lets through; every
-- change of the mode is recorded (code 00000); only a superuser may change it.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SET LOCAL client_min_messages = error;
SET LOCAL lc_messages = 'C';

SELECT plan(27);

INSERT INTO enforcement.agencies
    (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (2, 'SCJG', '市场监督管理局', 'statutory', '371703', '食品安全法 第六条',
        '2023-01-01', '2023-01-10');
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (103, 2, '李强', 'auxiliary', true, NULL);
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (501, '91371703MA3C8KJ1XD', '山东定陶鲁味食品有限公司');
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on)
VALUES (103, 501, '2024-01-01');

-- ---------------------------------------------------------------------------
-- enforce, the default (3)
-- ---------------------------------------------------------------------------
SELECT is(current_setting('enforcement.mode'), 'enforce', 'the mode is enforce by default');
SELECT throws_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name)
                   VALUES (503, '91371703MA3C8KJ1XE', '某商贸有限公司')$$,
    'EN205', NULL, 'enforce: an invalid credit code is refused');
SELECT is((SELECT count(*) FROM enforcement.violations), 0::bigint,
    'enforce: a refused violation is not recorded');

-- ---------------------------------------------------------------------------
-- warn (14)
-- ---------------------------------------------------------------------------
SET LOCAL enforcement.mode = 'warn';

SELECT is(current_setting('enforcement.mode'), 'warn', 'the mode is now warn');
SELECT results_eq(
    $$SELECT code, rule, message, table_name, row_id, db_user
      FROM enforcement.violations ORDER BY occurred_at, id$$,
    $$VALUES ('00000'::text, NULL::text, 'enforcement mode changed'::text,
              NULL::text, NULL::bigint, current_user::text COLLATE "default")$$,
    'the change to warn is recorded with code 00000');
SELECT matches((SELECT detail FROM enforcement.violations WHERE code = '00000'),
    '^enforcement\.mode changed from enforce to warn at .* by SET or set_config\(\)\.$',
    'the record says from what to what, and how');

SELECT lives_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name)
                  VALUES (503, '91371703MA3C8KJ1XE', '某商贸有限公司')$$,
    'warn: an invalid credit code is let through');
SELECT is((SELECT credit_code FROM enforcement.enterprises WHERE id = 503), '91371703MA3C8KJ1XE',
    'warn: the enterprise was stored');
SELECT results_eq(
    $$SELECT code, rule, table_name, row_id, message, db_user
      FROM enforcement.violations WHERE code <> '00000'$$,
    $$VALUES ('EN205'::text, 'GB 32100-2015'::text, 'enterprises'::text, 503::bigint,
              'invalid unified social credit code (GB 32100-2015)'::text, current_user::text COLLATE "default")$$,
    'warn: the violation is recorded with its code, rule, table and row');
SELECT is((SELECT detail FROM enforcement.violations WHERE code = 'EN205'),
    'Enterprise 503 has credit code "91371703MA3C8KJ1XE".',
    'warn: the record''s detail names the offending value');

SELECT lives_ok($$INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
                  VALUES (1103, 103, 'X-103', '2025-01-02', '2025-01-02', '2030-01-01')$$,
    'warn: a certificate for an auxiliary officer is let through');
SELECT results_eq(
    $$SELECT code, rule, table_name, row_id FROM enforcement.violations WHERE code = 'EN103'$$,
    $$VALUES ('EN103'::text, 'OFF-1'::text, 'certificates'::text, 1103::bigint)$$,
    'warn: the EN103 violation is recorded with its rule, table and row');

SELECT lives_ok($$DELETE FROM enforcement.enterprises WHERE id = 503$$,
    'warn: a DELETE is let through');
SELECT results_eq(
    $$SELECT code, rule, table_name, row_id FROM enforcement.violations
      WHERE code = 'EN501' AND message LIKE '%deleted%'$$,
    $$VALUES ('EN501'::text, 'REC-2'::text, 'enterprises'::text, 503::bigint)$$,
    'warn: the DELETE is recorded as EN501 with its row');

SELECT lives_ok($$TRUNCATE enforcement.conflicts$$, 'warn: a TRUNCATE is let through');
SELECT results_eq(
    $$SELECT code, rule, table_name, row_id FROM enforcement.violations
      WHERE code = 'EN501' AND message LIKE '%truncated%'$$,
    $$VALUES ('EN501'::text, 'REC-2'::text, 'conflicts'::text, NULL::bigint)$$,
    'warn: the TRUNCATE is recorded once, as EN501 on its table');
SELECT is((SELECT count(*) FROM enforcement.violations WHERE code <> '00000'), 4::bigint,
    'warn: four violations recorded in all');

-- ---------------------------------------------------------------------------
-- back to enforce (5)
-- ---------------------------------------------------------------------------
SET LOCAL enforcement.mode = 'enforce';

SELECT is((SELECT count(*) FROM enforcement.violations WHERE code = '00000'), 2::bigint,
    'the change back to enforce is recorded too');
SELECT matches((SELECT detail FROM enforcement.violations WHERE code = '00000'
                ORDER BY occurred_at DESC, id DESC LIMIT 1),
    '^enforcement\.mode changed from warn to enforce ',
    'the second record says from warn to enforce');
SELECT throws_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name)
                   VALUES (504, '91371703MA3C8KJ1XE', '另一商贸有限公司')$$,
    'EN205', 'invalid unified social credit code (GB 32100-2015)',
    'enforce again: an invalid credit code is refused');
SELECT throws_ok($$DELETE FROM enforcement.enterprises WHERE id = 501$$,
    'EN501', NULL, 'enforce again: a DELETE is refused');
SELECT is((SELECT count(*) FROM enforcement.violations WHERE code <> '00000'), 4::bigint,
    'enforce again: the refused violations are not recorded');

-- ---------------------------------------------------------------------------
-- only a superuser may change the mode (5)
-- ---------------------------------------------------------------------------
CREATE ROLE en_tap_not_superuser NOLOGIN NOSUPERUSER;
SET LOCAL ROLE en_tap_not_superuser;
SELECT throws_ok($$SET LOCAL enforcement.mode = 'warn'$$, '42501', NULL,
    'a non-superuser cannot SET LOCAL enforcement.mode');
SELECT throws_ok($$SET enforcement.mode = 'warn'$$, '42501', NULL,
    'a non-superuser cannot SET enforcement.mode');
SELECT throws_ok($$SELECT set_config('enforcement.mode', 'warn', true)$$, '42501', NULL,
    'a non-superuser cannot set_config() enforcement.mode');
RESET ROLE;
SELECT is(current_setting('enforcement.mode'), 'enforce', 'the mode stayed enforce');
SELECT is((SELECT count(*) FROM enforcement.violations WHERE code = '00000'), 2::bigint,
    'refused attempts to change the mode record no change');

SELECT * FROM finish();
ROLLBACK;
