/*-------------------------------------------------------------------------
 *
 * record.c
 *	  The process record (执法全过程记录): an append-only, hash-chained
 *	  log of every INSERT and UPDATE of an enforcement table (REC-1, REC-3).
 *
 * Each entry holds the table, the operation, the row's id, the row as
 * jsonb, the acting role, the transaction and the time, and
 *
 *		hash = SHA-256(prev_hash || canonical(entry))
 *
 * where prev_hash is the hash of the previous entry of the same chain.
 * There is one chain per agency (chain 0 for tables without one), so that
 * writers for different agencies do not queue on one row: a writer locks
 * only its chain's head in enforcement.chain_heads.  verify_process_log()
 * walks every chain and recomputes it; chain_head() condenses all heads
 * into one hash that can be published outside the database.
 *
 * Entries' seq values carry the installation's node id in their high
 * bits, like every other id (ids.c), so that two installations' records
 * brought together never collide.  Private columns (the complainant) are
 * recorded as an HMAC under the installation's "record" key.  The row's
 * agency and private columns come from its table's descriptor (relinfo.c).
 *
 * A restored row (mode.c: loaded by COPY FROM in a restore session) is
 * not appended: the dump brings the record back as it was, and the log's
 * own tables take restored rows only.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "ids.h"
#include "lookup.h"
#include "mode.h"
#include "probe.h"
#include "record.h"
#include "relinfo.h"
#include "report.h"
#include "schema.h"
#include "violations.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/transam.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "commands/sequence.h"
#include "common/cryptohash.h"
#include "common/hmac.h"
#include "common/sha2.h"
#include "fmgr.h"
#include "access/genam.h"
#include "catalog/pg_index.h"
#include "utils/hsearch.h"
#include "utils/relcache.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(en_record_row);
PG_FUNCTION_INFO_V1(en_verify_process_log);
PG_FUNCTION_INFO_V1(en_chain_head);
PG_FUNCTION_INFO_V1(en_protect_record);
PG_FUNCTION_INFO_V1(en_restoring_sql);
PG_FUNCTION_INFO_V1(en_verify_rows);

#define HASH_LEN PG_SHA256_DIGEST_LENGTH

/* Set while this file writes the record, so its own writes pass. */
static int	writing_record = 0;

/* Whether the process record is being written by this file. */
bool
en_writing_record(void)
{
	return writing_record > 0;
}

static void
put_int64(StringInfo buf, int64 value)
{
	uint64		v = (uint64) value;
	unsigned char bytes[8];

	for (int i = 7; i >= 0; i--)
	{
		bytes[i] = (unsigned char) (v & 0xff);
		v >>= 8;
	}
	appendBinaryStringInfo(buf, (char *) bytes, 8);
}

static void
put_text(StringInfo buf, const char *s)
{
	if (s == NULL)
	{
		put_int64(buf, -1);
		return;
	}
	put_int64(buf, (int64) strlen(s));
	appendBinaryStringInfo(buf, s, strlen(s));
}

/* The entry's fields, length-prefixed so no two entries encode alike. */
static void
canonical_entry(StringInfo buf, int64 seq, int64 chain, TimestampTz logged_at,
				int64 txid, const char *db_user, const char *table_name,
				const char *operation, const int64 *row_id, Jsonb *row_data)
{
	StringInfoData json;

	put_text(buf, "enforcement.process_log/1");
	put_int64(buf, seq);
	put_int64(buf, chain);
	put_int64(buf, (int64) logged_at);
	put_int64(buf, txid);
	put_text(buf, db_user);
	put_text(buf, table_name);
	put_text(buf, operation);
	if (row_id)
	{
		put_int64(buf, 1);
		put_int64(buf, *row_id);
	}
	else
		put_int64(buf, 0);
	initStringInfo(&json);
	JsonbToCString(&json, &row_data->root, VARSIZE(row_data));
	put_text(buf, json.data);
	pfree(json.data);
}

/* SHA-256 of prev_hash followed by data, into out (HASH_LEN bytes). */
static void
chain_hash(const uint8 *prev_hash, const char *data, size_t len, uint8 *out)
{
	pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);

	if (ctx == NULL ||
		pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, prev_hash, HASH_LEN) < 0 ||
		pg_cryptohash_update(ctx, (const uint8 *) data, len) < 0 ||
		pg_cryptohash_final(ctx, out, HASH_LEN) < 0)
		elog(ERROR, "could not compute SHA-256 hash");
	pg_cryptohash_free(ctx);
}

static bytea *
to_bytea(const uint8 *bytes, size_t len)
{
	bytea	   *b = palloc(VARHDRSZ + len);

	SET_VARSIZE(b, VARHDRSZ + len);
	memcpy(VARDATA(b), bytes, len);
	return b;
}

/* The head of a chain, by the chain: its hash is read. */
static const char *const head_columns[] = {"hash"};
static EnIndex heads_pkey = EN_INDEX("chain_heads", "chain_heads_pkey",
									 head_columns);

/*
 * A row of one of the record's own tables, from the values of the columns
 * named (and, for a new version, the other columns of the old one), found
 * by name: the tables' descriptors (relinfo.c) do not exist yet while the
 * update scripts of older versions append entries.  No default is
 * evaluated and no CHECK constraint: a column renamed or retyped, or a new
 * one that is NOT NULL, has a default or is generated, is an error here,
 * not a silent NULL.
 */
