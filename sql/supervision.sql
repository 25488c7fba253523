-- Supervision (release 1.6): the quota ban (QUOTA-1/2, EN401), conduct
-- complaints reported before they close (CMP-1, EN402), social supervisors
-- and the observer role (SUP-2), reverse investigations (ACC-1) and
-- sanctions (ACC-2), the views v_overdue_complaints and v_accountability,
-- and the hostile writes around each.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
DROP ROLE IF EXISTS en_test_sup_market;
DROP ROLE IF EXISTS en_test_sup_safety;
DROP ROLE IF EXISTS en_test_sup_observer;
DROP ROLE IF EXISTS en_test_sup_former;
DROP ROLE IF EXISTS en_test_sup_stranger;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\set QUIET on
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql
\i test/fixtures/cases.sql
\set QUIET off
CREATE ROLE en_test_sup_market;
CREATE ROLE en_test_sup_safety;
GRANT enforcement_writer TO en_test_sup_market, en_test_sup_safety;
INSERT INTO enforcement.agency_members (role_name, agency_id)
VALUES ('en_test_sup_market', 2), ('en_test_sup_safety', 3);

-- ===========================================================================
-- 1. The quota ban (QUOTA-1, QUOTA-2: EN401)
-- ===========================================================================
-- lawful: measures of lawfulness and service; "define" and "refined" are
-- not the word "fine"
INSERT INTO enforcement.performance_indicators (id, agency_id, name, metric, target, year)
VALUES (7001, 2, '行政复议纠错率', 'reversal_rate', 0.02, 2025),
       (7002, 2, 'Refined complaint answer time', 'complaint_answer_days', 10, 2025),
       (7003, 2, 'Define service standards', 'service_standards_published', 1, 2025);
-- an officer's indicator takes the officer's agency
INSERT INTO enforcement.performance_indicators (id, officer_id, name, metric, year)
VALUES (7004, 101, '执法文书规范率', 'document_quality', 2025);
SELECT id, agency_id, officer_id FROM enforcement.performance_indicators ORDER BY id;
-- EN401 QUOTA-1: each banned metric, in any spelling
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, '年度目标', 'fine_amount', 2025);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, '年度目标', 'Inspection-Count', 2025);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, '年度目标', 'penaltyRevenue', 2025);
\echo :LAST_ERROR_SQLSTATE
-- EN401 QUOTA-2: the vocabulary in the name or the metric; Chinese as a
-- substring, with spaces and zero-width characters between; English as
-- whole words, whatever the case
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, '全年罚款任务', 'annual_target', 2025);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, '全年罚 款任务', 'annual_target', 2025);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, E'全年罚\u200b款任务', 'annual_target', 2025);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, '检查次数排名', 'ranking', 2025);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, 'Fine amount per officer', 'per_officer', 2025);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, 'Annual target', 'total_FINE_sum', 2025);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, 'Penalty   Revenue growth', 'growth', 2025);
\echo :LAST_ERROR_SQLSTATE
-- EN401 on UPDATE: a lawful indicator renamed into a quota
UPDATE enforcement.performance_indicators SET name = '罚没收入完成率' WHERE id = 7001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.performance_indicators SET metric = 'fine_count' WHERE id = 7001;
\echo :LAST_ERROR_SQLSTATE
SELECT id, name, metric FROM enforcement.performance_indicators WHERE id = 7001;
-- EN207: an officer of another agency; EN503: a writer for another agency
INSERT INTO enforcement.performance_indicators (agency_id, officer_id, name, metric, year)
VALUES (3, 101, '执法文书规范率', 'document_quality', 2025);
\echo :LAST_ERROR_SQLSTATE
SET ROLE en_test_sup_safety;
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, '群众满意度', 'satisfaction', 2025);
\echo :LAST_ERROR_SQLSTATE
-- a writer reads its own agency's indicators only
SELECT count(*) AS indicators FROM enforcement.performance_indicators;
RESET ROLE;
-- a term added counts from the next statement, in every session; the
-- indicator that already uses it is listed by the scan
INSERT INTO enforcement.quota_terms (term) VALUES ('service standards');
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, year)
VALUES (2, 'Service standards met', 'standards', 2025);
\echo :LAST_ERROR_SQLSTATE
SELECT code, rule, row_id FROM enforcement.compliance_scan()
WHERE table_name = 'performance_indicators' ORDER BY row_id;
-- terms are added, never removed or rewritten (EN501); none is blank
DELETE FROM enforcement.quota_terms WHERE term = '罚款';
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.quota_terms SET term = '罚款额' WHERE term = '罚款';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.quota_terms (term) VALUES (' -- ');
\echo :LAST_ERROR_SQLSTATE
-- a writer adds no term
SET ROLE en_test_sup_market;
INSERT INTO enforcement.quota_terms (term) VALUES ('满意度');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT count(*) >= 12 AS installed_terms FROM enforcement.quota_terms;

