/*-------------------------------------------------------------------------
 *
 * probe.c
 *	  Direct index probes: the rows a rule relies on, read and locked
 *	  without a query.
 *
 * A rule's facts are a few rows found by key: an agency, its officers,
 * their certificates, a plan.  Running a query for each costs more in
 * executor start-up than the rule itself, so the lawful path reads them
 * straight from their indexes, as foreign-key checks might, and locks the
 * tuples it relies on the way SELECT ... FOR SHARE does:
 *
 *	- under READ COMMITTED, a row updated since the snapshot is waited for
 *	  and its newest version locked and returned, and the caller judges
 *	  that version (as EvalPlanQual would);
 *	- under REPEATABLE READ or SERIALIZABLE, such a row is a serialisation
 *	  failure.
 *
 * The snapshot is the one SPI would use for a query run from the trigger:
 * the transaction's, with the command counter advanced so that rows the
 * same statement wrote before are seen.  A count that must see every row
 * committed so far (a cap, behind its lock) uses the latest snapshot.
 *
 * Index and attribute numbers are resolved once per backend and again
 * after any change to the table (a relcache invalidation).  Within one
 * trigger call (en_probe_scope_begin() and _end()) each table and index is
 * opened once and its scan reused, whatever the number of probes.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "probe.h"
#include "scan.h"
#include "schema.h"

#include "access/genam.h"
#include "access/heapam.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/index.h"
#include "catalog/pg_am.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "common/hashfn.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

/* Every index resolved so far, to forget on invalidation. */
static EnIndex *resolved_indexes = NULL;
static bool callback_registered = false;

/*
 * The tables and indexes opened within the current scope (one trigger
 * call), kept open for its other probes.
 */
typedef struct OpenIndex
{
	EnIndex    *index;
	Oid			indexid;		/* as resolved when opened */
	Relation	rel;
	Relation	idx;			/* NULL until a scan needs it */
	bool		rel_locked_for_share;
	TupleTableSlot *slot;
	IndexScanDesc scan;
	bool		in_use;
} OpenIndex;

#define EN_MAX_OPEN_INDEXES 24
static OpenIndex open_indexes[EN_MAX_OPEN_INDEXES];
static int	n_open = 0;
static int	scope_depth = 0;
static bool xact_callback_registered = false;

/*
 * Where the row of a unique key was found last, per index: a probe of the
 * whole key first fetches that tuple and takes it when it is visible to
 * the probe's snapshot and still has the key.  A unique index lets at most
 * one version of a key be visible to any snapshot, so the answer is the one
 * the index would give; anything else (a newer version, a reused slot, a
 * truncated table) falls back to the index.
 */
#define EN_TID_ENTRIES 256

typedef struct EnTidEntry
{
	bool		valid;
	uint32		keyhash;		/* a hint: the row found is checked */
	ItemPointerData tid;
} EnTidEntry;

/* tid_state */
#define TID_NONE	0			/* scan the index */
#define TID_TRY		1			/* fetch probe->tid first */
#define TID_HIT		2			/* the row was found at probe->tid: the
								 * key's only one */

/* Forgets what was resolved of a table that changed. */
static void
relation_changed(Datum arg pg_attribute_unused(), Oid relid)
{
	for (EnIndex *ix = resolved_indexes; ix != NULL; ix = ix->next)
		if (!OidIsValid(relid) || ix->relid == relid || ix->indexid == relid)
			ix->resolved = false;
}

