-- Integrity over time: no rule defeated by editing or back-dating the
-- facts it relies on, no act in the future, late facts accepted with the
-- acts they taint listed, no leak to another agency, and the compliance
-- scan (docs/rules.md, "Facts over time").
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql
-- a future day and today are named only through current_date
\set VERBOSITY terse

-- Two lawful inspections to build on.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (801, 2, 501, 21, '2025-04-01', '{101,102}', true, 301);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (802, 2, 501, 24, '2025-04-03', '{101,102}', true, 'public_safety', '菏定安委〔2025〕3号'),
       (805, 2, 501, 24, '2025-06-10', '{101,102}', true, 'public_safety', '菏定安委〔2025〕4号');

-- 1. Conflicts are fixed once written: neither moved into the future nor
-- to another enterprise (EN501); a new one is dated no later than today
-- (EN207).
UPDATE enforcement.conflicts SET declared_on = '2099-01-01' WHERE officer_id = 102;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.conflicts SET enterprise_id = 501 WHERE officer_id = 102;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on)
VALUES (101, 502, current_date + 1);
\echo :LAST_ERROR_SQLSTATE

-- 2. Certificates: a suspension is never erased; the suspended days stay
-- uncertified whatever follows (OFF-2 by the status history).
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-05-01'
WHERE id = 1001;
UPDATE enforcement.certificates SET status = 'active', status_since = '2025-06-01'
WHERE id = 1001;
SELECT enforcement.officer_certified(101, 2, '2025-05-15') AS suspended_day,
       enforcement.officer_certified(101, 2, '2025-06-01') AS after;
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-05-15', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- nor moved (EN104), nor back-dated before the current status (EN104)
UPDATE enforcement.certificates SET status_since = '2025-04-01' WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-05-20'
WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
-- validity and id are fixed (EN501)
UPDATE enforcement.certificates SET valid_to = 'infinity' WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET valid_to = '2025-03-31' WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET id = 9001 WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
-- A suspension dated over an inspection already made is accepted (an
-- officer can always be suspended), and the inspection is listed (EN102).
\set VERBOSITY default
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-06-05'
WHERE id = 1002;
\set VERBOSITY terse
UPDATE enforcement.certificates SET status = 'active', status_since = '2025-06-20'
WHERE id = 1002;
SELECT code, row_id FROM enforcement.violations WHERE code = 'EN102' ORDER BY id;

-- 3. Officers: a departure is final and never moved (EN501); an officer
-- never changes agency (EN501).
UPDATE enforcement.officers SET agency_id = 3 WHERE id = 101;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.officers SET left_on = '2025-12-31' WHERE id = 102;
UPDATE enforcement.officers SET left_on = NULL WHERE id = 102;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.officers SET left_on = '2025-03-01' WHERE id = 102;
\echo :LAST_ERROR_SQLSTATE
-- an officer who has left is certified again by nothing (EN103)
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
VALUES (102, '鲁菏定2026-0102', '2026-01-05', '2026-01-05', '2030-12-31');
\echo :LAST_ERROR_SQLSTATE

