-- The predicates written twice: once in C for the triggers (src/facts.c),
-- once in SQL for the views (src/facts.sql).  On generated cases the two
-- readings agree: OFF-2 certificate_holds(), INSP-5 cap_in_force(),
-- routine_visit() and routine_visits(); the view v_inspection_frequency
-- shows what the C reading says; and the inspection trigger refuses a
-- routine inspection (EN204) exactly when the C reading says the cap is
-- reached.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SET LOCAL client_min_messages = warning;
SET LOCAL lc_messages = 'C';

SELECT plan(76);

-- The district of the regression tests: agencies 1..4, officers 101 and
-- 102 of agency 2 certified to 2035, plan 301 (agency 2, 2025) filed on
-- 2025-01-10 with an item for legal basis 21, the caps (every agency,
-- 2025) = 1 and (agency 2, 2025) = 2, joint inspection 701.
\ir ../fixtures/registry.sql
\ir ../fixtures/inspections.sql

-- Reproducible "random" values.
SELECT setseed(0.4242) \g /dev/null

-- ===========================================================================
-- OFF-2: a certificate holds on a day (18)
-- ===========================================================================
CREATE TEMP TABLE cert_cases ON COMMIT DROP AS
WITH pairs (valid_from, valid_to) AS (
    VALUES ('2024-01-01'::date, '2024-12-31'::date),
           ('2024-03-01', '2024-03-01'),            -- a single day
           ('2024-02-28', '2024-03-01'),            -- over a leap day
           ('2023-06-15', '2028-06-14'),
           ('-infinity', '2024-06-30'),
           ('2024-06-01', 'infinity'),
           ('-infinity', 'infinity'),
           ('2024-12-31', '2024-01-01'),            -- reversed: no day
           (NULL, '2024-12-31'),
           ('2024-01-01', NULL)
), days AS (
    SELECT DISTINCT p.valid_from, p.valid_to, d.on_date
    FROM pairs p
    CROSS JOIN LATERAL (
        VALUES (p.valid_from - 1), (p.valid_from), (p.valid_from + 1),
               (p.valid_to - 1), (p.valid_to), (p.valid_to + 1),
               ('2024-06-15'::date), ('2020-01-01'), ('2030-01-01'),
               ('infinity'), ('-infinity'), (NULL)
    ) AS d (on_date)
), statuses (status) AS (
    VALUES ('active'), ('suspended'), ('revoked')
), cases AS (
    SELECT DISTINCT d.valid_from, d.valid_to, s.status, x.status_since, d.on_date
    FROM days d
    CROSS JOIN statuses s
    CROSS JOIN LATERAL (
        VALUES (d.on_date - 1), (d.on_date), (d.on_date + 1), (NULL::date),
               (d.valid_from), (d.valid_to), (d.valid_to + 1),
               ('-infinity'), ('infinity')
    ) AS x (status_since)
)
SELECT c.*,
       enforcement.certificate_holds(c.valid_from, c.valid_to, c.status,
                                     c.status_since, c.on_date) AS by_sql,
       enforcement.rule_certificate_holds(c.valid_from, c.valid_to, c.status,
                                          c.status_since, c.on_date) AS by_c
FROM cases c;

SELECT cmp_ok((SELECT count(*) FROM cert_cases), '>=', 1500::bigint,
              'OFF-2: thousands of generated certificate cases are compared');
SELECT is((SELECT count(*) FROM cert_cases WHERE by_sql IS DISTINCT FROM by_c),
          0::bigint,
          'OFF-2: certificate_holds() and rule_certificate_holds() agree on every generated case');
SELECT ok((SELECT count(*) FILTER (WHERE by_c) >= 300
              AND count(*) FILTER (WHERE NOT by_c) >= 300
           FROM cert_cases),
          'OFF-2: the grid has hundreds of cases that hold and hundreds that do not');
SELECT is((SELECT array_agg(DISTINCT status ORDER BY status) FROM cert_cases
           WHERE by_c AND status_since <= on_date),
          ARRAY['active'],
          'OFF-2: no suspended or revoked certificate dated on or before the day holds');