/* Resolves an index: its OIDs, its columns' operators, the columns read. */
static void
resolve(EnIndex *ix)
{
	Relation	idx;
	Relation	rel;
	bool		listed = false;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(relation_changed, (Datum) 0);
		callback_registered = true;
	}
	ix->relid = en_relid(ix->relname);
	ix->indexid = en_relid(ix->indexname);
	idx = index_open(ix->indexid, AccessShareLock);
	if (idx->rd_index->indrelid != ix->relid)
		elog(ERROR, "index \"%s\" is not an index of \"%s\"",
			 ix->indexname, ix->relname);
	ix->ncols = IndexRelationGetNumberOfKeyAttributes(idx);
	if (ix->ncols > EN_INDEX_MAX_COLS)
		elog(ERROR, "index \"%s\" has too many columns", ix->indexname);
	ix->tid_cacheable = idx->rd_index->indisunique &&
		idx->rd_index->indimmediate && idx->rd_index->indisvalid &&
		idx->rd_index->indislive && idx->rd_rel->relam == BTREE_AM_OID &&
		heap_attisnull(idx->rd_indextuple, Anum_pg_index_indpred, NULL);
	for (int i = 0; i < ix->ncols; i++)
	{
		ix->opfamily[i] = idx->rd_opfamily[i];
		ix->opcintype[i] = idx->rd_opcintype[i];
		ix->collation[i] = idx->rd_indcollation[i];
		for (int s = 0; s < BTMaxStrategyNumber; s++)
			ix->procs[i][s] = InvalidOid;
		ix->keyattnums[i] = idx->rd_index->indkey.values[i];
		/*
		 * Keys equal exactly when their Datums are equal, or, for text
		 * under a deterministic collation, their bytes.
		 */
		ix->keytext[i] = ix->opcintype[i] == TEXTOID;
		if (ix->keyattnums[i] <= 0 ||
			!(ix->opcintype[i] == INT8OID || ix->opcintype[i] == INT4OID ||
			  ix->opcintype[i] == INT2OID || ix->opcintype[i] == DATEOID ||
			  ix->opcintype[i] == BOOLOID ||
			  (ix->keytext[i] && OidIsValid(ix->collation[i]) &&
			   get_collation_isdeterministic(ix->collation[i]))))
			ix->tid_cacheable = false;
	}
	if (ix->tid_cacheable && ix->tids == NULL)
		ix->tids = MemoryContextAllocZero(TopMemoryContext,
										  sizeof(EnTidEntry) * EN_TID_ENTRIES);
	if (ix->tids != NULL)
		memset(ix->tids, 0, sizeof(EnTidEntry) * EN_TID_ENTRIES);
	index_close(idx, AccessShareLock);

	if (ix->ncolumns > EN_PROBE_MAX_COLUMNS)
		elog(ERROR, "too many columns read through \"%s\"", ix->indexname);
	rel = table_open(ix->relid, AccessShareLock);
	for (int c = 0; c < ix->ncolumns; c++)
	{
		AttrNumber	attnum = InvalidAttrNumber;

		for (int a = 0; a < RelationGetDescr(rel)->natts; a++)
		{
			Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), a);

			if (!att->attisdropped &&
				strcmp(NameStr(att->attname), ix->columns[c]) == 0)
				attnum = att->attnum;
		}
		if (attnum == InvalidAttrNumber)
			elog(ERROR, "column \"%s\" of \"%s\" does not exist",
				 ix->columns[c], ix->relname);
		ix->attnums[c] = attnum;
	}
	table_close(rel, AccessShareLock);

	for (EnIndex *other = resolved_indexes; other != NULL; other = other->next)
		if (other == ix)
			listed = true;
	if (!listed)
	{
		ix->next = resolved_indexes;
		resolved_indexes = ix;
	}
	ix->resolved = true;
}

/* The table of an index, resolved. */
Oid
en_index_relid(EnIndex *index)
{
	if (!index->resolved)
		resolve(index);
	return index->relid;
}

/* The comparison function of a strategy on an index column. */
static RegProcedure
strategy_proc(EnIndex *ix, int col, StrategyNumber strategy)
{
	RegProcedure *proc = &ix->procs[col][strategy - 1];

	if (!OidIsValid(*proc))
	{
		Oid			opr = get_opfamily_member(ix->opfamily[col],
											  ix->opcintype[col],
											  ix->opcintype[col], strategy);

		if (!OidIsValid(opr))
			elog(ERROR, "missing operator %d for column %d of index \"%s\"",
				 strategy, col + 1, ix->indexname);
		*proc = get_opcode(opr);
	}
	return *proc;
}

