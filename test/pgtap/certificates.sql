-- OFF-1 (EN103): who may hold a certificate; OFF-3 (EN104): the states a
-- certificate may take; the status date.
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

SELECT plan(43);

INSERT INTO enforcement.agencies
    (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (2, 'SCJG', '市场监督管理局', 'statutory', '371703', '食品安全法 第六条',
        '2023-01-01', '2023-01-10');

INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on, left_on)
VALUES
    (201, 2, '在编', 'established', true, '2022-06-01', NULL),
    (202, 2, '辅助', 'auxiliary', true, '2022-06-01', NULL),
    (203, 2, '合同', 'contract', true, '2022-06-01', NULL),
    (204, 2, '借调', 'seconded', true, '2022-06-01', NULL),
    (205, 2, '非执法岗', 'established', false, '2022-06-01', NULL),
    (206, 2, '未考试', 'established', true, NULL, NULL),
    (207, 2, '考试晚于发证', 'established', true, '2023-03-02', NULL),
    (208, 2, '发证当日离职', 'established', true, '2022-06-01', '2023-03-01'),
    (209, 2, '发证前离职', 'established', true, '2022-06-01', '2023-02-01'),
    (210, 2, '发证当日考试', 'established', true, '2023-03-01', NULL),
    (211, 2, '换证', 'established', true, '2022-06-01', NULL),
    (212, 2, '暂扣', 'established', true, '2022-06-01', NULL),
    (213, 2, '恢复', 'established', true, '2022-06-01', NULL);

-- a certificate dated 2023-03-01 for officer :o with number :n
CREATE FUNCTION pg_temp.issue(officer bigint, num text, issued date DEFAULT '2023-03-01')
RETURNS text LANGUAGE sql AS $$
    SELECT format('INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to) '
                  'VALUES (%s, %L, %L, %L, %L)', officer, num, issued, issued, '2035-12-31')
$$;

-- ---------------------------------------------------------------------------
-- OFF-1: EN103 (8 refusals, 3 lawful)
-- ---------------------------------------------------------------------------
SELECT throws_ok(pg_temp.issue(202, 'N-202'), 'EN103',
    'certificate refused: the officer is not established staff (OFF-1)',
    'OFF-1: no certificate for auxiliary staff');
SELECT throws_ok(pg_temp.issue(203, 'N-203'), 'EN103',
    'certificate refused: the officer is not established staff (OFF-1)',
    'OFF-1: no certificate for contract staff');
SELECT throws_ok(pg_temp.issue(204, 'N-204'), 'EN103',
    'certificate refused: the officer is not established staff (OFF-1)',
    'OFF-1: no certificate for seconded staff');
SELECT throws_ok(pg_temp.issue(205, 'N-205'), 'EN103',
    'certificate refused: the officer is not on an enforcement post (OFF-1)',
    'OFF-1: no certificate for an officer not on an enforcement post');
SELECT throws_ok(pg_temp.issue(206, 'N-206'), 'EN103',
    'certificate refused: the officer has not passed the enforcement exam (OFF-1)',
    'OFF-1: no certificate without a passed exam');
SELECT throws_ok(pg_temp.issue(207, 'N-207'), 'EN103',
    'certificate refused: the officer has not passed the enforcement exam (OFF-1)',
    'OFF-1: no certificate dated before the exam');
SELECT throws_ok(pg_temp.issue(208, 'N-208'), 'EN103',
    'certificate refused: the officer has left (OFF-1)',
    'OFF-1: no certificate dated on the day the officer left');
SELECT throws_ok(pg_temp.issue(209, 'N-209'), 'EN103',
    'certificate refused: the officer has left (OFF-1)',
    'OFF-1: no certificate dated after the officer left');

SELECT lives_ok(pg_temp.issue(210, 'N-210'),
    'OFF-1: certificate dated on the exam day is lawful');
SELECT lives_ok(pg_temp.issue(207, 'N-207', '2023-03-02'),
    'OFF-1: certificate dated on a later exam day is lawful');
SELECT is((SELECT count(*) FROM enforcement.certificates
           WHERE officer_id IN (202, 203, 204, 205, 206, 208, 209)), 0::bigint,
    'OFF-1: no refused certificate was stored');

