-- OFF-1 (EN103) certificate prerequisites and OFF-3 (EN104) certificate
-- states.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql

-- Lawful: established staff on an enforcement post, exam passed before
-- issue; status_since defaults to the issue date.
INSERT INTO enforcement.officers (id, agency_id, name, employment,
    on_enforcement_post, exam_passed_on)
VALUES (108, 2, '孙丽', 'established', true, '2024-05-20');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on,
    valid_from, valid_to)
VALUES (1008, 108, '鲁菏定2024-0008', '2024-06-01', '2024-06-01', '2029-05-31');
SELECT id, status, status_since FROM enforcement.certificates WHERE id = 1008;

-- OFF-1, EN103: auxiliary staff, contract staff, not on an enforcement
-- post, no exam, exam after issue, already left.
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1103, 103, 'X-103', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1107, 107, 'X-107', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1104, 104, 'X-104', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1105, 105, 'X-105', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.officers SET exam_passed_on = '2025-03-01' WHERE id = 105;
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1105, 105, 'X-105', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
-- judged by its own dates: issued on the exam day, it is lawful
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1105, 105, '鲁菏定2025-0105', '2025-03-01', '2025-03-01', '2030-02-28');
INSERT INTO enforcement.officers (id, agency_id, name, employment,
    on_enforcement_post, exam_passed_on, left_on)
VALUES (109, 2, '周杰', 'established', true, '2020-05-01', '2024-12-31');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1109, 109, 'X-109', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
-- a certificate issued before he left is history, and lawful to record;
-- it is recorded as revoked on his leaving day (OFF-4)
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1110, 109, '鲁菏定2020-0109', '2020-06-01', '2020-06-01', '2025-05-31');
SELECT id, status, status_since FROM enforcement.certificates WHERE id = 1110;
-- so is a revoked certificate of an officer who has since moved off the
-- enforcement post: today's post says nothing about the issue date
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from,
    valid_to, status, status_since)
VALUES (1104, 104, '鲁菏定2022-0104', '2022-07-01', '2022-07-01', '2027-06-30',
    'revoked', '2023-01-01');
-- but a revoked certificate is still judged on the dated facts
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from,
    valid_to, status, status_since)
VALUES (1106, 106, '鲁菏定2019-0106', '2019-03-01', '2019-03-01', '2024-02-29',
    'revoked', '2022-01-01');
\echo :LAST_ERROR_SQLSTATE
-- an unknown officer is the foreign key's business
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1199, 999, 'X-999', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE

-- OFF-3, EN104: a second unrevoked certificate.
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1111, 101, '鲁菏定2025-0101', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
-- a suspended certificate is still unrevoked
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-02-01'
WHERE id = 1001;
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1111, 101, '鲁菏定2025-0101', '2025-03-01', '2025-03-01', '2030-02-28');
\echo :LAST_ERROR_SQLSTATE
-- lawful: reactivate, then revoke and issue anew
UPDATE enforcement.certificates SET status = 'active', status_since = '2025-02-15'
WHERE id = 1001;
UPDATE enforcement.certificates SET status = 'revoked', status_since = '2025-02-20',
    status_reason = '换发新证'
WHERE id = 1001;
SELECT id, status, status_since, status_reason
FROM enforcement.certificates WHERE id = 1001;
-- a status change without a date is dated today
BEGIN;
UPDATE enforcement.certificates SET status = 'suspended' WHERE id = 1002;
SELECT status, status_since = current_date AS dated_today
FROM enforcement.certificates WHERE id = 1002;
ROLLBACK;
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1111, 101, '鲁菏定2025-0101', '2025-03-01', '2025-03-01', '2030-02-28');

-- Revoked is final.
UPDATE enforcement.certificates SET status = 'active' WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET status = 'suspended' WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
-- Nothing else of a revoked certificate changes either: moving its date
-- would make the officer certified again.
UPDATE enforcement.certificates SET status_since = '2026-01-01' WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET status_reason = '改写' WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
-- A status date given with the change is kept, even the old one.
BEGIN;
UPDATE enforcement.certificates SET status = 'revoked', status_since = '2025-03-01'
WHERE id = 1111;
SELECT status, status_since FROM enforcement.certificates WHERE id = 1111;
ROLLBACK;
-- A status change always has a date.
UPDATE enforcement.certificates SET status = 'suspended', status_since = NULL
WHERE id = 1002;
\echo :LAST_ERROR_SQLSTATE
-- Number, officer and issue date never change.
UPDATE enforcement.certificates SET number = '鲁菏定2025-9999' WHERE id = 1111;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET officer_id = 102 WHERE id = 1111;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET issued_on = '2025-03-02' WHERE id = 1111;
\echo :LAST_ERROR_SQLSTATE
-- the validity never changes, neither extended nor shortened (EN501): a
-- renewal is a new certificate; the reason may be corrected
UPDATE enforcement.certificates SET valid_to = '2030-12-31' WHERE id = 1111;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET valid_to = '2025-03-02' WHERE id = 1111;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET valid_from = '2020-01-01' WHERE id = 1111;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET status_reason = '延期' WHERE id = 1111;
-- a suspension lifted later: both are kept, and the suspended days are
-- not certified days (OFF-2 by the status history)
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-04-01'
WHERE id = 1006;
UPDATE enforcement.certificates SET status = 'active', status_since = '2025-05-01'
WHERE id = 1006;
SELECT status, since FROM enforcement.certificate_statuses
WHERE certificate_id = 1006 ORDER BY since, id;
SELECT enforcement.officer_certified(106, 3, '2025-03-31') AS before,
       enforcement.officer_certified(106, 3, '2025-04-15') AS suspended,
       enforcement.officer_certified(106, 3, '2025-05-01') AS reinstated;
-- a status changes forward only: never dated before the current one, and
-- its date never moves (EN104)
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-04-15'
WHERE id = 1006;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET status_since = '2025-06-01' WHERE id = 1006;
\echo :LAST_ERROR_SQLSTATE
-- nor in the future (EN207; the detail names today)
\set VERBOSITY terse
UPDATE enforcement.certificates SET status = 'suspended', status_since = current_date + 1
WHERE id = 1006;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- a certificate is valid only from its issue (EN104)
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
VALUES (108, '鲁菏定2025-0999', '2025-06-01', '2025-01-01', '2030-05-31');
\echo :LAST_ERROR_SQLSTATE
-- an unbounded or far validity is no legal date (EN207)
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
VALUES (108, '鲁菏定2025-0999', '2025-06-01', '2025-06-01', 'infinity');
\echo :LAST_ERROR_SQLSTATE

SELECT id, officer_id, number, status, status_since
FROM enforcement.certificates ORDER BY id;
SELECT officer_id, certificate_number, status, problem
FROM enforcement.v_officer_certification ORDER BY officer_id;
