-- The working-day calendar: is_working_day(), add_working_days() and the
-- official 2025 and 2026 schedules installed from src/data/calendar-cn.csv.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SET LOCAL client_min_messages = warning;

SELECT plan(49);

-- A plain SQL reading of the calendar rules, to check the C functions against.
CREATE FUNCTION pg_temp.ref_working(d date) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT c.kind = 'workday' FROM enforcement.calendar c WHERE c.day = d),
                    extract(isodow FROM d) < 6)
$$;
CREATE FUNCTION pg_temp.ref_add(d date, n integer) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN n = 0 THEN d
        WHEN n > 0 THEN (SELECT g::date FROM generate_series(d + 1, d + 3 * n + 30, interval '1 day') g
                         WHERE pg_temp.ref_working(g::date) ORDER BY g OFFSET n - 1 LIMIT 1)
        ELSE (SELECT g::date FROM generate_series(d - 1, d + 3 * n - 30, interval '-1 day') g
              WHERE pg_temp.ref_working(g::date) ORDER BY g DESC OFFSET -n - 1 LIMIT 1)
    END
$$;

-- ---------------------------------------------------------------------------
-- The installed calendar (3)
-- ---------------------------------------------------------------------------
SELECT is((SELECT count(*) FROM enforcement.calendar), 72::bigint,
    'the calendar holds the 72 days of calendar-cn.csv');
