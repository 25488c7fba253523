/*-------------------------------------------------------------------------
 *
 * row.c
 *	  The frame every BEFORE INSERT OR UPDATE trigger of a declared table
 *	  runs in.
 *
 * en_row_begin() checks the trigger protocol before it reads anything,
 * finds the table's descriptor (relinfo.c), refuses a value outside a
 * column's vocabulary (23514, under the constraint name a CHECK would
 * have had), and reads the row's id.  en_row_scope() then fills in the
 * row's agency from the row it belongs to, refuses a writer's row of
 * another agency (EN503), and refuses changes to what is fixed once
 * written (EN501).  The table's own rules follow, each appending its
 * verdicts; en_row_end() settles them and only then fills in the columns
 * the checks set (en_row_set()), so nothing is done for a refused row.
 *
 * A table with no rules of its own uses check_row(), this frame alone.
 *
 * Writes made by the extension's own scripts (an update moving data) are
 * not judged: the rules are the extension's, and so is the script; the
 * record still records them.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "append_only.h"
#include "probe.h"
#include "row.h"
#include "scan.h"
#include "scope.h"
#include "violations.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(en_check_row);

/* Legal dates (TIME-1), as days since 2000-01-01. */
#define EN_FIRST_DAY	(-36524)	/* 1900-01-01 */
#define EN_LAST_DAY		36524		/* 2099-12-31 */

/* Refuses a value outside a column's fixed vocabulary (not a rule). */
static void
check_vocabularies(EnRow *row)
{
	for (int i = 0; i < row->info->nvocab; i++)
	{
		EnVocab    *vocab = &row->info->vocab[i];
		bool		isnull;
		Datum		d = heap_getattr(row->newtup, vocab->attnum, row->desc,
									 &isnull);
		text	   *value;
		bool		ok = false;

		if (isnull)
			continue;			/* NOT NULL is the constraint's business */
		value = DatumGetTextPP(d);
		for (int t = 0; t < vocab->nterms && !ok; t++)
			ok = VARSIZE_ANY_EXHDR(value) == strlen(vocab->terms[t]) &&
				memcmp(VARDATA_ANY(value), vocab->terms[t],
					   VARSIZE_ANY_EXHDR(value)) == 0;
		if (!ok)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("new row for relation \"%s\" violates check constraint \"%s\"",
							row->info->name, vocab->constraint),
					 errdetail("Column %s is \"%s\"; it takes one of: %s.",
							   vocab->column, text_to_cstring(value),
							   vocab->list),
					 errtablecol(row->rel, vocab->attnum),
					 errtableconstraint(row->rel, vocab->constraint)));
	}
}

/*
 * Starts the frame: checks the trigger protocol, finds the descriptor,
 * checks the vocabularies and reads the id.
 */
void
en_row_begin(FunctionCallInfo fcinfo, const char *funcname, EnRow *row)
{
	TriggerData *trigdata;
	bool		isnull;

	memset(row, 0, sizeof(EnRow));
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						funcname)));
	trigdata = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) ||
		  TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired before INSERT or UPDATE for each row",
						funcname)));
	row->trigdata = trigdata;
	row->rel = trigdata->tg_relation;
	row->desc = RelationGetDescr(row->rel);
	row->info = en_relinfo(row->rel);
	row->insert = TRIGGER_FIRED_BY_INSERT(trigdata->tg_event);
	row->oldtup = row->insert ? NULL : trigdata->tg_trigtuple;
	row->newtup = row->insert ? trigdata->tg_trigtuple : trigdata->tg_newtuple;
	row->judged = en_judged_write(row->rel);
	en_probe_scope_begin();
	row->scoped = true;
	en_verdicts_init(&row->verdicts, row->rel, row->info->name,
					 row->info->strict);

	check_vocabularies(row);
	if (row->info->id_att > 0)
	{
		Datum		d = heap_getattr(row->newtup, row->info->id_att, row->desc,
									 &isnull);

		row->has_id = !isnull;
		row->id = isnull ? 0 : DatumGetInt64(d);
	}
}

