-- A district for the inspection benchmark: a justice bureau and two agencies,
-- each with a filed plan and two certified officers, a high cap (so the cap
-- check runs but never refuses), 1000 enterprises, 2000 earlier inspections,
-- and two baselines beside enforcement.inspections:
--   public.bench_bare  the same columns and defaults, nothing else;
--   public.bench_fk    the same primary key, indexes and foreign keys, but
--                      no triggers and no CHECKs.
CREATE EXTENSION enforcement;
SELECT enforcement.set_node_id(1);
INSERT INTO enforcement.agencies (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (1, 'DT-SFJ', '定陶区司法局', 'justice_bureau', '371703', '山东省行政执法监督条例 第五条', '2023-01-01', '2023-01-05'),
       (2, 'DT-SCJG', '定陶区市场监督管理局', 'statutory', '371703', '食品安全法 第六条', '2023-01-01', '2023-01-10'),
       (3, 'DT-WJJ', '定陶区卫生健康局', 'statutory', '371703', '食品安全法 第六条', '2023-01-01', '2023-01-10');
INSERT INTO enforcement.legal_bases (id, code, title, level, article, effective_from)
VALUES (21, 'FSL-2021-087', '中华人民共和国食品安全法', 'law', '第八十七条', '2021-04-29');
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES (2, 21, 'inspection', '2023-02-01'), (3, 21, 'inspection', '2023-02-01');
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (101, 2, '张伟', 'established', true, '2022-06-01'), (102, 2, '王芳', 'established', true, '2022-06-01'),
       (103, 3, '李强', 'established', true, '2022-06-01'), (104, 3, '刘洋', 'established', true, '2022-06-01');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1001, 101, 'N-1001', '2023-03-01', '2023-03-01', '2035-12-31'),
       (1002, 102, 'N-1002', '2023-03-01', '2023-03-01', '2035-12-31'),
       (1003, 103, 'N-1003', '2023-03-01', '2023-03-01', '2035-12-31'),
       (1004, 104, 'N-1004', '2023-03-01', '2023-03-01', '2035-12-31');
INSERT INTO enforcement.enterprises (id, credit_code, name)
SELECT 10000 + g,
       (SELECT x.base || c FROM unnest(string_to_array('0123456789ABCDEFGHJKLMNPQRTUWXY', NULL)) c
        WHERE enforcement.credit_code_valid(x.base || c) LIMIT 1),
       '企业' || g
FROM generate_series(1, 1000) g,
     LATERAL (SELECT '91371703MA' || lpad(g::text, 7, '0') AS base) x;
INSERT INTO enforcement.inspection_plans (id, agency_id, year) VALUES (301, 2, 2025), (302, 3, 2025);
INSERT INTO enforcement.plan_items (plan_id, legal_basis_id) VALUES (301, 21), (302, 21);
UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-01-10', filed_with = 1
WHERE id IN (301, 302);
INSERT INTO enforcement.inspection_limits (agency_id, year, max_per_enterprise, published_on)
VALUES (NULL, 2025, 1000000, '2024-12-25');

-- 2000 earlier inspections, two per enterprise
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
SELECT 2, 10001 + g % 1000, 21, date '2025-02-01' + g % 50, '{101,102}', true, 301
FROM generate_series(0, 1999) g;

CREATE TABLE public.bench_bare (LIKE enforcement.inspections INCLUDING DEFAULTS);
CREATE TABLE public.bench_fk (LIKE enforcement.inspections INCLUDING DEFAULTS INCLUDING INDEXES);
ALTER TABLE public.bench_fk
    ADD FOREIGN KEY (agency_id) REFERENCES enforcement.agencies (id),
    ADD FOREIGN KEY (enterprise_id) REFERENCES enforcement.enterprises (id),
    ADD FOREIGN KEY (legal_basis_id) REFERENCES enforcement.legal_bases (id),
    ADD FOREIGN KEY (plan_id) REFERENCES enforcement.inspection_plans (id),
    ADD FOREIGN KEY (complaint_id) REFERENCES enforcement.complaints (id),
    ADD FOREIGN KEY (joint_inspection_id) REFERENCES enforcement.joint_inspections (id);
INSERT INTO public.bench_bare SELECT * FROM enforcement.inspections;
INSERT INTO public.bench_fk SELECT * FROM enforcement.inspections;
ANALYZE;
