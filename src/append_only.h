/*-------------------------------------------------------------------------
 *
 * append_only.h
 *	  Records are never deleted or truncated, and columns fixed once
 *	  written never change (EN501, REC-2).
 *
 * Layer 2.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_APPEND_ONLY_H
#define EN_APPEND_ONLY_H

#include "access/htup.h"
#include "relinfo.h"
#include "report.h"

struct TruncateStmt;

extern void en_fixed_verdicts(EnVerdicts *v, EnRelInfo *info, Relation rel,
							  HeapTuple oldtup, HeapTuple newtup,
							  const int64 *row_id, bool closed);
extern bool en_column_changed(HeapTuple oldtup, HeapTuple newtup,
							  TupleDesc desc, AttrNumber attnum);
extern void en_check_truncate(struct TruncateStmt *stmt);

#endif							/* EN_APPEND_ONLY_H */