static HeapTuple
record_row(Relation rel, HeapTuple old, int n, const char *const *names,
		   const Oid *types, const Datum *values, const bool *nulls)
{
	TupleDesc	desc = RelationGetDescr(rel);
	Datum	   *v = palloc0(sizeof(Datum) * desc->natts);
	bool	   *isnull = palloc(sizeof(bool) * desc->natts);
	int			found = 0;

	if (old != NULL)
		heap_deform_tuple(old, desc, v, isnull);
	else
		memset(isnull, true, sizeof(bool) * desc->natts);
	for (int a = 0; a < desc->natts; a++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, a);
		bool		named = false;

		if (att->attisdropped)
			continue;
		for (int i = 0; i < n && !named; i++)
		{
			if (strcmp(NameStr(att->attname), names[i]) != 0)
				continue;
			if (att->atttypid != types[i])
				elog(ERROR, "column \"%s\" of \"%s\" is not of the record's type",
					 names[i], RelationGetRelationName(rel));
			v[a] = values[i];
			isnull[a] = nulls[i];
			named = true;
			found++;
		}
		if (!named && old == NULL &&
			(att->attnotnull || att->atthasdef || att->attgenerated))
			elog(ERROR, "column \"%s\" of \"%s\" is not one the record writes",
				 NameStr(att->attname), RelationGetRelationName(rel));
	}
	if (found != n)
		elog(ERROR, "table \"%s\" lacks a column of the record",
			 RelationGetRelationName(rel));
	return heap_form_tuple(desc, v, isnull);
}

/*
 * Appends one entry to a chain: locks the chain's head (the newest version
 * of it, waiting for a concurrent append), writes the entry and the new
 * head directly, without a query or a trigger, and makes both visible to
 * the next append of this transaction.
 */
static void
append_entry(EnLookup *lk, int64 chain, const char *table_name,
			 const char *operation, const int64 *row_id, Jsonb *row_data)
{
	EN_QUERY(new_head, "INSERT INTO enforcement.chain_heads (chain, seq, hash) "
		"VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING",
		INT8OID, BYTEAOID);
	static const char *const log_names[] = {
		"seq", "chain", "logged_at", "txid", "db_user", "table_name",
		"operation", "row_id", "row_data", "prev_hash", "hash"
	};
	static const Oid log_types[] = {
		INT8OID, INT8OID, TIMESTAMPTZOID, INT8OID, TEXTOID, TEXTOID,
		TEXTOID, INT8OID, JSONBOID, BYTEAOID, BYTEAOID
	};
	static const char *const head_names[] = {"seq", "hash"};
	static const Oid head_types[] = {INT8OID, BYTEAOID};
	uint8		zero[HASH_LEN] = {0};
	uint8		prev[HASH_LEN];
	uint8		hash[HASH_LEN];
	Datum		args[11];
	bool		nulls[11] = {false};
	bool		isnull;
	int64		seq;
	TimestampTz logged_at = GetCurrentTimestamp();
	int64		txid = (int64) U64FromFullTransactionId(GetTopFullTransactionId());
	char	   *db_user = GetUserNameFromId(GetOuterUserId(), false);
	StringInfoData entry;
	bytea	   *prev_b;
	Relation	log;
	EnProbe		probe;
	EnKey		key[] = {EN_EQ(1, Int64GetDatum(chain))};
	bool		found;

	/* the head is updated: the table locked as UPDATE locks it */
	LockRelationOid(en_index_relid(&heads_pkey), RowExclusiveLock);
	en_probe_open_latest(&probe, &heads_pkey);
	en_probe_keys(&probe, lengthof(key), key);
	found = en_probe_next(&probe);
	if (!found)
	{
		/* the chain's first entry: its head starts from zeros */
		en_probe_close(&probe);
		args[0] = Int64GetDatum(chain);
		args[1] = PointerGetDatum(to_bytea(zero, HASH_LEN));
		en_run(lk, &new_head, args, NULL, 0, EN_LATEST);
		CommandCounterIncrement();
		en_probe_open_latest(&probe, &heads_pkey);
		en_probe_keys(&probe, lengthof(key), key);
		found = en_probe_next(&probe);
	}
	if (!found || en_probe_lock(&probe, LockTupleExclusive) != EN_LOCKED)
		elog(ERROR, "could not lock the head of chain " INT64_FORMAT, chain);
	prev_b = DatumGetByteaPP(en_probe_get(&probe, 0, &isnull));
	if (isnull || VARSIZE_ANY_EXHDR(prev_b) != HASH_LEN)
		elog(ERROR, "chain " INT64_FORMAT " has a malformed head", chain);
	memcpy(prev, VARDATA_ANY(prev_b), HASH_LEN);

	seq = en_new_id("process_log_seq");

	initStringInfo(&entry);
	canonical_entry(&entry, seq, chain, logged_at, txid, db_user, table_name,
					operation, row_id, row_data);
	chain_hash(prev, entry.data, entry.len, hash);

	args[0] = Int64GetDatum(seq);
	args[1] = Int64GetDatum(chain);
	args[2] = TimestampTzGetDatum(logged_at);
	args[3] = Int64GetDatum(txid);
	args[4] = CStringGetTextDatum(db_user);
	args[5] = CStringGetTextDatum(table_name);
	args[6] = CStringGetTextDatum(operation);
	args[7] = row_id ? Int64GetDatum(*row_id) : (Datum) 0;
	nulls[7] = row_id == NULL;
	args[8] = JsonbPGetDatum(row_data);
	args[9] = PointerGetDatum(to_bytea(prev, HASH_LEN));
	args[10] = PointerGetDatum(to_bytea(hash, HASH_LEN));
	log = table_open(en_relid("process_log"), RowExclusiveLock);
	en_direct_insert(log, record_row(log, NULL, lengthof(log_names), log_names,
									 log_types, args, nulls));
	table_close(log, NoLock);

	args[0] = Int64GetDatum(seq);
	args[1] = PointerGetDatum(to_bytea(hash, HASH_LEN));
	en_direct_update(&probe,
					 record_row(probe.rel,
								ExecFetchSlotHeapTuple(probe.slot, false, NULL),
								lengthof(head_names), head_names, head_types,
								args, nulls));
	en_probe_close(&probe);
	CommandCounterIncrement();
}