-- ===========================================================================
-- 2. Conduct complaints close after their report to the justice bureau
--    (CMP-1: EN402); the overdue complaints
-- ===========================================================================
INSERT INTO enforcement.complaints (id, received_on, kind, about_agency_id,
    about_officer_id, complainant, summary)
VALUES (660, '2025-07-01', 'conduct_complaint', 2, 101, '王女士 13800000000', '检查时态度粗暴'),
       (661, '2025-07-01', 'violation_report', 2, NULL, '匿名', '某店销售过期食品');
UPDATE enforcement.complaints SET status = 'accepted', accepted_on = '2025-07-02' WHERE id = 660;
UPDATE enforcement.complaints SET status = 'verified' WHERE id = 660;
UPDATE enforcement.complaints SET status = 'answered', answered_on = '2025-07-20' WHERE id = 660;
-- EN402: closed unreported; reported after the day it closes
UPDATE enforcement.complaints SET status = 'closed', closed_on = '2025-07-21' WHERE id = 660;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.complaints SET status = 'closed', closed_on = '2025-07-21',
    reported_to_justice_on = '2025-07-22' WHERE id = 660;
\echo :LAST_ERROR_SQLSTATE
-- lawful: reported on the day it closes
UPDATE enforcement.complaints SET status = 'closed', closed_on = '2025-07-21',
    reported_to_justice_on = '2025-07-21' WHERE id = 660;
-- the report date, once set, is fixed (EN501)
UPDATE enforcement.complaints SET reported_to_justice_on = '2025-07-20' WHERE id = 660;
\echo :LAST_ERROR_SQLSTATE
-- a violation report needs no report to the justice bureau
UPDATE enforcement.complaints SET status = 'rejected' WHERE id = 661;
UPDATE enforcement.complaints SET status = 'closed', closed_on = '2025-07-03' WHERE id = 661;
SELECT id, kind, status, reported_to_justice_on, closed_on
FROM enforcement.complaints WHERE id IN (660, 661) ORDER BY id;
-- overdue: received and never accepted (5 working days), accepted and never
-- answered (30 days); a closed one is not overdue
INSERT INTO enforcement.complaints (id, received_on, kind, about_agency_id, summary)
VALUES (662, '2025-09-26', 'conduct_complaint', 2, '国庆前投诉'),
       (663, '2025-08-01', 'violation_report', 2, '噪声扰民');
UPDATE enforcement.complaints SET status = 'accepted', accepted_on = '2025-08-04' WHERE id = 663;
SELECT complaint_id, agency_id, status, received_on, due_on
FROM enforcement.v_overdue_complaints ORDER BY complaint_id;

-- ===========================================================================
-- 3. A decision reversed opens its reverse investigation (ACC-1)
-- ===========================================================================
-- the case: opened, investigated, notified, reviewed by 109, decided
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id,
    legal_basis_id, opened_on, violation_on, discovered_on, handler_ids)
VALUES (2601, 2, 501, 811, 21, '2025-04-01', '2025-03-20', '2025-04-01', '{101,102}');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2601, 'investigated', '2025-04-01', '{101,102}', '调查-2601');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, hearing_offered, document_no)
VALUES (2601, 'notified', '2025-04-02', true, '告知-2601');
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on,
    concluded_on, result, opinion)
VALUES (2651, 2601, 109, '2025-04-03', '2025-04-04', 'approved', '事实清楚，证据确凿');
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount,
    circumstance, document_no)