SELECT is((SELECT array_agg(DISTINCT status ORDER BY status) FROM cert_cases
           WHERE by_c AND status_since > on_date),
          ARRAY['active', 'revoked', 'suspended'],
          'OFF-2: every status holds on a day before its status date');
SELECT is((SELECT count(*) FROM cert_cases
           WHERE by_c AND (valid_from IS NULL OR valid_to IS NULL OR on_date IS NULL
                           OR on_date < valid_from OR on_date > valid_to)),
          0::bigint,
          'OFF-2: no certificate holds outside its validity or on a NULL day');

-- The edges, each read both ways: {SQL, C}.
CREATE TEMP TABLE cert_edges (description text, valid_from date, valid_to date,
                              status text, status_since date, on_date date,
                              expected boolean) ON COMMIT DROP;
INSERT INTO cert_edges VALUES
    ('holds on its valid_from day (inclusive)',
     '2024-01-01', '2024-12-31', 'active', '2024-01-01', '2024-01-01', true),
    ('holds on its valid_to day (inclusive)',
     '2024-01-01', '2024-12-31', 'active', '2024-01-01', '2024-12-31', true),
    ('does not hold the day before valid_from',
     '2024-01-01', '2024-12-31', 'active', '2024-01-01', '2023-12-31', false),
    ('does not hold the day after valid_to',
     '2024-01-01', '2024-12-31', 'active', '2024-01-01', '2025-01-01', false),
    ('a suspension dated on the day stops it that day',
     '2024-01-01', '2024-12-31', 'suspended', '2024-06-15', '2024-06-15', false),
    ('a suspension dated the day after does not stop it',
     '2024-01-01', '2024-12-31', 'suspended', '2024-06-16', '2024-06-15', true),
    ('a revocation dated on the day stops it that day',
     '2024-01-01', '2024-12-31', 'revoked', '2024-06-15', '2024-06-15', false),
    ('a revocation dated the day after does not stop it',
     '2024-01-01', '2024-12-31', 'revoked', '2024-06-16', '2024-06-15', true),
    ('a suspension with no date holds on no day',
     '2024-01-01', '2024-12-31', 'suspended', NULL, '2024-06-15', false),
    ('valid to infinity holds on day infinity',
     '2024-01-01', 'infinity', 'active', '2024-01-01', 'infinity', true),
    ('a finite validity does not hold on day infinity',
     '2024-01-01', '2024-12-31', 'active', '2024-01-01', 'infinity', false),
    ('valid from -infinity holds on day -infinity',
     '-infinity', '2024-12-31', 'active', '2024-01-01', '-infinity', true);

SELECT is(ARRAY[enforcement.certificate_holds(valid_from, valid_to, status,
                                              status_since, on_date),
                enforcement.rule_certificate_holds(valid_from, valid_to, status,
                                                   status_since, on_date)],
          ARRAY[expected, expected],
          'OFF-2 (SQL and C): ' || description)
FROM cert_edges ORDER BY description;