/*
 * The snapshot a read-only function reads under: the statement's, as a
 * STABLE function's queries would.
 */
Snapshot
en_read_snapshot(void)
{
	return ActiveSnapshotSet() ? GetActiveSnapshot() : GetTransactionSnapshot();
}

/*
 * The snapshot of a trigger's probes: the transaction's, as SPI takes it
 * for a query, after advancing the command counter.  Pair with
 * en_snapshot_end().
 */
Snapshot
en_snapshot_begin(void)
{
	CommandCounterIncrement();
	PushActiveSnapshot(GetTransactionSnapshot());
	UpdateActiveSnapshotCommandId();
	return GetActiveSnapshot();
}

void
en_snapshot_end(void)
{
	PopActiveSnapshot();
}

/*
 * A (sub)transaction that aborts releases what the scope held open by its
 * resource owner; the scope is then forgotten.
 */
static void
forget_scope(void)
{
	n_open = 0;
	scope_depth = 0;
}

static void
xact_event(XactEvent event, void *arg pg_attribute_unused())
{
	if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT)
		forget_scope();
}

static void
subxact_event(SubXactEvent event,
			  SubTransactionId mySubid pg_attribute_unused(),
			  SubTransactionId parentSubid pg_attribute_unused(),
			  void *arg pg_attribute_unused())
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		forget_scope();
}

/*
 * Starts a scope (one trigger call) in which tables and indexes stay open
 * from one probe to the next; scopes nest, the outermost closes them.
 */
void
en_probe_scope_begin(void)
{
	if (!xact_callback_registered)
	{
		RegisterXactCallback(xact_event, NULL);
		RegisterSubXactCallback(subxact_event, NULL);
		xact_callback_registered = true;
	}
	scope_depth++;
}

void
en_probe_scope_end(void)
{
	if (scope_depth <= 0)
		return;
	if (--scope_depth > 0)
		return;
	for (int i = 0; i < n_open; i++)
	{
		OpenIndex  *o = &open_indexes[i];

		if (o->scan != NULL)
			index_endscan(o->scan);
		ExecDropSingleTupleTableSlot(o->slot);
		/* the locks are kept to the end of the transaction */
		if (o->idx != NULL)
			index_close(o->idx, NoLock);
		table_close(o->rel, NoLock);
	}
	n_open = 0;
}

/*
 * Opens a probe of an index under a snapshot.  With for_lock the table is
 * opened as SELECT ... FOR SHARE opens it, for en_probe_lock().
 */
void
en_probe_open(EnProbe *probe, EnIndex *index, Snapshot snapshot,
			  bool for_lock)
{
	OpenIndex  *o = NULL;

	if (!index->resolved)
		resolve(index);
	memset(probe, 0, offsetof(EnProbe, nkeys));
	probe->nkeys = 0;
	probe->index = index;
	probe->snapshot = snapshot;
	if (scope_depth > 0)
	{
		for (int i = 0; i < n_open && o == NULL; i++)
			if (open_indexes[i].index == index && !open_indexes[i].in_use &&
				open_indexes[i].indexid == index->indexid)
				o = &open_indexes[i];
		if (o == NULL && n_open < EN_MAX_OPEN_INDEXES)
		{
			o = &open_indexes[n_open++];
			memset(o, 0, sizeof(OpenIndex));
			o->index = index;
			o->indexid = index->indexid;
			o->rel = table_open(index->relid,
								for_lock ? RowShareLock : AccessShareLock);
			o->rel_locked_for_share = for_lock;
			o->idx = NULL;		/* opened when a scan needs it */
			o->slot = table_slot_create(o->rel, NULL);
		}
		else if (o != NULL && for_lock && !o->rel_locked_for_share)
		{
			LockRelationOid(index->relid, RowShareLock);
			o->rel_locked_for_share = true;
		}
	}
	if (o != NULL)
	{
		o->in_use = true;
		probe->cached = o;
		probe->rel = o->rel;
		probe->idx = o->idx;
		probe->slot = o->slot;
		/* the scan is kept if it was under the same snapshot */
		if (o->scan != NULL && o->scan->xs_snapshot == snapshot)
			probe->scan = o->scan;
		else if (o->scan != NULL)
		{
			index_endscan(o->scan);
			o->scan = NULL;
		}
		return;
	}
	probe->rel = table_open(index->relid,
							for_lock ? RowShareLock : AccessShareLock);
	probe->idx = NULL;			/* opened when a scan needs it */
	probe->slot = table_slot_create(probe->rel, NULL);
}

