/*-------------------------------------------------------------------------
 *
 * lookup.c
 *	  Look-ups the rules rely on: SPI plans prepared once and kept, run as
 *	  the extension's owner, and small helpers for trigger tuples.
 *
 * A rule reads rows the acting role may not see (row security) or may not
 * lock (FOR SHARE needs UPDATE privilege), so every look-up runs as the
 * owner of the schema "enforcement", the way foreign-key checks run as the
 * table's owner.  The caller's identity is restored afterwards, and by
 * transaction abort on error.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "nodes/parsenodes.h"
#include "commands/trigger.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

static Oid	cached_namespace = InvalidOid;
static Oid	cached_owner = InvalidOid;
static bool callback_registered = false;

/* Forget the cached schema when any schema changes (drop and re-create). */
static void
namespace_changed(Datum arg pg_attribute_unused(),
				  int cacheid pg_attribute_unused(),
				  uint32 hashvalue pg_attribute_unused())
{
	cached_namespace = InvalidOid;
	cached_owner = InvalidOid;
}

/* The OID of the schema "enforcement"; errors if the extension is absent. */
Oid
en_namespace(void)
{
	if (!OidIsValid(cached_namespace))
	{
		HeapTuple	tuple;
		Oid			nsp;

		if (!callback_registered)
		{
			CacheRegisterSyscacheCallback(NAMESPACEOID, namespace_changed,
										  (Datum) 0);
			callback_registered = true;
		}
		nsp = get_namespace_oid(EN_SCHEMA, true);
		if (!OidIsValid(nsp))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_SCHEMA),
					 errmsg("extension \"enforcement\" is not installed in this database"),
					 errhint("Run CREATE EXTENSION enforcement as a superuser.")));
		tuple = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(nsp));
		if (!HeapTupleIsValid(tuple))
			elog(ERROR, "cache lookup failed for namespace %u", nsp);
		cached_owner = ((Form_pg_namespace) GETSTRUCT(tuple))->nspowner;
		ReleaseSysCache(tuple);
		cached_namespace = nsp;
	}
	return cached_namespace;
}

/* The OID of a relation in the schema "enforcement". */
Oid
en_relid(const char *relname)
{
	Oid			relid = get_relname_relid(relname, en_namespace());

	if (!OidIsValid(relid))
		elog(ERROR, "relation \"%s.%s\" does not exist", EN_SCHEMA, relname);
	return relid;
}

/* Connects to SPI and becomes the extension's owner. */
void
en_begin(EnCall *call)
{
	Oid			owner;

	(void) en_namespace();
	owner = cached_owner;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	GetUserIdAndSecContext(&call->save_userid, &call->save_sec_context);
	SetUserIdAndSecContext(owner, call->save_sec_context |
						   SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_NOFORCE_RLS);
}

