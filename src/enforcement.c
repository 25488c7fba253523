/*-------------------------------------------------------------------------
 *
 * enforcement.c
 *	  Module start-up: the message catalog, enforcement.mode, and the
 *	  hooks that catch TRUNCATE and record every change of the mode.
 *
 * A change of enforcement.mode by SET, RESET or set_config() is queued by
 * the GUC's assign hook (mode.c) and written to enforcement.violations
 * (code 00000) after the utility statement or query that made it; ALTER
 * SYSTEM, ALTER DATABASE and ALTER ROLE settings of it are recorded by the
 * utility hook.  That hook also tells mode.c which table a COPY ... FROM
 * loads: the rows a restore session loads so are restored rows.
 *
 * Layer 5: the top; calls whatever it needs.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "append_only.h"
#include "mode.h"
#include "violations.h"

#include "catalog/namespace.h"
#include "nodes/parsenodes.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

static ProcessUtility_hook_type prev_ProcessUtility = NULL;
static ExecutorEnd_hook_type prev_ExecutorEnd = NULL;

/*
 * Describes ALTER SYSTEM, ALTER DATABASE or ALTER ROLE setting or resetting
 * enforcement.mode for later sessions, or returns NULL for other statements.
 */
static char *
describe_setting_change(Node *stmt)
{
	VariableSetStmt *set;
	char	   *target;
	char	   *value;

	if (IsA(stmt, AlterSystemStmt))
	{
		set = ((AlterSystemStmt *) stmt)->setstmt;
		target = pstrdup("ALTER SYSTEM");
	}
	else if (IsA(stmt, AlterDatabaseSetStmt))
	{
		AlterDatabaseSetStmt *db = (AlterDatabaseSetStmt *) stmt;

		set = db->setstmt;
		target = psprintf("ALTER DATABASE %s", quote_identifier(db->dbname));
	}
	else if (IsA(stmt, AlterRoleSetStmt))
	{
		AlterRoleSetStmt *role = (AlterRoleSetStmt *) stmt;
		const char *rolename = role->role == NULL ? "ALL" :
			role->role->roletype == ROLESPEC_CSTRING ?
			quote_identifier(role->role->rolename) :
			get_rolespec_name(role->role);

		set = role->setstmt;
		target = role->database ?
			psprintf("ALTER ROLE %s IN DATABASE %s", rolename,
					 quote_identifier(role->database)) :
			psprintf("ALTER ROLE %s", rolename);
	}
	else
		return NULL;

	if (set == NULL || set->name == NULL ||
		strcmp(set->name, "enforcement.mode") != 0)
		return NULL;
	value = set->kind == VAR_SET_VALUE ? ExtractSetVariableArgs(set) : NULL;
	if (value != NULL)
		return psprintf("%s sets enforcement.mode to %s for later sessions.",
						target, value);
	return psprintf("%s resets enforcement.mode for later sessions.", target);
}

/*
 * Runs a utility statement, with the table a COPY FROM loads (or
 * InvalidOid) noted for mode.c while it runs.
 */
static void
run_utility(Oid copy_into, PlannedStmt *pstmt, const char *queryString,
			bool readOnlyTree, ProcessUtilityContext context,
			ParamListInfo params, QueryEnvironment *queryEnv,
			DestReceiver *dest, QueryCompletion *qc)
{
	Oid			previous = en_copy_from_begin(copy_into);

	PG_TRY();
	{
		if (prev_ProcessUtility)
			prev_ProcessUtility(pstmt, queryString, readOnlyTree, context,
								params, queryEnv, dest, qc);
		else
			standard_ProcessUtility(pstmt, queryString, readOnlyTree, context,
									params, queryEnv, dest, qc);
	}
	PG_FINALLY();
	{
		en_copy_from_end(previous);
	}
	PG_END_TRY();
}

static void
en_ProcessUtility(PlannedStmt *pstmt, const char *queryString,
				  bool readOnlyTree, ProcessUtilityContext context,
				  ParamListInfo params, QueryEnvironment *queryEnv,
				  DestReceiver *dest, QueryCompletion *qc)
{
	char	   *setting_change;
	Oid			copy_into = InvalidOid;

	if (IsA(pstmt->utilityStmt, TruncateStmt))
		en_check_truncate((TruncateStmt *) pstmt->utilityStmt);
	setting_change = describe_setting_change(pstmt->utilityStmt);
	if (IsA(pstmt->utilityStmt, CopyStmt))
	{
		CopyStmt   *copy = (CopyStmt *) pstmt->utilityStmt;

		/* the COPY itself resolves the name again, under its lock */
		if (copy->is_from && copy->relation != NULL)
			copy_into = RangeVarGetRelid(copy->relation, NoLock, true);
	}
	run_utility(copy_into, pstmt, queryString, readOnlyTree, context, params,
				queryEnv, dest, qc);
	if (setting_change != NULL &&
		OidIsValid(get_namespace_oid(EN_SCHEMA, true)))
		en_violation_insert("00000", NULL, "enforcement mode setting changed",
							setting_change, NULL, NULL, NULL,
							GetUserNameFromId(GetOuterUserId(), false));
	en_record_mode_changes();
}

static void
en_ExecutorEnd(QueryDesc *queryDesc)
{
	if (prev_ExecutorEnd)
		prev_ExecutorEnd(queryDesc);
	else
		standard_ExecutorEnd(queryDesc);
	en_record_mode_changes();
}

void
_PG_init(void)
{
	pg_bindtextdomain(TEXTDOMAIN);

	en_mode_define();
	en_violations_init();
	MarkGUCPrefixReserved("enforcement");

	prev_ProcessUtility = ProcessUtility_hook;
	ProcessUtility_hook = en_ProcessUtility;
	prev_ExecutorEnd = ExecutorEnd_hook;
	ExecutorEnd_hook = en_ExecutorEnd;

	en_mode_ready();
}
