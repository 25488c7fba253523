-- Inspection views: the ledger (INSP-6), unplanned inspections (INSP-3),
-- frequency against the cap and the enterprise's burden (INSP-5), row
-- security through the views, and index use for one agency or enterprise.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql

-- Lawful inspections of enterprise 501 in 2025, as in inspections.sql: a
-- routine one, two unplanned ones (a violation report, a superior's
-- deployment), and joint inspection 701 made of a routine part of agency 2
-- and an exempt part of agency 3.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (801, 2, 501, 21, '2025-04-01', '{101,102}', true, 301);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, complaint_id)
VALUES (802, 2, 501, 24, '2025-03-02', '{101,102}', true, 'complaint_report', 601);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, mode, exemption, exemption_ref)
VALUES (803, 2, 501, 24, '2025-03-05', '{101,102}', 'offsite', 'superior_deployment',
        '菏市监发〔2025〕12号');
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (804, 2, 501, 21, '2025-05-10', '{101,102}', true, 301, 701);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (805, 3, 501, 22, '2025-05-10', '{106,108}', true, 'production_safety',
        '菏定安委〔2025〕3号', 701);
UPDATE enforcement.inspections SET outcome = 'guidance_interview', ended_on = '2025-04-01'
WHERE id = 801;
UPDATE enforcement.inspections SET outcome = 'no_issue', ended_on = '2025-05-10'
WHERE id IN (804, 805);

-- 2024, no cap published: both agencies filed plans, and joint inspection
-- 702 is routine for both of its parts.
INSERT INTO enforcement.inspection_plans (id, agency_id, year) VALUES (311, 2, 2024), (312, 3, 2024);
INSERT INTO enforcement.plan_items (plan_id, legal_basis_id, matter)
VALUES (311, 21, '食品生产企业监督抽检'), (312, 22, '危险化学品企业检查');
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2024-01-10', filed_with = 1
WHERE id IN (311, 312);
INSERT INTO enforcement.joint_inspections (id, lead_agency_id, enterprise_id, inspected_on)
VALUES (702, 3, 501, '2024-03-12');
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (806, 2, 501, 21, '2024-03-12', '{101,102}', true, 311, 702),
       (807, 3, 501, 22, '2024-03-12', '{106,108}', true, 312, 702);

-- The ledger is signed by some officers, not by all.
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (801, 101, '2025-04-01'), (801, 102, '2025-04-01'),
       (804, 101, '2025-05-10'),
       (805, 106, '2025-05-10'), (805, 108, '2025-05-11'),
       (806, 101, '2024-03-12'), (806, 102, '2024-03-12'),
       (807, 108, '2024-03-12');

-- v_inspection_ledger: one row per inspection.
SELECT * FROM enforcement.v_inspection_ledger ORDER BY inspection_id;
-- signatures_complete only when every officer signed: 804 and 807 lack one
-- signature, 802 and 803 have none; a late signature completes 804.
SELECT inspection_id, officer_count, signed_count
FROM enforcement.v_inspection_ledger WHERE NOT signatures_complete ORDER BY inspection_id;
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (804, 102, '2025-05-12');
SELECT inspection_id, officer_count, signed_count, signatures_complete
FROM enforcement.v_inspection_ledger WHERE inspection_id = 804;

-- v_unplanned_inspections: one row per exempt inspection, with its reference.
SELECT * FROM enforcement.v_unplanned_inspections ORDER BY inspection_id;

-- v_inspection_frequency: one row per agency × enterprise × year.  Agency 2
-- in 2025: its own cap (2) beats the general one (1); routine visits 801 and
-- the joint 701; the two exempt visits do not count toward the cap.  Agency
-- 3 in 2025: the general cap, only an exempt visit.  2024: no cap.
SELECT * FROM enforcement.v_inspection_frequency ORDER BY agency_id, enterprise_id, year;
-- the joint inspection is one routine visit, and the exempt ones would
-- have put agency 2 over its cap had they counted
SELECT f.agency_id, f.year, f.routine_visits, f.exempt_visits, f.cap,
       f.routine_visits + f.exempt_visits > f.cap AS over_if_exempt_counted, f.over_cap