/* Appends an entry, marked as this file's own write of the record. */
static void
append_marked(EnLookup *lk, int64 chain, const char *table_name,
			  const char *operation, const int64 *row_id, Jsonb *row_data)
{
	writing_record++;
	PG_TRY();
	{
		append_entry(lk, chain, table_name, operation, row_id, row_data);
	}
	PG_FINALLY();
	{
		writing_record--;
	}
	PG_END_TRY();
}

/*
 * The installation's "record" key, read through the caller's look-up and
 * copied into the caller's memory; its length in *len.
 */
static bytea *
record_key(EnLookup *lk)
{
	EN_QUERY0(key_query, "SELECT s.value FROM ONLY enforcement.secrets s "
		"WHERE s.name OPERATOR(pg_catalog.=) 'record'");
	bool		isnull = true;
	Datum		d = (Datum) 0;

	if (en_run(lk, &key_query, NULL, NULL, 1, 0) > 0)
		d = en_result(lk, 0, 1, &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the installation has no key for private columns"),
				 errdetail("Table enforcement.secrets needs a row \"record\".")));
	return DatumGetByteaPP(d);
}

/*
 * HMAC-SHA256 of a private value under the installation's "record" key, as
 * hex: the record commits to the value, and only the key's holder (the
 * extension's owner) can tell which value it was; a reader of the record
 * cannot test guesses (a phone number) against it.
 */
static void
private_digest(bytea *key, const char *value, char *hex)
{
	uint8		mac[HASH_LEN];
	pg_hmac_ctx *ctx = pg_hmac_create(PG_SHA256);

	if (ctx == NULL ||
		pg_hmac_init(ctx, (uint8 *) VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key)) < 0 ||
		pg_hmac_update(ctx, (const uint8 *) value, strlen(value)) < 0 ||
		pg_hmac_final(ctx, mac, HASH_LEN) < 0)
		elog(ERROR, "could not compute HMAC-SHA256");
	pg_hmac_free(ctx);
	hex_encode((char *) mac, HASH_LEN, hex);
	hex[HASH_LEN * 2] = '\0';
}

/*
 * A row as jsonb, built directly by to_jsonb() (as row_to_json() then
 * jsonb_in() would build it, without printing and parsing the text).
 * to_jsonb() takes the type of its argument from its call expression, so
 * it is called with one naming the row type.
 */
static Datum
row_to_jsonb(Datum composite, Oid rowtype)
{
	FmgrInfo	flinfo;
	LOCAL_FCINFO(fcinfo, 1);
	Datum		result;

	fmgr_info(F_TO_JSONB, &flinfo);
	flinfo.fn_expr = (Node *) makeFuncExpr(F_TO_JSONB, JSONBOID,
										   list_make1(makeNullConst(rowtype, -1,
																	InvalidOid)),
										   InvalidOid, InvalidOid,
										   COERCE_EXPLICIT_CALL);
	InitFunctionCallInfoData(*fcinfo, &flinfo, 1, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = composite;
	fcinfo->args[0].isnull = false;
	result = FunctionCallInvoke(fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "to_jsonb returned NULL");
	return result;
}

/*
 * The row of a trigger tuple as jsonb.  Private columns are replaced by
 * "hmac-sha256:<hex>" of their text (private_digest()), so the record
 * commits to them without showing them.
 */
static Jsonb *
row_as_jsonb(EnLookup *lk, HeapTuple tuple, TupleDesc tupdesc,
			 EnRelInfo *info)
{
	Datum		composite;
	bytea	   *key = NULL;

	for (int i = 0; i < info->nprivate; i++)
	{
		int			attnum = info->private_atts[i];
		bool		isnull;
		char	   *value;
		char		hex[HASH_LEN * 2 + 1];
		Datum		masked;
		bool		masked_null = false;

		(void) heap_getattr(tuple, attnum, tupdesc, &isnull);
		if (isnull)
			continue;
		value = SPI_getvalue(tuple, tupdesc, attnum);
		if (key == NULL)
			key = record_key(lk);
		private_digest(key, value, hex);
		masked = CStringGetTextDatum(psprintf("hmac-sha256:%s", hex));
		tuple = heap_modify_tuple_by_cols(tuple, tupdesc, 1, &attnum,
										  &masked, &masked_null);
	}
	composite = heap_copy_tuple_as_datum(tuple, tupdesc);
	return DatumGetJsonbP(row_to_jsonb(composite, tupdesc->tdtypeid));
}

/*
 * The descriptor of a table of a version older than the catalog of
 * declared tables (1.2 and before), from its record trigger's arguments
 * (the agency column, then the private columns): such versions write rows
 * only while their own scripts install or update them, which the update to
 * the current version then declares.  Any other table is refused.
 */
static EnRelInfo *
legacy_relinfo(Relation rel, Trigger *trigger)
{
	EnRelInfo  *info;
	TupleDesc	desc = RelationGetDescr(rel);

	if (OidIsValid(en_relid_if_exists("declared_tables")))
		(void) en_relinfo(rel); /* declared tables exist: an error */
	info = palloc0(sizeof(EnRelInfo));
	info->name = RelationGetRelationName(rel);
	info->kind = EN_TABLE_RECORDS;
	info->id_att = SPI_fnumber(desc, "id");
	if (info->id_att < 0)
		info->id_att = 0;
	if (trigger->tgnargs > 0 && trigger->tgargs[0][0] != '\0' &&
		strchr(trigger->tgargs[0], ':') == NULL)
		info->agency_att = Max(SPI_fnumber(desc, trigger->tgargs[0]), 0);
	info->private_atts = palloc(sizeof(AttrNumber) * Max(trigger->tgnargs, 1));
	for (int i = 1; i < trigger->tgnargs; i++)
	{
		int			attnum = SPI_fnumber(desc, trigger->tgargs[i]);

		if (attnum > 0)
			info->private_atts[info->nprivate++] = attnum;
	}
	return info;
}

/*
 * AFTER INSERT OR UPDATE row trigger on every declared table of
 * enforcement records: records the row in the process record, in the
 * chain of its agency (0 for a row with none).
 */
Datum
en_record_row(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata;
	Relation	rel;
	HeapTuple	tuple;
	TupleDesc	tupdesc;
	EnRelInfo  *info;
	int64		row_id = 0;
	bool		has_row_id = false;
	int64		chain = 0;
	EnLookup	lk;
	Jsonb	   *row_data;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						"record_row")));
	trigdata = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) ||
		  TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired after INSERT or UPDATE for each row",
						"record_row")));
	rel = trigdata->tg_relation;
	if (en_restoring(rel) || en_violation_unrecorded())
		return PointerGetDatum(NULL);

	tupdesc = RelationGetDescr(rel);
	info = en_relinfo_if_declared(rel);
	if (info == NULL)
		info = legacy_relinfo(rel, trigdata->tg_trigger);
	if (info->kind != EN_TABLE_RECORDS)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("table \"%s\" is not a table of enforcement records",
						info->name)));
	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;

	if (info->id_att > 0)
	{
		bool		isnull;
		Datum		d = heap_getattr(tuple, info->id_att, tupdesc, &isnull);

		has_row_id = !isnull;
		row_id = isnull ? 0 : DatumGetInt64(d);
	}
	if (info->agency_att > 0)
	{
		bool		isnull;
		Datum		d = heap_getattr(tuple, info->agency_att, tupdesc, &isnull);

		chain = isnull ? 0 : DatumGetInt64(d);
	}

	en_lookup_begin(&lk);
	row_data = row_as_jsonb(&lk, tuple, tupdesc, info);
	append_marked(&lk, chain, info->name,
				  TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? "UPDATE" : "INSERT",
				  has_row_id ? &row_id : NULL, row_data);
	en_lookup_end(&lk);
	return PointerGetDatum(NULL);
}