-- ===========================================================================
-- INSP-5: the cap in force for an agency, year and day (12)
-- ===========================================================================
INSERT INTO enforcement.agencies
    (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
SELECT 10 + n, 'GEN-' || n, '测试执法机关' || n, 'statutory', '371703',
       '食品安全法 第六条', '2023-01-01', '2023-01-10'
FROM generate_series(1, 4) AS n;

-- The caps of the comparison include some published after today, which
-- the trigger refuses since 1.4 (TIME-2: no act is recorded ahead of
-- time); they are written with the triggers off, only for the predicates.
SET LOCAL session_replication_role = replica;

-- Generated caps: agencies 11..13 and every agency (NULL), years
-- 2024..2026, published on a few days (so that rows of one kind often
-- share a day), some around today (for the view), some in the future.
INSERT INTO enforcement.inspection_limits (agency_id, year, max_per_enterprise, published_on)
SELECT g.agency_id, g.year, floor(random() * 7)::integer,
       (ARRAY[make_date(g.year - 1, 12, 20), make_date(g.year, 1, 1),
              make_date(g.year, 3, 1), make_date(g.year, 6, 30),
              make_date(g.year, 12, 31), current_date - 10, current_date,
              current_date + 10])[1 + floor(random() * 8)::integer]
FROM (SELECT a.agency_id, y.year
      FROM (VALUES (NULL::bigint), (11), (12), (13)) AS a (agency_id),
           generate_series(2024, 2026) AS y (year)) g
-- (1 to 5 rows each; g.year * 0 makes the count drawn again for each row)
CROSS JOIN LATERAL generate_series(1, 1 + floor(random() * 5)::integer + g.year * 0) AS k;

-- Hand-built caps for 2027, with ties broken by the id (the higher id
-- inserted first, so that the order of the rows does not decide).
INSERT INTO enforcement.inspection_limits (id, agency_id, year, max_per_enterprise, published_on)
VALUES (9000010, NULL, 2027, 5, '2027-01-01'),
       (9000012, 12, 2027, 6, '2027-02-01'),
       (9000011, 12, 2027, 3, '2027-02-01'),
       (9000013, 12, 2027, 9, '2027-06-01'),
       (9000015, NULL, 2027, 8, '2027-03-01'),
       (9000014, NULL, 2027, 2, '2027-03-01');
RESET session_replication_role;

CREATE TEMP TABLE cap_cases ON COMMIT DROP AS
WITH days AS (
    SELECT DISTINCT d.on_date
    FROM enforcement.inspection_limits l
    CROSS JOIN LATERAL (VALUES (l.published_on - 1), (l.published_on),
                               (l.published_on + 1)) AS d (on_date)
    UNION
    SELECT d::date FROM (VALUES ('2023-06-01'), ('2024-07-01'), ('2025-07-01'),
                                ('2026-07-01'), ('2027-12-31'), ('2030-01-01')) AS v (d)
    UNION
    SELECT current_date
), cases AS (
    SELECT a.agency_id, y.year, d.on_date
    FROM (VALUES (1::bigint), (2), (3), (4), (11), (12), (13), (14), (999999)) AS a (agency_id)
    CROSS JOIN generate_series(2023, 2027) AS y (year)
    CROSS JOIN days d
)
SELECT c.*,
       enforcement.cap_in_force(c.agency_id, c.year, c.on_date) AS by_sql,
       enforcement.rule_cap_in_force(c.agency_id, c.year, c.on_date) AS by_c
FROM cases c;

SELECT cmp_ok((SELECT count(*) FROM enforcement.inspection_limits), '>=', 30::bigint,
              'INSP-5: dozens of caps are published');
SELECT cmp_ok((SELECT count(*) FROM (
                   SELECT 1 FROM enforcement.inspection_limits
                   GROUP BY agency_id, year, published_on
                   HAVING count(DISTINCT max_per_enterprise) > 1) t),
              '>=', 3::bigint,
              'INSP-5: several ties (one kind, one year, one day, different caps) are generated');
SELECT cmp_ok((SELECT count(*) FROM cap_cases), '>=', 2000::bigint,
              'INSP-5: thousands of (agency, year, day) cases are compared');
SELECT is((SELECT count(*) FROM cap_cases WHERE by_sql IS DISTINCT FROM by_c),
          0::bigint,
          'INSP-5: cap_in_force() and rule_cap_in_force() agree on every generated case');
SELECT ok((SELECT count(*) FILTER (WHERE by_c IS NULL) >= 100
              AND count(DISTINCT by_c) >= 5
           FROM cap_cases),
          'INSP-5: the cases have no cap in force and many different caps');
-- the agency's own cap is the answer where it differs from every agency's
SELECT cmp_ok((SELECT count(*) FROM cap_cases c
               WHERE c.by_c IS DISTINCT FROM
                     enforcement.cap_in_force(999999, c.year, c.on_date)),
              '>=', 100::bigint,
              'INSP-5: in many cases the agency''s own cap, not the one for every agency, decides');

SELECT is(ARRAY[enforcement.cap_in_force(a, 2027, d::date),
                enforcement.rule_cap_in_force(a, 2027, d::date)],
          ARRAY[expected, expected],
          'INSP-5 (SQL and C): ' || description)
FROM (VALUES
    (12::bigint, '2027-01-31', 5, 'before its own is published, an agency has the cap for every agency'),
    (12, '2027-02-01', 6, 'two own caps published the same day: the latest id wins, on the day of publication'),
    (12, '2027-05-31', 6, 'the own cap beats one for every agency published later; a cap published after the day is not in force'),
    (12, '2027-06-01', 9, 'a newer own cap is in force from its publication day'),
    (13, '2027-03-01', 8, 'with no own cap: the latest cap for every agency, a tie broken by the latest id'),
    (13, '2026-12-31', NULL, 'no cap is in force before the first is published')
) AS t (a, d, expected, description)
ORDER BY a, d;

-- ===========================================================================
-- INSP-5: the routine visits counted for a cap (15)
-- ===========================================================================
-- Enterprises with valid credit codes (the check character found by trying
-- each of the 31).
INSERT INTO enforcement.enterprises (id, credit_code, name)
SELECT 510 + n,
       (SELECT b || ch
        FROM (SELECT '9137170300000' || lpad(n::text, 4, '0') AS b) base,
             unnest(string_to_array('0123456789ABCDEFGHJKLMNPQRTUWXY', NULL)) AS ch
        WHERE enforcement.credit_code_valid(b || ch)),
       '测试企业' || n
FROM generate_series(1, 12) AS n;

SELECT is((SELECT count(*) FROM enforcement.enterprises WHERE id BETWEEN 511 AND 522),
          12::bigint, 'twelve enterprises with valid credit codes are registered');

-- The generated inspections are written with the triggers off, so that
-- nothing judges them: several parts of one joint inspection for one
-- agency, joint inspections across years, plans and exemptions mixed.
SET LOCAL session_replication_role = replica;

INSERT INTO enforcement.joint_inspections (id, lead_agency_id, enterprise_id, inspected_on)
SELECT 7000 + n, 11 + n % 3, 511 + n % 5,
       '2024-01-01'::date + floor(random() * 1096)::integer
FROM generate_series(1, 30) AS n;

-- hand-built: enterprises 516 and 517, which the generated rows leave alone
-- (expected counts below)
INSERT INTO enforcement.joint_inspections (id, lead_agency_id, enterprise_id, inspected_on)
VALUES (7101, 11, 516, '2025-04-01'), (7102, 11, 516, '2025-05-01');
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, plan_id, exemption, exemption_ref, joint_inspection_id)
VALUES
    (810001, 11, 516, 21, '2025-01-01', '{101,102}', 301, NULL, NULL, NULL),      -- counts (first day)
    (810002, 11, 516, 21, '2024-12-31', '{101,102}', 301, NULL, NULL, NULL),      -- 2024
    (810003, 11, 516, 21, '2025-03-01', '{101,102}', NULL, 'emergency', 'x', NULL), -- exempt
    (810004, 11, 516, 21, '2025-04-01', '{101,102}', 301, NULL, NULL, 7101),      -- joint 7101 ...
    (810005, 11, 516, 21, '2025-04-01', '{101,102}', 301, NULL, NULL, 7101),      -- ... once
    (810006, 12, 516, 21, '2025-04-01', '{101,102}', 301, NULL, NULL, 7101),      -- agency 12's part
    (810007, 11, 516, 21, '2025-05-01', '{101,102}', NULL, 'emergency', 'x', 7102), -- exempt part ...
    (810008, 11, 516, 21, '2025-05-01', '{101,102}', 301, NULL, NULL, 7102),      -- ... routine part
    (810009, 11, 516, 21, '2025-12-31', '{101,102}', 301, NULL, NULL, NULL),      -- counts (last day)
    (810010, 11, 516, 21, '2026-01-01', '{101,102}', 301, NULL, NULL, NULL),      -- 2026
    (810011, 11, 516, 21, '2025-08-01', '{101,102}', 301, 'emergency', 'x', NULL), -- both: counts
    (810012, 13, 517, 21, '2023-05-05', '{101,102}', 301, NULL, NULL, NULL);      -- a year with no cap

