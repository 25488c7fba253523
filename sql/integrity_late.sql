-- Integrity over time, the hostile writes of the review of 1.4: a new
-- certificate over the days of a revocation, a plan filing dated back over
-- inspections recorded under the draft, a complaint born closed or with
-- its stages out of date order, and what a writer learns of another
-- agency's plans and visits.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql
\set VERBOSITY terse
CREATE ROLE en_test_food;
CREATE ROLE en_test_safety;
GRANT enforcement_writer TO en_test_food, en_test_safety;
INSERT INTO enforcement.agency_members (role_name, agency_id)
VALUES ('en_test_food', 2), ('en_test_safety', 3);

-- 1. A revocation dated back lists the inspection it taints; a new
-- certificate valid from before, or on, the revocation day is refused
-- (EN104), so the inspection stays listed and no new act in those days
-- passes.  A certificate valid from the day after is lawful.
SET ROLE en_test_food;
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (900, 2, 501, 24, '2025-05-15', '{101,102}', true, 'public_safety', '菏定安委〔2025〕3号');
UPDATE enforcement.certificates SET status = 'revoked', status_since = '2025-05-01',
    status_reason = '年度考核不合格' WHERE id = 1001;
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1901, 101, '鲁菏定2025-0101', '2025-04-01', '2025-04-01', '2035-12-31');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1901, 101, '鲁菏定2025-0101', '2025-05-01', '2025-05-01', '2035-12-31');
\echo :LAST_ERROR_SQLSTATE
SELECT code, row_id FROM enforcement.v_standing_violations ORDER BY row_id;
SELECT enforcement.officer_certified(101, 2, '2025-05-15') AS certified_in_revoked_days;
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (901, 2, 501, 24, '2025-05-20', '{101,102}', true, 'public_safety', '菏定安委〔2025〕3号');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1902, 101, '鲁菏定2025-0102', '2025-05-02', '2025-05-02', '2035-12-31');
SELECT enforcement.officer_certified(101, 2, '2025-05-20') AS certified_after;
RESET ROLE;

-- 2. A plan filing dated on or before an inspection recorded under the
-- draft (let through in warn mode) is refused (EN206); filed after it, the
-- inspection stays listed.
SET enforcement.mode = 'warn';
SET client_min_messages = error;
SET ROLE en_test_food;
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (960, 2, 501, 24, '2025-03-10', '{101,102}', true, 302);
RESET ROLE;
RESET client_min_messages;
RESET enforcement.mode;
SET ROLE en_test_food;
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-01-05',
    filed_with = 1 WHERE id = 302;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-03-10',
    filed_with = 1 WHERE id = 302;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-03-11',
    filed_with = 1 WHERE id = 302;
SELECT code, row_id FROM enforcement.v_standing_violations WHERE row_id = 960;

-- 3. A complaint is received first (EN402), and each stage is dated, on or
-- after the stage before it (EN402); the lawful path passes.
INSERT INTO enforcement.complaints (id, received_on, kind, about_agency_id, summary, status)
VALUES (651, '2025-06-01', 'violation_report', 2, '举报无证经营', 'closed');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.complaints (id, received_on, kind, about_agency_id, summary, accepted_on)
VALUES (651, '2025-06-01', 'violation_report', 2, '举报无证经营', '2025-06-02');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.complaints (id, received_on, kind, about_agency_id, about_officer_id, summary)
VALUES (650, '2025-06-01', 'conduct_complaint', 2, 101, '执法人员态度恶劣');
UPDATE enforcement.complaints SET status = 'accepted', accepted_on = '2020-01-01' WHERE id = 650;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET status = 'accepted' WHERE id = 650;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET status = 'accepted', accepted_on = '2025-06-03' WHERE id = 650;
UPDATE enforcement.complaints SET status = 'verified' WHERE id = 650;
UPDATE enforcement.complaints SET status = 'answered', answered_on = '2025-06-02' WHERE id = 650;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET status = 'answered', answered_on = '2025-06-20' WHERE id = 650;
UPDATE enforcement.complaints SET status = 'closed', closed_on = '2025-06-19' WHERE id = 650;
\echo :LAST_ERROR_SQLSTATE
-- a conduct complaint closes after its report to the justice bureau (1.6)
UPDATE enforcement.complaints SET status = 'closed', closed_on = '2025-06-21' WHERE id = 650;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET status = 'closed', closed_on = '2025-06-21',
    reported_to_justice_on = '2025-06-21' WHERE id = 650;
SELECT id, status, received_on, accepted_on, answered_on, closed_on
FROM enforcement.complaints WHERE id = 650;
RESET ROLE;

-- 4. Another agency's plan is named as one that does not exist, and its
-- visits are not counted for a writer who may not see them.
SET ROLE en_test_safety;
\set VERBOSITY default
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (3, 501, 22, '2025-04-01', '{106,108}', true, 301);
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (3, 501, 22, '2025-04-01', '{106,108}', true, 999999);
\set VERBOSITY terse
SELECT enforcement.routine_visits(2, 501, 2025) AS sql_reading,
       enforcement.rule_routine_visits(2, 501, 2025) AS c_reading;
RESET ROLE;
SELECT enforcement.rule_routine_visits(2, 501, 2025) AS c_reading_of_a_supervisor;

SELECT ok FROM enforcement.verify_process_log();
DROP OWNED BY en_test_food, en_test_safety;
DROP ROLE en_test_food, en_test_safety;
