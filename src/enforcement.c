/*-------------------------------------------------------------------------
 *
 * enforcement.c
 *	  Module start-up: the message catalog, the enforcement.mode setting,
 *	  and the record of every change to it.
 *
 * enforcement.mode is enforce (a violation is an error) or warn (it is
 * recorded and let through).  Only a superuser may change it, and each
 * change is written to enforcement.violations with code 00000.  A GUC
 * assign hook may not touch tables, so it only queues the change; the
 * queue is written after the utility statement or query that made it
 * (SET, RESET, set_config()), or before the next violation is recorded.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

int			en_mode = EN_MODE_ENFORCE;

static const struct config_enum_entry mode_options[] = {
	{"enforce", EN_MODE_ENFORCE, false},
	{"warn", EN_MODE_WARN, false},
	{NULL, 0, false}
};

/* A change of enforcement.mode waiting to be recorded. */
typedef struct ModeChange
{
	int			from;
	int			to;
	GucSource	source;
	Oid			userid;
	TimestampTz at;
} ModeChange;

static List *pending_changes = NIL; /* in TopMemoryContext */
static bool module_ready = false;
static bool flushing = false;
static GucSource last_check_source = PGC_S_DEFAULT;
static bool check_pending = false;

static ProcessUtility_hook_type prev_ProcessUtility = NULL;
static ExecutorEnd_hook_type prev_ExecutorEnd = NULL;

static const char *
mode_name(int mode)
{
	return mode == EN_MODE_WARN ? "warn" : "enforce";
}

static const char *
source_name(GucSource source)
{
	switch (source)
	{
		case PGC_S_FILE:
			return "configuration file";
		case PGC_S_DATABASE:
		case PGC_S_USER:
		case PGC_S_DATABASE_USER:
			return "database or role setting";
		case PGC_S_CLIENT:
			return "client connection";
		case PGC_S_SESSION:
			return "SET or set_config()";
		case PGC_S_TEST:
		case PGC_S_OVERRIDE:
		case PGC_S_INTERACTIVE:
			return "server";
		default:
			return "RESET or the end of a transaction";
	}
}

/* Notes where a new value comes from, for the assign hook. */
static bool
check_mode(int *newval pg_attribute_unused(), void **extra pg_attribute_unused(),
		   GucSource source)
{
	last_check_source = source;
	check_pending = true;
	return true;
}

/*
 * Queues a change of the mode.  Values set while the session starts (the
 * server's defaults and configuration) are not changes; everything after,
 * including a SET's revert at transaction end, is.
 */
static void
assign_mode(int newval, void *extra pg_attribute_unused())
{
	GucSource	source = check_pending ? last_check_source : PGC_S_DEFAULT;
	bool		recordable;

	check_pending = false;
	if (newval == en_mode)
		return;
	recordable = module_ready || source >= PGC_S_CLIENT;
	if (recordable && IsNormalProcessingMode() && !IsParallelWorker())
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);
		ModeChange *change = palloc(sizeof(ModeChange));

		change->from = en_mode;
		change->to = newval;
		change->source = source;
		change->userid = GetOuterUserId();
		change->at = GetCurrentTimestamp();
		pending_changes = lappend(pending_changes, change);
		MemoryContextSwitchTo(old);
	}
}

/*
 * Writes queued mode changes to enforcement.violations, when a transaction
 * that can write is open and the extension exists in this database.
 */
void
en_flush_mode_changes(void)
{
	List	   *changes;
	ListCell   *lc;
	volatile bool pushed = false;

	if (pending_changes == NIL || flushing || !IsTransactionState() ||
		XactReadOnly || RecoveryInProgress() || IsParallelWorker())
		return;
	if (!OidIsValid(get_namespace_oid(EN_SCHEMA, true)))
	{
		list_free_deep(pending_changes);
		pending_changes = NIL;
		return;
	}

	changes = pending_changes;
	pending_changes = NIL;
	flushing = true;
	if (!ActiveSnapshotSet())
	{
		PushActiveSnapshot(GetTransactionSnapshot());
		pushed = true;
	}
	PG_TRY();
	{
		foreach(lc, changes)
		{
			ModeChange *change = (ModeChange *) lfirst(lc);
			char	   *detail;
			const char *user;

			detail = psprintf("enforcement.mode changed from %s to %s at %s by %s.",
							  mode_name(change->from), mode_name(change->to),
							  timestamptz_to_str(change->at),
							  source_name(change->source));
			user = OidIsValid(change->userid) ?
				GetUserNameFromId(change->userid, true) : NULL;
			en_record("00000", NULL, "enforcement mode changed", detail,
					  NULL, NULL, NULL, user);
		}
	}
	PG_FINALLY();
	{
		flushing = false;
	}
	PG_END_TRY();
	if (pushed)
		PopActiveSnapshot();
	list_free_deep(changes);
}

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

static void
en_ProcessUtility(PlannedStmt *pstmt, const char *queryString,
				  bool readOnlyTree, ProcessUtilityContext context,
				  ParamListInfo params, QueryEnvironment *queryEnv,
				  DestReceiver *dest, QueryCompletion *qc)
{
	char	   *setting_change;

	if (IsA(pstmt->utilityStmt, TruncateStmt))
		en_check_truncate((TruncateStmt *) pstmt->utilityStmt);
	setting_change = describe_setting_change(pstmt->utilityStmt);
	if (prev_ProcessUtility)
		prev_ProcessUtility(pstmt, queryString, readOnlyTree, context,
							params, queryEnv, dest, qc);
	else
		standard_ProcessUtility(pstmt, queryString, readOnlyTree, context,
								params, queryEnv, dest, qc);
	if (setting_change != NULL &&
		OidIsValid(get_namespace_oid(EN_SCHEMA, true)))
		en_record("00000", NULL, "enforcement mode setting changed",
				  setting_change, NULL, NULL, NULL,
				  GetUserNameFromId(GetOuterUserId(), false));
	en_flush_mode_changes();
}

static void
en_ExecutorEnd(QueryDesc *queryDesc)
{
	if (prev_ExecutorEnd)
		prev_ExecutorEnd(queryDesc);
	else
		standard_ExecutorEnd(queryDesc);
	en_flush_mode_changes();
}

void
_PG_init(void)
{
	pg_bindtextdomain(TEXTDOMAIN);

	DefineCustomEnumVariable("enforcement.mode",
							 gettext_noop("Whether a violated rule is refused (enforce) or recorded and let through (warn)."),
							 NULL,
							 &en_mode,
							 EN_MODE_ENFORCE,
							 mode_options,
							 PGC_SUSET,
							 0,
							 check_mode, assign_mode, NULL);
	MarkGUCPrefixReserved("enforcement");

	prev_ProcessUtility = ProcessUtility_hook;
	ProcessUtility_hook = en_ProcessUtility;
	prev_ExecutorEnd = ExecutorEnd_hook;
	ExecutorEnd_hook = en_ExecutorEnd;

	module_ready = true;
}