-- generated: routine (about 55%), exempt (25%), a part of a joint
-- inspection (20%, itself routine or exempt)
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, plan_id, exemption, exemption_ref, joint_inspection_id)
SELECT 820000 + g.n,
       11 + floor(random() * 3)::integer,
       coalesce(j.enterprise_id, 511 + floor(random() * 5)::integer),
       21,
       coalesce(j.inspected_on, '2024-01-01'::date + floor(random() * 1096)::integer),
       '{101,102}',
       CASE WHEN g.r < 0.55 OR (g.r >= 0.8 AND g.r < 0.92) THEN 301 END,
       CASE WHEN (g.r >= 0.55 AND g.r < 0.8) OR g.r >= 0.92 THEN 'emergency' END,
       CASE WHEN (g.r >= 0.55 AND g.r < 0.8) OR g.r >= 0.92 THEN 'x' END,
       j.id
FROM (SELECT n, random() AS r FROM generate_series(1, 400) AS n) g
LEFT JOIN LATERAL (
    SELECT ji.* FROM enforcement.joint_inspections ji
    WHERE g.r >= 0.8 AND ji.id = 7001 + (g.n * 7) % 30
) j ON true;

SELECT is(current_setting('session_replication_role'), 'replica',
          'the generated inspections are written with the triggers off');

