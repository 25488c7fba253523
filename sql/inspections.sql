-- Inspections: SUBJ-1/2, OFF-5/6, INSP-1..7 (EN101, EN102, EN105, EN106,
-- EN107, EN201..EN204, EN206, EN207, EN501).
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql

-- Lawful: a routine inspection under the filed plan, two certified
-- officers who showed their certificates.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (801, 2, 501, 21, '2025-04-01', '{101,102}', true, 301);

-- EN101: a justice bureau does not inspect (SUBJ-1)
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (1, 501, 21, '2025-04-01', '{101,102}', true, 'public_safety', '菏定安委〔2025〕3号');
\echo :LAST_ERROR_SQLSTATE
-- EN201: not a power of the agency; not in force on the day
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 22, '2025-04-01', '{101,102}', true, 'public_safety', '菏定安委〔2025〕3号');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (3, 501, 23, '2025-04-01', '{106,108}', true, 'production_safety', '菏定安委〔2025〕3号');
\echo :LAST_ERROR_SQLSTATE
-- EN105: one officer, or the same one twice
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-02', '{101,101}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- EN102: an auxiliary without a certificate; another agency's officer
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-02', '{101,103}', true, 301);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-02', '{101,106}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- EN107: an officer with a declared conflict
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 502, 21, '2025-04-02', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- EN106: on site without the certificates shown; off site needs none
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, plan_id)
VALUES (2, 501, 21, '2025-04-02', '{101,102}', 301);
\echo :LAST_ERROR_SQLSTATE
-- EN202: a draft plan; before the filing; a basis the plan does not list
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 24, '2025-04-02', '{101,102}', true, 302);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-01-09', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 24, '2025-04-02', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- neither a plan nor an exemption, or both
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown)
VALUES (2, 501, 21, '2025-04-02', '{101,102}', true);
\echo :LAST_ERROR_SQLSTATE
-- EN203: an exemption without its reference; a report about another
-- enterprise, or received after the inspection
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption)
VALUES (2, 501, 24, '2025-04-02', '{101,102}', true, 'food_drug_safety');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, complaint_id)
VALUES (2, 501, 24, '2025-04-02', '{101,102}', true, 'complaint_report', 602);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, complaint_id)
VALUES (2, 501, 24, '2025-02-28', '{101,102}', true, 'complaint_report', 601);
\echo :LAST_ERROR_SQLSTATE
-- lawful unplanned inspections: on a report, on a superior's deployment
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, complaint_id)
VALUES (802, 2, 501, 24, '2025-03-02', '{101,102}', true, 'complaint_report', 601);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, mode, exemption, exemption_ref)
VALUES (803, 2, 501, 24, '2025-03-05', '{101,102}', 'offsite', 'superior_deployment',
        '菏市监发〔2025〕12号');

-- EN204: the agency's own cap (2) beats the region's (1); exempt
-- inspections do not count; a joint inspection counts once
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (804, 2, 501, 21, '2025-05-10', '{101,102}', true, 301, 701);
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-06-01', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- EN207: a second part of the same agency in a joint inspection; a joint
-- inspection of another day
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (2, 501, 24, '2025-05-10', '{101,102}', true, 'superior_deployment', '菏市监发〔2025〕12号', 701);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (3, 501, 22, '2025-05-11', '{106,108}', true, 'production_safety', '菏定安委〔2025〕3号', 701);
\echo :LAST_ERROR_SQLSTATE
-- EN101: a joint inspection led by the justice bureau
INSERT INTO enforcement.joint_inspections (lead_agency_id, enterprise_id, inspected_on)
VALUES (1, 501, '2025-05-12');
\echo :LAST_ERROR_SQLSTATE
-- lawful: the other agency's part of the joint inspection
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (805, 3, 501, 22, '2025-05-10', '{106,108}', true, 'production_safety',
        '菏定安委〔2025〕3号', 701);

-- After insert only the outcome and the end date change (INSP-7: the
-- flexible outcomes).
UPDATE enforcement.inspections SET outcome = 'guidance_interview', ended_on = '2025-04-01'
WHERE id = 801;
UPDATE enforcement.inspections SET inspected_on = '2025-04-03' WHERE id = 801;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspections SET officer_ids = '{101,104}' WHERE id = 801;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.joint_inspections SET inspected_on = '2025-05-11' WHERE id = 701;
\echo :LAST_ERROR_SQLSTATE

-- INSP-6: the ledger is signed by the inspection's officers only
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (801, 101, '2025-04-01');
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (801, 104, '2025-04-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (801, 102, '2025-03-31');
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspection_signatures SET signed_on = '2025-04-02'
WHERE inspection_id = 801 AND officer_id = 101;
\echo :LAST_ERROR_SQLSTATE

-- Plans (EN206, EN201): filed only with a justice bureau, with items;
-- a filed plan and its items never change
INSERT INTO enforcement.inspection_plans (id, agency_id, year) VALUES (303, 3, 2025);
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-01-15', filed_with = 1
WHERE id = 303;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.plan_items (plan_id, legal_basis_id) VALUES (303, 21);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.plan_items (plan_id, legal_basis_id, matter) VALUES (303, 22, '危险化学品企业检查');
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-01-15', filed_with = 2
WHERE id = 303;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspection_plans SET status = 'filed', filed_with = 1
WHERE id = 303;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-01-15', filed_with = 1
WHERE id = 303;
UPDATE enforcement.inspection_plans SET filed_on = '2025-01-01' WHERE id = 303;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.plan_items (plan_id, legal_basis_id) VALUES (303, 23);
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.plan_items SET matter = '改' WHERE plan_id = 301;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspection_plans (agency_id, year, status, filed_on, filed_with)
VALUES (3, 2026, 'filed', '2026-01-05', 1);
\echo :LAST_ERROR_SQLSTATE

-- The complainant is recorded only by a keyed hash (HMAC-SHA256 under the
-- installation's "record" key): a reader of the record cannot test a guess
-- with a plain SHA-256.
SELECT row_id, row_data->>'complainant' LIKE 'hmac-sha256:%' AS masked,
       row_data->>'complainant' <> 'hmac-sha256:' || encode(sha256(convert_to('王某（13800000000）', 'UTF8')), 'hex') AS not_plain,
       length(row_data->>'complainant') AS length
FROM enforcement.process_log WHERE table_name = 'complaints' ORDER BY row_id;

SELECT id, agency_id, enterprise_id, inspected_on, plan_id, exemption, joint_inspection_id, outcome
FROM enforcement.inspections ORDER BY id;
SELECT ok FROM enforcement.verify_process_log();
