/*-------------------------------------------------------------------------
 *
 * mode.c
 *	  The enforcement.mode setting, its queue of changes, and whether a
 *	  superuser is restoring a dump.
 *
 * enforcement.mode is enforce (a violation is an error) or warn (it is
 * recorded and let through).  Only a superuser may change it.  A GUC
 * assign hook may not touch tables, so it only queues the change here; the
 * module start-up (enforcement.c) writes the queue to the violations
 * record after the statement that made it.
 *
 * While a superuser restores a dump (row_security off, as pg_dump's
 * scripts set it), rows come back as they were: the process record appends
 * nothing, installed defaults are not inserted twice, and a rule's
 * refusal is a warning.  "A superuser" is the session's role: a role with
 * BYPASSRLS that turns row_security off is not restoring anything.
 *
 * This file depends on no other file of the extension.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "mode.h"

#include "access/parallel.h"
#include "miscadmin.h"
#include "utils/memutils.h"
#include "utils/rls.h"

int			en_mode = EN_MODE_ENFORCE;

static const struct config_enum_entry mode_options[] = {
	{"enforce", EN_MODE_ENFORCE, false},
	{"warn", EN_MODE_WARN, false},
	{NULL, 0, false}
};

static List *pending_changes = NIL; /* in TopMemoryContext */
static bool module_ready = false;
static GucSource last_check_source = PGC_S_DEFAULT;
static bool check_pending = false;

/* The name of a mode, for the record. */
const char *
en_mode_name(int mode)
{
	return mode == EN_MODE_WARN ? "warn" : "enforce";
}

/* Where a value of the mode came from, for the record. */
const char *
en_mode_source_name(GucSource source)
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
		EnModeChange *change = palloc(sizeof(EnModeChange));

		change->from = en_mode;
		change->to = newval;
		change->source = source;
		change->userid = GetOuterUserId();
		change->at = GetCurrentTimestamp();
		pending_changes = lappend(pending_changes, change);
		MemoryContextSwitchTo(old);
	}
}

/* Defines enforcement.mode; called once from _PG_init(). */
void
en_mode_define(void)
{
	DefineCustomEnumVariable("enforcement.mode",
							 gettext_noop("Whether a violated rule is refused (enforce) or recorded and let through (warn)."),
							 NULL,
							 &en_mode,
							 EN_MODE_ENFORCE,
							 mode_options,
							 PGC_SUSET,
							 0,
							 check_mode, assign_mode, NULL);
}

/* From now on every change of the mode is one to record. */
void
en_mode_ready(void)
{
	module_ready = true;
}

/*
 * The queued changes, in TopMemoryContext, for the caller to record and
 * free; the queue is empty afterwards.
 */
List *
en_mode_take_changes(void)
{
	List	   *changes = pending_changes;

	pending_changes = NIL;
	return changes;
}

/* Whether a superuser is restoring a dump (see the file header). */
bool
en_restoring(void)
{
	/* the session's role: look-ups run as the owner, a superuser */
	return !row_security && superuser_arg(GetOuterUserId());
}