CREATE TEMP TABLE visit_cases ON COMMIT DROP AS
SELECT a.agency_id, e.enterprise_id, y.year,
       enforcement.routine_visits(a.agency_id, e.enterprise_id, y.year) AS by_sql,
       enforcement.rule_routine_visits(a.agency_id, e.enterprise_id, y.year) AS by_c,
       (SELECT count(DISTINCT enforcement.routine_visit(i.plan_id, i.joint_inspection_id, i.id))
        FROM enforcement.inspections i
        WHERE i.agency_id = a.agency_id AND i.enterprise_id = e.enterprise_id
          AND extract(year FROM i.inspected_on) = y.year) AS by_routine_visit,
       (SELECT count(*) FROM enforcement.inspections i
        WHERE i.agency_id = a.agency_id AND i.enterprise_id = e.enterprise_id
          AND extract(year FROM i.inspected_on) = y.year
          AND i.plan_id IS NOT NULL) AS routine_rows
FROM (VALUES (2::bigint), (3), (11), (12), (13), (14), (999999)) AS a (agency_id)
CROSS JOIN (SELECT generate_series(501, 522)::bigint) AS e (enterprise_id)
CROSS JOIN generate_series(2022, 2028) AS y (year);

SELECT cmp_ok((SELECT count(*) FROM enforcement.inspections), '>=', 400::bigint,
              'INSP-5: hundreds of inspections are generated');
SELECT cmp_ok((SELECT count(*) FROM visit_cases), '>=', 1000::bigint,
              'INSP-5: over a thousand (agency, enterprise, year) cases are compared');
SELECT cmp_ok((SELECT count(*) FROM visit_cases WHERE by_c > 0), '>=', 40::bigint,
              'INSP-5: dozens of the cases have routine visits');
SELECT is((SELECT count(*) FROM visit_cases WHERE by_sql IS DISTINCT FROM by_c),
          0::bigint,
          'INSP-5: routine_visits() and rule_routine_visits() agree on every case');
SELECT is((SELECT count(*) FROM visit_cases WHERE by_routine_visit IS DISTINCT FROM by_c),
          0::bigint,
          'INSP-5: the distinct routine_visit() of each inspection add up to rule_routine_visits()');
SELECT cmp_ok((SELECT count(*) FROM visit_cases WHERE routine_rows > by_c), '>=', 3::bigint,
              'INSP-5: in several cases a joint inspection counts once for many routine parts');

SELECT is(ARRAY[enforcement.routine_visits(a, e, y), enforcement.rule_routine_visits(a, e, y)],
          ARRAY[expected, expected]::bigint[],
          'INSP-5 (SQL and C): ' || description)