VALUES (3601, 2601, '2025-04-05', 'fine', 80000, 'ordinary', '定市监罚〔2025〕601号');
-- EN207: an outcome dated before the decision
INSERT INTO enforcement.review_outcomes (decision_id, venue, result, decided_on)
VALUES (3601, 'reconsideration', 'revoked', '2025-04-04');
\echo :LAST_ERROR_SQLSTATE
-- upheld opens nothing
INSERT INTO enforcement.review_outcomes (id, decision_id, venue, result, decided_on)
VALUES (3651, 3601, 'reconsideration', 'upheld', '2025-06-01');
SELECT count(*) AS investigations FROM enforcement.accountability_reviews;
-- revoked in litigation: handlers and the approving reviewer, due 30 days on
INSERT INTO enforcement.review_outcomes (id, decision_id, venue, result, decided_on, document_no)
VALUES (3652, 3601, 'litigation', 'revoked', '2025-09-10', '（2025）鲁1727行初12号');
SELECT case_id, review_outcome_id, officer_ids, opened_on, due_on, status, agency_id
FROM enforcement.accountability_reviews;
-- the due day follows the setting
UPDATE enforcement.settings SET value = 45 WHERE name = 'accountability_due_days';
INSERT INTO enforcement.review_outcomes (id, decision_id, venue, result, decided_on)
VALUES (3653, 3601, 'litigation', 'confirmed_unlawful', '2025-10-10');
SELECT review_outcome_id, due_on FROM enforcement.accountability_reviews
WHERE review_outcome_id = 3653;
UPDATE enforcement.settings SET value = 30 WHERE name = 'accountability_due_days';
-- EN207: only the extension opens one, in every mode
INSERT INTO enforcement.accountability_reviews (case_id, officer_ids, opened_on, due_on)
VALUES (2601, '{101}', '2025-09-10', '2025-10-10');
\echo :LAST_ERROR_SQLSTATE
SET enforcement.mode = 'warn';
INSERT INTO enforcement.accountability_reviews (case_id, officer_ids, opened_on, due_on)
VALUES (2601, '{101}', '2025-09-10', '2025-10-10');
\echo :LAST_ERROR_SQLSTATE
RESET enforcement.mode;
-- its officers, case and dates are fixed (EN501)
UPDATE enforcement.accountability_reviews SET officer_ids = '{102}'
WHERE review_outcome_id = 3652;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.accountability_reviews SET due_on = '2026-12-31'
WHERE review_outcome_id = 3652;
\echo :LAST_ERROR_SQLSTATE
-- EN207: concluded without a finding, without its day, before it opened
UPDATE enforcement.accountability_reviews SET status = 'concluded',
    concluded_on = '2025-09-30' WHERE review_outcome_id = 3652;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.accountability_reviews SET status = 'concluded',
    finding = '主办人员未全面核实证据' WHERE review_outcome_id = 3652;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.accountability_reviews SET status = 'concluded',
    finding = '主办人员未全面核实证据', concluded_on = '2025-09-01'
WHERE review_outcome_id = 3652;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.accountability_reviews SET concluded_on = '2025-09-30'
WHERE review_outcome_id = 3652;
\echo :LAST_ERROR_SQLSTATE
-- lawful: concluded with its finding
UPDATE enforcement.accountability_reviews SET status = 'concluded',
    finding = '主办人员未全面核实证据，建议暂扣执法证', concluded_on = '2025-09-30'
WHERE review_outcome_id = 3652;
-- EN207: a concluded one is not reopened or rewritten
UPDATE enforcement.accountability_reviews SET status = 'open'
WHERE review_outcome_id = 3652;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.accountability_reviews SET finding = '无责任'
WHERE review_outcome_id = 3652;
\echo :LAST_ERROR_SQLSTATE
-- an outcome is fixed (EN501) and never deleted
UPDATE enforcement.review_outcomes SET result = 'upheld' WHERE id = 3652;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.review_outcomes WHERE id = 3652;
\echo :LAST_ERROR_SQLSTATE
-- EN207 TIME-2: an outcome dated in the future
INSERT INTO enforcement.review_outcomes (decision_id, venue, result, decided_on)
VALUES (3601, 'litigation', 'altered', CURRENT_DATE + 1);
\echo :LAST_ERROR_SQLSTATE
-- another agency's writer cannot record an outcome of agency 2's decision,
-- and sees none of its investigations
SET ROLE en_test_sup_safety;
INSERT INTO enforcement.review_outcomes (decision_id, venue, result, decided_on, agency_id)
VALUES (3601, 'litigation', 'revoked', '2025-09-10', 3);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS investigations FROM enforcement.accountability_reviews;
SELECT count(*) AS accountability FROM enforcement.v_accountability;
RESET ROLE;
-- a reversal written without its triggers is listed by the scan
SET session_replication_role = replica;
INSERT INTO enforcement.review_outcomes (id, decision_id, venue, result, decided_on, agency_id)
VALUES (3654, 3601, 'reconsideration', 'altered', '2025-11-01', 2);
RESET session_replication_role;
SELECT code, rule, row_id FROM enforcement.compliance_scan()
WHERE table_name IN ('review_outcomes', 'accountability_reviews') ORDER BY row_id;