/* The chain heads, in chain order, for verification. */
typedef struct HeadSet
{
	int			n;
	int64	   *chain;
	int64	   *seq;
	uint8	   *hash;			/* n * HASH_LEN */
} HeadSet;

/* Reads every chain head; a malformed one names no entry (its chain fails). */
static void
load_heads(EnLookup *lk, HeadSet *heads)
{
	EN_QUERY0(query, "SELECT h.chain, h.seq, h.hash FROM ONLY enforcement.chain_heads h "
		"ORDER BY h.chain");
	uint64		rows = en_run(lk, &query, NULL, NULL, 0, EN_READ_ONLY);

	heads->n = 0;
	heads->chain = palloc(sizeof(int64) * Max(rows, 1));
	heads->seq = palloc(sizeof(int64) * Max(rows, 1));
	heads->hash = palloc0(HASH_LEN * Max(rows, 1));
	for (uint64 i = 0; i < rows; i++)
	{
		bool		chain_null,
					seq_null,
					hash_null;
		int64		chain = en_result_int64(lk, i, 1, &chain_null);
		int64		seq = en_result_int64(lk, i, 2, &seq_null);
		Datum		hash = en_result(lk, i, 3, &hash_null);
		bytea	   *hash_b = hash_null ? NULL : DatumGetByteaPP(hash);

		if (chain_null)
			continue;
		heads->chain[heads->n] = chain;
		/* a head with a NULL or a malformed hash names no entry */
		if (seq_null || hash_b == NULL || VARSIZE_ANY_EXHDR(hash_b) != HASH_LEN)
			heads->seq[heads->n] = -1;
		else
		{
			heads->seq[heads->n] = seq;
			memcpy(heads->hash + HASH_LEN * heads->n, VARDATA_ANY(hash_b),
				   HASH_LEN);
		}
		heads->n++;
	}
}

/* The state of the walk through one chain. */
typedef struct ChainWalk
{
	int64		chain;
	int			head;			/* index in HeadSet, or -1: no head */
	uint8		expect[HASH_LEN];	/* prev_hash the next entry must carry */
	int64		covered_seq;	/* last entry at or before the head's seq */
	uint8		covered_hash[HASH_LEN];
} ChainWalk;

/* The first bad seq found so far. */
typedef struct BadSeq
{
	bool		bad;
	int64		first;
} BadSeq;

static void
mark_bad(BadSeq *bad, int64 seq)
{
	if (!bad->bad || seq < bad->first)
		bad->first = seq;
	bad->bad = true;
}

/*
 * Ends a chain: its head must name its last entry at or before the head's
 * seq, with that entry's hash (else the entry the head names is gone or
 * changed).
 */
static void
end_chain(const HeadSet *heads, const ChainWalk *walk, BadSeq *bad)
{
	if (walk->head < 0)
		return;
	if (walk->covered_seq != heads->seq[walk->head] ||
		memcmp(walk->covered_hash, heads->hash + HASH_LEN * walk->head,
			   HASH_LEN) != 0)
		mark_bad(bad, heads->seq[walk->head]);
}

