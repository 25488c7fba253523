-- The working-day calendar.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;

SELECT kind, count(*) FROM enforcement.calendar GROUP BY kind ORDER BY kind;
SELECT min(day), max(day) FROM enforcement.calendar;

-- a holiday on a weekday, a make-up working Sunday, an ordinary Saturday,
-- an ordinary Monday
SELECT d, to_char(d, 'Dy') AS dow, enforcement.is_working_day(d)
FROM (VALUES (date '2025-01-01'), (date '2025-01-26'), (date '2025-03-01'),
             (date '2025-03-03'), (date '2026-02-14'), (date '2026-02-16'))
     AS t(d);

-- n = 0 is the day itself, even a holiday
SELECT enforcement.add_working_days('2025-10-01', 0);
-- across the 2025 National Day holiday: 1-8 October off, 28 September and
-- 11 October worked
SELECT enforcement.add_working_days('2025-09-26', 1) AS sat_workday,
       enforcement.add_working_days('2025-09-30', 1) AS after_holiday,
       enforcement.add_working_days('2025-09-30', 3) AS make_up_saturday,
       enforcement.add_working_days('2025-09-30', 7) AS seven;
-- the disclosure deadline: 7 working days
SELECT enforcement.add_working_days('2026-02-12', 7);
-- backwards
SELECT enforcement.add_working_days('2025-10-09', -1);
SELECT enforcement.add_working_days(enforcement.add_working_days('2025-06-03', 30), -30);
-- a long span crosses several chunks of the calendar
SELECT enforcement.add_working_days('2025-01-01', 500);
SELECT enforcement.add_working_days('2025-01-01', 200000);
\echo :LAST_ERROR_SQLSTATE
SELECT enforcement.add_working_days(NULL, 3), enforcement.is_working_day(NULL);

-- a later year's schedule is added as data
INSERT INTO enforcement.calendar (day, kind, source)
VALUES ('2027-01-01', 'holiday', 'test');
SELECT enforcement.is_working_day('2027-01-01');
INSERT INTO enforcement.calendar (day, kind) VALUES ('2027-01-02', 'rest');
\echo :LAST_ERROR_SQLSTATE
