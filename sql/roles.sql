-- Roles, agency row security and EN503.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql

SELECT rolname, rolcanlogin FROM pg_roles
WHERE rolname LIKE 'enforcement\_%' ORDER BY rolname;

CREATE ROLE en_test_market IN ROLE enforcement_writer;	-- agency 2's application
CREATE ROLE en_test_supervisor IN ROLE enforcement_supervisor;
CREATE ROLE en_test_auditor IN ROLE enforcement_auditor;
CREATE ROLE en_test_nobody;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('en_test_market', 2);

-- A writer sees its agency's rows only, and all reference data.
SET ROLE en_test_market;
SELECT id FROM enforcement.agencies ORDER BY id;
SELECT id, agency_id FROM enforcement.officers ORDER BY id;
SELECT id FROM enforcement.certificates ORDER BY id;
SELECT count(*) AS enterprises FROM enforcement.enterprises;
SELECT officer_id FROM enforcement.v_officer_certification ORDER BY officer_id;
-- lawful: its own agency
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (150, 2, '新同事', 'established', true, '2024-05-01');
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
VALUES (150, '鲁菏定2024-0150', '2024-06-01', '2024-06-01', '2029-05-31');
-- EN503: another agency's row, or moving one there
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post)
VALUES (151, 3, '越权', 'established', true);
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.officers SET agency_id = 3 WHERE id = 150;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
VALUES (106, 'X-106', '2024-06-01', '2024-06-01', '2029-05-31');
\echo :LAST_ERROR_SQLSTATE
-- another agency's rows are out of sight
UPDATE enforcement.officers SET name = '改' WHERE id = 106;
-- the record, the violations and the memberships are not the writer's
SELECT count(*) FROM enforcement.process_log;
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM enforcement.agency_members;
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM enforcement.verify_process_log();
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT db_user, table_name, chain FROM enforcement.process_log
WHERE db_user = 'en_test_market' ORDER BY seq;

-- A supervisor reads everything and writes nothing.
SET ROLE en_test_supervisor;
SELECT count(*) AS officers FROM enforcement.officers;
SELECT ok FROM enforcement.verify_process_log();
UPDATE enforcement.officers SET name = '改' WHERE id = 101;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

-- An auditor verifies.
SET ROLE en_test_auditor;
SELECT ok FROM enforcement.verify_process_log();
RESET ROLE;

-- Anyone else gets nothing.
SET ROLE en_test_nobody;
SELECT count(*) FROM enforcement.officers;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

DROP ROLE en_test_market, en_test_supervisor, en_test_auditor, en_test_nobody;