/*
 * verify_process_log() → (ok, entries, first_bad_seq): recomputes every
 * chain.  An entry is bad when its hash does not match its content, when
 * its prev_hash is not the hash of the entry before it in its chain, or
 * when it lies beyond its chain's head (appended without the extension).
 * A head is bad when the entry it names is gone or changed; a chain
 * without a head is bad from its first entry.
 */
Datum
en_verify_process_log(PG_FUNCTION_ARGS)
{
	EN_QUERY0(entries, "SELECT l.seq, l.chain, l.logged_at, l.txid, l.db_user, l.table_name, "
		"l.operation, l.row_id, l.row_data, l.prev_hash, l.hash "
		"FROM ONLY enforcement.process_log l ORDER BY l.chain, l.seq");
	TupleDesc	result_desc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	EnLookup	lk;
	Portal		portal;
	HeadSet		heads;
	ChainWalk	walk;
	BadSeq		bad = {false, 0};
	bool		in_chain = false;
	int			next_head = 0;
	int64		count = 0;
	MemoryContext row_cxt;
	MemoryContext fn_cxt = CurrentMemoryContext;

	if (get_call_result_type(fcinfo, NULL, &result_desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	result_desc = BlessTupleDesc(result_desc);
	row_cxt = AllocSetContextCreate(CurrentMemoryContext, "verify entry",
									ALLOCSET_DEFAULT_SIZES);

	en_lookup_begin(&lk);
	load_heads(&lk, &heads);
	portal = en_cursor_open(&lk, &entries, NULL, NULL);
	while (en_cursor_fetch(&lk, portal, 1000) > 0)
	{
		for (uint64 r = 0; r < lk.nrows; r++)
		{
			bool		null[11];
			Datum		d[11];
			int64		seq,
						chain;
			bytea	   *prev_b = NULL;
			bytea	   *hash_b = NULL;
			bool		good_shape;
			bool		complete = true;

			CHECK_FOR_INTERRUPTS();
			MemoryContextSwitchTo(row_cxt);
			for (int c = 0; c < 11; c++)
			{
				d[c] = en_result(&lk, r, c + 1, &null[c]);
				/* only row_id may be NULL */
				if (null[c] && c != 7)
					complete = false;
			}
			seq = null[0] ? 0 : DatumGetInt64(d[0]);
			chain = null[1] ? 0 : DatumGetInt64(d[1]);
			if (!null[9])
				prev_b = DatumGetByteaPP(d[9]);
			if (!null[10])
				hash_b = DatumGetByteaPP(d[10]);
			good_shape = prev_b != NULL && hash_b != NULL &&
				VARSIZE_ANY_EXHDR(prev_b) == HASH_LEN &&
				VARSIZE_ANY_EXHDR(hash_b) == HASH_LEN;

			if (!in_chain || chain != walk.chain)
			{
				if (in_chain)
					end_chain(&heads, &walk, &bad);
				/* heads of chains that have no entries left */
				while (next_head < heads.n && heads.chain[next_head] < chain)
				{
					if (heads.seq[next_head] != 0)
						mark_bad(&bad, heads.seq[next_head]);
					next_head++;
				}
				in_chain = true;
				walk.chain = chain;
				walk.head = -1;
				if (next_head < heads.n && heads.chain[next_head] == chain)
					walk.head = next_head++;
				else
					mark_bad(&bad, seq);	/* a chain without a head */
				memset(walk.expect, 0, HASH_LEN);
				walk.covered_seq = 0;
				memset(walk.covered_hash, 0, HASH_LEN);
			}
			count++;

			if (!complete || !good_shape ||
				memcmp(VARDATA_ANY(prev_b), walk.expect, HASH_LEN) != 0)
				mark_bad(&bad, seq);
			else
			{
				StringInfoData entry;
				uint8		computed[HASH_LEN];
				int64		row_id = null[7] ? 0 : DatumGetInt64(d[7]);

				initStringInfo(&entry);
				canonical_entry(&entry, seq, chain,
								DatumGetTimestampTz(d[2]), DatumGetInt64(d[3]),
								TextDatumGetCString(d[4]),
								TextDatumGetCString(d[5]),
								TextDatumGetCString(d[6]),
								null[7] ? NULL : &row_id,
								DatumGetJsonbP(d[8]));
				chain_hash(walk.expect, entry.data, entry.len, computed);
				if (memcmp(computed, VARDATA_ANY(hash_b), HASH_LEN) != 0)
					mark_bad(&bad, seq);
			}
			if (walk.head >= 0 && seq > heads.seq[walk.head])
				mark_bad(&bad, seq);	/* beyond the head */
			/* the next entry must follow this one as stored */
			if (good_shape)
			{
				memcpy(walk.expect, VARDATA_ANY(hash_b), HASH_LEN);
				if (walk.head >= 0 && seq <= heads.seq[walk.head])
				{
					walk.covered_seq = seq;
					memcpy(walk.covered_hash, VARDATA_ANY(hash_b), HASH_LEN);
				}
			}
			MemoryContextSwitchTo(fn_cxt);
			MemoryContextReset(row_cxt);
		}
	}
	en_cursor_close(&lk, portal);
	if (in_chain)
		end_chain(&heads, &walk, &bad);
	for (; next_head < heads.n; next_head++)
		if (heads.seq[next_head] != 0)
			mark_bad(&bad, heads.seq[next_head]);
	en_lookup_end(&lk);

	values[0] = BoolGetDatum(!bad.bad);
	values[1] = Int64GetDatum(count);
	if (bad.bad)
		values[2] = Int64GetDatum(bad.first);
	else
		nulls[2] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(result_desc, values,
													  nulls)));
}

