-- OFF-4: an officer who leaves, leaves the enforcement post or stops being
-- established staff has every unrevoked certificate revoked in the same
-- transaction.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SET LOCAL client_min_messages = warning;

SELECT plan(23);

INSERT INTO enforcement.agencies
    (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (2, 'SCJG', '市场监督管理局', 'statutory', '371703', '食品安全法 第六条',
        '2023-01-01', '2023-01-10');

INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES
    (301, 2, '离职-在用', 'established', true, '2022-06-01'),
    (302, 2, '离职-暂扣', 'established', true, '2022-06-01'),
    (303, 2, '调离执法岗', 'established', true, '2022-06-01'),
    (304, 2, '转为合同制', 'established', true, '2022-06-01'),
    (305, 2, '其他变更', 'established', true, '2022-06-01'),
    (306, 2, '转为辅助', 'established', true, '2022-06-01');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to, status, status_since, status_reason)
VALUES
    -- an old, revoked certificate of officer 301: it must stay as it was
    (3000, 301, 'N-3000', '2022-07-01', '2022-07-01', '2022-12-31', 'revoked', '2022-12-31', '旧证到期换发'),
    (3011, 301, 'N-3011', '2023-03-01', '2023-03-01', '2030-12-31', 'active', NULL, NULL),
    (3021, 302, 'N-3021', '2023-03-01', '2023-03-01', '2030-12-31', 'active', NULL, NULL),
    (3031, 303, 'N-3031', '2023-03-01', '2023-03-01', '2030-12-31', 'active', NULL, NULL),
    (3041, 304, 'N-3041', '2023-03-01', '2023-03-01', '2030-12-31', 'active', NULL, NULL),
    (3051, 305, 'N-3051', '2023-03-01', '2023-03-01', '2030-12-31', 'active', NULL, NULL),
    (3061, 306, 'N-3061', '2023-03-01', '2023-03-01', '2030-12-31', 'active', NULL, NULL);
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2024-02-01',
       status_reason = '暂扣' WHERE id = 3021;

-- ---------------------------------------------------------------------------
-- Leaving: revoked as of left_on (6)
-- ---------------------------------------------------------------------------
UPDATE enforcement.officers SET left_on = '2024-05-01' WHERE id = 301;
SELECT results_eq(
    $$SELECT status, status_since, status_reason FROM enforcement.certificates WHERE id = 3011$$,
    $$VALUES ('revoked'::text, '2024-05-01'::date, 'officer left (OFF-4)'::text)$$,
    'OFF-4: leaving revokes the active certificate as of left_on');
SELECT results_eq(
    $$SELECT status, status_since, status_reason FROM enforcement.certificates WHERE id = 3000$$,
    $$VALUES ('revoked'::text, '2022-12-31'::date, '旧证到期换发'::text)$$,
    'OFF-4: an already revoked certificate is left as it was');
SELECT is((SELECT count(*) FROM enforcement.certificates
           WHERE officer_id = 301 AND status <> 'revoked'), 0::bigint,
    'OFF-4: the officer who left holds no unrevoked certificate');
SELECT is(enforcement.officer_certified(301, 2, '2024-04-30'), true,
    'OFF-4: certified the day before leaving');
SELECT is(enforcement.officer_certified(301, 2, '2024-05-01'), false,
    'OFF-4: not certified on the leaving day');

UPDATE enforcement.officers SET left_on = '2024-06-01' WHERE id = 302;
SELECT results_eq(
    $$SELECT status, status_since, status_reason FROM enforcement.certificates WHERE id = 3021$$,
    $$VALUES ('revoked'::text, '2024-06-01'::date, 'officer left (OFF-4)'::text)$$,
    'OFF-4: leaving revokes a suspended certificate as of left_on');

-- ---------------------------------------------------------------------------
-- Leaving the post or established staff: revoked as of today (4)
-- ---------------------------------------------------------------------------
UPDATE enforcement.officers SET on_enforcement_post = false WHERE id = 303;
SELECT results_eq(
    $$SELECT status, status_since, status_reason FROM enforcement.certificates WHERE id = 3031$$,
    $$VALUES ('revoked'::text, current_date,
              'officer no longer established staff on an enforcement post (OFF-4)'::text)$$,
    'OFF-4: leaving the enforcement post revokes the certificate as of current_date');

UPDATE enforcement.officers SET employment = 'contract' WHERE id = 304;
SELECT results_eq(
    $$SELECT status, status_since, status_reason FROM enforcement.certificates WHERE id = 3041$$,
    $$VALUES ('revoked'::text, current_date,
              'officer no longer established staff on an enforcement post (OFF-4)'::text)$$,
    'OFF-4: established -> contract revokes the certificate as of current_date');

