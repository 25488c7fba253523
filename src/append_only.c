/*-------------------------------------------------------------------------
 *
 * append_only.c
 *	  Enforcement records are never deleted or truncated, and what is
 *	  fixed once written never changes (EN501, REC-2).
 *
 * A BEFORE DELETE row trigger and a BEFORE TRUNCATE statement trigger on
 * each declared table refuse the removal; the columns a table does not
 * declare as changing are refused by its BEFORE UPDATE check
 * (en_fixed_verdicts()), the id and the agency always.  TRUNCATE is also
 * caught in the utility hook, before PostgreSQL's own checks, so that a
 * table other tables refer to reports EN501 rather than a foreign-key
 * complaint.  On a table declared strict (the installation's node id, its
 * keys, the warn-mode record, the catalogs) each refusal holds in every
 * mode.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "append_only.h"
#include "schema.h"

#include "access/genam.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "utils/acl.h"
#include "utils/datum.h"
#include "utils/memutils.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(en_forbid_delete);

/*
 * Tables whose TRUNCATE the utility hook has just reported (in warn mode,
 * where it goes on); their statement triggers then stay silent.
 */
static List *truncate_reported = NIL;	/* of Oid, in TopMemoryContext */

/* Whether an UPDATE changed a column (NULL-aware, by binary image). */
bool
en_column_changed(HeapTuple oldtup, HeapTuple newtup, TupleDesc desc,
				  AttrNumber attnum)
{
	Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
	bool		oldnull,
				newnull;
	Datum		oldval = heap_getattr(oldtup, attnum, desc, &oldnull);
	Datum		newval = heap_getattr(newtup, attnum, desc, &newnull);

	if (oldnull || newnull)
		return oldnull != newnull;
	return !datumIsEqual(oldval, newval, att->attbyval, att->attlen);
}

/*
 * EN501: an UPDATE may change only the columns its table declares as
 * changing, and set once those it declares as set once; never the id or
 * the agency.  A closed record (CASE-10: a decision, a concluded review)
 * changes in nothing but what is set for the first time, and a change is
 * EN309.
 */
void
en_fixed_verdicts(EnVerdicts *v, EnRelInfo *info, Relation rel,
				  HeapTuple oldtup, HeapTuple newtup, const int64 *row_id,
				  bool closed)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		bool		may_change;

		if (att->attisdropped)
			continue;
		may_change = !closed && (info->all_mutable || info->mutable_att[i]);
		if (att->attnum == info->id_att || att->attnum == info->agency_att)
			may_change = false;
		if (may_change || !en_column_changed(oldtup, newtup, desc, att->attnum))
			continue;
		if (info->once_att != NULL && info->once_att[i])
		{
			bool		isnull;

			(void) heap_getattr(oldtup, att->attnum, desc, &isnull);
			if (isnull)
				continue;		/* set for the first time */
			if (closed)
				EN_VERDICT(v, EN_R_CLOSED, row_id,
						   en_arg(NameStr(att->attname)), en_arg(info->name));
			else
				EN_VERDICT(v, EN_R_REC_SET_ONCE, row_id,
					   en_arg(NameStr(att->attname)), en_arg(info->name),
					   en_arg(SPI_getvalue(oldtup, desc, att->attnum)));
		}
		else if (closed)
			EN_VERDICT(v, EN_R_CLOSED, row_id,
					   en_arg(NameStr(att->attname)), en_arg(info->name));
		else
			EN_VERDICT(v, EN_R_REC_FIXED, row_id,
					   en_arg(NameStr(att->attname)), en_arg(info->name),
					   en_arg(info->mutable_list));
		if (en_verdicts_done(v))
			return;
	}
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
		char	   *value = SPI_getvalue(tuple, RelationGetDescr(rel), attnum);

		appendStringInfo(&buf, "%s%s=%s", i > 0 ? ", " : "",
						 NameStr(TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attname),
						 value ? value : "NULL");
	}
	appendStringInfoChar(&buf, ')');
	index_close(index, AccessShareLock);
	return buf.data;
}

/*
 * BEFORE DELETE (row) and BEFORE TRUNCATE (statement) on every declared
 * table: EN501.
 */
Datum
en_forbid_delete(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata;
	EnRelInfo  *info;
	EnVerdicts	v;
	Relation	rel;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						"forbid_delete")));
	trigdata = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) ||
		  TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired before DELETE or TRUNCATE",
						"forbid_delete")));
	rel = trigdata->tg_relation;
	info = en_relinfo(rel);
	en_verdicts_init(&v, rel, info->name, info->strict);

	if (TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
	{
		if (list_member_oid(truncate_reported, RelationGetRelid(rel)))
			return PointerGetDatum(NULL);
		EN_VERDICT(&v, EN_R_REC_TRUNCATE, NULL, en_arg(info->name));
		en_settle(&v);
		return PointerGetDatum(NULL);
	}
	if (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
	{
		HeapTuple	tuple = trigdata->tg_trigtuple;
		bool		isnull = true;
		int64		id = 0;

		if (info->id_att > 0)
		{
			Datum		d = heap_getattr(tuple, info->id_att,
										 RelationGetDescr(rel), &isnull);

			if (!isnull)
				id = DatumGetInt64(d);
		}
		EN_VERDICT(&v, EN_R_REC_DELETE, isnull ? NULL : &id,
				   en_arg(isnull ? describe_key(rel, tuple) :
						  psprintf("id " INT64_FORMAT, id)),
				   en_arg(info->name));
		en_settle(&v);
		return PointerGetDatum(tuple);
	}
	return PointerGetDatum(NULL);
}

/*
 * Called by the utility hook before a TRUNCATE runs: each table of the
 * schema is refused (in warn mode, recorded and let through), before
 * PostgreSQL's own checks.
 */
void
en_check_truncate(TruncateStmt *stmt)
{
	Oid			nsp = get_namespace_oid(EN_SCHEMA, true);
	ListCell   *lc;

	list_free(truncate_reported);
	truncate_reported = NIL;
	if (!OidIsValid(nsp))
		return;
	foreach(lc, stmt->relations)
	{
		RangeVar   *rv = (RangeVar *) lfirst(lc);
		Oid			relid = RangeVarGetRelid(rv, NoLock, true);
		Relation	rel;
		EnRelInfo  *info;
		EnVerdicts	v;
		MemoryContext old;

		if (!OidIsValid(relid) || get_rel_namespace(relid) != nsp)
			continue;
		/* a role that may not truncate it learns that from PostgreSQL */
		if (pg_class_aclcheck(relid, GetUserId(), ACL_TRUNCATE) != ACLCHECK_OK)
			continue;
		/* the lock TRUNCATE takes next; no weaker one to upgrade from */
		rel = table_open(relid, AccessExclusiveLock);
		info = en_relinfo_if_declared(rel);
		/* a table of the schema that is not declared is strict */
		en_verdicts_init(&v, rel, RelationGetRelationName(rel),
						 info == NULL || info->strict ||
						 info->kind != EN_TABLE_RECORDS);
		EN_VERDICT(&v, EN_R_REC_TRUNCATE, NULL,
				   en_arg(RelationGetRelationName(rel)));
		en_settle(&v);
		table_close(rel, NoLock);
		old = MemoryContextSwitchTo(TopMemoryContext);
		truncate_reported = lappend_oid(truncate_reported, relid);
		MemoryContextSwitchTo(old);
	}
}
