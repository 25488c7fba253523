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
#include "miscadmin.h"
#include "mode.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

static bool flushing = false;

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
 * Appends a row.  Mode changes queued before it are written first, so
 * that the record shows the mode a violation was let through in.
 */
void
en_violation_insert(const char *code, const char *rule, const char *message,
					const char *detail, const char *hint,
					const char *table_name, const int64 *row_id,
					const char *db_user)
{
	EN_QUERY(insert, "INSERT INTO enforcement.violations "
		"(code, rule, message, detail, hint, table_name, row_id, db_user) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, INT8OID, TEXTOID);
	const char *texts[8] = {code, rule, message, detail, hint, table_name,
	NULL, db_user};
	Datum		values[8];
	bool		nulls[8];
	EnLookup	lk;

	for (int i = 0; i < 8; i++)
	{
		nulls[i] = texts[i] == NULL;
		values[i] = nulls[i] ? (Datum) 0 : CStringGetTextDatum(texts[i]);
	}
	nulls[6] = row_id == NULL;
	values[6] = row_id ? Int64GetDatum(*row_id) : (Datum) 0;

	en_record_mode_changes();
	en_lookup_begin(&lk);
	en_run(&lk, &insert, values, nulls, 0, 0);
	en_lookup_end(&lk);
}
