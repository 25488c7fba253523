-- Inputs normalised or refused, and every loop over user data bounded and
-- interruptible (defect 5 of 1.2): officer_ids is one-dimensional, without
-- NULLs, of at most 32 officers (54000), stored with lower bound 1; a
-- blank reference is any Unicode white space; an inspection names a plan
-- or an exemption, not neither (EN202) nor both (EN207), and ends after it
-- begins (EN207).
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql

-- 33 officers: refused before any of them is looked up
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
SELECT 2, 501, 21, '2025-04-01', array_agg(g), true, 301
FROM generate_series(1, 33) g;
\echo :LAST_ERROR_SQLSTATE
-- a hundred thousand: the same refusal, at once
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
SELECT 2, 501, 21, '2025-04-01', array_agg(g), true, 301
FROM generate_series(1, 100000) g;
\echo :LAST_ERROR_SQLSTATE
-- 32 is the most: the list is judged (here: unknown officers, EN102)
\set VERBOSITY terse
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
SELECT 2, 501, 21, '2025-04-01', ARRAY[101, 102] || array_agg(g), true, 301
FROM generate_series(1, 30) g;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- NULL in the list, two dimensions
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-01', '{101,NULL,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-01', '{{101,102},{101,102}}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- an empty list: fewer than two officers
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-01', '{}', true, 301);
\echo :LAST_ERROR_SQLSTATE
-- a lower bound other than 1 is stored as 1
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (880, 2, 501, 21, '2025-04-01', '[5:6]={101,102}', true, 301);
SELECT officer_ids, array_lower(officer_ids, 1) AS lower_bound
FROM enforcement.inspections WHERE id = 880;

-- a blank reference, whatever the white space
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
SELECT 2, 501, 24, '2025-04-01', '{101,102}', true, 'public_safety', r
FROM unnest(ARRAY[E'\u00a0', E'\u3000', E' \t\u2003\u200b', '']) AS r
LIMIT 1;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 24, '2025-04-01', '{101,102}', true, 'public_safety', E'\u3000\u3000');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 24, '2025-04-01', '{101,102}', true, 'public_safety', E'\u2003\u200b\ufeff');
\echo :LAST_ERROR_SQLSTATE
-- a reference with text in it is one
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 24, '2025-04-01', '{101,102}', true, 'public_safety', E'\u3000菏定安委〔2025〕3号');
-- an agency's legal authority of white space is none
UPDATE enforcement.agencies SET legal_authority = E'\u3000' WHERE id = 3;
SELECT enforcement.agency_may_act(3, '2025-04-01');

-- the rules that were CHECK constraints have their EN codes
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown)
VALUES (2, 501, 21, '2025-04-02', '{101,102}', true);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, exemption, exemption_ref)
VALUES (2, 501, 21, '2025-04-02', '{101,102}', true, 301, 'emergency', '菏定应急〔2025〕1号');
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspections SET ended_on = '2025-03-31' WHERE id = 880;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspections SET ended_on = '2025-04-01', outcome = 'education' WHERE id = 880;
SELECT ended_on, outcome FROM enforcement.inspections WHERE id = 880;
-- a vocabulary keeps its constraint's name and SQLSTATE
UPDATE enforcement.inspections SET outcome = 'fined' WHERE id = 880;
\echo :LAST_ERROR_SQLSTATE
SELECT ok FROM enforcement.verify_process_log();