-- ---------------------------------------------------------------------------
-- status_since (5)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (2011, 201, 'N-2011', '2023-04-01', '2023-04-15', '2030-12-31');
SELECT is((SELECT status_since FROM enforcement.certificates WHERE id = 2011), '2023-04-01'::date,
    'status_since defaults to issued_on');
SELECT is((SELECT status FROM enforcement.certificates WHERE id = 2011), 'active',
    'status defaults to active');

UPDATE enforcement.certificates SET status = 'suspended', status_since = '2024-02-01' WHERE id = 2011;
SELECT is((SELECT status || ' ' || status_since FROM enforcement.certificates WHERE id = 2011),
    'suspended 2024-02-01', 'a status change with a date keeps the date given');
UPDATE enforcement.certificates SET status = 'active' WHERE id = 2011;
SELECT is((SELECT status_since FROM enforcement.certificates WHERE id = 2011), current_date,
    'a status change without a date sets status_since to current_date');
UPDATE enforcement.certificates SET status_reason = 'note' WHERE id = 2011;
SELECT is((SELECT status_since FROM enforcement.certificates WHERE id = 2011), current_date,
    'an update without a status change leaves status_since alone');

-- ---------------------------------------------------------------------------
-- OFF-3: EN104 (11 refusals, 7 lawful)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (2111, 211, 'N-2111', '2023-03-01', '2023-03-01', '2028-12-31'),
       (2121, 212, 'N-2121', '2023-03-01', '2023-03-01', '2028-12-31');
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2024-01-10'
WHERE id = 2121;

SELECT throws_ok(pg_temp.issue(211, 'N-2112', '2024-01-01'), 'EN104',
    'certificate refused: the officer already holds an unrevoked certificate (OFF-3)',
    'OFF-3: a second certificate while one is active is refused');
SELECT throws_ok($$INSERT INTO enforcement.certificates
        (officer_id, number, issued_on, valid_from, valid_to, status)
        VALUES (211, 'N-2113', '2024-01-01', '2024-01-01', '2030-01-01', 'suspended')$$,
    'EN104', 'certificate refused: the officer already holds an unrevoked certificate (OFF-3)',
    'OFF-3: a second (suspended) certificate while one is active is refused');
SELECT throws_ok(pg_temp.issue(212, 'N-2122', '2024-02-01'), 'EN104',
    'certificate refused: the officer already holds an unrevoked certificate (OFF-3)',
    'OFF-3: a second certificate while one is suspended is refused');

-- revoked is final
UPDATE enforcement.certificates SET status = 'revoked', status_since = '2024-01-15',
       status_reason = '换证' WHERE id = 2111;
SELECT throws_ok($$UPDATE enforcement.certificates SET status = 'active' WHERE id = 2111$$,
    'EN104', 'certificate refused: a revoked certificate is final (OFF-3)',
    'OFF-3: revoked -> active is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET status = 'suspended' WHERE id = 2111$$,
    'EN104', 'certificate refused: a revoked certificate is final (OFF-3)',
    'OFF-3: revoked -> suspended is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET status = 'active', status_since = '2024-03-01'
                   WHERE id = 2111$$,
    'EN104', 'certificate refused: a revoked certificate is final (OFF-3)',
    'OFF-3: revoked -> active with a date is refused');

SELECT lives_ok(pg_temp.issue(211, 'N-2114', '2024-02-01'),
    'OFF-3: after revoking, a new certificate may be issued');
SELECT is((SELECT count(*) FROM enforcement.certificates
           WHERE officer_id = 211 AND status <> 'revoked'), 1::bigint,
    'OFF-3: the officer holds exactly one unrevoked certificate');
SELECT lives_ok($$INSERT INTO enforcement.certificates
        (officer_id, number, issued_on, valid_from, valid_to, status, status_since, status_reason)
        VALUES (211, 'N-2000', '2022-07-01', '2022-07-01', '2022-12-31', 'revoked', '2022-12-31', '旧证')$$,
    'OFF-3: a historical revoked certificate may be recorded beside the live one');

