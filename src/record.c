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
 * While a superuser restores a dump (row_security off, as pg_dump's
 * scripts set it), the log is restored as it was and nothing is appended.
 * "A superuser" is the session's role: a role with BYPASSRLS that turns
 * row_security off is not restoring anything.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "access/htup_details.h"
#include "access/transam.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "commands/sequence.h"
#include "common/cryptohash.h"
#include "common/hmac.h"
#include "common/sha2.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(en_record_row);
PG_FUNCTION_INFO_V1(en_verify_process_log);
PG_FUNCTION_INFO_V1(en_chain_head);
PG_FUNCTION_INFO_V1(en_protect_record);

#define HASH_LEN PG_SHA256_DIGEST_LENGTH

/* Set while this file writes the record, so its own writes pass. */
static int	writing_record = 0;

/* Whether a superuser is restoring a dump (see the file header). */
bool
en_restoring(void)
{
	/* the session's role: look-ups run as the owner, a superuser */
	return !row_security && superuser_arg(GetOuterUserId());
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

/* Appends one entry to a chain; runs inside en_begin(). */
static void
append_entry(int64 chain, const char *table_name, const char *operation,
			 const int64 *row_id, Jsonb *row_data)
{
	static EnQuery lock_head = {
		"SELECT h.hash FROM ONLY enforcement.chain_heads h "
		"WHERE h.chain OPERATOR(pg_catalog.=) $1 FOR UPDATE OF h",
		1, {INT8OID}, NULL
	};
	static EnQuery new_head = {
		"INSERT INTO enforcement.chain_heads (chain, seq, hash) "
		"VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING",
		2, {INT8OID, BYTEAOID}, NULL
	};
	static EnQuery insert = {
		"INSERT INTO enforcement.process_log (seq, chain, logged_at, txid, "
		"db_user, table_name, operation, row_id, row_data, prev_hash, hash) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
		11, {INT8OID, INT8OID, TIMESTAMPTZOID, INT8OID, TEXTOID, TEXTOID,
		TEXTOID, INT8OID, JSONBOID, BYTEAOID, BYTEAOID}, NULL
	};
	static EnQuery update_head = {
		"UPDATE ONLY enforcement.chain_heads h SET seq = $2, hash = $3 "
		"WHERE h.chain OPERATOR(pg_catalog.=) $1",
		3, {INT8OID, INT8OID, BYTEAOID}, NULL
	};
	uint8		zero[HASH_LEN] = {0};
	uint8		prev[HASH_LEN];
	uint8		hash[HASH_LEN];
	Datum		args[11];
	char		nulls[11];
	bool		isnull;
	int64		seq;
	TimestampTz logged_at = GetCurrentTimestamp();
	int64		txid = (int64) U64FromFullTransactionId(GetTopFullTransactionId());
	char	   *db_user = GetUserNameFromId(GetOuterUserId(), false);
	StringInfoData entry;
	bytea	   *prev_b;

	args[0] = Int64GetDatum(chain);
	en_exec(&lock_head, args, NULL, 1, true);
	if (SPI_processed == 0)
	{
		args[1] = PointerGetDatum(to_bytea(zero, HASH_LEN));
		en_exec(&new_head, args, NULL, 0, true);
		en_exec(&lock_head, args, NULL, 1, true);
		if (SPI_processed == 0)
			elog(ERROR, "could not lock the head of chain %lld",
				 (long long) chain);
	}
	prev_b = DatumGetByteaPP(en_get(0, 1, &isnull));
	if (isnull || VARSIZE_ANY_EXHDR(prev_b) != HASH_LEN)
		elog(ERROR, "chain %lld has a malformed head", (long long) chain);
	memcpy(prev, VARDATA_ANY(prev_b), HASH_LEN);

	seq = nextval_internal(en_relid("process_log_seq"), false);

	initStringInfo(&entry);
	canonical_entry(&entry, seq, chain, logged_at, txid, db_user, table_name,
					operation, row_id, row_data);
	chain_hash(prev, entry.data, entry.len, hash);

	memset(nulls, ' ', sizeof(nulls));
	args[0] = Int64GetDatum(seq);
	args[1] = Int64GetDatum(chain);
	args[2] = TimestampTzGetDatum(logged_at);
	args[3] = Int64GetDatum(txid);
	args[4] = CStringGetTextDatum(db_user);
	args[5] = CStringGetTextDatum(table_name);
	args[6] = CStringGetTextDatum(operation);
	if (row_id)
		args[7] = Int64GetDatum(*row_id);
	else
	{
		args[7] = (Datum) 0;
		nulls[7] = 'n';
	}
	args[8] = JsonbPGetDatum(row_data);
	args[9] = PointerGetDatum(to_bytea(prev, HASH_LEN));
	args[10] = PointerGetDatum(to_bytea(hash, HASH_LEN));
	en_exec(&insert, args, nulls, 0, false);

	args[0] = Int64GetDatum(chain);
	args[1] = Int64GetDatum(seq);
	args[2] = PointerGetDatum(to_bytea(hash, HASH_LEN));
	/* the version just locked, which may be newer than our snapshot */
	en_exec(&update_head, args, NULL, 0, true);
}

/*
 * Appends an entry for a row of an enforcement table to its agency's chain.
 */
void
en_record_append(int64 chain, const char *table_name, const char *operation,
				 const int64 *row_id, Jsonb *row_data)
{
	EnCall		call;

	en_begin(&call);
	writing_record++;
	PG_TRY();
	{
		append_entry(chain, table_name, operation, row_id, row_data);
	}
	PG_FINALLY();
	{
		writing_record--;
	}
	PG_END_TRY();
	en_end(&call);
}

/*
 * HMAC-SHA256 of a private value under the installation's "record" key, as
 * hex: the record commits to the value, and only the key's holder (the
 * extension's owner) can tell which value it was; a reader of the record
 * cannot test guesses (a phone number) against it.
 */
static void
private_digest(const char *value, char *hex)
{
	static EnQuery key_query = {
		"SELECT s.value FROM ONLY enforcement.secrets s "
		"WHERE s.name OPERATOR(pg_catalog.=) 'record'",
		0, {0}, NULL
	};
	EnCall		call;
	bool		isnull;
	bytea	   *key;
	uint8		mac[HASH_LEN];
	pg_hmac_ctx *ctx;

	en_begin(&call);
	en_exec(&key_query, NULL, NULL, 1, false);
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the installation has no key for private columns"),
				 errdetail("Table enforcement.secrets needs a row \"record\".")));
	key = DatumGetByteaPCopy(en_get(0, 1, &isnull));
	en_end(&call);

	ctx = pg_hmac_create(PG_SHA256);
	if (ctx == NULL ||
		pg_hmac_init(ctx, (uint8 *) VARDATA(key), VARSIZE(key) - VARHDRSZ) < 0 ||
		pg_hmac_update(ctx, (const uint8 *) value, strlen(value)) < 0 ||
		pg_hmac_final(ctx, mac, HASH_LEN) < 0)
		elog(ERROR, "could not compute HMAC-SHA256");
	pg_hmac_free(ctx);
	hex_encode((char *) mac, HASH_LEN, hex);
	hex[HASH_LEN * 2] = '\0';
}