-- ===========================================================================
-- 4. A sanction acts on the officer's certificate (ACC-2)
-- ===========================================================================
-- none leaves the certificate as it is
INSERT INTO enforcement.officer_sanctions (officer_id, decided_on, reason, sanction)
VALUES (102, '2025-10-01', '批评教育', 'none');
SELECT status FROM enforcement.certificates WHERE officer_id = 102;
-- suspend suspends it from the day of the sanction, in the same statement
INSERT INTO enforcement.officer_sanctions (id, officer_id, decided_on, reason, sanction,
    accountability_review_id)
SELECT 7101, 101, '2025-10-01', '责任倒查：未全面核实证据', 'suspend', id
FROM enforcement.accountability_reviews WHERE review_outcome_id = 3652;
SELECT status, status_since, status_reason FROM enforcement.certificates WHERE officer_id = 101;
-- revoke revokes it; revoked is final
INSERT INTO enforcement.officer_sanctions (officer_id, decided_on, reason, sanction)
VALUES (101, '2025-11-01', '复查：严重失职', 'revoke');
SELECT status, status_since FROM enforcement.certificates WHERE officer_id = 101;
UPDATE enforcement.certificates SET status = 'active' WHERE officer_id = 101;
\echo :LAST_ERROR_SQLSTATE
-- an officer certified no more inspects
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 21, '2025-11-05', '{101,102}', true, 'food_drug_safety', '菏定食安〔2025〕9号');
\echo :LAST_ERROR_SQLSTATE
-- a sanction dated in the future; of another agency's officer by a writer
INSERT INTO enforcement.officer_sanctions (officer_id, decided_on, reason, sanction)
VALUES (102, CURRENT_DATE + 1, '提前处分', 'suspend');
\echo :LAST_ERROR_SQLSTATE
SET ROLE en_test_sup_safety;
INSERT INTO enforcement.officer_sanctions (officer_id, decided_on, reason, sanction)
VALUES (102, '2025-10-01', '越权处分', 'revoke');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT status FROM enforcement.certificates WHERE officer_id = 102;
SELECT kind, case_id, officer_id, officer_ids, opened_on, due_on, status
FROM enforcement.v_accountability ORDER BY kind, opened_on;

-- ===========================================================================
-- 5. Social supervisors and the observer role (SUP-2)
-- ===========================================================================
CREATE ROLE en_test_sup_observer LOGIN;
CREATE ROLE en_test_sup_former LOGIN;
CREATE ROLE en_test_sup_stranger LOGIN;
GRANT enforcement_observer TO en_test_sup_observer, en_test_sup_former,
    en_test_sup_stranger;