/*
 * Opens a probe under the latest snapshot: it sees every row committed
 * so far, such as the earlier inspections a cap counts once its lock is
 * held.
 */
void
en_probe_open_latest(EnProbe *probe, EnIndex *index)
{
	Snapshot	latest = RegisterSnapshot(GetLatestSnapshot());

	en_probe_open(probe, index, latest, false);
	probe->registered = true;
}

/* The probe's index, opened on first need (kept by the scope). */
static Relation
probe_index(EnProbe *probe)
{
	if (probe->idx == NULL)
	{
		probe->idx = index_open(probe->index->indexid, AccessShareLock);
		if (probe->cached != NULL)
			((OpenIndex *) probe->cached)->idx = probe->idx;
	}
	return probe->idx;
}

/* Starts the index scan with the probe's conditions. */
static void
start_scan(EnProbe *probe)
{
	EnIndex    *ix = probe->index;
	ScanKeyData skeys[EN_INDEX_MAX_COLS * 2];

	for (int i = 0; i < probe->nkeys; i++)
	{
		EnKey	   *k = &probe->keys[i];

		if (k->isnull)
			ScanKeyEntryInitialize(&skeys[i], SK_ISNULL | SK_SEARCHNULL,
								   k->col, InvalidStrategy, InvalidOid,
								   InvalidOid, InvalidOid, (Datum) 0);
		else
			ScanKeyEntryInitialize(&skeys[i], 0, k->col, k->strategy,
								   InvalidOid, ix->collation[k->col - 1],
								   strategy_proc(ix, k->col - 1, k->strategy),
								   k->value);
	}
	if (probe->scan != NULL && probe->scan->numberOfKeys != probe->nkeys)
	{
		index_endscan(probe->scan);
		probe->scan = NULL;
	}
	if (probe->scan == NULL)
		probe->scan = index_beginscan(probe->rel, probe_index(probe),
									  probe->snapshot, probe->nkeys, 0);
	if (probe->cached != NULL)
		((OpenIndex *) probe->cached)->scan = probe->scan;
	index_rescan(probe->scan, skeys, probe->nkeys, NULL, 0);
}

/* The hash of the probe's key. */
static uint32
key_hash(EnProbe *probe)
{
	uint32		h = 0;

	for (int i = 0; i < probe->index->ncols; i++)
	{
		uint32		k;

		if (probe->index->keytext[i])
		{
			text	   *t = DatumGetTextPP(probe->key[i]);

			k = hash_bytes((const unsigned char *) VARDATA_ANY(t),
						   VARSIZE_ANY_EXHDR(t));
		}
		else
			k = hash_bytes((const unsigned char *) &probe->key[i],
						   sizeof(Datum));
		h = hash_combine(h, k);
	}
	return h;
}

