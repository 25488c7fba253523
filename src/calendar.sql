-- ---------------------------------------------------------------------------
-- The working-day calendar (src/calendar.c); its rows come from
-- src/data/calendar-cn.csv, appended to the install script.
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.calendar (
    day date PRIMARY KEY,
    kind text NOT NULL,
    source text
);
COMMENT ON TABLE enforcement.calendar IS
    'Official holidays (days off whatever the weekday) and make-up working days on weekends.';
SELECT enforcement.declare_table('enforcement.calendar',
    writer_privileges => '{SELECT}',
    vocabulary => '{"kind": ["holiday", "workday"]}');

CREATE FUNCTION enforcement.is_working_day(date) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_is_working_day' LANGUAGE C STABLE STRICT;
CREATE FUNCTION enforcement.add_working_days(date, integer) RETURNS date
    AS 'MODULE_PATHNAME', 'en_add_working_days' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.add_working_days(date, integer) IS
    'The day n working days after (n < 0: before) the given one; n = 0 returns it.';

GRANT EXECUTE ON FUNCTION enforcement.is_working_day(date),
    enforcement.add_working_days(date, integer)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

-- since 1.6: the period of the report and the dashboard
CREATE FUNCTION enforcement.check_period(from_day date, to_day date) RETURNS void
    AS 'MODULE_PATHNAME', 'en_check_period' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.check_period(date, date) IS
    'Refuses (22023) a period that is not two finite days, the first not after the second.';
GRANT EXECUTE ON FUNCTION enforcement.check_period(date, date)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer;