/* Restores the caller's identity and leaves SPI. */
void
en_end(EnCall *call)
{
	SetUserIdAndSecContext(call->save_userid, call->save_sec_context);
	if (SPI_finish() != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed");
}

/*
 * Prepares and keeps a query's plan.  The plan is generic: the look-ups
 * are index probes whose best plan does not depend on the values, and
 * planning them again for every row would cost more than running them.
 */
static void
prepare(EnQuery *query)
{
	SPIPlanPtr	plan = SPI_prepare_cursor(query->sql, query->nargs,
										  query->argtypes,
										  CURSOR_OPT_GENERIC_PLAN);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for \"%s\": %s", query->sql,
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	query->plan = plan;
}

/*
 * Runs a query, preparing and keeping its plan on first use.  With
 * latest_snapshot, the query sees rows committed after this transaction's
 * snapshot, as foreign-key checks do under REPEATABLE READ: a rule that has
 * just locked a parent row must see what its previous holder committed.
 */
int
en_exec(EnQuery *query, Datum *values, const char *nulls, long count,
		bool latest_snapshot)
{
	int			rc;

	if (query->plan == NULL)
		prepare(query);
	if (latest_snapshot && IsolationUsesXactSnapshot())
	{
		CommandCounterIncrement();
		rc = SPI_execute_snapshot(query->plan, values, nulls,
								  GetLatestSnapshot(), InvalidSnapshot,
								  false, true, count);
	}
	else
		rc = SPI_execute_plan(query->plan, values, nulls, false, count);
	if (rc < 0)
		elog(ERROR, "SPI_execute_plan failed for \"%s\": %s", query->sql,
			 SPI_result_code_string(rc));
	return rc;
}

/*
 * Runs a read-only query under the statement's own snapshot, as a STABLE
 * function must: several queries of one function then see one state.
 */
int
en_exec_read(EnQuery *query, Datum *values, const char *nulls, long count)
{
	int			rc;

	if (query->plan == NULL)
		prepare(query);
	rc = SPI_execute_plan(query->plan, values, nulls, true, count);
	if (rc < 0)
		elog(ERROR, "SPI_execute_plan failed for \"%s\": %s", query->sql,
			 SPI_result_code_string(rc));
	return rc;
}

/* A column of the last result. */
Datum
en_get(int row, int col, bool *isnull)
{
	return SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc,
						 col, isnull);
}

/* A boolean column of the last result. */
bool
en_get_bool(int row, int col, bool *isnull)
{
	Datum		d = en_get(row, col, isnull);

	return *isnull ? false : DatumGetBool(d);
}

/* A column of the last result as text, or NULL; allocated by the caller. */
char *
en_get_text(int row, int col)
{
	char	   *value = SPI_getvalue(SPI_tuptable->vals[row],
									 SPI_tuptable->tupdesc, col);

	return value ? value : NULL;
}

/*
 * Whether look-ups may lock rows: not in a read-only transaction (or on a
 * standby), where nothing can be written that a lock would protect.
 */
bool
en_may_lock(void)
{
	return !XactReadOnly && !RecoveryInProgress();
}

/* The attribute number of a column, or an error naming it. */
int
en_attnum(TupleDesc tupdesc, const char *attname)
{
	int			attnum = SPI_fnumber(tupdesc, attname);

	if (attnum <= 0)
		elog(ERROR, "column \"%s\" not found", attname);
	return attnum;
}

/* A column of a trigger tuple. */
Datum
en_attr(HeapTuple tuple, TupleDesc tupdesc, const char *attname, bool *isnull)
{
	return heap_getattr(tuple, en_attnum(tupdesc, attname), tupdesc, isnull);
}

/* A column of a trigger tuple as text, or NULL. */
char *
en_attr_text(HeapTuple tuple, TupleDesc tupdesc, const char *attname)
{
	return SPI_getvalue(tuple, tupdesc, en_attnum(tupdesc, attname));
}

/* Whether an UPDATE changed a column (NULL-aware, by binary image). */
bool
en_attr_changed(HeapTuple oldtup, HeapTuple newtup, TupleDesc tupdesc,
				const char *attname)
{
	int			attnum = en_attnum(tupdesc, attname);
	Form_pg_attribute att = TupleDescAttr(tupdesc, attnum - 1);
	bool		oldnull,
				newnull;
	Datum		oldval = heap_getattr(oldtup, attnum, tupdesc, &oldnull);
	Datum		newval = heap_getattr(newtup, attnum, tupdesc, &newnull);

	if (oldnull || newnull)
		return oldnull != newnull;
	return !datumIsEqual(oldval, newval, att->attbyval, att->attlen);
}

/* A date as text, for messages. */
const char *
en_date_text(DateADT date)
{
	return DatumGetCString(DirectFunctionCall1(date_out,
											   DateADTGetDatum(date)));
}

/* Checks that a function was called by the trigger manager, for a row. */
void
en_check_trigger(FunctionCallInfo fcinfo, const char *funcname)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						funcname)));
}