FROM (VALUES
    (11::bigint, 516::bigint, 2025, 5,
     'agency 11, enterprise 516, 2025: Jan 1, Dec 31, joint 7101 once, joint 7102 once, plan and exemption; not the exempt one'),
    (11, 516, 2024, 1, 'agency 11, enterprise 516, 2024: Dec 31 only'),
    (11, 516, 2026, 1, 'agency 11, enterprise 516, 2026: Jan 1 only'),
    (12, 516, 2025, 1, 'agency 12''s part of joint 7101 counts for agency 12'),
    (13, 517, 2023, 1, 'agency 13, enterprise 517, 2023: one'),
    (14, 516, 2025, 0, 'an agency with no inspection: none')
) AS t (a, e, y, expected, description)
ORDER BY a, y;

SELECT is(ARRAY[enforcement.routine_visit(NULL, NULL, 5),
                enforcement.routine_visit(NULL, 7, 5),
                enforcement.routine_visit(301, NULL, 5),
                enforcement.routine_visit(301, 7, 5)],
          ARRAY[NULL, NULL, 'inspection 5', 'joint 7'],
          'routine_visit(): an exempt inspection is no visit; a routine one is itself, or its joint inspection');

-- An inspection whose own id is the number of a joint inspection is another
-- visit: the ids are of two tables.  Enterprise 518, agency 13, 2025: a part
-- of joint inspection 7201, and inspection 7201 on its own.
INSERT INTO enforcement.joint_inspections (id, lead_agency_id, enterprise_id, inspected_on)
VALUES (7201, 13, 518, '2025-02-01');
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, plan_id, exemption, exemption_ref, joint_inspection_id)
VALUES (7201, 13, 518, 21, '2025-03-01', '{101,102}', 301, NULL, NULL, NULL),
       (830001, 13, 518, 21, '2025-02-01', '{101,102}', 301, NULL, NULL, 7201);
SELECT is(ARRAY[enforcement.routine_visits(13, 518, 2025),
                enforcement.rule_routine_visits(13, 518, 2025)],
          ARRAY[2, 2]::bigint[],
          'INSP-5 (SQL and C): an inspection numbered like a joint inspection is a second visit, not the same one');
SELECT is((SELECT ARRAY[routine_visits] FROM enforcement.v_inspection_frequency
           WHERE agency_id = 13 AND enterprise_id = 518 AND year = 2025),
          ARRAY[2]::bigint[],
          'v_inspection_frequency counts both visits');

-- Out-of-range and NULL arguments: both readings give the same answer.
SELECT is(ARRAY[enforcement.routine_visits(11, 516, y), enforcement.rule_routine_visits(11, 516, y)],
          ARRAY[0, 0]::bigint[],
          'INSP-5 (SQL and C): year ' || y || ' has no visit and is no error')
FROM unnest(ARRAY[0, -1, 10000, 2147483647]) AS y;
SELECT is(ARRAY[enforcement.routine_visits(NULL, 516, 2025), enforcement.rule_routine_visits(NULL, 516, 2025),
                enforcement.routine_visits(11, NULL, 2025), enforcement.rule_routine_visits(11, NULL, 2025),
                enforcement.routine_visits(11, 516, NULL), enforcement.rule_routine_visits(11, 516, NULL)],
          ARRAY[NULL, NULL, NULL, NULL, NULL, NULL]::bigint[],
          'INSP-5 (SQL and C): a NULL argument counts no visits: NULL');
SELECT is(ARRAY[enforcement.cap_in_force(12, 2027, d), enforcement.rule_cap_in_force(12, 2027, d)],
          ARRAY[NULL, NULL]::integer[],
          'INSP-5 (SQL and C): no cap is in force on day ' || coalesce(d::text, 'NULL'))
