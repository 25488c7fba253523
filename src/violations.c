/*-------------------------------------------------------------------------
 *
 * violations.c
 *	  Appends to enforcement.violations: a violation let through in warn
 *	  mode, or a change of enforcement.mode (code 00000).
 *
 * Mode changes are queued by the setting's assign hook (mode.c), which
 * may not touch tables, and written here after the statement that made
 * them (the hooks in enforcement.c call en_record_mode_changes()), or
 * before the next violation is recorded.
 *
 * However the mode was set (SET, a role's or database's setting, the
 * configuration file, before the library was loaded or after), the mode
 * every write runs in is recorded too: en_judged_write(), called as every
 * declared table's BEFORE trigger starts, and en_settle() before it
 * records a verdict, write one row "enforcement mode in effect" whenever
 * the mode in effect, or for warn mode where it came from, differs from
 * what this backend last recorded (a change recorded from the queue
 * counts).  A backend that only ever writes in enforce mode, as it starts,
 * records nothing; a write in warn mode is always preceded by a record of
 * it, and the first write after a return to enforce records the return.
 * What a transaction recorded and then rolled back is forgotten with it.
 *
 * A restore session (mode.c) records once, at its first restored row, a
 * row "restore began" naming the role.  It is not appended to the process
 * record, which the restore brings back as it was, and its id is drawn
 * from the upper half of the counter's range, which next_id() does not
 * reach, so that it cannot collide with a restored row's id.
 *
 * The row is written as the extension's owner, in the current
 * transaction, with the acting role named by the caller.  The texts are
 * the untranslated ones, so the record reads the same in every locale.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "lookup.h"
#include "violations.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "ids.h"
#include "miscadmin.h"
#include "mode.h"
#include "port/pg_bswap.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

static bool flushing = false;
static bool inserting = false;	/* en_violation_insert() is writing */
static bool writing_marker = false; /* a row not to append to the record */

/*
 * What this backend last recorded of the mode: the mode (-1: not known,
 * after a savepoint rolled back what it recorded) and, for warn, its
 * source; and the same as of the last commit.  EN_MODE_ENFORCE from the
 * default is what a backend starts from, and needs no record.
 */
typedef struct NotedMode
{
	int			mode;
	GucSource	source;
	bool		restore;		/* a restore was recorded */
} NotedMode;

static NotedMode noted = {EN_MODE_ENFORCE, PGC_S_DEFAULT, false};
static NotedMode noted_committed = {EN_MODE_ENFORCE, PGC_S_DEFAULT, false};
static bool noted_in_xact = false;
static SubTransactionId noted_subid = InvalidSubTransactionId;	/* where */

static void
noted_xact_callback(XactEvent event, void *arg pg_attribute_unused())
{
	switch (event)
	{
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PREPARE:
			noted_committed = noted;
			noted_in_xact = false;
			noted_subid = InvalidSubTransactionId;
			break;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
			noted = noted_committed;
			noted_in_xact = false;
			noted_subid = InvalidSubTransactionId;
			break;
		default:
			break;
	}
}

static void
noted_subxact_callback(SubXactEvent event,
					   SubTransactionId mySubid,
					   SubTransactionId parentSubid pg_attribute_unused(),
					   void *arg pg_attribute_unused())
{
	/*
	 * What this subtransaction or one inside it (a later id) recorded is
	 * gone: record again.
	 */
	if (event == SUBXACT_EVENT_ABORT_SUB && noted_in_xact &&
		noted_subid >= mySubid)
	{
		noted.mode = -1;
		noted.restore = noted_committed.restore;
	}
}

/* Registers the callbacks above; called once from _PG_init(). */
void
en_violations_init(void)
{
	RegisterXactCallback(noted_xact_callback, NULL);
	RegisterSubXactCallback(noted_subxact_callback, NULL);
}

/* Whether the row being written is one not to append to the record. */
bool
en_violation_unrecorded(void)
{
	return writing_marker;
}

/*
 * Writes queued mode changes to enforcement.violations, when a transaction
 * that can write is open and the extension exists in this database.
 */