/* The snapshot of the row's probes, taken once (en_row_end() drops it). */
Snapshot
en_row_snapshot(EnRow *row)
{
	if (row->snapshot == NULL)
		row->snapshot = en_snapshot_begin();
	return row->snapshot;
}

/*
 * The FK-style refusal of a row whose parent the acting role cannot see:
 * the same whether the parent does not exist or belongs to an agency the
 * writer does not act for, so that nothing is learnt of other agencies.
 */
static void
refuse_parent(EnRow *row, Datum parent_id)
{
	const char *column = NameStr(TupleDescAttr(row->desc,
											   row->info->parent_att - 1)->attname);
	char	   *constraint = psprintf("%s_%s_fkey", row->info->name, column);

	ereport(ERROR,
			(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
			 errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
					row->info->name, constraint),
			 errdetail("Key (%s)=(%lld) is not present in table \"%s\".",
					   column, (long long) DatumGetInt64(parent_id),
					   row->info->parent_name),
			 errtableconstraint(row->rel, constraint)));
}

/* Fills in the agency of a row that takes it from the row it belongs to. */
static void
fill_agency(EnRow *row)
{
	bool		isnull;
	Datum		parent_id = heap_getattr(row->newtup, row->info->parent_att,
										 row->desc, &isnull);
	Datum		given;
	bool		given_null;
	EnProbe		probe;
	bool		found;
	int64		agency = 0;
	bool		agency_null = true;

	if (isnull)
		return;					/* NOT NULL is the constraint's business */
	{
		EnKey		keys[] = {EN_EQ(1, parent_id)};

		en_probe_open(&probe, row->info->parent, en_row_snapshot(row), false);
		en_probe_keys(&probe, lengthof(keys), keys);
		found = en_probe_next(&probe);
		if (found)
			agency = en_probe_int64(&probe, 0, &agency_null);
		en_probe_close(&probe);
	}
	/* the scan lists only what the caller may see (scan.c) */
	if (!found || agency_null ||
		(row->judged && !en_scanning() && !en_may_see_agency(agency)))
		refuse_parent(row, parent_id);

	given = heap_getattr(row->newtup, row->info->agency_att, row->desc,
						 &given_null);
	if (!given_null && DatumGetInt64(given) != agency && row->judged)
		EN_VERDICT(&row->verdicts, EN_R_ROW_AGENCY, en_row_id(row),
				   en_arg_int8(DatumGetInt64(given)),
				   en_arg(row->info->parent_name),
				   en_arg_int8(DatumGetInt64(parent_id)), en_arg_int8(agency));
	en_row_set(row, row->info->agency_att, Int64GetDatum(agency), false);
	row->has_agency = true;
	row->agency = agency;
}

/*
 * TIME-1 and TIME-2 (EN207): every date the row writes is finite and in
 * the legal range, and the date of an act is not after the day it is
 * recorded.  An UPDATE is judged on the dates it changes.
 */
static void
check_dates(EnRow *row)
{
	DateADT		today = 0;
	bool		have_today = false;

	for (int i = 0; i < row->info->ndates; i++)
	{
		AttrNumber	attnum = row->info->date_atts[i];
		const char *column;
		bool		isnull;
		DateADT		day = DatumGetDateADT(en_row_get(row, attnum, &isnull));

		if (isnull || (!row->insert && !en_row_changed(row, attnum)))
			continue;
		column = NameStr(TupleDescAttr(row->desc, attnum - 1)->attname);
		if (DATE_NOT_FINITE(day) || day < EN_FIRST_DAY || day > EN_LAST_DAY)
			EN_VERDICT(&row->verdicts, EN_R_DATE_RANGE, en_row_id(row),
					   en_arg(column), en_arg(row->info->name),
					   en_arg_date(day));
		else if (row->info->act_att[attnum - 1])
		{
			if (!have_today)
			{
				today = GetSQLCurrentDate();
				have_today = true;
			}
			if (day > today)
				EN_VERDICT(&row->verdicts, EN_R_DATE_FUTURE, en_row_id(row),
						   en_arg(column), en_arg(row->info->name),
						   en_arg_date(day), en_arg_date(today));
		}
		if (en_verdicts_done(&row->verdicts))
			return;
	}
}