/*
 * chain_head() → (seq, hash): the newest entry's seq, and SHA-256 over every
 * chain's (chain, seq, hash) in chain order.  Publishing it outside the
 * database lets an auditor prove later that nothing before it changed.
 */
Datum
en_chain_head(PG_FUNCTION_ARGS)
{
	EN_QUERY0(heads, "SELECT h.chain, h.seq, h.hash FROM ONLY enforcement.chain_heads h "
		"ORDER BY h.chain");
	TupleDesc	result_desc;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	EnLookup	lk;
	StringInfoData all;
	uint8		zero[HASH_LEN] = {0};
	uint8		digest[HASH_LEN];
	int64		max_seq = 0;
	uint64		rows;

	if (get_call_result_type(fcinfo, NULL, &result_desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	result_desc = BlessTupleDesc(result_desc);

	initStringInfo(&all);
	put_text(&all, "enforcement.chain_head/1");
	en_lookup_begin(&lk);
	rows = en_run(&lk, &heads, NULL, NULL, 0, EN_READ_ONLY);
	for (uint64 r = 0; r < rows; r++)
	{
		bool		chain_null,
					seq_null,
					hash_null;
		int64		chain = en_result_int64(&lk, r, 1, &chain_null);
		int64		seq = en_result_int64(&lk, r, 2, &seq_null);
		Datum		hash = en_result(&lk, r, 3, &hash_null);

		/* a NULL is hashed as a marker: the digest changes, nothing crashes */
		put_int64(&all, chain_null ? -1 : chain);
		put_int64(&all, seq_null ? -1 : seq);
		if (hash_null)
			put_text(&all, NULL);
		else
		{
			bytea	   *hash_b = DatumGetByteaPP(hash);

			appendBinaryStringInfo(&all, VARDATA_ANY(hash_b),
								   VARSIZE_ANY_EXHDR(hash_b));
		}
		max_seq = Max(max_seq, seq);
	}
	en_lookup_end(&lk);
	chain_hash(zero, all.data, all.len, digest);

	values[0] = Int64GetDatum(max_seq);
	values[1] = PointerGetDatum(to_bytea(digest, HASH_LEN));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(result_desc, values,
													  nulls)));
}

/*
 * BEFORE INSERT OR UPDATE OR DELETE (row) and BEFORE TRUNCATE (statement)
 * on process_log and chain_heads: only this file writes them, and no one,
 * the owner included, changes or removes what was written (EN501).  These
 * refusals hold in warn mode too.
 */
Datum
en_protect_record(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata;
	const char *relname;
	const char *op;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						"protect_record")));
	trigdata = (TriggerData *) fcinfo->context;
	relname = RelationGetRelationName(trigdata->tg_relation);
	/* the extension's own writes; a restore only inserts */
	if (writing_record > 0 && !TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
							   trigdata->tg_newtuple : trigdata->tg_trigtuple);
	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) &&
		en_restoring(trigdata->tg_relation))
	{
		en_note_restored_row(trigdata->tg_relation);
		return PointerGetDatum(trigdata->tg_trigtuple);
	}
	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		op = "INSERT";
	else if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		op = "UPDATE";
	else if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		op = "DELETE";
	else
		op = "TRUNCATE";
	EN_REFUSE(trigdata->tg_relation, relname, EN_R_REC_LOG, NULL,
			  en_arg(op), en_arg(relname));
	return PointerGetDatum(NULL);	/* not reached */
}

/*
 * restoring() → boolean: whether this is a restore session (mode.c), for
 * the install and update scripts, which insert no defaults in one.
 */
Datum
en_restoring_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(en_restore_session());
}

/*
 * verify_rows(): every live row of every declared table of records against
 * its last entry in the process record.
 *
 * One pass over the record, in table order (by seq within a table), and
 * one pass over each table: the last entry of each row is kept in a hash
 * keyed by the row's key, which each of the table's rows then looks up.
 * A row is keyed by its id, or, in a table without one, by its primary
 * key's columns, read from the row as the record stores it (row_data).
 * The row is put as the record puts it (private columns as their HMAC)
 * and compared with the entry: equal jsonb, or the same values where only
 * a timestamptz's rendering (the writer's TimeZone) differs.  The rows
 * "restore began" of violations (violations.c) are written around the
 * record by design and not reported.
 */
typedef struct RowKey
{
	uint8		digest[HASH_LEN];
} RowKey;

typedef struct LastEntry
{
	RowKey		key;
	char	   *keytext;
	bool		has_row_id;
	int64		row_id;
	Jsonb	   *data;
	bool		seen;
} LastEntry;

/* The columns that name a row of a table: id, or the primary key's. */
static List *
key_columns(Relation rel, EnRelInfo *info)
{
	List	   *names = NIL;
	Oid			pk;

	if (info->id_att > 0)
		return list_make1(pstrdup("id"));
	pk = RelationGetPrimaryKeyIndex(rel);
	if (OidIsValid(pk))
	{
		Relation	idx = index_open(pk, AccessShareLock);

		for (int i = 0; i < idx->rd_index->indnkeyatts; i++)
		{
			AttrNumber	a = idx->rd_index->indkey.values[i];

			if (a > 0)
				names = lappend(names,
								pstrdup(NameStr(TupleDescAttr(RelationGetDescr(rel),
															  a - 1)->attname)));
		}
		index_close(idx, AccessShareLock);
	}
	if (names == NIL)
	{
		TupleDesc	desc = RelationGetDescr(rel);

		for (int i = 0; i < desc->natts; i++)
			if (!TupleDescAttr(desc, i)->attisdropped)
				names = lappend(names,
								pstrdup(NameStr(TupleDescAttr(desc, i)->attname)));
	}
	return names;
}

