/*-------------------------------------------------------------------------
 *
 * append_only.c
 *	  Enforcement records are never deleted or truncated (EN501, REC-2).
 *
 * A BEFORE DELETE row trigger and a BEFORE TRUNCATE statement trigger on
 * each table refuse the change; on a table whose rows are fixed once
 * written (the installation's node id), the row trigger refuses UPDATE too.  TRUNCATE is also caught in the utility
 * hook, before PostgreSQL's own checks, so that a table other tables refer
 * to reports EN501 rather than a foreign-key complaint.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "nodes/parsenodes.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(en_forbid_delete);

/*
 * Tables whose TRUNCATE the utility hook has just reported (in warn mode,
 * where it goes on); their statement triggers then stay silent.
 */
static Oid	truncate_reported[16];
static size_t n_truncate_reported = 0;

static void
report_truncate(const char *relname, bool strict)
{
	en_report_kind(strict ? EN_REPORT_STRICT : EN_REPORT_REMOVAL,
				   ERRCODE_EN_APPEND_ONLY, "REC-2",
				   relname, NULL,
				   gettext_noop("enforcement records are never truncated (REC-2)"),
				   gettext_noop("Enforcement records are kept for good; record a correction as a new row or a status change instead."),
				   gettext_noop("TRUNCATE of table enforcement.%s."), relname);
}

/*
 * A row named by its primary key, "(col=value, ...)": never by its other
 * columns, which may hold what must not be shown (a secret).
 */
static char *
describe_key(Relation rel, HeapTuple tuple)
{
	Oid			pk = RelationGetPrimaryKeyIndex(rel);
	Relation	index;
	StringInfoData buf;

	if (!OidIsValid(pk))
		return pstrdup("(no key)");
	index = index_open(pk, AccessShareLock);
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '(');
	for (int i = 0; i < index->rd_index->indnkeyatts; i++)
	{
		AttrNumber	attnum = index->rd_index->indkey.values[i];

		appendStringInfo(&buf, "%s%s=%s", i > 0 ? ", " : "",
						 NameStr(TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attname),
						 SPI_getvalue(tuple, RelationGetDescr(rel), attnum));
	}
	appendStringInfoChar(&buf, ')');
	index_close(index, AccessShareLock);
	return buf.data;
}

/*
 * BEFORE DELETE (row), BEFORE UPDATE (row: a table fixed once written) and
 * BEFORE TRUNCATE (statement) trigger.  With the argument 'strict' the
 * refusal holds in warn mode too.
 */
Datum
en_forbid_delete(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	const char *relname;
	bool		strict;

	en_check_trigger(fcinfo, "forbid_delete");
	relname = RelationGetRelationName(trigdata->tg_relation);
	strict = trigdata->tg_trigger->tgnargs > 0 &&
		strcmp(trigdata->tg_trigger->tgargs[0], "strict") == 0;

	if (TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
	{
		Oid			relid = RelationGetRelid(trigdata->tg_relation);

		for (size_t i = 0; i < n_truncate_reported; i++)
			if (truncate_reported[i] == relid)
				return PointerGetDatum(NULL);
		report_truncate(relname, strict);
		return PointerGetDatum(NULL);
	}
	if (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) &&
		TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		/* a table whose rows are fixed once written: the node id, keys */
		en_refuse_changes(trigdata, NULL, 0, NULL, EN_REPORT_STRICT);
		return PointerGetDatum(trigdata->tg_newtuple);
	}
	if (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) &&
		TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
	{
		TupleDesc	tupdesc = trigdata->tg_relation->rd_att;
		HeapTuple	tuple = trigdata->tg_trigtuple;
		int			attnum = SPI_fnumber(tupdesc, "id");
		bool		isnull = true;
		int64		id = 0;
		char	   *row;

		if (attnum > 0)
		{
			Datum		d = heap_getattr(tuple, attnum, tupdesc, &isnull);

			if (!isnull)
				id = DatumGetInt64(d);
		}
		if (!isnull)
			row = psprintf("id %lld", (long long) id);
		else
			row = describe_key(trigdata->tg_relation, tuple);
		en_report_kind(strict ? EN_REPORT_STRICT : EN_REPORT_REMOVAL,
					   ERRCODE_EN_APPEND_ONLY, "REC-2",
					   relname, isnull ? NULL : &id,
				  gettext_noop("enforcement records are never deleted (REC-2)"),
				  gettext_noop("Enforcement records are kept for good; record a correction as a new row or a status change instead."),
				  gettext_noop("DELETE of row %s of table enforcement.%s."),
				  row, relname);
		return PointerGetDatum(tuple);
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("function \"%s\" must be fired before UPDATE, DELETE or TRUNCATE",
					"forbid_delete")));
	return PointerGetDatum(NULL);	/* not reached */
}

/*
 * Refuses an UPDATE that changes any column but those named free: a row
 * fixed once written (EN501).  A row whose columns are all fixed refuses
 * every change; an inspection keeps its outcome and end date free.
 */
void
en_refuse_changes(TriggerData *trigdata, const char *const *free_cols,
				  int n_free, const int64 *row_id, EnReportKind kind)
{
	TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
	const char *relname = RelationGetRelationName(trigdata->tg_relation);

	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);
		bool		free_col = false;

		if (att->attisdropped)
			continue;
		for (int f = 0; f < n_free; f++)
			if (strcmp(NameStr(att->attname), free_cols[f]) == 0)
				free_col = true;
		if (free_col || !en_attr_changed(trigdata->tg_trigtuple,
										 trigdata->tg_newtuple, tupdesc,
										 NameStr(att->attname)))
			continue;
		en_report_kind(kind, ERRCODE_EN_APPEND_ONLY, "REC-2", relname, row_id,
					   gettext_noop("this record is fixed once written (REC-2)"),
					   n_free > 0 ?
					   gettext_noop("Only the outcome and the end date of an inspection are recorded after it; correct anything else by a new record.") :
					   gettext_noop("The row was written once for good; it is not updated."),
					   gettext_noop("UPDATE of column %s of table enforcement.%s."),
					   NameStr(att->attname), relname);
		return;
	}
}

/* Called by the utility hook before a TRUNCATE runs. */
void
en_check_truncate(TruncateStmt *stmt)
{
	Oid			nsp = get_namespace_oid(EN_SCHEMA, true);
	ListCell   *lc;

	n_truncate_reported = 0;
	if (!OidIsValid(nsp))
		return;
	foreach(lc, stmt->relations)
	{
		RangeVar   *rv = (RangeVar *) lfirst(lc);
		Oid			relid = RangeVarGetRelid(rv, NoLock, true);

		if (OidIsValid(relid) && get_rel_namespace(relid) == nsp)
		{
			report_truncate(get_rel_name(relid), false);
			if (n_truncate_reported < lengthof(truncate_reported))
				truncate_reported[n_truncate_reported++] = relid;
		}
	}
}