/*
 * The row's agency (filled in from its parent where it takes it from
 * one), the writer's scope (EN503), the columns fixed once written
 * (EN501) and the row's dates (EN207).  A table's own trigger may set defaults between en_row_begin()
 * and this.
 */
void
en_row_scope(EnRow *row)
{
	if (row->info->parent != NULL)
		fill_agency(row);
	else if (row->info->agency_att > 0)
	{
		bool		isnull;
		Datum		d = en_row_get(row, row->info->agency_att, &isnull);

		row->has_agency = !isnull;
		row->agency = isnull ? 0 : DatumGetInt64(d);
	}
	if (!row->judged)
		return;
	if (en_scanning())
	{
		/* a row as it stands: its dates, not its change or its writer */
		check_dates(row);
		return;
	}
	if (row->info->agency_att > 0)
		en_scope_verdict(&row->verdicts, row->has_agency, row->agency,
						 en_row_id(row));
	if (!row->insert && !en_verdicts_done(&row->verdicts))
		en_fixed_verdicts(&row->verdicts, row->info, row->rel, row->oldtup,
						  row->newtup, en_row_id(row), row->closed);
	if (!en_verdicts_done(&row->verdicts))
		check_dates(row);
}

/* A column of the new row, as it will be written (with what is set). */
Datum
en_row_get(EnRow *row, AttrNumber attnum, bool *isnull)
{
	for (int i = 0; i < row->nset; i++)
		if (row->set_att[i] == attnum)
		{
			*isnull = row->set_null[i];
			return row->set_value[i];
		}
	return heap_getattr(row->newtup, attnum, row->desc, isnull);
}

/* A column of the old row (UPDATE). */
Datum
en_row_old(EnRow *row, AttrNumber attnum, bool *isnull)
{
	if (row->oldtup == NULL)
	{
		*isnull = true;
		return (Datum) 0;
	}
	return heap_getattr(row->oldtup, attnum, row->desc, isnull);
}

/* Whether an UPDATE changes a column. */
bool
en_row_changed(EnRow *row, AttrNumber attnum)
{
	return row->oldtup != NULL &&
		en_column_changed(row->oldtup, row->newtup, row->desc, attnum);
}

/* A column of the new row as text, or NULL. */
char *
en_row_text(EnRow *row, AttrNumber attnum)
{
	bool		isnull;
	Datum		d = en_row_get(row, attnum, &isnull);
	Oid			typoutput;
	bool		typisvarlena;

	if (isnull)
		return NULL;
	getTypeOutputInfo(TupleDescAttr(row->desc, attnum - 1)->atttypid,
					  &typoutput, &typisvarlena);
	return OidOutputFunctionCall(typoutput, d);
}

/* Sets a column of the new row, applied once the verdicts are settled. */
void
en_row_set(EnRow *row, AttrNumber attnum, Datum value, bool isnull)
{
	for (int i = 0; i < row->nset; i++)
		if (row->set_att[i] == attnum)
		{
			row->set_value[i] = value;
			row->set_null[i] = isnull;
			return;
		}
	if (row->nset >= (int) lengthof(row->set_att))
		elog(ERROR, "too many columns set by one trigger");
	row->set_att[row->nset] = attnum;
	row->set_value[row->nset] = value;
	row->set_null[row->nset] = isnull;
	row->nset++;
}

static int
compare_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return x < y ? -1 : x > y;
}

/*
 * A list of ids in a bigint[] column (officers): one-dimensional, without
 * NULLs, of at most max; stored with the lower bound 1 whatever was given.
 * Sets the ids in order, their number and the number of distinct ones.
 */