/* A field of a jsonb object, or NULL when absent (or not an object). */
static JsonbValue *
json_field(Jsonb *jb, const char *name, JsonbValue *out)
{
	if (!JB_ROOT_IS_OBJECT(jb))
		return NULL;
	return getKeyJsonValueFromContainer(&jb->root, name, strlen(name), out);
}

/* A jsonb value as text: a string as it is, anything else as JSON. */
static char *
json_value_text(JsonbValue *v)
{
	if (v == NULL)
		return pstrdup("?");
	if (v->type == jbvString)
		return pnstrdup(v->val.string.val, v->val.string.len);
	if (v->type == jbvNull)
		return pstrdup("NULL");
	return JsonbToCString(NULL, &JsonbValueToJsonb(v)->root, -1);
}

/* The key of a row as the record has it: "(col=value, ...)", and digest. */
static char *
row_key(Jsonb *data, List *columns, RowKey *key)
{
	StringInfoData buf;
	ListCell   *lc;
	StringInfoData raw;

	initStringInfo(&buf);
	initStringInfo(&raw);
	appendStringInfoChar(&buf, '(');
	foreach(lc, columns)
	{
		const char *name = lfirst(lc);
		JsonbValue	v;
		JsonbValue *found = json_field(data, name, &v);
		char	   *text = json_value_text(found);

		if (lc != list_head(columns))
			appendStringInfoString(&buf, ", ");
		appendStringInfo(&buf, "%s=%s", name, text);
		put_text(&raw, found ? text : NULL);
		if (found)
			put_int64(&raw, (int64) found->type);
	}
	appendStringInfoChar(&buf, ')');
	memset(key, 0, sizeof(RowKey));
	{
		uint8		zero[HASH_LEN] = {0};

		chain_hash(zero, raw.data, raw.len, key->digest);
	}
	return buf.data;
}

/* Whether two jsonb values are equal. */
static bool
json_values_equal(JsonbValue *a, JsonbValue *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return compareJsonbContainers(&JsonbValueToJsonb(a)->root,
								  &JsonbValueToJsonb(b)->root) == 0;
}

