/*-------------------------------------------------------------------------
 *
 * calendar.c
 *	  Working days under the official holiday calendar.
 *
 * A day is a working day when enforcement.calendar says "workday" (a
 * make-up working day on a weekend), or when it says nothing and the day is
 * Monday to Friday; "holiday" is an official day off whatever its weekday.
 * The calendar is read by direct probes of its primary key.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "probe.h"

#include "catalog/pg_type.h"
#include "utils/date.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/snapmgr.h"

PG_FUNCTION_INFO_V1(en_is_working_day);
PG_FUNCTION_INFO_V1(en_add_working_days);
PG_FUNCTION_INFO_V1(en_check_period);

#define EN_MAX_WORKING_DAYS 100000
#define EN_CHUNK_DAYS 400

static const char *const calendar_columns[] = {"day", "kind"};
static EnIndex calendar_pkey =
EN_INDEX("calendar", "calendar_pkey", calendar_columns);

/* Monday to Friday, without the calendar. */
static bool
weekday(DateADT day)
{
	int			dow = j2day(day + POSTGRES_EPOCH_JDATE);	/* 0 = Sunday */

	return dow != 0 && dow != 6;
}

/* is_working_day(date) → boolean */
Datum
en_is_working_day(PG_FUNCTION_ARGS)
{
	DateADT		day;
	EnProbe		probe;
	EnKey		keys[1];
	bool		result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	day = PG_GETARG_DATEADT(0);
	keys[0] = (EnKey) EN_EQ(1, DateADTGetDatum(day));
	if (DATE_NOT_FINITE(day))
		PG_RETURN_BOOL(false);
	en_probe_open(&probe, &calendar_pkey, en_read_snapshot(), false);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (en_probe_next(&probe))
		result = en_probe_text_is(&probe, 1, "workday");
	else
		result = weekday(day);
	en_probe_close(&probe);
	PG_RETURN_BOOL(result);
}

/*
 * add_working_days(date, integer) → date: the day n working days after
 * (before, for negative n) the given one; n = 0 returns the day itself.
 * The calendar is read a chunk of days at a time.
 */
Datum
en_add_working_days(PG_FUNCTION_ARGS)
{
	DateADT		day;
	int32		n;
	int			step;
	int64		remaining;
	EnProbe		probe;
	DateADT		entry_day[EN_CHUNK_DAYS];
	bool		entry_working[EN_CHUNK_DAYS];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	day = PG_GETARG_DATEADT(0);
	n = PG_GETARG_INT32(1);
	step = n < 0 ? -1 : 1;
	remaining = n < 0 ? -(int64) n : n;
	if (DATE_NOT_FINITE(day))
		PG_RETURN_DATEADT(day);
	if (remaining > EN_MAX_WORKING_DAYS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("working-day count %d is out of range", n),
				 errdetail("The count is between -%d and %d.",
						   EN_MAX_WORKING_DAYS, EN_MAX_WORKING_DAYS)));

	en_probe_open(&probe, &calendar_pkey, en_read_snapshot(), false);
	while (remaining > 0)
	{
		DateADT		first = step > 0 ? day + 1 : day - EN_CHUNK_DAYS;
		DateADT		last = step > 0 ? day + EN_CHUNK_DAYS : day - 1;
		EnKey		keys[] = {
			EN_GE(1, DateADTGetDatum(first)),
			{1, BTLessEqualStrategyNumber, DateADTGetDatum(last), false}
		};
		int			nrows = 0;
		int			idx;

		if (!IS_VALID_DATE(first) || !IS_VALID_DATE(last))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("date out of range")));
		en_probe_keys(&probe, lengthof(keys), keys);
		while (nrows < EN_CHUNK_DAYS && en_probe_next(&probe))
		{
			bool		isnull;
			Datum		d = en_probe_get(&probe, 0, &isnull);

			if (isnull)
				continue;
			entry_day[nrows] = DatumGetDateADT(d);
			entry_working[nrows] = en_probe_text_is(&probe, 1, "workday");
			nrows++;
		}
		idx = step > 0 ? 0 : nrows - 1;

		for (int i = 0; i < EN_CHUNK_DAYS && remaining > 0; i++)
		{
			bool		working;

			day += step;
			/* advance the calendar cursor to this day */
			while (idx >= 0 && idx < nrows &&
				   (step > 0 ? entry_day[idx] < day : entry_day[idx] > day))
				idx += step;
			if (idx >= 0 && idx < nrows && entry_day[idx] == day)
				working = entry_working[idx];
			else
				working = weekday(day);
			if (working)
				remaining--;
		}
		CHECK_FOR_INTERRUPTS();
	}
	en_probe_close(&probe);
	PG_RETURN_DATEADT(day);
}

/*
 * check_period(from_day date, to_day date) → void: a period of the report
 * and the dashboard is two finite days, the first not after the second;
 * anything else is refused (22023), so that a caller never receives an
 * empty document for a mistyped period.
 */
Datum
en_check_period(PG_FUNCTION_ARGS)
{
	DateADT		from,
				to;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a period needs its first and its last day"),
				 errhint("Give both days, for example '2025-01-01' and '2025-12-31'.")));
	from = PG_GETARG_DATEADT(0);
	to = PG_GETARG_DATEADT(1);
	if (DATE_NOT_FINITE(from) || DATE_NOT_FINITE(to))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a period is of finite days"),
				 errdetail("The period runs from %s to %s.",
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(from))),
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(to))))));
	if (from > to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a period ends on or after the day it begins"),
				 errdetail("The period runs from %s to %s.",
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(from))),
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(to))))));
	PG_RETURN_VOID();
}
