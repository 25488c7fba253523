-- The rows the checks read are found again where they were last found
-- (src/probe.c): a changed, moved or vacuumed row is looked up again in
-- its index, and every answer is the one the index gives.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql
-- remembered: officers 101 and 102, agency 2, basis 21, plan 301
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-01', '{101,102}', true, 301);
-- officer 102 gets new row versions (a HOT chain, then beyond): each time
-- the remembered version is no longer visible
UPDATE enforcement.officers SET name = name || '' WHERE id = 102;
UPDATE enforcement.officers SET name = name || '' WHERE id = 102;
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-02', '{101,102}', true, 301);
-- the officer leaves: the new version is the one judged (EN102)
UPDATE enforcement.officers SET left_on = '2025-05-01' WHERE id = 102;
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-05-02', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- the table rewritten: rows at new positions
VACUUM FULL enforcement.officers;
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (3, 501, 22, '2025-05-10', '{106,108}', true, 'production_safety',
        '菏定安委〔2025〕3号', 701);
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-05-03', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- an officer of another agency, remembered, is still another agency's
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 502, 21, '2025-05-04', '{101,106}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- a row remembered in a page that VACUUM then cuts off the table: the
-- rows are written and removed with the triggers off, as only a superuser
-- can, to empty the last pages
SET session_replication_role = replica;
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
SELECT 2000 + g, 2, repeat('填', 200), 'established', true, '2022-06-01'
FROM generate_series(1, 300) AS g;
RESET session_replication_role;
SELECT pg_relation_size('enforcement.officers') / 8192 > 10 AS many_pages;
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 502, 21, '2025-05-05', '{101,2300}', true, 301);
\echo :LAST_ERROR_SQLSTATE
SET session_replication_role = replica;
DELETE FROM enforcement.officers WHERE id > 2000;
RESET session_replication_role;
VACUUM enforcement.officers;
SELECT pg_relation_size('enforcement.officers') / 8192 < 3 AS pages_cut_off;
SET session_replication_role = replica;
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (2300, 2, '补录', 'established', true, '2022-06-01');
RESET session_replication_role;
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 502, 21, '2025-05-06', '{101,2300}', true, 301);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS inspections FROM enforcement.inspections;
SELECT ok FROM enforcement.verify_process_log();
