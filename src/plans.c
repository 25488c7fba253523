/*-------------------------------------------------------------------------
 *
 * plans.c
 *	  Annual inspection plans and their filing (INSP-2, EN206, EN201).
 *
 * A plan is drafted, given items (one per legal basis, each an inspection
 * power of the agency), then filed with a justice bureau:
 * UPDATE ... SET status = 'filed', filed_on = ..., filed_with = ....
 * Filing needs a justice bureau, a date and at least one item; a filed plan
 * and its items never change.  Filing locks the plan row (the UPDATE does),
 * and an item locks its plan FOR SHARE, so an item cannot slip into a plan
 * being filed, nor a filing miss an item being added.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "facts.h"
#include "lookup.h"
#include "probe.h"
#include "row.h"
#include "scan.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(en_plans_check);
PG_FUNCTION_INFO_V1(en_plan_items_check);

static const char *const item_columns[] = {"legal_basis_id"};
static EnIndex plan_items_pkey =
EN_INDEX("plan_items", "plan_items_pkey", item_columns);

static const char *const plan_columns[] = {"status", "agency_id"};
static EnIndex plans_pkey =
EN_INDEX("inspection_plans", "inspection_plans_pkey", plan_columns);

static const char *const power_columns[] = {"published_on"};
static EnIndex agency_powers_pkey =
EN_INDEX("agency_powers", "agency_powers_pkey", power_columns);

static const char *const plan_row_columns[] = {
	"status", "filed_on", "filed_with"
};
enum
{
	P_STATUS, P_FILED_ON, P_FILED_WITH
};

/* Whether a text datum equals a value. */
static bool
datum_text_is(Datum d, bool isnull, const char *value)
{
	return !isnull && strcmp(TextDatumGetCString(d), value) == 0;
}

/*
 * EN206: a filing is not dated on or before an inspection already recorded
 * under the plan while it was a draft (let through in warn mode): a late
 * filing never makes those inspections lawful.  Read as the owner under
 * the latest snapshot; the plan's row is being updated, so an inspection
 * naming it (which locks it FOR SHARE) has committed or waits.
 */
static void
check_not_over_inspections(EnRow *row, Datum filed_on)
{
	EN_QUERY(under_draft, "SELECT i.id, i.inspected_on FROM ONLY enforcement.inspections i "
		"WHERE i.plan_id OPERATOR(pg_catalog.=) $1 "
		"AND i.inspected_on OPERATOR(pg_catalog.>=) $2 "
		"ORDER BY i.inspected_on, i.id LIMIT 1",
		INT8OID, DATEOID);
	Datum		args[2] = {Int64GetDatum(row->id), filed_on};
	EnLookup	lk;
	bool		found;
	int64		inspection = 0;
	DateADT		day = 0;

	en_lookup_begin(&lk);
	found = en_run(&lk, &under_draft, args, NULL, 1, EN_LATEST) > 0;
	if (found)
	{
		bool		isnull;

		inspection = en_result_int64(&lk, 0, 1, &isnull);
		day = DatumGetDateADT(en_result(&lk, 0, 2, &isnull));
	}
	en_lookup_end(&lk);
	if (found)
		EN_VERDICT(&row->verdicts, EN_R_PLAN_OVER_INSPECTIONS, en_row_id(row),
				   en_arg_int8(row->id),
				   en_arg_date(DatumGetDateADT(filed_on)),
				   en_arg_int8(inspection), en_arg_date(day));
}

/* EN206: a draft plan may be filed as it stands. */
static void
check_filing(EnRow *row, const AttrNumber *att)
{
	EnProbe		probe;
	bool		no_date,
				no_bureau;
	Datum		bureau = en_row_get(row, att[P_FILED_WITH], &no_bureau);
	bool		is_bureau = false;
	bool		has_items;

	(void) en_row_get(row, att[P_FILED_ON], &no_date);
	if (no_date)
		EN_VERDICT(&row->verdicts, EN_R_PLAN_FILED_ON, en_row_id(row),
				   en_arg_int8(row->id));
	if (!no_bureau && !en_verdicts_done(&row->verdicts))
		is_bureau = en_agency_is_bureau(en_row_snapshot(row),
										DatumGetInt64(bureau), en_may_lock());
	if (!is_bureau)
		EN_VERDICT(&row->verdicts, EN_R_PLAN_BUREAU, en_row_id(row),
				   en_arg_int8(row->id),
				   no_bureau ? en_arg_null() : en_arg_int8(DatumGetInt64(bureau)));
	if (en_verdicts_done(&row->verdicts) || !row->has_id)
		return;
	{
		EnKey		keys[] = {EN_EQ(1, Int64GetDatum(row->id))};

		en_probe_open_latest(&probe, &plan_items_pkey);
		en_probe_keys(&probe, lengthof(keys), keys);
		has_items = en_probe_next(&probe);
		en_probe_close(&probe);
	}
	if (!has_items)
		EN_VERDICT(&row->verdicts, EN_R_PLAN_ITEMS, en_row_id(row),
				   en_arg_int8(row->id));
	if (!en_verdicts_done(&row->verdicts) && !en_scanning() && !no_date)
		check_not_over_inspections(row, en_row_get(row, att[P_FILED_ON],
												   &no_date));
}

