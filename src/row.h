/*-------------------------------------------------------------------------
 *
 * row.h
 *	  The frame of every BEFORE INSERT OR UPDATE trigger of a declared
 *	  table: protocol, vocabulary, agency, scope, fixed columns, verdicts.
 *
 * Layer 3.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_ROW_H
#define EN_ROW_H

#include "commands/trigger.h"
#include "fmgr.h"
#include "relinfo.h"
#include "report.h"
#include "utils/snapshot.h"

typedef struct EnRow
{
	TriggerData *trigdata;
	Relation	rel;
	TupleDesc	desc;
	EnRelInfo  *info;
	bool		insert;			/* else an UPDATE */
	HeapTuple	oldtup;			/* UPDATE only */
	HeapTuple	newtup;			/* the row as it will be written */
	bool		has_id;
	int64		id;
	bool		has_agency;
	int64		agency;
	bool		judged;			/* rules apply (not an extension script) */
	bool		closed;			/* a closed record (EN309), set before
								 * en_row_scope() */
	Snapshot	snapshot;		/* of the probes, once taken */
	bool		scoped;			/* in a probe scope (probe.c) */
	EnVerdicts	verdicts;
	/* columns to fill in once the verdicts are settled */
	int			nset;
	int			set_att[8];
	Datum		set_value[8];
	bool		set_null[8];
} EnRow;

/* A list of ids read from a bigint[] column (en_row_id_list()). */
typedef struct EnIdList
{
	int64	   *ids;			/* as named, in order */
	int			n;
	int			n_distinct;
} EnIdList;

extern void en_row_begin(FunctionCallInfo fcinfo, const char *funcname,
						 EnRow *row);
extern void en_row_scope(EnRow *row);
extern Snapshot en_row_snapshot(EnRow *row);
extern Datum en_row_get(EnRow *row, AttrNumber attnum, bool *isnull);
extern Datum en_row_old(EnRow *row, AttrNumber attnum, bool *isnull);
extern bool en_row_changed(EnRow *row, AttrNumber attnum);
extern char *en_row_text(EnRow *row, AttrNumber attnum);
extern void en_row_set(EnRow *row, AttrNumber attnum, Datum value, bool isnull);
extern const int64 *en_row_id(EnRow *row);
extern void en_row_id_list(EnRow *row, AttrNumber attnum, int max,
						   EnIdList *list);
extern bool en_id_list_named_before(const EnIdList *list, int i);
extern bool en_id_list_has(const EnIdList *list, int64 id);
extern Datum en_row_end(EnRow *row);
extern TriggerData *en_after_row(FunctionCallInfo fcinfo, const char *funcname,
								 bool on_insert, bool on_update);

#endif							/* EN_ROW_H */