/*
 * The row of a trigger tuple as jsonb.  Private columns (the record
 * trigger's arguments after the scope) are replaced by
 * "hmac-sha256:<hex>" of their text (private_digest()), so the record
 * commits to them without showing them.
 */
static Jsonb *
row_as_jsonb(HeapTuple tuple, TupleDesc tupdesc, Trigger *trigger)
{
	Datum		composite;
	Datum		json;
	char	   *json_text;

	for (int i = 1; i < trigger->tgnargs; i++)
	{
		int			attnum = SPI_fnumber(tupdesc, trigger->tgargs[i]);
		bool		isnull;
		char	   *value;

		if (attnum <= 0)
			continue;
		value = SPI_getvalue(tuple, tupdesc, attnum);
		(void) heap_getattr(tuple, attnum, tupdesc, &isnull);
		if (!isnull && value != NULL)
		{
			char		hex[HASH_LEN * 2 + 1];
			Datum		masked;
			bool		masked_null = false;

			private_digest(value, hex);
			masked = CStringGetTextDatum(psprintf("hmac-sha256:%s", hex));
			tuple = heap_modify_tuple_by_cols(tuple, tupdesc, 1, &attnum,
											  &masked, &masked_null);
		}
	}
	composite = heap_copy_tuple_as_datum(tuple, tupdesc);
	json = DirectFunctionCall1(row_to_json, composite);
	json_text = text_to_cstring(DatumGetTextPP(json));
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in,
											  CStringGetDatum(json_text)));
}