-- the project's own copy of the official schedule, as the install script
-- was built from it (the harness runs from the project's top directory)
CREATE TEMP TABLE official (day date, kind text, source text);
\copy official FROM 'src/data/calendar-cn.csv' WITH (FORMAT csv, HEADER true)
SELECT set_eq('SELECT day, kind, source FROM enforcement.calendar',
    'SELECT day, kind, source FROM official',
    'the calendar holds every row of calendar-cn.csv');
SELECT is((SELECT count(*) FROM enforcement.calendar
           WHERE kind = 'workday' AND extract(isodow FROM day) < 6), 0::bigint,
    'every make-up working day falls on a weekend');

-- ---------------------------------------------------------------------------
-- is_working_day (17)
-- ---------------------------------------------------------------------------
SELECT is(enforcement.is_working_day('2025-10-01'), false, '2025-10-01 (Wednesday, National Day) is a holiday');
SELECT is(enforcement.is_working_day('2025-10-08'), false, '2025-10-08 (Wednesday, Mid-Autumn) is a holiday');
SELECT is(enforcement.is_working_day('2025-09-28'), true, '2025-09-28 (Sunday) is a make-up working day');
SELECT is(enforcement.is_working_day('2025-10-11'), true, '2025-10-11 (Saturday) is a make-up working day');
SELECT is(enforcement.is_working_day('2025-03-15'), false, '2025-03-15, an ordinary Saturday, is not a working day');
SELECT is(enforcement.is_working_day('2025-03-16'), false, '2025-03-16, an ordinary Sunday, is not a working day');
SELECT is(enforcement.is_working_day('2025-03-17'), true, '2025-03-17, an ordinary Monday, is a working day');
SELECT is(enforcement.is_working_day('2025-03-21'), true, '2025-03-21, an ordinary Friday, is a working day');
SELECT is(enforcement.is_working_day('2026-02-14'), true, '2026-02-14 (Saturday) is a Spring Festival make-up working day');
SELECT is(enforcement.is_working_day('2026-02-15'), false, '2026-02-15 (Sunday) is a Spring Festival holiday');
SELECT is(enforcement.is_working_day('2026-02-16'), false, '2026-02-16 (Monday) is a Spring Festival holiday');
SELECT is(enforcement.is_working_day('2026-02-17'), false, '2026-02-17 (Tuesday, the first day of the year) is a holiday');
SELECT is(enforcement.is_working_day('2026-02-23'), false, '2026-02-23 (Monday) is the last Spring Festival holiday');
SELECT is(enforcement.is_working_day('2026-02-24'), true, '2026-02-24 (Tuesday) is a working day again');
SELECT is(enforcement.is_working_day('2026-02-28'), true, '2026-02-28 (Saturday) is a make-up working day');
SELECT is(enforcement.is_working_day(NULL), NULL, 'is_working_day(NULL) is NULL (strict)');
SELECT is((SELECT count(*) FROM generate_series('2024-12-01'::date, '2027-01-31', '1 day') g
           WHERE enforcement.is_working_day(g::date) IS DISTINCT FROM pg_temp.ref_working(g::date)),
          0::bigint, 'is_working_day agrees with the calendar rules on every day of 2025 and 2026');

-- ---------------------------------------------------------------------------
-- add_working_days (22)
-- ---------------------------------------------------------------------------
SELECT is(enforcement.add_working_days('2025-03-17', 0), '2025-03-17'::date, 'n = 0 returns a working day itself');
SELECT is(enforcement.add_working_days('2025-10-01', 0), '2025-10-01'::date, 'n = 0 returns a holiday itself');
SELECT is(enforcement.add_working_days('2025-03-17', 1), '2025-03-18'::date, 'Monday + 1 is Tuesday');
SELECT is(enforcement.add_working_days('2025-03-21', 1), '2025-03-24'::date, 'Friday + 1 is Monday');
SELECT is(enforcement.add_working_days('2025-09-30', 1), '2025-10-09'::date, '2025-09-30 + 1 skips the National Day holidays');
SELECT is(enforcement.add_working_days('2025-09-30', 3), '2025-10-11'::date, '2025-09-30 + 3 is the Saturday make-up day');
SELECT is(enforcement.add_working_days('2025-09-30', 7), '2025-10-16'::date, '2025-09-30 + 7 (disclosure deadline) is 2025-10-16');
SELECT is(enforcement.add_working_days('2025-09-26', 1), '2025-09-28'::date, 'Friday 2025-09-26 + 1 is the Sunday make-up day');
SELECT is(enforcement.add_working_days('2026-02-13', 1), '2026-02-14'::date, '2026-02-13 + 1 is the Saturday make-up day');
SELECT is(enforcement.add_working_days('2026-02-13', 2), '2026-02-24'::date, '2026-02-13 + 2 skips the Spring Festival');
SELECT is(enforcement.add_working_days('2025-10-01', 1), '2025-10-09'::date, 'counting from a holiday');
SELECT is(enforcement.add_working_days('2025-10-09', -1), '2025-09-30'::date, '2025-10-09 - 1 skips back over the holidays');
SELECT is(enforcement.add_working_days('2025-10-13', -1), '2025-10-11'::date, '2025-10-13 - 1 is the Saturday make-up day');
SELECT is(enforcement.add_working_days('2025-10-13', -2), '2025-10-10'::date, '2025-10-13 - 2 is Friday 2025-10-10');
SELECT is(enforcement.add_working_days('2026-02-24', -1), '2026-02-14'::date, '2026-02-24 - 1 skips back over the Spring Festival');
SELECT is(enforcement.add_working_days('2026-02-24', -2), '2026-02-13'::date, '2026-02-24 - 2 is Friday 2026-02-13');
SELECT is((SELECT count(*) FROM generate_series(1, 600) n
           WHERE enforcement.add_working_days('2024-12-15', n) IS DISTINCT FROM pg_temp.ref_add('2024-12-15', n)),
          0::bigint, 'add_working_days(2024-12-15, 1..600) agrees with the calendar rules');
SELECT is((SELECT count(*) FROM generate_series(1, 600) n
           WHERE enforcement.add_working_days('2027-01-10', -n) IS DISTINCT FROM pg_temp.ref_add('2027-01-10', -n)),
          0::bigint, 'add_working_days(2027-01-10, -1..-600) agrees with the calendar rules');
SELECT is((SELECT count(*) FROM generate_series('2025-01-01'::date, '2026-12-31', '1 day') g
           WHERE enforcement.add_working_days(enforcement.add_working_days(g::date, 7), -7)
                 <> CASE WHEN pg_temp.ref_working(g::date) THEN g::date
                         ELSE pg_temp.ref_add(g::date, -1) END),
          0::bigint, '+7 then -7 lands on the day itself, or the working day before it');
SELECT is(enforcement.add_working_days('2025-03-17', NULL), NULL, 'a NULL count gives NULL (strict)');
SELECT is(enforcement.add_working_days('infinity', 5), 'infinity'::date, 'infinity stays infinity');
SELECT lives_ok($$SELECT enforcement.add_working_days('2025-01-01', 100000)$$,
    'the largest count, 100000, is accepted');

-- the largest counts out of range: 22023 (4)
SELECT throws_ok($$SELECT enforcement.add_working_days('2025-01-01', 100001)$$, '22023', NULL,
    'a count above 100000 is out of range');
SELECT throws_ok($$SELECT enforcement.add_working_days('2025-01-01', -100001)$$, '22023', NULL,
    'a count below -100000 is out of range');
SELECT throws_ok($$SELECT enforcement.add_working_days('2025-01-01', 2147483647)$$, '22023', NULL,
    'the largest integer count is out of range');
SELECT throws_ok($$SELECT enforcement.add_working_days('2025-01-01', -2147483648)$$, '22023', NULL,
    'the smallest integer count is out of range');

-- ---------------------------------------------------------------------------
-- The functions read the calendar table (3)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.calendar (day, kind, source) VALUES
    ('2030-01-02', 'holiday', 'test'), ('2030-01-05', 'workday', 'test');
SELECT is(enforcement.is_working_day('2030-01-02'), false, 'a holiday added to the calendar is honoured');
SELECT is(enforcement.is_working_day('2030-01-05'), true, 'a make-up day added to the calendar is honoured');
SELECT is(enforcement.add_working_days('2030-01-01', 3), '2030-01-05'::date,
    'add_working_days honours the added days (Tue 2030-01-01 + 3 skips Wed, lands on Sat)');

SELECT * FROM finish();
ROLLBACK;
