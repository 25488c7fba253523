/*-------------------------------------------------------------------------
 *
 * calendar.c
 *	  Working days under the official holiday calendar.
 *
 * A day is a working day when enforcement.calendar says "workday" (a
 * make-up working day on a weekend), or when it says nothing and the day is
 * Monday to Friday; "holiday" is an official day off whatever its weekday.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

PG_FUNCTION_INFO_V1(en_is_working_day);
PG_FUNCTION_INFO_V1(en_add_working_days);

#define EN_MAX_WORKING_DAYS 100000
#define EN_CHUNK_DAYS 400

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
	static EnQuery lookup = {
		"SELECT c.kind OPERATOR(pg_catalog.=) 'workday' "
		"FROM enforcement.calendar c "
		"WHERE c.day OPERATOR(pg_catalog.=) $1",
		1, {DATEOID}, NULL
	};
	DateADT		day = PG_GETARG_DATEADT(0);
	Datum		arg = DateADTGetDatum(day);
	EnCall		call;
	bool		result;

	if (DATE_NOT_FINITE(day))
		PG_RETURN_BOOL(false);
	en_begin(&call);
	en_exec(&lookup, &arg, NULL, 1, false);
	if (SPI_processed > 0)
	{
		bool		isnull;

		result = en_get_bool(0, 1, &isnull);
	}
	else
		result = weekday(day);
	en_end(&call);
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
	static EnQuery range = {
		"SELECT c.day, c.kind OPERATOR(pg_catalog.=) 'workday' "
		"FROM enforcement.calendar c "
		"WHERE c.day OPERATOR(pg_catalog.>=) $1 "
		"AND c.day OPERATOR(pg_catalog.<=) $2 ORDER BY c.day",
		2, {DATEOID, DATEOID}, NULL
	};
	DateADT		day = PG_GETARG_DATEADT(0);
	int32		n = PG_GETARG_INT32(1);
	int			step = n < 0 ? -1 : 1;
	int64		remaining = n < 0 ? -(int64) n : n;
	EnCall		call;

	if (DATE_NOT_FINITE(day))
		PG_RETURN_DATEADT(day);
	if (remaining > EN_MAX_WORKING_DAYS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("working-day count %d is out of range", n),
				 errdetail("The count is between -%d and %d.",
						   EN_MAX_WORKING_DAYS, EN_MAX_WORKING_DAYS)));

	en_begin(&call);
	while (remaining > 0)
	{
		DateADT		first = step > 0 ? day + 1 : day - EN_CHUNK_DAYS;
		DateADT		last = step > 0 ? day + EN_CHUNK_DAYS : day - 1;
		Datum		args[2];
		int			nrows;
		int			idx;

		if (!IS_VALID_DATE(first) || !IS_VALID_DATE(last))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("date out of range")));
		args[0] = DateADTGetDatum(first);
		args[1] = DateADTGetDatum(last);
		en_exec(&range, args, NULL, 0, false);
		nrows = (int) SPI_processed;
		idx = step > 0 ? 0 : nrows - 1;

		for (int i = 0; i < EN_CHUNK_DAYS && remaining > 0; i++)
		{
			bool		working;
			bool		isnull;

			day += step;
			/* advance the calendar cursor to this day */
			while (idx >= 0 && idx < nrows &&
				   (step > 0 ?
					DatumGetDateADT(en_get(idx, 1, &isnull)) < day :
					DatumGetDateADT(en_get(idx, 1, &isnull)) > day))
				idx += step;
			if (idx >= 0 && idx < nrows &&
				DatumGetDateADT(en_get(idx, 1, &isnull)) == day)
				working = en_get_bool(idx, 2, &isnull);
			else
				working = weekday(day);
			if (working)
				remaining--;
		}
		SPI_freetuptable(SPI_tuptable);
	}
	en_end(&call);
	PG_RETURN_DATEADT(day);
}
