-- OFF-4: an officer who leaves loses every unrevoked certificate in the
-- same transaction.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql

-- leaving: revoked as of the leaving day
BEGIN;
UPDATE enforcement.officers SET left_on = '2025-06-30' WHERE id = 101;
SELECT id, status, status_since, status_reason
FROM enforcement.certificates WHERE officer_id = 101;
ROLLBACK;
SELECT status FROM enforcement.certificates WHERE id = 1001;

UPDATE enforcement.officers SET left_on = '2025-06-30' WHERE id = 101;
SELECT id, status, status_since, status_reason
FROM enforcement.certificates WHERE officer_id = 101;
-- judged by its own dates: certified before the leaving day, not after
SELECT enforcement.officer_certified(101, 2, '2025-06-29') AS before,
       enforcement.officer_certified(101, 2, '2025-06-30') AS after;

-- leaving the enforcement post: a suspended certificate is revoked too,
-- as of today
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-01-01'
WHERE id = 1002;
UPDATE enforcement.officers SET on_enforcement_post = false WHERE id = 102;
SELECT id, status, status_since = current_date AS today, status_reason
FROM enforcement.certificates WHERE officer_id = 102;

-- no longer established staff
UPDATE enforcement.officers SET employment = 'seconded' WHERE id = 106;
SELECT id, status FROM enforcement.certificates WHERE officer_id = 106;

-- other changes revoke nothing
UPDATE enforcement.officers SET name = '张伟（更名）', legal_reviewer = true WHERE id = 101;
INSERT INTO enforcement.officers (id, agency_id, name, employment,
    on_enforcement_post, exam_passed_on)
VALUES (110, 3, '吴刚', 'established', true, '2023-01-01');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1010, 110, '鲁菏定2024-0110', '2024-01-01', '2024-01-01', '2028-12-31');
UPDATE enforcement.officers SET legal_qualification = true WHERE id = 110;
SELECT id, status FROM enforcement.certificates WHERE officer_id = 110;
-- the exam date is set once (EN501)
UPDATE enforcement.officers SET exam_passed_on = '2022-12-01' WHERE id = 110;
\echo :LAST_ERROR_SQLSTATE
-- a departure is final: its date never moves, nor is it undone (EN501);
-- the certificate stays revoked and keeps its date
UPDATE enforcement.officers SET left_on = '2026-01-31' WHERE id = 110;
UPDATE enforcement.officers SET left_on = '2026-02-28' WHERE id = 110;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.officers SET left_on = NULL WHERE id = 110;
\echo :LAST_ERROR_SQLSTATE
SELECT id, status, status_since FROM enforcement.certificates WHERE officer_id = 110;
-- the status history keeps each status with its day
SELECT certificate_id, status,
       CASE WHEN since = current_date THEN 'today' ELSE since::text END AS since,
       reason
FROM enforcement.certificate_statuses WHERE certificate_id IN (1001, 1002, 1010)
ORDER BY certificate_id, since, id;

SELECT officer_id, status, certified_today, problem
FROM enforcement.v_officer_certification ORDER BY officer_id;