/*
 * AFTER INSERT OR UPDATE row trigger attached by declare_table(): records
 * the row in the process record.  Its argument is the table's agency
 * scope (see scope.c).
 */
Datum
en_record_row(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	HeapTuple	tuple;
	TupleDesc	tupdesc;
	int			attnum;
	int64		row_id = 0;
	bool		has_row_id = false;
	int64		chain;

	en_check_trigger(fcinfo, "record_row");
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired after INSERT or UPDATE for each row",
						"record_row")));
	if (en_restoring())
		return PointerGetDatum(NULL);

	rel = trigdata->tg_relation;
	tupdesc = RelationGetDescr(rel);
	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;

	attnum = SPI_fnumber(tupdesc, "id");
	if (attnum > 0)
	{
		bool		isnull;
		Datum		d = heap_getattr(tuple, attnum, tupdesc, &isnull);

		if (!isnull)
		{
			row_id = DatumGetInt64(d);
			has_row_id = true;
		}
	}
	chain = en_scope_agency(trigdata->tg_trigger, tuple, tupdesc);
	en_record_append(chain, RelationGetRelationName(rel),
					 TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
					 "UPDATE" : "INSERT",
					 has_row_id ? &row_id : NULL,
					 row_as_jsonb(tuple, tupdesc, trigdata->tg_trigger));
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

