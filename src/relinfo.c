/*-------------------------------------------------------------------------
 *
 * relinfo.c
 *	  Per-relation descriptors of the declared tables.
 *
 * Every trigger of the extension starts from its table's descriptor: the
 * attribute numbers of its id and agency, where the agency comes from
 * (the row itself, or the row it belongs to), its private columns, the
 * columns that may change after insert, and its fixed vocabularies.  The
 * descriptor is read once per backend from the catalog of declared tables
 * (enforcement.declared_tables and enforcement.vocabularies, written by
 * declare_table()) and built again after any change to the table, which
 * a relcache invalidation announces.  A descriptor replaced while in use
 * stays readable to the end of the transaction.
 *
 * Layer 1: uses only the probes of layer 0.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "relinfo.h"
#include "schema.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

typedef struct RelInfoEntry
{
	Oid			relid;			/* hash key */
	EnRelInfo  *info;
} RelInfoEntry;

static HTAB *relinfo_hash = NULL;
static List *retired = NIL;		/* contexts of replaced descriptors */
static bool callbacks_registered = false;

static const char *const declared_columns[] = {
	"kind", "agency_column", "parent_table", "parent_column",
	"private_columns", "mutable_columns", "strict"
};
enum
{
	D_KIND, D_AGENCY, D_PARENT, D_PARENT_COLUMN, D_PRIVATE, D_MUTABLE,
	D_STRICT
};
static EnIndex declared_pkey =
EN_INDEX("declared_tables", "declared_tables_pkey", declared_columns);

static const char *const column_rule_columns[] = {"column_name", "kind"};
static EnIndex declared_columns_pkey =
EN_INDEX("declared_columns", "declared_columns_pkey", column_rule_columns);

static const char *const vocabulary_columns[] = {"column_name", "terms"};
static EnIndex vocabularies_pkey =
EN_INDEX("vocabularies", "vocabularies_pkey", vocabulary_columns);

/*
 * The rows an agency can come from: a row of one of these tables, by its
 * id, carries the agency of the rows that belong to it.  A table declared
 * with a parent must be one of them.
 */
static const char *const agency_column[] = {"agency_id"};
static EnIndex parent_keys[] = {
	EN_INDEX("officers", "officers_pkey", agency_column),
	EN_INDEX("inspection_plans", "inspection_plans_pkey", agency_column),
	EN_INDEX("inspections", "inspections_pkey", agency_column),
	EN_INDEX("certificates", "certificates_pkey", agency_column),
	EN_INDEX("cases", "cases_pkey", agency_column),
	EN_INDEX("decisions", "decisions_pkey", agency_column),
};

/* Whether rows of a table can give their agency to the rows below them. */
bool
en_relinfo_is_parent(const char *relname)
{
	for (size_t i = 0; i < lengthof(parent_keys); i++)
		if (strcmp(parent_keys[i].relname, relname) == 0)
			return true;
	return false;
}

/* Marks descriptors stale after a change to their tables. */
static void
relation_changed(Datum arg pg_attribute_unused(), Oid relid)
{
	HASH_SEQ_STATUS status;
	RelInfoEntry *entry;

	if (relinfo_hash == NULL)
		return;
	if (OidIsValid(relid))
	{
		entry = hash_search(relinfo_hash, &relid, HASH_FIND, NULL);
		if (entry != NULL && entry->info != NULL)
			entry->info->valid = false;
		return;
	}
	hash_seq_init(&status, relinfo_hash);
	while ((entry = hash_seq_search(&status)) != NULL)
		if (entry->info != NULL)
			entry->info->valid = false;
}

/* Frees the replaced descriptors once no trigger can hold them. */
static void
xact_ended(XactEvent event, void *arg pg_attribute_unused())
{
	ListCell   *lc;

	if (event != XACT_EVENT_COMMIT && event != XACT_EVENT_ABORT &&
		event != XACT_EVENT_PARALLEL_COMMIT &&
		event != XACT_EVENT_PARALLEL_ABORT && event != XACT_EVENT_PREPARE)
		return;
	foreach(lc, retired)
		MemoryContextDelete((MemoryContext) lfirst(lc));
	list_free(retired);
	retired = NIL;
}

/* A text[] column of the probe's row as C strings, in the current context. */
static int
text_array(EnProbe *probe, int column, const char ***out)
{
	bool		isnull;
	Datum		d = en_probe_get(probe, column, &isnull);
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	*out = NULL;
	if (isnull)
		return -1;
	deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	*out = palloc(sizeof(char *) * Max(n, 1));
	for (int i = 0; i < n; i++)
		(*out)[i] = nulls[i] ? "" : TextDatumGetCString(elems[i]);
	return n;
}

/* A name column of the probe's row, or NULL. */
static const char *
name_column(EnProbe *probe, int column)
{
	bool		isnull;
	Datum		d = en_probe_get(probe, column, &isnull);

	return isnull ? NULL : pstrdup(NameStr(*DatumGetName(d)));
}