FROM enforcement.v_inspection_frequency f
WHERE f.agency_id = 2 AND f.enterprise_id = 501 AND f.year = 2025;
-- the latest cap published for the agency is the one in force; a cap not
-- yet published is not
INSERT INTO enforcement.inspection_limits (agency_id, year, max_per_enterprise, published_on)
VALUES (2, 2025, 1, '2025-06-01'), (2, 2025, 5, '2999-01-01');
SELECT agency_id, year, routine_visits, cap, over_cap
FROM enforcement.v_inspection_frequency
WHERE enterprise_id = 501 AND year = 2025 ORDER BY agency_id;

-- v_enterprise_burden: one row per enterprise × year; a joint inspection is
-- one visit however many agencies took part.
SELECT * FROM enforcement.v_enterprise_burden ORDER BY enterprise_id, year;
SELECT b.year, b.agencies, b.visits,
       (SELECT count(*) FROM enforcement.inspections i
        WHERE i.enterprise_id = b.enterprise_id
          AND extract(year FROM i.inspected_on) = b.year) AS inspection_rows
FROM enforcement.v_enterprise_burden b WHERE b.enterprise_id = 501 ORDER BY b.year;

-- Row security through the views: a writer for agency 2 sees its own
-- inspections only; a supervisor sees all; anyone else nothing.
CREATE ROLE en_test_views_market IN ROLE enforcement_writer;
CREATE ROLE en_test_views_supervisor IN ROLE enforcement_supervisor;
CREATE ROLE en_test_views_nobody;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('en_test_views_market', 2);
SET ROLE en_test_views_market;
SELECT inspection_id, agency_id, signed_count, signatures_complete
FROM enforcement.v_inspection_ledger ORDER BY inspection_id;
SELECT inspection_id, agency_id FROM enforcement.v_unplanned_inspections ORDER BY inspection_id;
SELECT agency_id, enterprise_id, year, routine_visits, cap
FROM enforcement.v_inspection_frequency ORDER BY agency_id, enterprise_id, year;
SELECT enterprise_id, year, agencies, visits
FROM enforcement.v_enterprise_burden ORDER BY enterprise_id, year;
RESET ROLE;
SET ROLE en_test_views_supervisor;
SELECT count(*) AS inspections FROM enforcement.v_inspection_ledger;
SELECT count(*) AS rows FROM enforcement.v_inspection_frequency;
RESET ROLE;
SET ROLE en_test_views_nobody;
SELECT count(*) FROM enforcement.v_inspection_ledger;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT c.relname, c.relkind, c.reloptions, c.relacl IS NOT NULL AS has_acl,
       obj_description(c.oid, 'pg_class') IS NOT NULL AS commented
FROM pg_class c
WHERE c.relnamespace = 'enforcement'::regnamespace
  AND c.relname IN ('v_inspection_ledger', 'v_unplanned_inspections',
                    'v_inspection_frequency', 'v_enterprise_burden')
ORDER BY c.relname;
SELECT r.rolname, p.privilege_type
FROM information_schema.table_privileges p
JOIN pg_roles r ON r.rolname = p.grantee
WHERE p.table_schema = 'enforcement' AND p.table_name = 'v_inspection_ledger'
  AND r.rolname <> current_user
ORDER BY 1, 2;

-- One agency's or one enterprise's rows come from an index, not a scan of
-- every inspection (the indexes each plan uses; see docs/views.md for plans
-- on realistic data).
CREATE FUNCTION pg_temp.indexes_used(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    idx text;
    found text[] := '{}';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
        idx := CASE
            WHEN line ~ 'Seq Scan on inspections ' THEN 'SEQ SCAN inspections'
            ELSE substring(line FROM 'Index (?:Only )?Scan (?:using|on) (\w+)')
        END;
        IF idx IS NOT NULL AND NOT idx = ANY (found) THEN
            found := found || idx;
        END IF;
    END LOOP;
    RETURN array_to_string(found, ', ');
END $$;
SET enable_seqscan = off;
SELECT pg_temp.indexes_used('SELECT * FROM enforcement.v_inspection_ledger WHERE agency_id = 2') AS ledger;
SELECT pg_temp.indexes_used('SELECT * FROM enforcement.v_unplanned_inspections WHERE agency_id = 2') AS unplanned;
SELECT pg_temp.indexes_used('SELECT * FROM enforcement.v_inspection_frequency WHERE agency_id = 2') AS frequency;
SELECT pg_temp.indexes_used('SELECT * FROM enforcement.v_enterprise_burden WHERE enterprise_id = 501') AS burden;
RESET enable_seqscan;

DROP ROLE en_test_views_market, en_test_views_supervisor, en_test_views_nobody;
SELECT ok FROM enforcement.verify_process_log();