/* Whether two renderings of a timestamptz are the same instant. */
static bool
same_timestamptz(JsonbValue *a, JsonbValue *b)
{
	char	   *sa,
			   *sb;
	Datum		ta,
				tb;

	if (a == NULL || b == NULL || a->type != jbvString || b->type != jbvString)
		return false;
	sa = pnstrdup(a->val.string.val, a->val.string.len);
	sb = pnstrdup(b->val.string.val, b->val.string.len);
	ta = DirectFunctionCall3(timestamptz_in, CStringGetDatum(sa),
							 ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	tb = DirectFunctionCall3(timestamptz_in, CStringGetDatum(sb),
							 ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	return DatumGetTimestampTz(ta) == DatumGetTimestampTz(tb);
}

/* Whether a row, as the record would put it, equals its entry. */
static bool
row_equals_entry(Jsonb *row, Jsonb *entry, TupleDesc desc)
{
	int			columns = 0;

	if (compareJsonbContainers(&row->root, &entry->root) == 0)
		return true;
	if (!JB_ROOT_IS_OBJECT(row) || !JB_ROOT_IS_OBJECT(entry))
		return false;
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		JsonbValue	va,
					vb;
		JsonbValue *a,
				   *b;

		if (att->attisdropped)
			continue;
		columns++;
		a = json_field(row, NameStr(att->attname), &va);
		b = json_field(entry, NameStr(att->attname), &vb);
		if (json_values_equal(a, b))
			continue;
		if (att->atttypid == TIMESTAMPTZOID && same_timestamptz(a, b))
			continue;
		return false;
	}
	/* no column more in the entry than the row has */
	return (int) JB_ROOT_COUNT(entry) == columns;
}

/* Whether a row of violations is a "restore began" row (violations.c). */
static bool
is_restore_marker(const char *table, Jsonb *row)
{
	JsonbValue	code,
				message;
	JsonbValue *c,
			   *m;

	if (strcmp(table, "violations") != 0)
		return false;
	c = json_field(row, "code", &code);
	m = json_field(row, "message", &message);
	return c && m && c->type == jbvString && m->type == jbvString &&
		c->val.string.len == 5 && memcmp(c->val.string.val, "00000", 5) == 0 &&
		m->val.string.len == strlen("restore began") &&
		memcmp(m->val.string.val, "restore began", m->val.string.len) == 0;
}

static void
put_problem(ReturnSetInfo *rsinfo, const char *table, bool has_row_id,
			int64 row_id, const char *problem, const char *keytext)
{
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	values[0] = CStringGetTextDatum(table);
	if (has_row_id)
		values[1] = Int64GetDatum(row_id);
	else
		nulls[1] = true;
	values[2] = CStringGetTextDatum(has_row_id ? problem :
									psprintf("%s: %s", problem, keytext));
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* verify_rows() → setof (table_name, row_id, problem) */
Datum
en_verify_rows(PG_FUNCTION_ARGS)
{
	EN_QUERY0(tables, "SELECT d.table_name::pg_catalog.text "
		"FROM ONLY enforcement.declared_tables d "
		"WHERE d.kind OPERATOR(pg_catalog.=) 'records' "
		"ORDER BY d.table_name::pg_catalog.text COLLATE \"C\"");
	EN_QUERY0(entries, "SELECT l.table_name, l.row_id, l.row_data "
		"FROM ONLY enforcement.process_log l "
		"ORDER BY l.table_name COLLATE \"C\", l.seq");
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext fn_cxt = CurrentMemoryContext;
	MemoryContext table_cxt;
	MemoryContext row_cxt;
	EnLookup	lk;
	EnLookup	key_lk;
	Portal		portal;
	uint64		ntables;
	char	  **names;
	uint64		fetched = 0;
	uint64		next = 0;
	bool		log_done = false;
	Snapshot	snapshot;

	InitMaterializedSRF(fcinfo, 0);
	table_cxt = AllocSetContextCreate(fn_cxt, "verify_rows table",
									  ALLOCSET_DEFAULT_SIZES);
	row_cxt = AllocSetContextCreate(fn_cxt, "verify_rows row",
									ALLOCSET_DEFAULT_SIZES);

	en_lookup_begin(&lk);
	ntables = en_run(&lk, &tables, NULL, NULL, 0, EN_READ_ONLY);
	names = palloc(sizeof(char *) * Max(ntables, 1));
	for (uint64 t = 0; t < ntables; t++)
		names[t] = en_result_text(&lk, t, 1);
	snapshot = en_read_snapshot();
	portal = en_cursor_open(&lk, &entries, NULL, NULL);

	for (uint64 t = 0; t < ntables; t++)
	{
		const char *table = names[t];
		Oid			relid = en_relid_if_exists(table);
		Relation	rel;
		EnRelInfo  *info;
		List	   *columns;
		HASHCTL		ctl;
		HTAB	   *last;
		TableScanDesc scan;
		HeapTuple	tuple;
		HASH_SEQ_STATUS status;
		LastEntry  *e;

		if (!OidIsValid(relid))
			continue;
		MemoryContextSwitchTo(table_cxt);
		rel = table_open(relid, AccessShareLock);
		info = en_relinfo(rel);
		columns = key_columns(rel, info);
		ctl.keysize = sizeof(RowKey);
		ctl.entrysize = sizeof(LastEntry);
		ctl.hcxt = table_cxt;
		last = hash_create("verify_rows entries", 1024, &ctl,
						   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);

		/* the table's entries: the last of each row is kept */
		for (;;)
		{
			char	   *entry_table;
			int			cmp;
			bool		row_id_null;
			bool		data_null;
			int64		row_id;
			Datum		data;
			RowKey		key;
			char	   *keytext;
			bool		found;

			if (next >= fetched && !log_done)
			{
				MemoryContextSwitchTo(fn_cxt);
				fetched = en_cursor_fetch(&lk, portal, 1000);
				next = 0;
				log_done = fetched == 0;
				MemoryContextSwitchTo(table_cxt);
			}
			if (log_done)
				break;
			CHECK_FOR_INTERRUPTS();
			entry_table = en_result_text(&lk, next, 1);
			cmp = entry_table == NULL ? -1 : strcmp(entry_table, table);
			if (cmp > 0)
				break;			/* the next table's */
			if (cmp < 0)
			{
				next++;			/* a table no longer declared */
				continue;
			}
			row_id = en_result_int64(&lk, next, 2, &row_id_null);
			data = en_result(&lk, next, 3, &data_null);
			next++;
			if (data_null)
				continue;		/* verify_process_log() reports it */
			keytext = row_key(DatumGetJsonbP(data), columns, &key);
			e = hash_search(last, &key, HASH_ENTER, &found);
			e->keytext = keytext;
			e->has_row_id = !row_id_null;
			e->row_id = row_id;
			e->data = DatumGetJsonbPCopy(data);
			e->seen = false;
		}

		/* the table's rows; the key of private columns read apart */
		scan = table_beginscan(rel, snapshot, 0, NULL);
		en_lookup_begin(&key_lk);
		while ((tuple = heap_getnext(scan, ForwardScanDirection)) != NULL)
		{
			Jsonb	   *row;
			RowKey		key;
			char	   *keytext;
			bool		has_id = false;
			int64		id = 0;

			CHECK_FOR_INTERRUPTS();
			MemoryContextSwitchTo(row_cxt);
			row = row_as_jsonb(&key_lk, tuple, RelationGetDescr(rel), info);
			keytext = row_key(row, columns, &key);
			if (info->id_att > 0)
			{
				bool		isnull;
				Datum		d = heap_getattr(tuple, info->id_att,
											 RelationGetDescr(rel), &isnull);

				has_id = !isnull;
				id = isnull ? 0 : DatumGetInt64(d);
			}
			e = hash_search(last, &key, HASH_FIND, NULL);
			if (e == NULL)
			{
				if (!is_restore_marker(table, row))
					put_problem(rsinfo, table, has_id, id, "not in the record",
								keytext);
			}
			else
			{
				e->seen = true;
				if (!row_equals_entry(row, e->data, RelationGetDescr(rel)))
					put_problem(rsinfo, table, has_id, id,
								"differs from the record", keytext);
			}
			MemoryContextSwitchTo(table_cxt);
			MemoryContextReset(row_cxt);
		}
		MemoryContextSwitchTo(table_cxt);
		en_lookup_end(&key_lk);
		table_endscan(scan);

		/* entries whose row is gone */
		hash_seq_init(&status, last);
		while ((e = hash_seq_search(&status)) != NULL)
			if (!e->seen)
				put_problem(rsinfo, table, e->has_row_id && info->id_att > 0,
							e->row_id, "missing from the table", e->keytext);
		table_close(rel, AccessShareLock);
		MemoryContextSwitchTo(fn_cxt);
		MemoryContextReset(table_cxt);
	}
	en_cursor_close(&lk, portal);
	en_lookup_end(&lk);
	return (Datum) 0;
}
