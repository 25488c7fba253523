/*-------------------------------------------------------------------------
 *
 * probe.h
 *	  Direct index probes: read, and lock, the few rows a rule relies on
 *	  without planning or executing a query.
 *
 * Layer 0: depends on nothing else of the extension.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_PROBE_H
#define EN_PROBE_H

#include "access/genam.h"
#include "access/skey.h"
#include "access/tableam.h"
#include "executor/tuptable.h"
#include "nodes/lockoptions.h"
#include "utils/snapshot.h"

#define EN_INDEX_MAX_COLS 4
#define EN_PROBE_MAX_COLUMNS 24

/*
 * An index of a table of the schema "enforcement", named once and
 * resolved on first use (again after any change to the table).
 */
typedef struct EnIndex
{
	const char *relname;
	const char *indexname;
	const char *const *columns; /* the table's columns a probe reads */
	int			ncolumns;
	/* resolved: */
	bool		resolved;
	Oid			relid;
	Oid			indexid;
	int			ncols;
	Oid			opfamily[EN_INDEX_MAX_COLS];
	Oid			opcintype[EN_INDEX_MAX_COLS];
	Oid			collation[EN_INDEX_MAX_COLS];
	RegProcedure procs[EN_INDEX_MAX_COLS][BTMaxStrategyNumber];
	AttrNumber	attnums[EN_PROBE_MAX_COLUMNS];
	/* a unique btree index of integer or text keys: rows found are remembered */
	bool		tid_cacheable;
	AttrNumber	keyattnums[EN_INDEX_MAX_COLS];
	bool		keytext[EN_INDEX_MAX_COLS]; /* text: equal when the bytes are */
	struct EnTidEntry *tids;
	struct EnIndex *next;
} EnIndex;

/*
 * An index and the columns its probes read, by position in the list:
 * EN_INDEX("officers", "officers_pkey", officer_columns).
 */
#define EN_INDEX(rel, index, cols) \
	{.relname = (rel), .indexname = (index), .columns = (cols), \
	 .ncolumns = lengthof(cols)}

/* One condition on an index column (1-based). */
typedef struct EnKey
{
	AttrNumber	col;
	StrategyNumber strategy;
	Datum		value;
	bool		isnull;			/* "IS NULL" */
} EnKey;

#define EN_EQ(col, value)	{(col), BTEqualStrategyNumber, (value), false}
#define EN_GE(col, value)	{(col), BTGreaterEqualStrategyNumber, (value), false}
#define EN_LT(col, value)	{(col), BTLessStrategyNumber, (value), false}
#define EN_LE(col, value)	{(col), BTLessEqualStrategyNumber, (value), false}
#define EN_NULL(col)		{(col), BTEqualStrategyNumber, (Datum) 0, true}

/* An open probe of one index. */
typedef struct EnProbe
{
	EnIndex    *index;
	Relation	rel;
	Relation	idx;
	IndexScanDesc scan;
	TupleTableSlot *slot;
	Snapshot	snapshot;
	bool		registered;		/* snapshot registered by the probe */
	void	   *cached;			/* kept open by the scope, or NULL */
	/* a probe of a whole unique key: where the row was found last */
	int			tid_state;
	bool		keyed;
	uint32		keyhash;
	ItemPointerData tid;
	/* set by en_probe_keys() (en_probe_open() clears what is above) */
	int			nkeys;
	Datum		key[EN_INDEX_MAX_COLS];
	/* the conditions, for a scan started only when needed */
	EnKey		keys[EN_INDEX_MAX_COLS * 2];
} EnProbe;

/* en_probe_lock() results */
typedef enum EnLockResult
{
	EN_LOCKED,					/* locked; the slot holds the newest version */
	EN_GONE						/* deleted meanwhile (READ COMMITTED) */
} EnLockResult;

extern void en_probe_scope_begin(void);
extern void en_probe_scope_end(void);
extern Snapshot en_read_snapshot(void);
extern Snapshot en_snapshot_begin(void);
extern void en_snapshot_end(void);

extern void en_probe_open(EnProbe *probe, EnIndex *index, Snapshot snapshot,
						  bool for_lock);
extern void en_probe_open_latest(EnProbe *probe, EnIndex *index);
extern void en_probe_keys(EnProbe *probe, int nkeys, const EnKey *keys);
extern bool en_probe_next(EnProbe *probe);
extern EnLockResult en_probe_lock(EnProbe *probe, LockTupleMode mode);
extern void en_probe_close(EnProbe *probe);

extern Datum en_probe_get(EnProbe *probe, int column, bool *isnull);
extern int64 en_probe_int64(EnProbe *probe, int column, bool *isnull);
extern bool en_probe_bool(EnProbe *probe, int column);
extern char *en_probe_text(EnProbe *probe, int column);
extern bool en_probe_text_is(EnProbe *probe, int column, const char *value);

extern Oid	en_index_relid(EnIndex *index);
extern void en_direct_insert(Relation rel, HeapTuple tuple);
extern void en_direct_update(EnProbe *probe, HeapTuple tuple);
extern bool en_may_lock(void);

#endif							/* EN_PROBE_H */