FROM unnest(ARRAY['infinity', '-infinity', NULL]::date[]) AS d;
SELECT is(ARRAY[enforcement.cap_in_force(NULL, 2027, '2027-06-01'),
                enforcement.rule_cap_in_force(NULL, 2027, '2027-06-01'),
                enforcement.cap_in_force(12, NULL, '2027-06-01'),
                enforcement.rule_cap_in_force(12, NULL, '2027-06-01')],
          ARRAY[NULL, NULL, NULL, NULL]::integer[],
          'INSP-5 (SQL and C): a NULL agency or year has no cap: NULL');
SELECT is(ARRAY[enforcement.certificate_holds('2024-01-01', '2024-12-31', NULL, '2024-07-01', '2024-06-15'),
                enforcement.rule_certificate_holds('2024-01-01', '2024-12-31', NULL, '2024-07-01', '2024-06-15')],
          ARRAY[false, false],
          'OFF-2 (SQL and C): a certificate with no status holds on no day');

-- ===========================================================================
-- The view v_inspection_frequency shows the C answers (3)
-- ===========================================================================
SELECT cmp_ok((SELECT count(*) FROM enforcement.v_inspection_frequency), '>=', 30::bigint,
              'v_inspection_frequency has dozens of rows');
SELECT is((SELECT count(*) FROM enforcement.v_inspection_frequency f
           WHERE f.routine_visits IS DISTINCT FROM
                 enforcement.rule_routine_visits(f.agency_id, f.enterprise_id, f.year)
              OR f.cap IS DISTINCT FROM
                 enforcement.rule_cap_in_force(f.agency_id, f.year, current_date)),
          0::bigint,
          'v_inspection_frequency: routine_visits and cap (today) equal the C answers on every row');
SELECT ok((SELECT count(*) FILTER (WHERE cap IS NULL) >= 1
              AND count(*) FILTER (WHERE cap IS NOT NULL) >= 10
              AND count(DISTINCT routine_visits) >= 3
           FROM enforcement.v_inspection_frequency),
          'v_inspection_frequency: rows with and without a cap today, and various counts');

-- ===========================================================================
-- The trigger refuses exactly when the C cap says it is reached (16)
-- ===========================================================================
RESET session_replication_role;

-- A routine inspection of agency 2 under plan 301, through the trigger;
-- returns the SQLSTATE, or 'ok'.
CREATE FUNCTION pg_temp.try_routine(enterprise bigint, day date) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, plan_id)
    VALUES (2, enterprise, 21, day, '{101,102}', true, 301);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;

SELECT is(current_setting('session_replication_role'), 'origin',
          'the triggers are on again');
SELECT is(ARRAY[enforcement.rule_cap_in_force(2, 2025, '2025-03-10'),
                enforcement.cap_in_force(2, 2025, '2025-03-10')],
          ARRAY[2, 2], 'agency 2''s own cap for 2025 is 2 (not the 1 for every agency)');
SELECT is(enforcement.rule_routine_visits(2, 501, 2025), 0::bigint,
          'enterprise 501 has no routine visit of agency 2 in 2025 yet');
SELECT lives_ok($$INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
                    inspected_on, officer_ids, certificates_shown, plan_id)
                  VALUES (2, 501, 21, '2025-03-10', '{101,102}', true, 301)$$,
                'a first routine inspection (visits 0, cap 2) is accepted');
SELECT lives_ok($$INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
                    inspected_on, officer_ids, certificates_shown, plan_id)
                  VALUES (2, 501, 21, '2025-04-10', '{101,102}', true, 301)$$,
                'a second routine inspection (visits 1, cap 2) is accepted');
SELECT is(enforcement.rule_routine_visits(2, 501, 2025), 2::bigint,
          'the two count as two routine visits: the cap is reached');
SELECT throws_ok($$INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
                     inspected_on, officer_ids, certificates_shown, plan_id)
                   VALUES (2, 501, 21, '2025-06-01', '{101,102}', true, 301)$$,
                 'EN204', NULL, 'a third routine inspection (visits 2, cap 2) is refused with EN204');
SELECT lives_ok($$INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
                    inspected_on, officer_ids, mode, exemption, exemption_ref)
                  VALUES (2, 501, 24, '2025-06-01', '{101,102}', 'offsite',
                          'superior_deployment', '菏市监发〔2025〕12号')$$,
                'an exempt inspection is not held to the cap');
