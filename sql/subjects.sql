-- SUBJ-1 agency_may_act() and OFF-2 officer_certified().
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql

-- Lawful: a statutory agency confirmed and disclosed, not dissolved; an
-- entrusted office whose entrusting agency may act.
SELECT enforcement.agency_may_act(2, '2025-03-01') AS statutory,
       enforcement.agency_may_act(4, '2025-03-01') AS entrusted;

-- A justice bureau supervises; it does not enforce.
SELECT enforcement.agency_may_act(1, '2025-03-01') AS justice_bureau;
-- Before confirmation, before disclosure, on and after dissolution.
SELECT enforcement.agency_may_act(2, '2022-12-31') AS before_confirmed,
       enforcement.agency_may_act(2, '2023-01-05') AS before_disclosed,
       enforcement.agency_may_act(2, '2023-01-10') AS on_disclosure_day;
UPDATE enforcement.agencies SET dissolved_on = '2025-06-30' WHERE id = 3;
SELECT enforcement.agency_may_act(3, '2025-06-29') AS day_before,
       enforcement.agency_may_act(3, '2025-06-30') AS dissolution_day,
       -- the entrusted office falls with its entrusting agency
       enforcement.agency_may_act(4, '2025-06-29') AS entrusted_before,
       enforcement.agency_may_act(4, '2025-07-01') AS entrusted_after;
-- No legal authority (blank counts as none).
INSERT INTO enforcement.agencies (id, code, name, kind, region_code,
    legal_authority, confirmed_on, disclosed_on)
VALUES (5, 'DT-X', '无依据机构', 'statutory', '371703', '  ', '2023-01-01', '2023-01-01'),
       (6, 'DT-Y', '未公示机构', 'authorized', '371703', '某法 第三条', '2023-01-01', NULL);
SELECT enforcement.agency_may_act(5, '2025-03-01') AS blank_authority,
       enforcement.agency_may_act(6, '2025-03-01') AS never_disclosed;
-- An entrusted body with no entrusting agency, and one entrusted by an
-- entrusted body (no re-entrusting, 处罚法 Art 20).
INSERT INTO enforcement.agencies (id, code, name, kind, entrusted_by, region_code,
    legal_authority, confirmed_on, disclosed_on)
VALUES (7, 'DT-Z', '无委托机关', 'entrusted', NULL, '371703', '委托书', '2023-01-01', '2023-01-01'),
       (8, 'DT-W', '再委托机构', 'entrusted', 4, '371703', '委托书', '2024-04-01', '2024-04-01');
SELECT enforcement.agency_may_act(7, '2025-03-01') AS no_entruster,
       enforcement.agency_may_act(8, '2025-03-01') AS re_entrusted,
       enforcement.agency_may_act(99, '2025-03-01') AS unknown;
SELECT enforcement.agency_may_act(NULL, '2025-03-01');
-- the kind vocabulary
INSERT INTO enforcement.agencies (code, name, kind, region_code)
VALUES ('DT-V', '某机构', 'committee', '371703');
\echo :LAST_ERROR_SQLSTATE

-- OFF-2: certified for the officer's own agency while the certificate is
-- valid and not suspended or revoked on or before the day.
SELECT enforcement.officer_certified(101, 2, '2025-03-01') AS lawful,
       enforcement.officer_certified(101, 3, '2025-03-01') AS other_agency,
       enforcement.officer_certified(101, 2, '2023-02-28') AS before_valid,
       enforcement.officer_certified(101, 2, '2036-01-01') AS after_valid,
       enforcement.officer_certified(103, 2, '2025-03-01') AS no_certificate,
       enforcement.officer_certified(999, 2, '2025-03-01') AS unknown;
UPDATE enforcement.certificates SET status = 'suspended',
    status_since = '2025-04-01', status_reason = '涉嫌违纪，暂扣'
WHERE id = 1002;
SELECT enforcement.officer_certified(102, 2, '2025-03-31') AS before_suspension,
       enforcement.officer_certified(102, 2, '2025-04-01') AS suspension_day;
UPDATE enforcement.officers SET left_on = '2025-05-01' WHERE id = 101;
SELECT enforcement.officer_certified(101, 2, '2025-04-30') AS before_leaving,
       enforcement.officer_certified(101, 2, '2025-05-01') AS leaving_day;

-- In a read-only transaction the functions answer without locking.
BEGIN TRANSACTION READ ONLY;
SELECT enforcement.agency_may_act(2, '2025-03-01'),
       enforcement.officer_certified(106, 3, '2025-03-01');
COMMIT;
-- Otherwise they lock what they read, like a foreign-key check.
BEGIN;
SELECT enforcement.officer_certified(106, 3, '2025-03-01');
SELECT c.relname, l.mode
FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
WHERE l.pid = pg_backend_pid() AND c.relname IN ('officers', 'certificates')
ORDER BY 1;
COMMIT;