void
en_row_id_list(EnRow *row, AttrNumber attnum, int max, EnIdList *list)
{
	bool		isnull;
	Datum		value = en_row_get(row, attnum, &isnull);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int64	   *sorted;
	const char *column = NameStr(TupleDescAttr(row->desc, attnum - 1)->attname);

	memset(list, 0, sizeof(EnIdList));
	list->ids = palloc(sizeof(int64));
	if (isnull)
		return;
	arr = DatumGetArrayTypeP(value);
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s must be a one-dimensional list", column),
				 errdetail("The list given has %d dimensions.", ARR_NDIM(arr)),
				 errtablecol(row->rel, attnum)));
	deconstruct_array(arr, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	if (n > max)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s names at most %d officers", column, max),
				 errdetail("The list names %d.", n),
				 errtablecol(row->rel, attnum)));
	list->ids = palloc(sizeof(int64) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s may not contain NULL", column),
					 errtablecol(row->rel, attnum)));
		list->ids[i] = DatumGetInt64(elems[i]);
	}
	list->n = n;
	sorted = palloc(sizeof(int64) * Max(n, 1));
	memcpy(sorted, list->ids, sizeof(int64) * n);
	qsort(sorted, n, sizeof(int64), compare_int64);
	for (int i = 0; i < n; i++)
		if (i == 0 || sorted[i] != sorted[i - 1])
			list->n_distinct++;
	if (n > 0 && ARR_LBOUND(arr)[0] != 1)
		en_row_set(row, attnum,
				   PointerGetDatum(construct_array(elems, n, INT8OID, 8,
												   FLOAT8PASSBYVAL,
												   TYPALIGN_DOUBLE)),
				   false);
}

/* Whether the id at position i appears earlier in the list. */
bool
en_id_list_named_before(const EnIdList *list, int i)
{
	for (int j = 0; j < i; j++)
		if (list->ids[j] == list->ids[i])
			return true;
	return false;
}

/* Whether the list names an id. */
bool
en_id_list_has(const EnIdList *list, int64 id)
{
	for (int i = 0; i < list->n; i++)
		if (list->ids[i] == id)
			return true;
	return false;
}

/* The row's id for a verdict, or NULL. */
const int64 *
en_row_id(EnRow *row)
{
	return row->has_id ? &row->id : NULL;
}

/*
 * Ends the frame: settles the verdicts (raising, or recording in warn
 * mode), then applies what the checks set, and returns the row to write.
 */
Datum
en_row_end(EnRow *row)
{
	HeapTuple	tuple = row->newtup;

	if (row->snapshot != NULL)
	{
		en_snapshot_end();
		row->snapshot = NULL;
	}
	if (row->scoped)
	{
		en_probe_scope_end();
		row->scoped = false;
	}
	if (en_scanning())
	{
		/* the compliance scan collects the verdicts; the row stays */
		en_scan_collect(&row->verdicts, row->has_agency, row->agency);
		return PointerGetDatum(tuple);
	}
	en_settle(&row->verdicts);
	if (row->nset > 0)
		tuple = heap_modify_tuple_by_cols(tuple, row->desc, row->nset,
										  row->set_att, row->set_value,
										  row->set_null);
	return PointerGetDatum(tuple);
}

/*
 * Checks the protocol of an AFTER ROW trigger of the extension, fired by
 * INSERT, by UPDATE, or by either.
 */
TriggerData *
en_after_row(FunctionCallInfo fcinfo, const char *funcname, bool on_insert,
			 bool on_update)
{
	TriggerData *trigdata;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						funcname)));
	trigdata = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!((on_insert && TRIGGER_FIRED_BY_INSERT(trigdata->tg_event)) ||
		  (on_update && TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))))
	{
		if (on_insert && on_update)
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("function \"%s\" must be fired after INSERT or UPDATE for each row",
							funcname)));
		else if (on_update)
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("function \"%s\" must be fired after UPDATE for each row",
							funcname)));
		else
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("function \"%s\" must be fired after INSERT for each row",
							funcname)));
	}
	return trigdata;
}

/*
 * check_row() → trigger: BEFORE INSERT OR UPDATE on a declared table with
 * no rules of its own; the frame alone.
 */
Datum
en_check_row(PG_FUNCTION_ARGS)
{
	EnRow		row;

	en_row_begin(fcinfo, "check_row", &row);
	en_row_scope(&row);
	return en_row_end(&row);
}