SELECT is(enforcement.rule_routine_visits(2, 501, 2025), 2::bigint,
          'the exempt inspection does not count');

-- A higher cap published on 2025-07-01: in force from that day only.
INSERT INTO enforcement.inspection_limits (agency_id, year, max_per_enterprise, published_on)
VALUES (2, 2025, 3, '2025-07-01');
SELECT is(pg_temp.try_routine(501, '2025-06-30'), 'EN204',
          'the day before the higher cap is published, the cap of 2 still refuses (EN204)');
SELECT is(pg_temp.try_routine(501, '2025-07-01'), 'ok',
          'on its publication day the cap of 3 lets a third routine visit through');
SELECT is(pg_temp.try_routine(501, '2025-08-01'), 'EN204',
          'a fourth (visits 3, cap 3) is refused with EN204');

-- Generated: routine inspections of enterprises 519..522 on random days
-- of 2025 after the plan's filing, with caps published on the way (some
-- the same day, some lower than the visits already made).  Each attempt
-- is predicted from the C answers before it is made.
CREATE TEMP TABLE attempts (n integer, enterprise bigint, day date, cap integer,
                            visits bigint, predicted text, actual text) ON COMMIT DROP;
DO $$
DECLARE
    e bigint;
    d date;
    c integer;
    v bigint;
BEGIN
    FOR n IN 1..80 LOOP
        IF n % 10 = 0 THEN
            INSERT INTO enforcement.inspection_limits (agency_id, year, max_per_enterprise, published_on)
            VALUES (2, 2025, floor(random() * 6)::integer,
                    '2025-01-11'::date + floor(random() * 355)::integer);
            IF n % 20 = 0 THEN      -- a tie: a second cap published the same day
                INSERT INTO enforcement.inspection_limits (agency_id, year, max_per_enterprise, published_on)
                SELECT 2, 2025, floor(random() * 6)::integer, l.published_on
                FROM enforcement.inspection_limits l
                WHERE l.agency_id = 2 AND l.year = 2025
                ORDER BY l.id DESC LIMIT 1;
            END IF;
        END IF;
        e := 519 + floor(random() * 4)::integer;
        d := '2025-01-11'::date + floor(random() * 355)::integer;
        c := enforcement.rule_cap_in_force(2, 2025, d);
        v := enforcement.rule_routine_visits(2, e, 2025);
        INSERT INTO attempts
        VALUES (n, e, d, c, v,
                CASE WHEN c IS NOT NULL AND v + 1 > c THEN 'EN204' ELSE 'ok' END,
                pg_temp.try_routine(e, d));
    END LOOP;
END $$;

SELECT is((SELECT count(*) FROM attempts WHERE actual NOT IN ('ok', 'EN204')),
          0::bigint, 'every generated attempt is accepted or refused by the cap, nothing else');
SELECT is((SELECT count(*) FROM attempts WHERE predicted <> actual), 0::bigint,
          'the trigger refuses (EN204) exactly when rule_cap_in_force() and rule_routine_visits() say the cap is reached');
SELECT ok((SELECT count(*) FILTER (WHERE actual = 'ok') >= 10
              AND count(*) FILTER (WHERE actual = 'EN204') >= 10
              AND count(*) FILTER (WHERE actual = 'EN204' AND cap > 0) >= 3
           FROM attempts),
          'the generated attempts have many accepted and many refused, some under a cap above 0');
SELECT is((SELECT count(*) FROM enforcement.v_inspection_frequency f
           WHERE f.routine_visits IS DISTINCT FROM
                 enforcement.rule_routine_visits(f.agency_id, f.enterprise_id, f.year)
              OR f.cap IS DISTINCT FROM
                 enforcement.rule_cap_in_force(f.agency_id, f.year, current_date)),
          0::bigint,
          'after the trigger''s inspections, v_inspection_frequency still equals the C answers');

SELECT * FROM finish();
ROLLBACK;