/* Reads every chain head; runs inside en_begin(). */
static void
load_heads(HeadSet *heads)
{
	static EnQuery query = {
		"SELECT h.chain, h.seq, h.hash FROM ONLY enforcement.chain_heads h "
		"ORDER BY h.chain",
		0, {0}, NULL
	};

	en_exec_read(&query, NULL, NULL, 0);
	heads->n = (int) SPI_processed;
	heads->chain = palloc(sizeof(int64) * Max(heads->n, 1));
	heads->seq = palloc(sizeof(int64) * Max(heads->n, 1));
	heads->hash = palloc0(HASH_LEN * Max(heads->n, 1));
	for (int i = 0; i < heads->n; i++)
	{
		bool		isnull;
		bytea	   *hash_b = DatumGetByteaPP(en_get(i, 3, &isnull));

		heads->chain[i] = DatumGetInt64(en_get(i, 1, &isnull));
		heads->seq[i] = DatumGetInt64(en_get(i, 2, &isnull));
		if (VARSIZE_ANY_EXHDR(hash_b) == HASH_LEN)
			memcpy(heads->hash + HASH_LEN * i, VARDATA_ANY(hash_b), HASH_LEN);
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
	static EnQuery entries = {
		"SELECT l.seq, l.chain, l.logged_at, l.txid, l.db_user, l.table_name, "
		"l.operation, l.row_id, l.row_data, l.prev_hash, l.hash "
		"FROM ONLY enforcement.process_log l ORDER BY l.chain, l.seq",
		0, {0}, NULL
	};
	TupleDesc	result_desc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	EnCall		call;
	Portal		portal;
	HeadSet		heads;
	ChainWalk	walk;
	BadSeq		bad = {false, 0};
	bool		in_chain = false;
	int			next_head = 0;
	int64		count = 0;
	MemoryContext row_cxt;

	if (get_call_result_type(fcinfo, NULL, &result_desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	result_desc = BlessTupleDesc(result_desc);
	row_cxt = AllocSetContextCreate(CurrentMemoryContext, "verify entry",
									ALLOCSET_DEFAULT_SIZES);

	en_begin(&call);
	load_heads(&heads);
	if (entries.plan == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare(entries.sql, 0, NULL);

		if (plan == NULL || SPI_keepplan(plan) != 0)
			elog(ERROR, "SPI_prepare failed for \"%s\"", entries.sql);
		entries.plan = plan;
	}
	portal = SPI_cursor_open(NULL, entries.plan, NULL, NULL, true);
	for (;;)
	{
		SPI_cursor_fetch(portal, true, 1000);
		if (SPI_processed == 0)
			break;
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			bool		isnull;
			int64		seq = DatumGetInt64(en_get(r, 1, &isnull));
			int64		chain = DatumGetInt64(en_get(r, 2, &isnull));
			TimestampTz at = DatumGetTimestampTz(en_get(r, 3, &isnull));
			int64		txid = DatumGetInt64(en_get(r, 4, &isnull));
			bool		row_id_null;
			int64		row_id = DatumGetInt64(en_get(r, 8, &row_id_null));
			MemoryContext old_cxt = MemoryContextSwitchTo(row_cxt);
			Jsonb	   *row_data = DatumGetJsonbP(en_get(r, 9, &isnull));
			bytea	   *prev_b = DatumGetByteaPP(en_get(r, 10, &isnull));
			bytea	   *hash_b = DatumGetByteaPP(en_get(r, 11, &isnull));
			bool		good_shape = VARSIZE_ANY_EXHDR(prev_b) == HASH_LEN &&
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

			if (!good_shape ||
				memcmp(VARDATA_ANY(prev_b), walk.expect, HASH_LEN) != 0)
				mark_bad(&bad, seq);
			else
			{
				StringInfoData entry;
				uint8		computed[HASH_LEN];

				initStringInfo(&entry);
				canonical_entry(&entry, seq, chain, at, txid,
								en_get_text(r, 5), en_get_text(r, 6),
								en_get_text(r, 7),
								row_id_null ? NULL : &row_id, row_data);
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
			MemoryContextSwitchTo(old_cxt);
			MemoryContextReset(row_cxt);
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);
	if (in_chain)
		end_chain(&heads, &walk, &bad);
	for (; next_head < heads.n; next_head++)
		if (heads.seq[next_head] != 0)
			mark_bad(&bad, heads.seq[next_head]);
	en_end(&call);

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
	static EnQuery heads = {
		"SELECT h.chain, h.seq, h.hash FROM ONLY enforcement.chain_heads h "
		"ORDER BY h.chain",
		0, {0}, NULL
	};
	TupleDesc	result_desc;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	EnCall		call;
	StringInfoData all;
	uint8		zero[HASH_LEN] = {0};
	uint8		digest[HASH_LEN];
	int64		max_seq = 0;

	if (get_call_result_type(fcinfo, NULL, &result_desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	result_desc = BlessTupleDesc(result_desc);

	initStringInfo(&all);
	put_text(&all, "enforcement.chain_head/1");
	en_begin(&call);
	en_exec_read(&heads, NULL, NULL, 0);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		bool		isnull;
		int64		seq = DatumGetInt64(en_get(r, 2, &isnull));
		bytea	   *hash_b = DatumGetByteaPP(en_get(r, 3, &isnull));

		put_int64(&all, DatumGetInt64(en_get(r, 1, &isnull)));
		put_int64(&all, seq);
		appendBinaryStringInfo(&all, VARDATA_ANY(hash_b),
							   VARSIZE_ANY_EXHDR(hash_b));
		max_seq = Max(max_seq, seq);
	}
	en_end(&call);
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
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	const char *relname;
	const char *op;

	en_check_trigger(fcinfo, "protect_record");
	relname = RelationGetRelationName(trigdata->tg_relation);
	/* the extension's own writes; a restore only inserts */
	if (writing_record > 0 && !TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
							   trigdata->tg_newtuple : trigdata->tg_trigtuple);
	if (en_restoring() && TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		return PointerGetDatum(trigdata->tg_trigtuple);
	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		op = "INSERT";
	else if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		op = "UPDATE";
	else if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		op = "DELETE";
	else
		op = "TRUNCATE";
	en_report_kind(EN_REPORT_STRICT, ERRCODE_EN_APPEND_ONLY, "REC-1",
				   relname, NULL,
				   gettext_noop("the process record is written only by the extension and never changed (REC-1)"),
				   gettext_noop("Entries are appended by the extension's triggers; an auditor checks them with enforcement.verify_process_log()."),
				   gettext_noop("%s on table enforcement.%s."), op, relname);
	return PointerGetDatum(NULL);	/* not reached */
}

PG_FUNCTION_INFO_V1(en_restoring_sql);

/* restoring() → boolean */
Datum
en_restoring_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(en_restoring());
}