void
en_record_mode_changes(void)
{
	List	   *changes;
	ListCell   *lc;
	volatile bool pushed = false;

	if (flushing || !IsTransactionState() || XactReadOnly ||
		RecoveryInProgress() || IsParallelWorker())
		return;
	changes = en_mode_take_changes();
	if (changes == NIL)
		return;
	if (!OidIsValid(get_namespace_oid(EN_SCHEMA, true)))
	{
		list_free_deep(changes);
		return;
	}

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
			EnModeChange *change = (EnModeChange *) lfirst(lc);
			char	   *detail;
			const char *user;

			detail = psprintf("enforcement.mode changed from %s to %s at %s by %s.",
							  en_mode_name(change->from),
							  en_mode_name(change->to),
							  timestamptz_to_str(change->at),
							  en_mode_source_name(change->source));
			user = OidIsValid(change->userid) ?
				GetUserNameFromId(change->userid, true) : NULL;
			en_violation_insert("00000", NULL, "enforcement mode changed",
								detail, NULL, NULL, NULL, user);
			noted.mode = change->to;
			noted.source = change->source;
			noted_in_xact = true;
			noted_subid = Max(noted_subid, GetCurrentSubTransactionId());
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
 * Appends a row, with the id given or else the next one.  Mode changes
 * queued before it are written first, so that the record shows the mode a
 * violation was let through in.
 */
static void
insert_row(const int64 *id, const char *code, const char *rule,
		   const char *message, const char *detail, const char *hint,
		   const char *table_name, const int64 *row_id, const char *db_user)
{
	EN_QUERY(insert, "INSERT INTO enforcement.violations "
		"(code, rule, message, detail, hint, table_name, row_id, db_user) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, INT8OID, TEXTOID);
	EN_QUERY(insert_id, "INSERT INTO enforcement.violations "
		"(code, rule, message, detail, hint, table_name, row_id, db_user, id) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
		TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, INT8OID, TEXTOID,
		INT8OID);
	const char *texts[8] = {code, rule, message, detail, hint, table_name,
	NULL, db_user};
	Datum		values[9];
	bool		nulls[9];
	EnLookup	lk;

	for (int i = 0; i < 8; i++)
	{
		nulls[i] = texts[i] == NULL;
		values[i] = nulls[i] ? (Datum) 0 : CStringGetTextDatum(texts[i]);
	}
	nulls[6] = row_id == NULL;
	values[6] = row_id ? Int64GetDatum(*row_id) : (Datum) 0;
	nulls[8] = false;
	values[8] = id ? Int64GetDatum(*id) : (Datum) 0;

	en_record_mode_changes();
	inserting = true;
	PG_TRY();
	{
		en_lookup_begin(&lk);
		en_run(&lk, id ? &insert_id : &insert, values, nulls, 0, 0);
		en_lookup_end(&lk);
	}
	PG_FINALLY();
	{
		inserting = false;
	}
	PG_END_TRY();
}

void
en_violation_insert(const char *code, const char *rule, const char *message,
					const char *detail, const char *hint,
					const char *table_name, const int64 *row_id,
					const char *db_user)
{
	insert_row(NULL, code, rule, message, detail, hint, table_name, row_id,
			   db_user);
}

/*
 * Records the mode in effect before a write, when it differs from what
 * this backend last recorded (see the file header).
 */
void
en_note_mode(void)
{
	int			mode;
	GucSource	source;
	const char *file;
	int			line;
	char	   *detail;
	const char *from;

	if (inserting || flushing || !IsTransactionState() || XactReadOnly ||
		IsParallelWorker())
		return;
	/* what the queue holds is recorded first, and counts */
	en_record_mode_changes();
	en_mode_in_effect(&mode, &source, &file, &line);
	if (mode == noted.mode &&
		(mode != EN_MODE_WARN || source == noted.source))
		return;

	from = en_mode_source_name(source);
	if (file != NULL)
		detail = psprintf("Writes of this session run in enforcement.mode %s, set by %s (%s, line %d).",
						  en_mode_name(mode), from, file, line);
	else
		detail = psprintf("Writes of this session run in enforcement.mode %s, set by %s.",
						  en_mode_name(mode), from);
	en_violation_insert("00000", NULL, "enforcement mode in effect", detail,
						NULL, NULL, NULL,
						GetUserNameFromId(GetOuterUserId(), false));
	noted.mode = mode;
	noted.source = source;
	noted_in_xact = true;
	noted_subid = Max(noted_subid, GetCurrentSubTransactionId());
}

/*
 * Records, once per backend, that a restore began, at its first restored
 * row (into rel).  The row's id is the node's, with a random counter in
 * the upper half of the counter's 53 bits, where next_id() never comes.
 */
static void
note_restore(Relation rel)
{
	uint64		random;
	int64		id;
	char	   *user;
	char	   *detail;

	if (noted.restore || inserting)
		return;
	if (!pg_strong_random(&random, sizeof(random)))
		elog(ERROR, "could not generate a random number");
	id = ((int64) en_current_node_id() << 53) |
		(int64) ((UINT64CONST(1) << 52) | (random & ((UINT64CONST(1) << 52) - 1)));
	user = GetUserNameFromId(GetOuterUserId(), false);
	detail = psprintf("Role %s began restoring rows (COPY FROM with row_security off) at %s, first into table enforcement.%s; restored rows are not judged and the process record is restored as it was.",
					  user, timestamptz_to_str(GetCurrentTimestamp()),
					  RelationGetRelationName(rel));
	writing_marker = true;
	PG_TRY();
	{
		insert_row(&id, "00000", NULL, "restore began", detail, NULL, NULL,
				   NULL, user);
	}
	PG_FINALLY();
	{
		writing_marker = false;
	}
	PG_END_TRY();
	noted.restore = true;
	noted_in_xact = true;
	noted_subid = Max(noted_subid, GetCurrentSubTransactionId());
}

/*
 * Whether a write of a row of rel is judged: not while the extension's
 * own scripts run, nor for a restored row (mode.c).  Records the restore's
 * start, or the mode the write runs in, first.
 */
bool
en_judged_write(Relation rel)
{
	if (creating_extension)
		return false;
	if (en_restoring(rel))
	{
		note_restore(rel);
		return false;
	}
	en_note_mode();
	return true;
}

/* A restored row of a table with no BEFORE check (the process record). */
void
en_note_restored_row(Relation rel)
{
	note_restore(rel);
}
