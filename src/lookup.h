/*-------------------------------------------------------------------------
 *
 * lookup.h
 *	  Queries run as the extension's owner, with kept plans, a pinned
 *	  search_path, and results copied into the caller's memory.
 *
 * Layer 0: depends on nothing else of the extension.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_LOOKUP_H
#define EN_LOOKUP_H

#include "executor/spi.h"

/*
 * A query, prepared on first use and kept for the backend's life.  Its
 * text names every object with its schema: it runs as the owner.
 */
typedef struct EnQuery
{
	const char *sql;
	int			nargs;
	const Oid  *argtypes;
	SPIPlanPtr	plan;
} EnQuery;

/*
 * Defines a kept query and its argument types, as many as it has:
 * EN_QUERY(name, "... $1 ...", INT8OID);
 */
#define EN_QUERY(name, sql, ...) \
	static const Oid name##_argtypes[] = {__VA_ARGS__}; \
	static EnQuery name = {(sql), lengthof(name##_argtypes), \
						   name##_argtypes, NULL}
#define EN_QUERY0(name, sql) \
	static EnQuery name = {(sql), 0, NULL, NULL}

/* en_run() flags */
#define EN_READ_ONLY		0x01	/* under the statement's own snapshot */
#define EN_LATEST			0x02	/* sees rows committed after our snapshot */

/*
 * One connection to SPI, opened on the first query and closed by
 * en_lookup_end().  Between queries the caller's own memory context is
 * current, and every result it takes is copied into that context, so no
 * value outlives the connection by mistake.
 */
typedef struct EnLookup
{
	MemoryContext caller_cxt;
	bool		connected;
	Oid			save_userid;
	int			save_sec_context;
	int			guc_level;
	SPITupleTable *result;
	uint64		nrows;
} EnLookup;

extern void en_lookup_begin(EnLookup *lk);
extern uint64 en_run(EnLookup *lk, EnQuery *query, const Datum *args,
					 const bool *nulls, long limit, int flags);
extern void en_run_ddl(EnLookup *lk, const char *sql);
extern Portal en_cursor_open(EnLookup *lk, EnQuery *query, const Datum *args,
							 const bool *nulls);
extern uint64 en_cursor_fetch(EnLookup *lk, Portal portal, long count);
extern void en_cursor_close(EnLookup *lk, Portal portal);
extern void en_lookup_end(EnLookup *lk);

extern Datum en_result(EnLookup *lk, uint64 row, int col, bool *isnull);
extern int64 en_result_int64(EnLookup *lk, uint64 row, int col, bool *isnull);
extern bool en_result_bool(EnLookup *lk, uint64 row, int col);
extern char *en_result_text(EnLookup *lk, uint64 row, int col);


#endif							/* EN_LOOKUP_H */