-- 42704: the role exists; EN207: a commissioner names the enterprise, a
-- term ends on or after the appointment
INSERT INTO enforcement.supervisors (kind, name, appointed_on, role_name)
VALUES ('social_supervisor', '李四', '2025-01-02', 'en_test_sup_nobody');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.supervisors (kind, name, appointed_on, role_name)
VALUES ('enterprise_commissioner', '赵五', '2025-01-02', 'en_test_sup_observer');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.supervisors (kind, name, appointed_on, term_ends_on, role_name)
VALUES ('social_supervisor', '赵五', '2025-01-02', '2024-12-31', 'en_test_sup_observer');
\echo :LAST_ERROR_SQLSTATE
-- lawful: a commissioner of enterprise 501, and a supervisor whose term ended
INSERT INTO enforcement.supervisors (kind, name, enterprise_id, appointed_on, role_name)
VALUES ('enterprise_commissioner', '赵五', 501, '2025-01-02', 'en_test_sup_observer');
INSERT INTO enforcement.supervisors (kind, name, appointed_on, term_ends_on, role_name)
VALUES ('social_supervisor', '钱六', '2023-01-02', '2024-12-31', 'en_test_sup_former');
-- the link and the end of the term are set once (EN501); a writer
-- registers no supervisor (42501)
UPDATE enforcement.supervisors SET role_name = 'en_test_sup_stranger'
WHERE name = '赵五';
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.supervisors SET term_ends_on = '2099-12-31' WHERE name = '钱六';
\echo :LAST_ERROR_SQLSTATE
SET ROLE en_test_sup_market;
INSERT INTO enforcement.supervisors (kind, name, appointed_on)
VALUES ('social_supervisor', '孙七', '2025-01-02');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
-- an observer in office reads every supervision view, whole
SET ROLE en_test_sup_observer;
SELECT (SELECT count(*) FROM enforcement.v_inspection_ledger) > 0 AS ledger,
       (SELECT count(*) FROM enforcement.v_officer_certification) > 0 AS certification,
       (SELECT count(*) FROM enforcement.v_inspection_frequency) > 0 AS frequency,
       (SELECT count(*) FROM enforcement.v_enterprise_burden) > 0 AS burden,
       (SELECT count(*) FROM enforcement.v_three_systems) > 0 AS three_systems,
       (SELECT count(*) FROM enforcement.v_legal_review_register) > 0 AS reviews,
       (SELECT count(*) FROM enforcement.v_overdue_complaints) > 0 AS complaints,
       (SELECT count(*) FROM enforcement.v_accountability) > 0 AS accountability;
SELECT count(*) AS unplanned FROM enforcement.v_unplanned_inspections;
SELECT count(*) AS leniency FROM enforcement.v_leniency_ledger;
SELECT count(*) AS overdue_cases FROM enforcement.v_overdue_cases;
SELECT count(*) AS overdue_disclosures FROM enforcement.v_overdue_disclosures;
SELECT count(*) >= 0 AS late FROM enforcement.v_late_records;
SELECT count(*) >= 0 AS grounds FROM enforcement.v_complaint_grounds;
-- and no table, no complainant, no secret, no record
SELECT count(*) FROM enforcement.inspections;
\echo :LAST_ERROR_SQLSTATE
SELECT complainant FROM enforcement.complaints;
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM enforcement.secrets;
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM enforcement.process_log;
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM enforcement.supervisors;
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM enforcement.compliance_scan();
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.performance_indicators (agency_id, name, metric)
VALUES (2, '群众满意度', 'satisfaction');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
-- the same views as a supervisor sees them
SELECT (SELECT count(*) FROM enforcement.v_inspection_ledger) AS ledger,
       (SELECT count(*) FROM enforcement.v_accountability) AS accountability;
SET ROLE en_test_sup_observer;
SELECT (SELECT count(*) FROM enforcement.v_inspection_ledger) AS ledger,
       (SELECT count(*) FROM enforcement.v_accountability) AS accountability;
RESET ROLE;
-- a term ended, or no supervisor's row: the views show nothing
SET ROLE en_test_sup_former;
SELECT count(*) AS ledger FROM enforcement.v_inspection_ledger;
SELECT count(*) AS three_systems FROM enforcement.v_three_systems;
RESET ROLE;
SET ROLE en_test_sup_stranger;
SELECT count(*) AS ledger FROM enforcement.v_inspection_ledger;
RESET ROLE;
-- a writer sees through the views what its own agency's rows add up to
SET ROLE en_test_sup_safety;
SELECT count(*) FILTER (WHERE agency_id <> 3) AS others, count(*) > 0 AS own
FROM enforcement.v_inspection_ledger;
SELECT count(*) AS complaints FROM enforcement.v_overdue_complaints;
RESET ROLE;

-- ===========================================================================
-- 6. The record: every new table is chained and verifies
-- ===========================================================================
SELECT table_name, count(*) AS entries FROM enforcement.process_log
WHERE table_name IN ('performance_indicators', 'quota_terms', 'supervisors',
    'review_outcomes', 'accountability_reviews', 'officer_sanctions')
GROUP BY table_name ORDER BY table_name;
SELECT ok FROM enforcement.verify_process_log();

SET client_min_messages = warning;
DROP EXTENSION enforcement CASCADE;
DROP ROLE en_test_sup_market;
DROP ROLE en_test_sup_safety;
DROP ROLE en_test_sup_observer;
DROP ROLE en_test_sup_former;
DROP ROLE en_test_sup_stranger;
