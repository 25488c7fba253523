/*-------------------------------------------------------------------------
 *
 * scan.c
 *	  The compliance scan: every rule run against the data as it stands.
 *
 * compliance_scan() reads every row of every declared table that has
 * rules of its own and runs the table's own check on it, as if the row
 * were written now with the facts as they stand, so that each rule is
 * written once, in its check.  The check's verdicts are collected here
 * instead of being settled (row.c): nothing is raised, recorded, locked or
 * changed.  What a rule judges of a change (a column fixed once written,
 * a status moving forward) is not judged: a row as it stands has no
 * change; the process record and verify_rows() answer for changes.  Its
 * dates are judged against today (TIME-1, TIME-2).  A row is judged as if the rows recorded after it
 * were not there where a rule counts (the yearly cap).
 *
 * It finds what warn mode let through (a certificate of an auxiliary
 * officer, a plan filed with no justice bureau), what a later fact showed
 * to be unlawful (a suspension or a conflict dated back, a departure), and
 * rows written around the checks.  It lists only the rows the caller may
 * read: a writer its agencies' rows.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "lookup.h"
#include "scan.h"
#include "schema.h"
#include "scope.h"

#include "access/heapam.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

PG_FUNCTION_INFO_V1(en_compliance_scan);

/* The scan in progress: where its findings go. */
typedef struct EnScan
{
	Tuplestorestate *store;
	TupleDesc	desc;
} EnScan;

static EnScan *current_scan = NULL;

bool
en_scanning(void)
{
	return current_scan != NULL;
}

/* Adds a row's verdicts to the scan's findings (row.c, instead of settling). */
void
en_scan_collect(EnVerdicts *v, bool has_agency, int64 agency_id)
{
	if (current_scan == NULL)
		return;
	/* a writer learns nothing of other agencies' rows */
	if (has_agency && !en_may_see_agency(agency_id))
	{
		v->n = 0;
		return;
	}
	for (int i = 0; i < v->n; i++)
	{
		const EnVerdict *item = &v->items[i];
		const EnRule *r = en_rule(item->rule);
		Datum		values[6];
		bool		nulls[6] = {false};

		values[0] = CStringGetTextDatum(r->code);
		values[1] = CStringGetTextDatum(r->rule);
		values[2] = CStringGetTextDatum(v->table_name);
		values[3] = Int64GetDatum(item->row_id);
		nulls[3] = !item->has_row;
		values[4] = Int64GetDatum(agency_id);
		nulls[4] = !has_agency;
		values[5] = CStringGetTextDatum(item->detail);
		tuplestore_putvalues(current_scan->store, current_scan->desc,
							 values, nulls);
	}
	v->n = 0;
}

/* The table's check: its trigger check_row (its rules, or the frame). */
static Trigger *
own_check(Relation rel)
{
	TriggerDesc *trigdesc = rel->trigdesc;

	if (trigdesc == NULL)
		return NULL;
	for (int i = 0; i < trigdesc->numtriggers; i++)
	{
		Trigger    *t = &trigdesc->triggers[i];

		if (strcmp(t->tgname, "check_row") == 0 &&
			t->tgenabled != TRIGGER_DISABLED)
			return t;
	}
	return NULL;
}

/* Runs a table's check on each of its rows, collecting the verdicts. */
static void
scan_table(const char *table_name, MemoryContext per_row)
{
	Oid			relid = en_relid_if_exists(table_name);
	Relation	rel;
	Trigger    *check;
	FmgrInfo	flinfo;
	TableScanDesc scan;
	HeapTuple	tuple;
	Snapshot	snapshot;

	if (!OidIsValid(relid))
		return;
	rel = table_open(relid, AccessShareLock);
	check = own_check(rel);
	if (check == NULL)
	{
		table_close(rel, AccessShareLock);
		return;
	}
	fmgr_info(check->tgfoid, &flinfo);
	snapshot = RegisterSnapshot(GetLatestSnapshot());
	scan = table_beginscan(rel, snapshot, 0, NULL);
	while ((tuple = heap_getnext(scan, ForwardScanDirection)) != NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(per_row);
		TriggerData trigdata;
		LOCAL_FCINFO(fcinfo, 0);

		CHECK_FOR_INTERRUPTS();
		memset(&trigdata, 0, sizeof(trigdata));
		trigdata.type = T_TriggerData;
		trigdata.tg_event = TRIGGER_EVENT_INSERT | TRIGGER_EVENT_ROW |
			TRIGGER_EVENT_BEFORE;
		trigdata.tg_relation = rel;
		trigdata.tg_trigtuple = heap_copytuple(tuple);
		trigdata.tg_trigger = check;
		InitFunctionCallInfoData(*fcinfo, &flinfo, 0, InvalidOid,
								 (Node *) &trigdata, NULL);
		(void) FunctionCallInvoke(fcinfo);
		MemoryContextSwitchTo(old);
		MemoryContextReset(per_row);
	}
	table_endscan(scan);
	UnregisterSnapshot(snapshot);
	table_close(rel, AccessShareLock);
}

/*
 * compliance_scan() → table(code, rule, table_name, row_id, agency_id,
 * detail): each rule a row breaks as the data stands.
 */
Datum
en_compliance_scan(PG_FUNCTION_ARGS)
{
	EN_QUERY0(tables, "SELECT d.table_name::pg_catalog.text "
		"FROM enforcement.declared_tables d "
		"WHERE d.kind OPERATOR(pg_catalog.=) 'records' "
		"ORDER BY d.table_name");
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	EnScan		state;
	EnLookup	lk;
	uint64		n;
	char	  **names;
	MemoryContext per_row;

	InitMaterializedSRF(fcinfo, 0);
	state.store = rsinfo->setResult;
	state.desc = rsinfo->setDesc;

	en_lookup_begin(&lk);
	n = en_run(&lk, &tables, NULL, NULL, 0, 0);
	names = palloc(sizeof(char *) * Max(n, 1));
	for (uint64 i = 0; i < n; i++)
		names[i] = pstrdup(en_result_text(&lk, i, 1));
	en_lookup_end(&lk);

	per_row = AllocSetContextCreate(CurrentMemoryContext, "compliance scan",
									ALLOCSET_DEFAULT_SIZES);
	current_scan = &state;
	PG_TRY();
	{
		for (uint64 i = 0; i < n; i++)
			scan_table(names[i], per_row);
	}
	PG_FINALLY();
	{
		current_scan = NULL;
	}
	PG_END_TRY();
	MemoryContextDelete(per_row);
	return (Datum) 0;
}