-- identity never changes
SELECT throws_ok($$UPDATE enforcement.certificates SET number = 'N-2114X' WHERE number = 'N-2114'$$,
    'EN104', 'certificate refused: its number, officer and issue date never change (OFF-3)',
    'OFF-3: changing the number is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET officer_id = 213 WHERE number = 'N-2114'$$,
    'EN104', 'certificate refused: its number, officer and issue date never change (OFF-3)',
    'OFF-3: changing the officer is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET issued_on = '2024-02-02' WHERE number = 'N-2114'$$,
    'EN104', 'certificate refused: its number, officer and issue date never change (OFF-3)',
    'OFF-3: changing the issue date is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET number = 'N-2111X' WHERE id = 2111$$,
    'EN104', 'certificate refused: its number, officer and issue date never change (OFF-3)',
    'OFF-3: changing the number of a revoked certificate is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET status_since = '2025-01-01' WHERE id = 2111$$,
    'EN104', 'certificate refused: a revoked certificate is final (OFF-3)',
    'OFF-3: moving the date of a revocation is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET status_reason = 'x' WHERE id = 2111$$,
    'EN104', 'certificate refused: a revoked certificate is final (OFF-3)',
    'OFF-3: rewriting the reason of a revocation is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET status = 'suspended', status_since = NULL
                   WHERE number = 'N-2114'$$,
    '23502', NULL, 'a status change always has a date');
SELECT throws_ok($$UPDATE enforcement.certificates SET issued_on = issued_on + 1, valid_to = valid_to + 1
                   WHERE number = 'N-2114'$$,
    'EN104', 'certificate refused: its number, officer and issue date never change (OFF-3)',
    'OFF-3: changing the issue date along with other columns is refused');

SELECT throws_ok($$UPDATE enforcement.certificates SET valid_to = '2040-12-31' WHERE number = 'N-2114'$$,
    'EN501', 'this record is fixed once written (REC-2)',
    'extending valid_to is refused: a renewal is a new certificate');
SELECT is((SELECT valid_to FROM enforcement.certificates WHERE number = 'N-2114'), '2035-12-31'::date,
    'valid_to is unchanged');
SELECT lives_ok($$UPDATE enforcement.certificates SET number = number, officer_id = officer_id,
                  issued_on = issued_on WHERE number = 'N-2114'$$,
    'OFF-3: rewriting the identity with the same values is lawful');
SELECT results_eq($$SELECT number, issued_on, status FROM enforcement.certificates
                    WHERE officer_id = 211 ORDER BY issued_on$$,
    $$VALUES ('N-2000'::text, '2022-07-01'::date, 'revoked'::text),
             ('N-2111', '2023-03-01', 'revoked'),
             ('N-2114', '2024-02-01', 'active')$$,
    'OFF-3: the officer''s certificates are as recorded');

-- ---------------------------------------------------------------------------
-- Reactivation (4 refusals, 2 lawful)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (2131, 213, 'N-2131', '2023-03-01', '2023-03-01', '2030-12-31');
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2024-01-10'
WHERE id = 2131;

SELECT throws_ok($$UPDATE enforcement.certificates SET status = 'active', status_since = '2022-01-01'
                   WHERE id = 2131$$,
    'EN104', 'certificate refused: a status changes forward only, and its date never moves (OFF-3)',
    'OFF-3: reactivation dated before the current suspension is refused');

-- the exam date is set once: it cannot be withdrawn
SELECT throws_ok($$UPDATE enforcement.officers SET exam_passed_on = NULL WHERE id = 213$$,
    'EN501', 'this value is set once and fixed after (REC-2)',
    'withdrawing the exam record is refused');
SELECT is((SELECT status FROM enforcement.certificates WHERE id = 2131), 'suspended',
    'the refused reactivation left the certificate suspended');

SELECT lives_ok($$UPDATE enforcement.certificates SET status = 'active', status_since = '2024-03-01'
                  WHERE id = 2131$$,
    'OFF-1: reactivating the certificate of an officer who qualifies is lawful');

-- an officer moved off the enforcement post has the suspended certificate
-- revoked (OFF-4), so it can never come back
UPDATE enforcement.officers SET on_enforcement_post = false WHERE id = 212;
SELECT throws_ok($$UPDATE enforcement.certificates SET status = 'active' WHERE id = 2121$$,
    'EN104', 'certificate refused: a revoked certificate is final (OFF-3)',
    'a suspended certificate of an officer who left the post was revoked and cannot be reactivated');
SELECT throws_ok(pg_temp.issue(212, 'N-2123', '2024-05-01'), 'EN103',
    'certificate refused: the officer is not on an enforcement post (OFF-1)',
    'OFF-1: nor can a new one be issued while the officer is off the post');

SELECT * FROM finish();
ROLLBACK;