UPDATE enforcement.officers SET employment = 'auxiliary' WHERE id = 306;
SELECT is((SELECT status || ' ' || (status_since = current_date)
           FROM enforcement.certificates WHERE id = 3061), 'revoked true',
    'OFF-4: established -> auxiliary revokes the certificate as of current_date');

-- back on the post: the certificate stays revoked (revoked is final)
UPDATE enforcement.officers SET on_enforcement_post = true WHERE id = 303;
SELECT is((SELECT status FROM enforcement.certificates WHERE id = 3031), 'revoked',
    'OFF-4: returning to the post does not restore the certificate');

-- ---------------------------------------------------------------------------
-- Other updates revoke nothing (7)
-- ---------------------------------------------------------------------------
UPDATE enforcement.officers SET name = '其他变更-改名', legal_qualification = true,
       legal_reviewer = true, exam_passed_on = exam_passed_on WHERE id = 305;
SELECT results_eq(
    $$SELECT status, status_since FROM enforcement.certificates WHERE id = 3051$$,
    $$VALUES ('active'::text, '2023-03-01'::date)$$,
    'OFF-4: updating name and qualifications revokes nothing');
SELECT throws_ok($$UPDATE enforcement.officers SET exam_passed_on = '2022-05-01' WHERE id = 305$$,
    'EN501', 'this value is set once and fixed after (REC-2)',
    'the exam date is set once and never moved');
UPDATE enforcement.officers SET on_enforcement_post = true, employment = 'established',
       left_on = NULL WHERE id = 305;
SELECT is((SELECT status FROM enforcement.certificates WHERE id = 3051), 'active',
    'OFF-4: setting the qualifying columns to their current values revokes nothing');
UPDATE enforcement.officers SET agency_id = agency_id WHERE id = 305;
SELECT is((SELECT status FROM enforcement.certificates WHERE id = 3051), 'active',
    'OFF-4: an update of another column revokes nothing');
SELECT is(enforcement.officer_certified(305, 2, current_date), true,
    'OFF-4: the officer so updated is still certified');
-- an officer already off the post changing employment: nothing left to revoke
UPDATE enforcement.officers SET employment = 'seconded' WHERE id = 303;
SELECT is((SELECT count(*) FROM enforcement.certificates WHERE officer_id = 303), 1::bigint,
    'OFF-4: a further change of a non-qualifying officer adds or changes no certificate');
SELECT is((SELECT status_reason FROM enforcement.certificates WHERE id = 3031),
    'officer no longer established staff on an enforcement post (OFF-4)',
    'OFF-4: the first revocation stands as recorded');

-- ---------------------------------------------------------------------------
-- Several officers leaving in one statement (2)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (308, 2, '同批离职甲', 'established', true, '2022-06-01'),
       (309, 2, '同批离职乙', 'established', true, '2022-06-01');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (3081, 308, 'N-3081', '2023-03-01', '2023-03-01', '2030-12-31'),
       (3091, 309, 'N-3091', '2023-03-01', '2023-03-01', '2030-12-31');
UPDATE enforcement.officers SET left_on = '2024-08-01' WHERE id IN (308, 309);
SELECT results_eq(
    $$SELECT id, status, status_since FROM enforcement.certificates WHERE id IN (3081, 3091) ORDER BY id$$,
    $$VALUES (3081::bigint, 'revoked'::text, '2024-08-01'::date), (3091, 'revoked', '2024-08-01')$$,
    'OFF-4: every officer leaving in one statement has the certificate revoked');
SELECT is((SELECT status FROM enforcement.certificates WHERE id = 3051), 'active',
    'OFF-4: an officer the statement did not touch keeps the certificate');

-- ---------------------------------------------------------------------------
-- A certificate recorded for an officer who has since left (4)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on, left_on)
VALUES (307, 2, '已离职', 'established', true, '2022-06-01', '2024-05-01');
SELECT lives_ok($$INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
                  VALUES (3071, 307, 'N-3071', '2023-03-01', '2023-03-01', '2030-12-31')$$,
    'OFF-4: a certificate issued before the officer left may be recorded');
SELECT results_eq(
    $$SELECT status, status_since, status_reason FROM enforcement.certificates WHERE id = 3071$$,
    $$VALUES ('revoked'::text, '2024-05-01'::date, 'officer left (OFF-4)'::text)$$,
    'OFF-4: it is stored as revoked on the leaving day');
SELECT is(enforcement.officer_certified(307, 2, '2024-04-30'), true,
    'OFF-4: that certificate certified the officer before leaving');
SELECT is(enforcement.officer_certified(307, 2, '2024-05-01'), false,
    'OFF-4: and not from the leaving day');

SELECT * FROM finish();
ROLLBACK;