/* BEFORE INSERT OR UPDATE on inspection_plans. */
Datum
en_plans_check(PG_FUNCTION_ARGS)
{
	EnRow		row;
	const AttrNumber *att;
	bool		isnull;
	Datum		status;

	en_row_begin(fcinfo, "plans_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, plan_row_columns,
							 lengthof(plan_row_columns));
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	if (!row.insert)
	{
		Datum		old = en_row_old(&row, att[P_STATUS], &isnull);

		if (datum_text_is(old, isnull, "filed"))
		{
			Datum		filed_on = en_row_old(&row, att[P_FILED_ON], &isnull);

			EN_VERDICT(&row.verdicts, EN_R_PLAN_FINAL, en_row_id(&row),
					   en_arg_int8(row.id),
					   isnull ? en_arg_null() :
					   en_arg_date(DatumGetDateADT(filed_on)));
			return en_row_end(&row);
		}
	}
	status = en_row_get(&row, att[P_STATUS], &isnull);
	if (datum_text_is(status, isnull, "filed"))
		check_filing(&row, att);
	return en_row_end(&row);
}

/*
 * Checks one item against its plan: the plan is a draft (EN206), and the
 * basis is an inspection power of the plan's agency (EN201).  The plan is
 * locked FOR SHARE against a filing.
 */
static void
check_item(EnRow *row, int64 plan_id, int64 basis_id)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(plan_id))};
	bool		found;
	bool		filed = false;
	int64		agency = 0;
	bool		isnull;

	en_probe_open(&probe, &plans_pkey, en_row_snapshot(row), true);
	en_probe_keys(&probe, lengthof(keys), keys);
	found = en_probe_next(&probe) &&
		en_probe_lock(&probe, LockTupleShare) == EN_LOCKED;
	if (found)
	{
		/* the scan judges an item as it stands, not its adding */
		filed = en_probe_text_is(&probe, 0, "filed") && !en_scanning();
		agency = en_probe_int64(&probe, 1, &isnull);
	}
	en_probe_close(&probe);
	if (!found)
		return;					/* the foreign key's business */
	if (filed)
	{
		EN_VERDICT(&row->verdicts, EN_R_PLAN_ITEM_FINAL, en_row_id(row),
				   en_arg_int8(plan_id), en_arg_int8(basis_id));
		return;
	}
	{
		EnKey		power_keys[] = {
			EN_EQ(1, Int64GetDatum(agency)),
			EN_EQ(2, Int64GetDatum(basis_id)),
			EN_EQ(3, CStringGetTextDatum("inspection"))
		};

		en_probe_open(&probe, &agency_powers_pkey, en_row_snapshot(row), false);
		en_probe_keys(&probe, lengthof(power_keys), power_keys);
		found = en_probe_next(&probe);
		en_probe_close(&probe);
	}
	if (!found)
		EN_VERDICT(&row->verdicts, EN_R_SUBJ2_PLAN_ITEM, en_row_id(row),
				   en_arg_int8(basis_id), en_arg_int8(agency),
				   en_arg_int8(plan_id));
}

/* BEFORE INSERT OR UPDATE on plan_items. */
Datum
en_plan_items_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"plan_id", "legal_basis_id"};
	EnRow		row;
	const AttrNumber *att;
	bool		plan_null,
				basis_null;
	Datum		plan,
				basis;

	en_row_begin(fcinfo, "plan_items_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	if (!row.insert)
	{
		plan = en_row_old(&row, att[0], &plan_null);
		basis = en_row_old(&row, att[1], &basis_null);
		if (!plan_null && !basis_null)
			check_item(&row, DatumGetInt64(plan), DatumGetInt64(basis));
	}
	plan = en_row_get(&row, att[0], &plan_null);
	basis = en_row_get(&row, att[1], &basis_null);
	if (!plan_null && !basis_null && !en_verdicts_done(&row.verdicts))
		check_item(&row, DatumGetInt64(plan), DatumGetInt64(basis));
	return en_row_end(&row);
}
