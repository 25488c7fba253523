/*-------------------------------------------------------------------------
 *
 * relinfo.h
 *	  The descriptor of each declared table, kept per backend.
 *
 * Layer 1.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_RELINFO_H
#define EN_RELINFO_H

#include "probe.h"
#include "utils/relcache.h"

/* What a declared table is (enforcement.declared_tables.kind). */
typedef enum EnTableKind
{
	EN_TABLE_RECORDS,			/* enforcement data: recorded, scoped */
	EN_TABLE_LOG,				/* the process record itself */
	EN_TABLE_SECRET,			/* the installation's keys */
	EN_TABLE_CATALOG			/* the extension's own description */
} EnTableKind;

/* A column with a fixed vocabulary. */
typedef struct EnVocab
{
	AttrNumber	attnum;
	const char *column;
	const char *constraint;		/* <table>_<column>_check */
	int			nterms;
	const char **terms;
	const char *list;			/* "a, b, c", for the message */
} EnVocab;

/* The columns a trigger reads, resolved once per descriptor. */
typedef struct EnColumnMap
{
	const char *const *names;	/* the key: the trigger's own list */
	AttrNumber *attnums;
	struct EnColumnMap *next;
} EnColumnMap;

typedef struct EnRelInfo
{
	Oid			relid;
	bool		valid;
	MemoryContext cxt;
	const char *name;
	EnTableKind kind;
	bool		strict;			/* refusals hold in warn mode */
	AttrNumber	id_att;			/* "id", or 0 */
	AttrNumber	agency_att;		/* the row's agency, or 0 */
	EnIndex    *parent;			/* the agency comes from this row, or NULL */
	const char *parent_name;
	AttrNumber	parent_att;		/* the column naming that row */
	int			nprivate;
	AttrNumber *private_atts;
	bool		all_mutable;
	bool	   *mutable_att;	/* by attnum - 1, unless all_mutable */
	const char *mutable_list;	/* for the message */
	bool	   *once_att;		/* by attnum - 1: set once, then fixed */
	bool	   *act_att;		/* by attnum - 1: the date of an act */
	bool		outdated;		/* objects of a version before 1.4 */
	int			ndates;
	AttrNumber *date_atts;		/* every date column */
	int			nvocab;
	EnVocab    *vocab;
	EnColumnMap *maps;
} EnRelInfo;

extern bool en_relinfo_is_parent(const char *relname);
extern EnRelInfo *en_relinfo(Relation rel);
extern EnRelInfo *en_relinfo_if_declared(Relation rel);
extern const AttrNumber *en_relinfo_columns(EnRelInfo *info, Relation rel,
											const char *const *names,
											int n);

#endif							/* EN_RELINFO_H */
