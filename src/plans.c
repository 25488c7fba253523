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

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(en_plans_check);
PG_FUNCTION_INFO_V1(en_plan_items_check);


/* Checks that a draft plan may be filed as it stands (EN206). */
static void
check_filing(HeapTuple tuple, TupleDesc tupdesc, int64 plan_id)
{
	static EnQuery filed_with = {
		"SELECT a.kind FROM ONLY enforcement.agencies a "
		"WHERE a.id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE OF a",
		1, {INT8OID}, NULL
	};
	static EnQuery items = {
		"SELECT 1 FROM ONLY enforcement.plan_items i "
		"WHERE i.plan_id OPERATOR(pg_catalog.=) $1 LIMIT 1",
		1, {INT8OID}, NULL
	};
	bool		isnull;
	Datum		bureau = en_attr(tuple, tupdesc, "filed_with", &isnull);
	bool		no_bureau = isnull;
	EnCall		call;
	char	   *kind = NULL;
	bool		has_items;
	Datum		arg;

	(void) en_attr(tuple, tupdesc, "filed_on", &isnull);
	if (isnull)
		en_report(ERRCODE_EN_PLAN_FILING, "INSP-2", "inspection_plans",
				  &plan_id,
				  gettext_noop("plan filing refused: no filing date (INSP-2)"),
				  gettext_noop("Give filed_on, the day the justice bureau received the plan."),
				  gettext_noop("Plan %lld is being filed without filed_on."),
				  (long long) plan_id);

	en_begin(&call);
	if (!no_bureau)
	{
		en_exec(&filed_with, &bureau, NULL, 1, false);
		if (SPI_processed > 0)
			kind = en_get_text(0, 1);
	}
	arg = Int64GetDatum(plan_id);
	en_exec(&items, &arg, NULL, 1, true);
	has_items = SPI_processed > 0;
	if (kind == NULL || strcmp(kind, "justice_bureau") != 0)
		en_report(ERRCODE_EN_PLAN_FILING, "INSP-2", "inspection_plans",
				  &plan_id,
				  gettext_noop("plan filing refused: a plan is filed with a justice bureau (INSP-2)"),
				  gettext_noop("Set filed_with to the justice bureau (司法局) that received the plan."),
				  gettext_noop("Plan %lld names filed_with %s, which is not a justice bureau."),
				  (long long) plan_id,
				  no_bureau ? "NULL" : psprintf("%lld", (long long) DatumGetInt64(bureau)));
	else if (!has_items)
		en_report(ERRCODE_EN_PLAN_FILING, "INSP-2", "inspection_plans",
				  &plan_id,
				  gettext_noop("plan filing refused: the plan has no items (INSP-2)"),
				  gettext_noop("Add the plan's items (one per legal basis to inspect under) before filing it."),
				  gettext_noop("Plan %lld has no items."), (long long) plan_id);
	en_end(&call);
}

/* BEFORE INSERT OR UPDATE on inspection_plans. */
Datum
en_plans_check(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	newtup;
	int64		plan_id;
	bool		isnull;
	char	   *status;

	en_check_trigger(fcinfo, "plans_check");
	tupdesc = RelationGetDescr(trigdata->tg_relation);
	newtup = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	plan_id = DatumGetInt64(en_attr(newtup, tupdesc, "id", &isnull));
	status = en_attr_text(newtup, tupdesc, "status");

	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) &&
		strcmp(en_attr_text(trigdata->tg_trigtuple, tupdesc, "status"),
			   "filed") == 0)
	{
		en_report(ERRCODE_EN_PLAN_FILING, "INSP-2", "inspection_plans",
				  &plan_id,
				  gettext_noop("plan refused: a filed plan never changes (INSP-2)"),
				  gettext_noop("Draft a new plan for changes; a filed plan stays as the justice bureau received it."),
				  gettext_noop("Plan %lld was filed on %s."), (long long) plan_id,
				  en_attr_text(trigdata->tg_trigtuple, tupdesc, "filed_on"));
		return PointerGetDatum(newtup);
	}
	if (strcmp(status, "filed") == 0)
		check_filing(newtup, tupdesc, plan_id);
	return PointerGetDatum(newtup);
}

/*
 * Checks one item against its plan: the plan is a draft (EN206), and the
 * basis is an inspection power of the plan's agency (EN201).
 */
static void
check_item(int64 plan_id, int64 basis_id)
{
	static EnQuery plan = {
		"SELECT p.status, p.agency_id FROM ONLY enforcement.inspection_plans p "
		"WHERE p.id OPERATOR(pg_catalog.=) $1 FOR SHARE OF p",
		1, {INT8OID}, NULL
	};
	static EnQuery power = {
		"SELECT 1 FROM ONLY enforcement.agency_powers w "
		"WHERE w.agency_id OPERATOR(pg_catalog.=) $1 "
		"AND w.legal_basis_id OPERATOR(pg_catalog.=) $2 "
		"AND w.power OPERATOR(pg_catalog.=) 'inspection' "
		"FOR KEY SHARE OF w",
		2, {INT8OID, INT8OID}, NULL
	};
	EnCall		call;
	Datum		args[2];
	bool		isnull;
	int64		agency;

	en_begin(&call);
	args[0] = Int64GetDatum(plan_id);
	en_exec(&plan, args, NULL, 1, false);
	if (SPI_processed == 0)
	{
		en_end(&call);
		return;					/* the foreign key's business */
	}
	if (strcmp(en_get_text(0, 1), "filed") == 0)
		en_report(ERRCODE_EN_PLAN_FILING, "INSP-2", "plan_items", NULL,
				  gettext_noop("plan item refused: a filed plan never changes (INSP-2)"),
				  gettext_noop("Draft a new plan for changes; a filed plan stays as the justice bureau received it."),
				  gettext_noop("Plan %lld is filed; item for legal basis %lld."),
				  (long long) plan_id, (long long) basis_id);
	agency = DatumGetInt64(en_get(0, 2, &isnull));
	args[0] = Int64GetDatum(agency);
	args[1] = Int64GetDatum(basis_id);
	en_exec(&power, args, NULL, 1, false);
	if (SPI_processed == 0)
		en_report(ERRCODE_EN_NO_LEGAL_BASIS, "SUBJ-2", "plan_items", NULL,
				  gettext_noop("plan item refused: the legal basis is not an inspection power of the agency (SUBJ-2)"),
				  gettext_noop("Plan only inspections listed in the agency's published powers (检查事项清单)."),
				  gettext_noop("Legal basis %lld is not an inspection power of agency %lld (plan %lld)."),
				  (long long) basis_id, (long long) agency, (long long) plan_id);
	en_end(&call);
}

/* BEFORE INSERT OR UPDATE on plan_items. */
Datum
en_plan_items_check(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	newtup;
	bool		isnull;

	en_check_trigger(fcinfo, "plan_items_check");
	tupdesc = RelationGetDescr(trigdata->tg_relation);
	newtup = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		HeapTuple	oldtup = trigdata->tg_trigtuple;

		check_item(DatumGetInt64(en_attr(oldtup, tupdesc, "plan_id", &isnull)),
				   DatumGetInt64(en_attr(oldtup, tupdesc, "legal_basis_id",
										 &isnull)));
	}
	check_item(DatumGetInt64(en_attr(newtup, tupdesc, "plan_id", &isnull)),
			   DatumGetInt64(en_attr(newtup, tupdesc, "legal_basis_id",
									 &isnull)));
	return PointerGetDatum(newtup);
}