-- 4. No act in the future, and no date without end (EN207).
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 24, current_date + 365, '{101,102}', true, 'public_safety', '菏定安委〔2025〕3号');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 24, 'infinity', '{101,102}', true, 'public_safety', '菏定安委〔2025〕3号');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.joint_inspections (lead_agency_id, enterprise_id, inspected_on)
VALUES (2, 501, current_date + 1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (801, 101, current_date + 1);
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspections SET ended_on = current_date + 1 WHERE id = 801;
\echo :LAST_ERROR_SQLSTATE
-- the end of an inspection is set once
UPDATE enforcement.inspections SET ended_on = '2025-04-01' WHERE id = 801;
UPDATE enforcement.inspections SET ended_on = '2025-04-02' WHERE id = 801;
\echo :LAST_ERROR_SQLSTATE

-- 5. Back-dated filing: no filing dated after today (EN207); every act
-- recorded more than late_record_days after its date is listed.
INSERT INTO enforcement.inspection_plans (id, agency_id, year) VALUES (303, 2, 2026);
INSERT INTO enforcement.plan_items (plan_id, legal_basis_id) VALUES (303, 21);
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = current_date + 1,
    filed_with = 1 WHERE id = 303;
\echo :LAST_ERROR_SQLSTATE
SELECT table_name, row_id, agency_id, act_date, recorded_on = current_date AS today,
       lag_days = current_date - act_date AS lag
FROM enforcement.v_late_records ORDER BY 1, 2;

-- 6. A complaint's facts are fixed (EN501) and its stage moves forward
-- only (EN402); a complaint_id is cited only under complaint_report
-- (EN203), and each complaint's visits are shown.
UPDATE enforcement.complaints SET kind = 'conduct_complaint' WHERE id = 601;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET received_on = '2024-01-01' WHERE id = 601;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET enterprise_id = 502 WHERE id = 601;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET status = 'accepted', accepted_on = '2025-03-02' WHERE id = 601;
UPDATE enforcement.complaints SET status = 'received' WHERE id = 601;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET status = 'closed' WHERE id = 601;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref, complaint_id)
VALUES (2, 501, 24, '2025-07-01', '{101,102}', true, 'public_safety', '菏定安委〔2025〕3号', 601);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, complaint_id)
VALUES (803, 2, 501, 24, '2025-07-02', '{101,102}', true, 'complaint_report', 601),
       (804, 2, 501, 24, '2025-07-03', '{101,102}', true, 'complaint_report', 601);
SELECT complaint_id, agency_id, received_on, recorded_on = current_date AS today,
       recorded_by, visits, recorded_by_inspector
FROM enforcement.v_complaint_grounds;

-- 7. Another agency's rows answer as rows that do not exist: its
-- complaint (EN203 either way), its joint inspection (EN207 either way).
CREATE ROLE en_test_county;
GRANT enforcement_writer TO en_test_county;
INSERT INTO enforcement.agency_members VALUES ('en_test_county', 3);
SET ROLE en_test_county;
SELECT enforcement.officer_certified(101, 2, '2025-04-01') AS other_agency;
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, complaint_id)
VALUES (3, 501, 22, '2025-07-02', '{106,108}', true, 'complaint_report', 601);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, complaint_id)
VALUES (3, 501, 22, '2025-07-02', '{106,108}', true, 'complaint_report', 999999);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- a part of another lead agency's joint inspection, for its enterprise
-- and day, is what a joint inspection is: lawful
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (3, 501, 22, '2025-05-10', '{106,108}', true, 'production_safety', '菏定安委〔2025〕3号', 701);
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (3, 502, 22, '2025-05-10', '{106,108}', true, 'production_safety', '菏定安委〔2025〕3号', 701);
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (3, 502, 22, '2025-05-10', '{106,108}', true, 'production_safety', '菏定安委〔2025〕3号', 999999);
\set VERBOSITY terse
-- the scan lists only the writer's agencies' rows
SELECT count(*) FILTER (WHERE agency_id <> 3) AS others FROM enforcement.v_standing_violations;
RESET ROLE;

-- 8. Warn mode: what it lets through is listed by the scan, and no act in
-- enforce mode relies on it.
SET enforcement.mode = 'warn';
SET client_min_messages = error;
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1103, 103, '鲁菏定2025-0103', '2025-03-01', '2025-03-01', '2030-02-28');
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-01-20',
    filed_with = 3 WHERE id = 302;
RESET client_min_messages;
RESET enforcement.mode;
SELECT code, rule, table_name, row_id, agency_id
FROM enforcement.v_standing_violations ORDER BY table_name, row_id, code;
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 24, '2025-07-10', '{103,101}', true, 'public_safety', '菏定安委〔2025〕3号');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 24, '2025-07-10', '{101,102}', true, 302);
\echo :LAST_ERROR_SQLSTATE

-- 9. A conflict declared from before inspections already made is
-- accepted, and each inspection it taints is listed (EN107: a WARNING and
-- a row of violations), in the scan too.
\set VERBOSITY default
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on, reason)
VALUES (101, 501, '2025-07-01', '配偶持股');
\set VERBOSITY terse
SELECT code, table_name, row_id FROM enforcement.violations
WHERE code = 'EN107' ORDER BY id;
SELECT code, row_id FROM enforcement.v_standing_violations
WHERE table_name = 'inspections' ORDER BY row_id, code;

SELECT ok FROM enforcement.verify_process_log();
DROP OWNED BY en_test_county;
DROP ROLE en_test_county;
