/*-------------------------------------------------------------------------
 *
 * lookup.c
 *	  Queries the rules rely on, run as the extension's owner.
 *
 * A rule reads rows the acting role may not see (row security) or may not
 * lock (FOR SHARE needs UPDATE privilege), so every query here runs as the
 * owner of the schema "enforcement", the way foreign-key checks run as the
 * table's owner.  Two defences keep the acting role's objects out of it:
 * every name in the query texts carries its schema (pg_catalog.,
 * enforcement., OPERATOR(pg_catalog.=)), and search_path is pinned to
 * "pg_catalog, pg_temp" for as long as the connection is open.  The
 * caller's identity and search_path come back at en_lookup_end(), or on
 * error by the (sub)transaction's abort.
 *
 * Plans are prepared once and kept.  The caller's memory context is
 * current between queries, and the accessors copy what they return into
 * it: nothing a caller keeps lives in SPI's memory, which SPI_finish()
 * frees.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "lookup.h"
#include "schema.h"

#include "access/xact.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

/* Starts a look-up; SPI is connected by the first query. */
void
en_lookup_begin(EnLookup *lk)
{
	memset(lk, 0, sizeof(EnLookup));
	lk->caller_cxt = CurrentMemoryContext;
}

/*
 * Connects to SPI, becomes the extension's owner and pins search_path, in
 * a GUC nest level of its own that en_lookup_end() (or an abort) undoes.
 */
static void
lookup_connect(EnLookup *lk)
{
	Oid			owner = en_owner();

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	MemoryContextSwitchTo(lk->caller_cxt);
	GetUserIdAndSecContext(&lk->save_userid, &lk->save_sec_context);
	SetUserIdAndSecContext(owner, lk->save_sec_context |
						   SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_NOFORCE_RLS);
	lk->guc_level = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp",
							 PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE,
							 true, 0, false);
	lk->connected = true;
}

