-- A district for the decision benchmark: an agency with its penalty power,
-- two certified handlers and a designated reviewer, the region's and the
-- agency's benchmarks, a first-offence item and a review catalogue (so
-- every check of a decision runs: stage, limitation, first offence,
-- benchmark, major and its review, hearing threshold, subject and power),
-- 1000 enterprises each with an earlier penalty under the basis (so the
-- first-offence item never applies), and :cases cases at the stage
-- notified, each with an approved review, loaded as a restore would (the
-- triggers off: the rows are lawful by construction).  Two baselines
-- beside enforcement.decisions:
--   public.bench_bare  the same columns and defaults, nothing else;
--   public.bench_fk    the same primary key, unique and foreign keys, but
--                      no triggers.
CREATE EXTENSION enforcement;
SELECT enforcement.set_node_id(1);
INSERT INTO enforcement.agencies (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (1, 'DT-SFJ', '定陶区司法局', 'justice_bureau', '371703', '山东省行政执法监督条例 第五条', '2023-01-01', '2023-01-05'),
       (2, 'DT-SCJG', '定陶区市场监督管理局', 'statutory', '371703', '食品安全法 第六条', '2023-01-01', '2023-01-10');
INSERT INTO enforcement.legal_bases (id, code, title, level, article, effective_from)
VALUES (21, 'FSL-2021-124', '中华人民共和国食品安全法', 'law', '第一百二十四条', '2021-04-29');
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES (2, 21, 'penalty', '2023-02-01');
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post,
    exam_passed_on, legal_qualification, legal_reviewer)
VALUES (101, 2, '张伟', 'established', true, '2022-06-01', false, false),
       (102, 2, '王芳', 'established', true, '2022-06-01', false, false),
       (109, 2, '周律', 'established', false, NULL, true, true);
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1001, 101, 'N-1001', '2023-03-01', '2023-03-01', '2035-12-31'),
       (1002, 102, 'N-1002', '2023-03-01', '2023-03-01', '2035-12-31');
INSERT INTO enforcement.enterprises (id, credit_code, name)
SELECT 10000 + g,
       (SELECT x.base || c FROM unnest(string_to_array('0123456789ABCDEFGHJKLMNPQRTUWXY', NULL)) c
        WHERE enforcement.credit_code_valid(x.base || c) LIMIT 1),
       '企业' || g
FROM generate_series(1, 1000) g,
     LATERAL (SELECT '91371703MA' || lpad(g::text, 7, '0') AS base) x;
INSERT INTO enforcement.discretion_benchmarks (agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (NULL, 21, 'ordinary', 50000, 100000, '2024-01-01'),
       (2, 21, 'ordinary', 55000, 95000, '2024-06-01');
INSERT INTO enforcement.leniency_items (agency_id, legal_basis_id, kind, lookback_years, published_on)
VALUES (NULL, 21, 'first_offense_exempt', 2, '2024-01-01');
INSERT INTO enforcement.review_catalog (agency_id, published_on, fine_at_least, decision_kinds)
VALUES (2, '2024-01-01', 50000, '{revoke_license}');

SET session_replication_role = replica;
-- the earlier penalties (cases 1..1000), and the cases to decide
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id, opened_on,
    violation_on, discovered_on, handler_ids, harm, corrected, stage)
SELECT g, 2, 10001 + (g - 1) % 1000, 21,
       CASE WHEN g <= 1000 THEN date '2025-01-05' ELSE date '2025-05-02' END,
       CASE WHEN g <= 1000 THEN date '2025-01-01' ELSE date '2025-05-01' END,
       CASE WHEN g <= 1000 THEN date '2025-01-02' ELSE date '2025-05-01' END,
       '{101,102}', 'minor', true,
       CASE WHEN g <= 1000 THEN 'decided' ELSE 'notified' END
FROM generate_series(1, 1000 + :cases) g;
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, agency_id)
SELECT c.id, s.stage, c.opened_on + s.n, CASE WHEN s.n = 1 THEN '{101,102}'::bigint[] END, 2
FROM enforcement.cases c
CROSS JOIN (VALUES (1, 'investigated'), (2, 'notified')) s (n, stage)
ORDER BY c.id, s.n;
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on, concluded_on, result, agency_id)
SELECT c.id, 109, c.opened_on + 3, c.opened_on + 4, 'approved', 2
FROM enforcement.cases c;
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance, agency_id)
SELECT c.id, date '2025-01-20', 'fine', 60000, 'ordinary', 2
FROM enforcement.cases c WHERE c.id <= 1000;
RESET session_replication_role;

CREATE TABLE public.bench_bare (LIKE enforcement.decisions INCLUDING DEFAULTS);
CREATE TABLE public.bench_fk (LIKE enforcement.decisions INCLUDING DEFAULTS INCLUDING INDEXES);
ALTER TABLE public.bench_fk
    ADD FOREIGN KEY (case_id, agency_id) REFERENCES enforcement.cases (id, agency_id),
    ADD FOREIGN KEY (leniency_item_id) REFERENCES enforcement.leniency_items (id);
INSERT INTO public.bench_bare SELECT * FROM enforcement.decisions;
INSERT INTO public.bench_fk SELECT * FROM enforcement.decisions;
CREATE SEQUENCE public.bench_case;
ANALYZE;