/* The attribute number of a column, or an error naming the table. */
static AttrNumber
column_attnum(Relation rel, const char *column)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), column) == 0)
			return att->attnum;
	}
	elog(ERROR, "declared column \"%s\" of table \"%s\" does not exist",
		 column, RelationGetRelationName(rel));
	return InvalidAttrNumber;	/* not reached */
}

/* The attribute number of a column, or 0 if the table has none. */
static AttrNumber
column_attnum_if_exists(Relation rel, const char *column)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), column) == 0)
			return att->attnum;
	}
	return InvalidAttrNumber;
}

/* The joined list of names, for messages. */
static const char *
join(const char **names, int n)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "", names[i]);
	return buf.data;
}

static EnTableKind
table_kind(const char *kind)
{
	if (strcmp(kind, "records") == 0)
		return EN_TABLE_RECORDS;
	if (strcmp(kind, "log") == 0)
		return EN_TABLE_LOG;
	if (strcmp(kind, "secret") == 0)
		return EN_TABLE_SECRET;
	if (strcmp(kind, "catalog") == 0)
		return EN_TABLE_CATALOG;
	elog(ERROR, "unknown kind of declared table \"%s\"", kind);
	return EN_TABLE_RECORDS;	/* not reached */
}

/* Reads the vocabularies of a table into its descriptor. */
static void
load_vocabularies(EnRelInfo *info, Relation rel, Snapshot snapshot,
				  NameData *key)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, NameGetDatum(key))};
	List	   *found = NIL;
	ListCell   *lc;
	int			i = 0;

	en_probe_open(&probe, &vocabularies_pkey, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		EnVocab    *v = palloc0(sizeof(EnVocab));

		v->column = name_column(&probe, 0);
		v->attnum = column_attnum(rel, v->column);
		v->constraint = psprintf("%s_%s_check", info->name, v->column);
		v->nterms = text_array(&probe, 1, &v->terms);
		if (v->nterms < 0)
			v->nterms = 0;
		v->list = join(v->terms, v->nterms);
		found = lappend(found, v);
	}
	en_probe_close(&probe);
	info->nvocab = list_length(found);
	info->vocab = palloc(sizeof(EnVocab) * Max(info->nvocab, 1));
	foreach(lc, found)
		info->vocab[i++] = *(EnVocab *) lfirst(lc);
}

/*
 * Reads the columns with a rule of their own (set once; the date of an
 * act) and the table's date columns into its descriptor.  The catalog of
 * them exists since 1.4; before, a table has none.
 */
static void
load_columns(EnRelInfo *info, Relation rel, Snapshot snapshot, NameData *key)
{
	TupleDesc	desc = RelationGetDescr(rel);
	EnKey		keys[] = {EN_EQ(1, NameGetDatum(key))};
	EnProbe		probe;
	List	   *once = NIL;

	info->once_att = palloc0(sizeof(bool) * Max(desc->natts, 1));
	info->act_att = palloc0(sizeof(bool) * Max(desc->natts, 1));
	info->date_atts = palloc(sizeof(AttrNumber) * Max(desc->natts, 1));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && att->atttypid == DATEOID)
			info->date_atts[info->ndates++] = att->attnum;
	}
	if (!OidIsValid(en_relid_if_exists("declared_columns")))
	{
		info->outdated = true;
		return;
	}
	en_probe_open(&probe, &declared_columns_pkey, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		AttrNumber	attnum = column_attnum(rel, name_column(&probe, 0));

		if (en_probe_text_is(&probe, 1, "once"))
		{
			info->once_att[attnum - 1] = true;
			once = lappend(once, NameStr(TupleDescAttr(desc, attnum - 1)->attname));
		}
		else
			info->act_att[attnum - 1] = true;
	}
	en_probe_close(&probe);
	if (once != NIL)
	{
		StringInfoData buf;
		ListCell   *lc;

		initStringInfo(&buf);
		appendStringInfo(&buf, "%s; set once: ", info->mutable_list);
		foreach(lc, once)
			appendStringInfo(&buf, "%s%s", lc == list_head(once) ? "" : ", ",
							 (const char *) lfirst(lc));
		info->mutable_list = buf.data;
	}
}