/* Ends a look-up: the caller's search_path and identity, SPI closed. */
void
en_lookup_end(EnLookup *lk)
{
	if (!lk->connected)
		return;
	AtEOXact_GUC(true, lk->guc_level);
	SetUserIdAndSecContext(lk->save_userid, lk->save_sec_context);
	lk->connected = false;
	lk->result = NULL;
	lk->nrows = 0;
	if (SPI_finish() != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed");
	MemoryContextSwitchTo(lk->caller_cxt);
}

/*
 * Prepares and keeps a query's plan.  The plan is generic: the queries
 * that stay are probes by key or rare paths, and none may depend on the
 * statistics of the moment it was planned.
 */
static void
prepare(EnQuery *query)
{
	SPIPlanPtr	plan = SPI_prepare_cursor(query->sql, query->nargs,
										  (Oid *) query->argtypes,
										  CURSOR_OPT_GENERIC_PLAN);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for \"%s\": %s", query->sql,
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	query->plan = plan;
}

/* Makes sure a query's plan is prepared and still valid. */
static void
ensure_plan(EnQuery *query)
{
	if (query->plan == NULL || !SPI_plan_is_valid(query->plan))
	{
		if (query->plan != NULL)
			SPI_freeplan(query->plan);
		query->plan = NULL;
		prepare(query);
	}
}

/*
 * Runs a query and returns the number of rows.  EN_READ_ONLY runs it under
 * the statement's own snapshot, as a STABLE function must.  EN_LATEST lets
 * it see rows committed after this transaction's snapshot, as foreign-key
 * checks do under REPEATABLE READ: a rule that has just locked a parent
 * row must see what its previous holder committed.
 */
uint64
en_run(EnLookup *lk, EnQuery *query, const Datum *args, const bool *nulls,
	   long limit, int flags)
{
	char	   *spi_nulls = NULL;
	int			rc;

	if (!lk->connected)
		lookup_connect(lk);
	ensure_plan(query);
	if (nulls != NULL && query->nargs > 0)
	{
		spi_nulls = palloc(query->nargs + 1);
		for (int i = 0; i < query->nargs; i++)
			spi_nulls[i] = nulls[i] ? 'n' : ' ';
		spi_nulls[query->nargs] = '\0';
	}
	if (lk->result != NULL)
		SPI_freetuptable(lk->result);
	lk->result = NULL;
	if ((flags & EN_LATEST) && IsolationUsesXactSnapshot())
	{
		CommandCounterIncrement();
		rc = SPI_execute_snapshot(query->plan, (Datum *) args, spi_nulls,
								  GetLatestSnapshot(), InvalidSnapshot,
								  false, true, limit);
	}
	else
		rc = SPI_execute_plan(query->plan, (Datum *) args, spi_nulls,
							  (flags & EN_READ_ONLY) != 0, limit);
	MemoryContextSwitchTo(lk->caller_cxt);
	if (rc < 0)
		elog(ERROR, "SPI_execute_plan failed for \"%s\": %s", query->sql,
			 SPI_result_code_string(rc));
	lk->result = SPI_tuptable;
	lk->nrows = SPI_processed;
	return lk->nrows;
}

/*
 * Opens a read-only cursor over a query, for results too large to hold at
 * once; en_cursor_fetch() then makes the next rows the current result.
 */
Portal
en_cursor_open(EnLookup *lk, EnQuery *query, const Datum *args,
			   const bool *nulls)
{
	char	   *spi_nulls = NULL;
	Portal		portal;

	if (!lk->connected)
		lookup_connect(lk);
	ensure_plan(query);
	if (nulls != NULL && query->nargs > 0)
	{
		spi_nulls = palloc(query->nargs + 1);
		for (int i = 0; i < query->nargs; i++)
			spi_nulls[i] = nulls[i] ? 'n' : ' ';
		spi_nulls[query->nargs] = '\0';
	}
	portal = SPI_cursor_open(NULL, query->plan, (Datum *) args, spi_nulls,
							 true);
	MemoryContextSwitchTo(lk->caller_cxt);
	if (portal == NULL)
		elog(ERROR, "could not open a cursor for \"%s\"", query->sql);
	return portal;
}

/* Fetches the next rows of a cursor as the current result. */
uint64
en_cursor_fetch(EnLookup *lk, Portal portal, long count)
{
	if (lk->result != NULL)
		SPI_freetuptable(lk->result);
	lk->result = NULL;
	SPI_cursor_fetch(portal, true, count);
	MemoryContextSwitchTo(lk->caller_cxt);
	lk->result = SPI_tuptable;
	lk->nrows = SPI_processed;
	return lk->nrows;
}

void
en_cursor_close(EnLookup *lk, Portal portal)
{
	if (lk->result != NULL)
		SPI_freetuptable(lk->result);
	lk->result = NULL;
	lk->nrows = 0;
	SPI_cursor_close(portal);
	MemoryContextSwitchTo(lk->caller_cxt);
}

/* Runs a utility statement built by the caller from quoted names. */
void
en_run_ddl(EnLookup *lk, const char *sql)
{
	int			rc;

	if (!lk->connected)
		lookup_connect(lk);
	rc = SPI_execute(sql, false, 0);
	MemoryContextSwitchTo(lk->caller_cxt);
	if (rc < 0)
		elog(ERROR, "could not run \"%s\": %s", sql,
			 SPI_result_code_string(rc));
}

/* A column of the last result, copied into the current memory context. */
Datum
en_result(EnLookup *lk, uint64 row, int col, bool *isnull)
{
	TupleDesc	desc;
	Form_pg_attribute att;
	Datum		d;

	if (lk->result == NULL || row >= lk->nrows)
		elog(ERROR, "look-up result row %llu out of range",
			 (unsigned long long) row);
	desc = lk->result->tupdesc;
	if (col < 1 || col > desc->natts)
		elog(ERROR, "look-up result column %d out of range", col);
	d = SPI_getbinval(lk->result->vals[row], desc, col, isnull);
	if (*isnull)
		return (Datum) 0;
	att = TupleDescAttr(desc, col - 1);
	return datumCopy(d, att->attbyval, att->attlen);
}

/* A bigint column of the last result; 0 when NULL. */
int64
en_result_int64(EnLookup *lk, uint64 row, int col, bool *isnull)
{
	Datum		d = en_result(lk, row, col, isnull);

	return *isnull ? 0 : DatumGetInt64(d);
}

/* A boolean column of the last result; false when NULL. */
bool
en_result_bool(EnLookup *lk, uint64 row, int col)
{
	bool		isnull;
	Datum		d = en_result(lk, row, col, &isnull);

	return isnull ? false : DatumGetBool(d);
}

/* A column of the last result as text, or NULL; in the caller's context. */
char *
en_result_text(EnLookup *lk, uint64 row, int col)
{
	char	   *value;

	if (lk->result == NULL || row >= lk->nrows)
		elog(ERROR, "look-up result row %llu out of range",
			 (unsigned long long) row);
	/* SPI_getvalue allocates in the current context: the caller's */
	value = SPI_getvalue(lk->result->vals[row], lk->result->tupdesc, col);
	return value;
}
