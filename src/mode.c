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
 A session of a superuser with row_security off (as pg_dump's scripts
 * and pg_restore set it) is a restore session: the extension's install
 * script inserts no defaults in it (the dump brings them back), see
 * enforcement.restoring().  Only the rows such a session loads with COPY
 * ... FROM into a declared table of the schema are restored rows: they
 * come back as they were, unjudged, and the process record appends
 * nothing for them (the dump brings it back).  Any other write of that
 * session -- an INSERT, an UPDATE -- is judged and recorded like every
 * write.  "A superuser" is the session's role: a role with BYPASSRLS that
 * turns row_security off is not restoring anything.  The utility hook
 * (enforcement.c) tells this file which table a COPY FROM loads.
 *
 * The mode a write runs in is read from the setting itself (its value and
 * where that came from), so that it can be recorded however it was set:
 * violations.c records it before the first write it differs for.
 *
 * This file depends on no other file of the extension.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "mode.h"

#include "access/parallel.h"
#include "catalog/namespace.h"
#include "miscadmin.h"
#include "utils/guc_tables.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
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
static Oid	copy_relid = InvalidOid;	/* the table a COPY FROM loads */
static struct config_generic *mode_option = NULL;

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

/*
 * Whether this is a restore session: a superuser with row_security off
 * (see the file header).  Only the install and update scripts ask this.
 */
bool
en_restore_session(void)
{
	/* the session's role: look-ups run as the owner, a superuser */
	return !row_security && superuser_arg(GetOuterUserId());
}

/*
 * Notes the table a COPY ... FROM loads (InvalidOid: none); returns the
 * one noted before, for the caller to put back when the COPY ends.
 */
Oid
en_copy_from_begin(Oid relid)
{
	Oid			previous = copy_relid;

	copy_relid = relid;
	return previous;
}

void
en_copy_from_end(Oid previous)
{
	copy_relid = previous;
}

/*
 * Whether a row of rel is a restored row: loaded by a COPY ... FROM into
 * that table of the schema, in a restore session.  A row the COPY's
 * triggers write into another table is not.
 */
bool
en_restoring(Relation rel)
{
	return rel != NULL && OidIsValid(copy_relid) &&
		RelationGetRelid(rel) == copy_relid &&
		RelationGetNamespace(rel) == get_namespace_oid(EN_SCHEMA, true) &&
		en_restore_session();
}

/*
 * The mode in effect and where its value came from: the setting's source,
 * and for a configuration file its name and line (NULL and 0 otherwise).
 */
void
en_mode_in_effect(int *mode, GucSource *source, const char **file, int *line)
{
	if (mode_option == NULL)
	{
		struct config_generic **options = get_guc_variables();
		int			n = GetNumConfigOptions();

		for (int i = 0; i < n; i++)
			if (strcmp(options[i]->name, "enforcement.mode") == 0)
			{
				mode_option = options[i];
				break;
			}
	}
	*mode = en_mode;
	*source = mode_option ? mode_option->source : PGC_S_DEFAULT;
	*file = mode_option && mode_option->sourcefile ?
		mode_option->sourcefile : NULL;
	*line = *file ? mode_option->sourceline : 0;
}