/* Whether a key column of the row found holds the probe's key. */
static bool
key_equal(EnProbe *probe, int i, Datum d)
{
	text	   *a;
	text	   *b;

	if (!probe->index->keytext[i])
		return d == probe->key[i];
	a = DatumGetTextPP(d);
	b = DatumGetTextPP(probe->key[i]);
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

/* Starts (or restarts) the probe with conditions on the index columns. */
void
en_probe_keys(EnProbe *probe, int nkeys, const EnKey *keys)
{
	EnIndex    *ix = probe->index;
	bool		seen[EN_INDEX_MAX_COLS] = {false};

	if (nkeys > (int) lengthof(probe->keys))
		elog(ERROR, "too many conditions for index \"%s\"", ix->indexname);
	/*
	 * Not when the table changed since it was resolved (the lock just taken
	 * may have shown it), and not under SERIALIZABLE, where a scan of the
	 * index predicate-locks the key and a fetch only the tuple.
	 */
	probe->keyed = ix->resolved && ix->tid_cacheable &&
		nkeys == ix->ncols && !IsolationIsSerializable();
	for (int i = 0; i < nkeys; i++)
	{
		int			col = keys[i].col - 1;

		if (col < 0 || col >= ix->ncols)
			elog(ERROR, "index \"%s\" has no column %d", ix->indexname,
				 keys[i].col);
		probe->keys[i] = keys[i];
		if (keys[i].isnull || keys[i].strategy != BTEqualStrategyNumber ||
			seen[col])
			probe->keyed = false;
		else
		{
			seen[col] = true;
			probe->key[col] = keys[i].value;
		}
	}
	probe->nkeys = nkeys;
	probe->tid_state = TID_NONE;
	if (probe->keyed)
	{
		uint32		h = key_hash(probe);
		EnTidEntry *e = &ix->tids[h % EN_TID_ENTRIES];

		probe->keyhash = h;
		if (e->valid && e->keyhash == h)
		{
			probe->tid = e->tid;
			probe->tid_state = TID_TRY;
			return;				/* the index only if the row is not there */
		}
	}
	start_scan(probe);
}

/* Where the row of a probe's whole unique key is (if it is keyed). */
static void
remember(EnProbe *probe, ItemPointer tid)
{
	EnTidEntry *e;

	if (!probe->keyed)
		return;
	e = &probe->index->tids[probe->keyhash % EN_TID_ENTRIES];
	e->keyhash = probe->keyhash;
	e->tid = *tid;
	e->valid = true;
}

/*
 * Whether the row of the probe's key is at probe->tid: a tuple there,
 * visible to the probe's snapshot, with the key.
 */
static bool
fetch_remembered(EnProbe *probe)
{
	EnIndex    *ix = probe->index;

	/* a table truncated by VACUUM since: the block is gone */
	if (ItemPointerGetBlockNumber(&probe->tid) >=
		RelationGetNumberOfBlocks(probe->rel))
		return false;
	if (!table_tuple_fetch_row_version(probe->rel, &probe->tid,
									   probe->snapshot, probe->slot))
		return false;
	for (int i = 0; i < ix->ncols; i++)
	{
		bool		isnull;
		Datum		d = slot_getattr(probe->slot, ix->keyattnums[i], &isnull);

		if (isnull || !key_equal(probe, i, d))
		{
			ExecClearTuple(probe->slot);
			return false;
		}
	}
	return true;
}

/* The next row found, into the probe's slot; false when there is none. */
bool
en_probe_next(EnProbe *probe)
{
	bool		found;

	CHECK_FOR_INTERRUPTS();
	switch (probe->tid_state)
	{
		case TID_TRY:
			if (fetch_remembered(probe))
			{
				probe->tid_state = TID_HIT;
				return true;
			}
			probe->tid_state = TID_NONE;
			start_scan(probe);
			break;
		case TID_HIT:
			ExecClearTuple(probe->slot);
			return false;
		default:
			break;
	}
	found = index_getnext_slot(probe->scan, ForwardScanDirection, probe->slot);
	if (found)
		remember(probe, &probe->slot->tts_tid);
	return found;
}

/*
 * Locks the row just found, as SELECT ... FOR SHARE (or the mode given)
 * would.  Under READ COMMITTED a concurrent update is waited for and the
 * newest version is locked and put in the slot, for the caller to judge
 * again; a concurrent delete gives EN_GONE.  Under REPEATABLE READ either
 * is a serialisation failure.  Where no lock can be taken (en_may_lock():
 * a read-only transaction, a standby, the compliance scan) the row found
 * is judged as it is.
 */
EnLockResult
en_probe_lock(EnProbe *probe, LockTupleMode mode)
{
	TM_FailureData tmfd;
	TM_Result	result;
	uint8		flags = TUPLE_LOCK_FLAG_LOCK_UPDATE_IN_PROGRESS;

	if (!en_may_lock())
		return EN_LOCKED;

	if (!IsolationUsesXactSnapshot())
		flags |= TUPLE_LOCK_FLAG_FIND_LAST_VERSION;
	result = table_tuple_lock(probe->rel, &probe->slot->tts_tid,
							  probe->snapshot, probe->slot,
							  GetCurrentCommandId(false), mode,
							  LockWaitBlock, flags, &tmfd);
	switch (result)
	{
		case TM_Ok:
		case TM_SelfModified:	/* updated by this very command: the caller
								 * judges the version in the slot */
			return EN_LOCKED;
		case TM_Updated:
		case TM_Deleted:
			if (IsolationUsesXactSnapshot())
				ereport(ERROR,
						(errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
						 errmsg("could not serialize access due to concurrent update")));
			if (result == TM_Deleted)
				return EN_GONE;
			elog(ERROR, "unexpected concurrent update of a locked row");
			break;
		case TM_Invisible:
			elog(ERROR, "attempted to lock invisible tuple");
			break;
		default:
			elog(ERROR, "unexpected table_tuple_lock status: %u", result);
			break;
	}
	return EN_GONE;				/* not reached */
}

/* Closes the probe (within a scope, keeps its table and index open). */
void
en_probe_close(EnProbe *probe)
{
	if (probe->cached != NULL)
	{
		OpenIndex  *o = (OpenIndex *) probe->cached;

		/* a scan under a registered snapshot does not outlive it */
		if (probe->registered && o->scan != NULL)
		{
			index_endscan(o->scan);
			o->scan = NULL;
		}
		o->in_use = false;
	}
	else
	{
		if (probe->scan != NULL)
			index_endscan(probe->scan);
		ExecDropSingleTupleTableSlot(probe->slot);
		/* the locks are kept to the end of the transaction */
		if (probe->idx != NULL)
			index_close(probe->idx, NoLock);
		table_close(probe->rel, NoLock);
	}
	if (probe->registered)
		UnregisterSnapshot(probe->snapshot);
	probe->scan = NULL;
}

/* A column of the row found: the column-th of the index's column list. */
Datum
en_probe_get(EnProbe *probe, int column, bool *isnull)
{
	if (column < 0 || column >= probe->index->ncolumns)
		elog(ERROR, "column %d is not read through \"%s\"", column,
			 probe->index->indexname);
	return slot_getattr(probe->slot, probe->index->attnums[column], isnull);
}

/* A bigint column of the row found; 0 when NULL. */
int64
en_probe_int64(EnProbe *probe, int column, bool *isnull)
{
	Datum		d = en_probe_get(probe, column, isnull);

	return *isnull ? 0 : DatumGetInt64(d);
}

/* A boolean column of the row found; false when NULL. */
bool
en_probe_bool(EnProbe *probe, int column)
{
	bool		isnull;
	Datum		d = en_probe_get(probe, column, &isnull);

	return !isnull && DatumGetBool(d);
}

/* A text column of the row found, or NULL; in the current context. */
char *
en_probe_text(EnProbe *probe, int column)
{
	bool		isnull;
	Datum		d = en_probe_get(probe, column, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

/* Whether a text column of the row found equals a value (NULL: no). */
bool
en_probe_text_is(EnProbe *probe, int column, const char *value)
{
	bool		isnull;
	Datum		d = en_probe_get(probe, column, &isnull);
	text	   *t;
	size_t		len = strlen(value);

	if (isnull)
		return false;
	t = DatumGetTextPP(d);
	return VARSIZE_ANY_EXHDR(t) == len &&
		memcmp(VARDATA_ANY(t), value, len) == 0;
}

/*
 * Whether rows may be locked: not in a read-only transaction (or on a
 * standby), where nothing can be written that a lock would protect.
 */
bool
en_may_lock(void)
{
	return !XactReadOnly && !RecoveryInProgress() && !en_scanning();
}

/*
 * Direct writes, for the process record: a new tuple, or a new version of
 * one this transaction has locked, with the entries of every index of the
 * table.  No trigger fires and no constraint is checked but the indexes'
 * uniqueness: the caller writes only values it made itself.
 */
static void
insert_index_entries(Relation heap, HeapTuple tuple, bool key_unchanged,
					 bool only_summarizing)
{
	List	   *indexes = RelationGetIndexList(heap);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(RelationGetDescr(heap),
													&TTSOpsHeapTuple);
	EState	   *estate = NULL;
	ListCell   *lc;

#if PG_VERSION_NUM < 160000
	Assert(!only_summarizing);	/* PostgreSQL 16 made summarizing indexes */
	(void) only_summarizing;
#endif
	ExecStoreHeapTuple(tuple, slot, false);
	foreach(lc, indexes)
	{
		Relation	idx = index_open(lfirst_oid(lc), RowExclusiveLock);
		IndexInfo  *info = BuildIndexInfo(idx);
		Datum		values[INDEX_MAX_KEYS];
		bool		isnull[INDEX_MAX_KEYS];

		/* as the executor: skip one being built concurrently */
		if (!info->ii_ReadyForInserts
#if PG_VERSION_NUM >= 160000
			|| (only_summarizing && !info->ii_Summarizing)
#endif
			)
		{
			index_close(idx, NoLock);
			continue;
		}
		if (info->ii_ExclusionOps != NULL || !idx->rd_index->indimmediate)
			elog(ERROR, "index \"%s\" of \"%s\" cannot be maintained by the extension",
				 RelationGetRelationName(idx), RelationGetRelationName(heap));
		if ((info->ii_Expressions != NIL || info->ii_Predicate != NIL) &&
			estate == NULL)
		{
			estate = CreateExecutorState();
			GetPerTupleExprContext(estate)->ecxt_scantuple = slot;
		}
		if (info->ii_Predicate != NIL &&
			!ExecQual(ExecPrepareQual(info->ii_Predicate, estate),
					  GetPerTupleExprContext(estate)))
		{
			index_close(idx, NoLock);
			continue;
		}
		FormIndexDatum(info, slot, estate, values, isnull);
		index_insert(idx, values, isnull, &tuple->t_self, heap,
					 idx->rd_index->indisunique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO,
					 key_unchanged, info);
		index_close(idx, NoLock);
	}
	if (estate != NULL)
		FreeExecutorState(estate);
	ExecDropSingleTupleTableSlot(slot);
	list_free(indexes);
}

/* Inserts a tuple into a table opened with RowExclusiveLock. */
void
en_direct_insert(Relation rel, HeapTuple tuple)
{
	CheckCmdReplicaIdentity(rel, CMD_INSERT);
	simple_heap_insert(rel, tuple);
	insert_index_entries(rel, tuple, false, false);
}

/*
 * Replaces the row a probe found and locked (LockTupleExclusive) by a new
 * version; the probe's table must be locked with RowExclusiveLock.
 */
void
en_direct_update(EnProbe *probe, HeapTuple tuple)
{
	/* as the executor: a published table needs its replica identity */
	CheckCmdReplicaIdentity(probe->rel, CMD_UPDATE);
#if PG_VERSION_NUM >= 160000
	{
		TU_UpdateIndexes update_indexes;

		simple_heap_update(probe->rel, &probe->slot->tts_tid, tuple,
						   &update_indexes);
		if (update_indexes != TU_None)
			insert_index_entries(probe->rel, tuple, true,
								 update_indexes == TU_Summarizing);
	}
#else
	simple_heap_update(probe->rel, &probe->slot->tts_tid, tuple);
	if (!HeapTupleIsHeapOnly(tuple))
		insert_index_entries(probe->rel, tuple, true, false);
#endif
	/* the row of the key is now the new version */
	remember(probe, &tuple->t_self);
}