/* Builds the descriptor of a relation; NULL if it is not declared. */
static EnRelInfo *
build(Relation rel)
{
	MemoryContext cxt;
	MemoryContext old;
	EnRelInfo  *info;
	EnProbe		probe;
	NameData	key;
	EnKey		keys[1];
	Snapshot	snapshot;
	bool		found;
	const char *agency;
	const char *parent;
	const char **names;
	int			n;

	if (RelationGetNamespace(rel) != en_namespace() ||
		!OidIsValid(en_relid_if_exists("declared_tables")))
		return NULL;

	cxt = AllocSetContextCreate(CacheMemoryContext, "enforcement relinfo",
								ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(cxt);
	info = palloc0(sizeof(EnRelInfo));
	info->relid = RelationGetRelid(rel);
	info->cxt = cxt;
	info->name = pstrdup(RelationGetRelationName(rel));

	snapshot = en_read_snapshot();
	namestrcpy(&key, info->name);
	keys[0] = (EnKey) EN_EQ(1, NameGetDatum(&key));
	en_probe_open(&probe, &declared_pkey, snapshot, false);
	en_probe_keys(&probe, 1, keys);
	found = en_probe_next(&probe);
	if (found)
	{
		info->kind = table_kind(en_probe_text(&probe, D_KIND));
		info->strict = en_probe_bool(&probe, D_STRICT);
		agency = name_column(&probe, D_AGENCY);
		parent = name_column(&probe, D_PARENT);
		info->id_att = column_attnum_if_exists(rel, "id");
		if (agency != NULL)
			info->agency_att = column_attnum(rel, agency);
		if (parent != NULL)
		{
			for (size_t i = 0; i < lengthof(parent_keys); i++)
				if (strcmp(parent_keys[i].relname, parent) == 0)
					info->parent = &parent_keys[i];
			if (info->parent == NULL)
				elog(ERROR, "table \"%s\" cannot give its agency", parent);
			info->parent_name = parent;
			info->parent_att = column_attnum(rel,
											 name_column(&probe, D_PARENT_COLUMN));
		}
		n = text_array(&probe, D_PRIVATE, &names);
		info->nprivate = Max(n, 0);
		info->private_atts = palloc(sizeof(AttrNumber) * Max(n, 1));
		for (int i = 0; i < n; i++)
			info->private_atts[i] = column_attnum(rel, names[i]);
		n = text_array(&probe, D_MUTABLE, &names);
		info->all_mutable = n < 0;
		info->mutable_att = palloc0(sizeof(bool) *
									Max(RelationGetDescr(rel)->natts, 1));
		if (n >= 0)
		{
			for (int i = 0; i < n; i++)
				info->mutable_att[column_attnum(rel, names[i]) - 1] = true;
			info->mutable_list = n > 0 ? join(names, n) : "none";
		}
		else
			info->mutable_list = "all but the id and the agency";
	}
	en_probe_close(&probe);
	if (found)
	{
		load_vocabularies(info, rel, snapshot, &key);
		load_columns(info, rel, snapshot, &key);
	}
	MemoryContextSwitchTo(old);
	if (!found)
	{
		MemoryContextDelete(cxt);
		return NULL;
	}
	info->valid = true;
	return info;
}

/* The descriptor of a relation, or NULL if it is not a declared table. */
EnRelInfo *
en_relinfo_if_declared(Relation rel)
{
	Oid			relid = RelationGetRelid(rel);
	RelInfoEntry *entry;
	bool		found;

	if (relinfo_hash == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(RelInfoEntry);
		relinfo_hash = hash_create("enforcement relinfo", 64, &ctl,
								   HASH_ELEM | HASH_BLOBS);
	}
	if (!callbacks_registered)
	{
		CacheRegisterRelcacheCallback(relation_changed, (Datum) 0);
		RegisterXactCallback(xact_ended, NULL);
		callbacks_registered = true;
	}
	entry = hash_search(relinfo_hash, &relid, HASH_ENTER, &found);
	if (!found)
		entry->info = NULL;
	if (entry->info == NULL || !entry->info->valid)
	{
		EnRelInfo  *info = build(rel);

		/* build() may have seen invalidations: find the entry again */
		entry = hash_search(relinfo_hash, &relid, HASH_ENTER, &found);
		if (found && entry->info != NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			retired = lappend(retired, entry->info->cxt);
			MemoryContextSwitchTo(old);
		}
		entry->info = info;
	}
	return entry->info;
}

/* The descriptor of a declared table; an error for any other table. */
EnRelInfo *
en_relinfo(Relation rel)
{
	EnRelInfo  *info = en_relinfo_if_declared(rel);

	if ((info == NULL && !OidIsValid(en_relid_if_exists("declared_tables"))) ||
		(info != NULL && info->outdated && !creating_extension))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the extension's objects are older than its library"),
				 errdetail("Table \"%s\" belongs to a version of the extension that the installed library no longer runs.",
						   RelationGetRelationName(rel)),
				 errhint("Run ALTER EXTENSION enforcement UPDATE.")));
	if (info == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("table \"%s\" is not a declared enforcement table",
						RelationGetRelationName(rel)),
				 errhint("The extension's triggers run only on the tables listed in enforcement.declared_tables.")));
	return info;
}

/*
 * The attribute numbers of the named columns of a declared table, kept in
 * its descriptor; names is the caller's static list, the key.
 */
const AttrNumber *
en_relinfo_columns(EnRelInfo *info, Relation rel, const char *const *names,
				   int n)
{
	EnColumnMap *map;
	MemoryContext old;

	for (map = info->maps; map != NULL; map = map->next)
		if (map->names == names)
			return map->attnums;
	old = MemoryContextSwitchTo(info->cxt);
	map = palloc(sizeof(EnColumnMap));
	map->names = names;
	map->attnums = palloc(sizeof(AttrNumber) * Max(n, 1));
	for (int i = 0; i < n; i++)
		map->attnums[i] = column_attnum(rel, names[i]);
	map->next = info->maps;
	info->maps = map;
	MemoryContextSwitchTo(old);
	return map->attnums;
}
