/*-------------------------------------------------------------------------
 *
 * checkin.c
 *	  QR check-in (扫码入企, INSP-8): a signed token per inspection, which
 *	  the inspected enterprise verifies without access to any other row.
 *
 * A token is the base64url text, without padding, of
 *
 *		version		 1 byte (1)
 *		inspection	 8 bytes, the id, big-endian
 *		day			 4 bytes, inspected_on as days since 2000-01-01, big-endian
 *		MAC			16 bytes, HMAC-SHA256(key, the 13 bytes above), truncated
 *
 * that is 29 bytes, 39 characters: small enough for a QR code on the
 * inspection notice.  The key is the installation's own: 32 random bytes
 * made at CREATE EXTENSION (or by the update to 1.2), kept in
 * enforcement.secrets, which only the extension's owner reads, and carried
 * by a dump, so that a restored database still verifies what it issued.
 * The key is never part of the process record.  The MAC covers the day
 * too, so that a token does not pass for an inspection of another day.
 *
 * checkin_token() makes the token of an inspection the acting role may see
 * (a writer: of the agencies it acts for).  verify_checkin() never raises
 * for what it is given: a malformed, tampered or foreign token, or one of
 * an inspection that does not exist, gives one row with valid false and
 * nothing else.  A good token gives the agency's name, the officers' names
 * and the number of each one's certificate valid on the day, read as the
 * extension's owner, so that the verifying role needs no other access.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "lookup.h"
#include "scope.h"

#include "catalog/pg_type.h"
#include "common/hmac.h"
#include "common/sha2.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(en_new_secret);
PG_FUNCTION_INFO_V1(en_checkin_token);
PG_FUNCTION_INFO_V1(en_verify_checkin);

#define TOKEN_VERSION	1
#define PAYLOAD_LEN		13		/* version, inspection id, day */
#define MAC_LEN			16		/* HMAC-SHA256, truncated */
#define TOKEN_BYTES		(PAYLOAD_LEN + MAC_LEN)
#define TOKEN_CHARS		((TOKEN_BYTES * 4 + 2) / 3)	/* base64url, no padding */

/* The key's row in enforcement.secrets, and the lengths accepted. */
#define KEY_NAME		"checkin"
#define KEY_NEW_LEN		32
#define KEY_MIN_LEN		16
#define KEY_MAX_LEN		64

static const char base64url[] =
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* The key; one plan, run by both functions as the extension's owner. */
EN_QUERY0(key_query, "SELECT s.value FROM ONLY enforcement.secrets s "
	"WHERE s.name OPERATOR(pg_catalog.=) '" KEY_NAME "'");

/*
 * new_secret() → bytea: a new key of 32 bytes from the server's strong
 * random source, for the installation script.
 */
Datum
en_new_secret(PG_FUNCTION_ARGS)
{
	bytea	   *key = palloc(VARHDRSZ + KEY_NEW_LEN);

	SET_VARSIZE(key, VARHDRSZ + KEY_NEW_LEN);
	if (!pg_strong_random(VARDATA(key), KEY_NEW_LEN))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not generate a random check-in key")));
	PG_RETURN_BYTEA_P(key);
}

/*
 * Copies the key into key (KEY_MAX_LEN bytes) and returns its length.  A
 * missing or malformed key is an error: it is the installation that is
 * broken, not the token.
 */
static size_t
read_key(EnLookup *lk, uint8 *key, bool read_only)
{
	bool		isnull = true;
	bytea	   *value = NULL;
	size_t		len = 0;

	if (en_run(lk, &key_query, NULL, NULL, 1, read_only ? EN_READ_ONLY : 0) > 0)
	{
		Datum		d = en_result(lk, 0, 1, &isnull);

		if (!isnull)
		{
			value = DatumGetByteaPP(d);
			len = VARSIZE_ANY_EXHDR(value);
		}
	}
	if (isnull || len < KEY_MIN_LEN || len > KEY_MAX_LEN)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("check-in key is missing or malformed"),
				 errdetail("Table enforcement.secrets needs a row \"%s\" with a value of %d to %d bytes.",
						   KEY_NAME, KEY_MIN_LEN, KEY_MAX_LEN),
				 errhint("Restore the key from a dump of this database; a new key makes every check-in token issued so far invalid.")));
	memcpy(key, VARDATA_ANY(value), len);
	explicit_bzero(VARDATA_ANY(value), len);
	return len;
}

/* The MAC of a token's payload, into mac (MAC_LEN bytes). */
static void
sign(const uint8 *key, size_t key_len, const uint8 *payload, uint8 *mac)
{
	uint8		full[PG_SHA256_DIGEST_LENGTH];
	pg_hmac_ctx *ctx = pg_hmac_create(PG_SHA256);

	if (ctx == NULL)
		elog(ERROR, "out of memory");
	if (pg_hmac_init(ctx, key, key_len) < 0 ||
		pg_hmac_update(ctx, payload, PAYLOAD_LEN) < 0 ||
		pg_hmac_final(ctx, full, sizeof(full)) < 0)
	{
		char	   *why = pstrdup(pg_hmac_error(ctx));

		pg_hmac_free(ctx);
		elog(ERROR, "could not compute HMAC-SHA256: %s", why);
	}
	pg_hmac_free(ctx);
	memcpy(mac, full, MAC_LEN);
	explicit_bzero(full, sizeof(full));
}

/* Whether two MACs are equal, in time independent of where they differ. */
static bool
mac_equal(const uint8 *a, const uint8 *b)
{
	uint8		diff = 0;

	for (int i = 0; i < MAC_LEN; i++)
		diff |= a[i] ^ b[i];
	return diff == 0;
}

/* Writes the payload of an inspection's token into bytes. */
static void
put_payload(uint8 *bytes, int64 inspection_id, DateADT day)
{
	uint64		id = (uint64) inspection_id;
	uint32		d = (uint32) day;

	bytes[0] = TOKEN_VERSION;
	for (int i = 8; i >= 1; i--)
	{
		bytes[i] = (uint8) (id & 0xff);
		id >>= 8;
	}
	for (int i = 12; i >= 9; i--)
	{
		bytes[i] = (uint8) (d & 0xff);
		d >>= 8;
	}
}

/* The token's bytes as base64url text without padding. */
static char *
encode_token(const uint8 *bytes)
{
	char	   *out = palloc(TOKEN_CHARS + 1);
	uint32		acc = 0;
	int			bits = 0;
	int			n = 0;

	for (int i = 0; i < TOKEN_BYTES; i++)
	{
		acc = (acc << 8) | bytes[i];
		bits += 8;
		while (bits >= 6)
		{
			bits -= 6;
			out[n++] = base64url[(acc >> bits) & 0x3f];
		}
	}
	if (bits > 0)
		out[n++] = base64url[(acc << (6 - bits)) & 0x3f];
	Assert(n == TOKEN_CHARS);
	out[n] = '\0';
	return out;
}

/* The value of a base64url character, or -1. */
static int
base64url_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/*
 * Decodes a token into bytes (TOKEN_BYTES) and its inspection and day;
 * false unless it is exactly one token of the current version in canonical
 * base64url (unused trailing bits zero, so that no two texts are one token).
 */
static bool
decode_token(text *token, uint8 *bytes, int64 *inspection_id, DateADT *day)
{
	const char *s = VARDATA_ANY(token);
	uint32		acc = 0;
	int			bits = 0;
	int			n = 0;
	uint64		id = 0;
	uint32		d = 0;

	if (VARSIZE_ANY_EXHDR(token) != TOKEN_CHARS)
		return false;
	for (int i = 0; i < TOKEN_CHARS; i++)
	{
		int			v = base64url_value(s[i]);

		if (v < 0)
			return false;
		acc = (acc << 6) | (uint32) v;
		bits += 6;
		if (bits >= 8)
		{
			bits -= 8;
			bytes[n++] = (uint8) ((acc >> bits) & 0xff);
		}
	}
	if (n != TOKEN_BYTES || (acc & ((1U << bits) - 1)) != 0)
		return false;
	if (bytes[0] != TOKEN_VERSION)
		return false;
	for (int i = 1; i <= 8; i++)
		id = (id << 8) | bytes[i];
	for (int i = 9; i <= 12; i++)
		d = (d << 8) | bytes[i];
	*inspection_id = (int64) id;
	*day = (DateADT) (int32) d;
	return true;
}

/*
 * checkin_token(inspection_id bigint) → text: the check-in token of an
 * inspection, for the QR code the officers show on site.  The inspection
 * must exist and be one the acting role may see: a writer gets the same
 * error for another agency's inspection as for one that does not exist.
 */
Datum
en_checkin_token(PG_FUNCTION_ARGS)
{
	EN_QUERY(inspection, "SELECT i.agency_id, i.inspected_on "
		"FROM ONLY enforcement.inspections i "
		"WHERE i.id OPERATOR(pg_catalog.=) $1",
		INT8OID);
	int64		inspection_id;
	Datum		arg;
	EnLookup	lk;
	bool		found;
	bool		isnull;
	int64		agency_id = 0;
	DateADT		day = 0;
	uint8		key[KEY_MAX_LEN];
	size_t		key_len = 0;
	uint8		token[TOKEN_BYTES];
	char	   *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	inspection_id = PG_GETARG_INT64(0);
	arg = Int64GetDatum(inspection_id);
	en_lookup_begin(&lk);
	found = en_run(&lk, &inspection, &arg, NULL, 1, 0) > 0;
	if (found)
	{
		agency_id = en_result_int64(&lk, 0, 1, &isnull);
		day = DatumGetDateADT(en_result(&lk, 0, 2, &isnull));
		found = !isnull;
	}
	if (found)
		key_len = read_key(&lk, key, false);
	en_lookup_end(&lk);

	/* as the acting role: look-ups run as the owner */
	if (!found || !en_may_see_agency(agency_id))
	{
		explicit_bzero(key, sizeof(key));
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("inspection %lld does not exist",
						(long long) inspection_id),
				 errhint("Make check-in tokens only for inspections of the agencies your role acts for.")));
	}

	put_payload(token, inspection_id, day);
	sign(key, key_len, token, token + PAYLOAD_LEN);
	explicit_bzero(key, sizeof(key));
	result = encode_token(token);
	PG_RETURN_TEXT_P(cstring_to_text(result));
}

/*
 * verify_checkin(token text) → table(valid, inspection_id, agency_name,
 * officer_names, certificate_numbers, inspected_on): always one row; valid
 * false, and nothing else, unless the token is this installation's for an
 * inspection that exists on the token's day.
 */
Datum
en_verify_checkin(PG_FUNCTION_ARGS)
{
	/*
	 * The certificate of each officer valid on the day, neither suspended
	 * nor revoked on or before it (OFF-2), in the order of officer_ids.
	 */
	EN_QUERY(inspection, "SELECT a.name, "
		"(SELECT pg_catalog.array_agg(o.name ORDER BY u.ord) "
		" FROM pg_catalog.unnest(i.officer_ids) WITH ORDINALITY AS u(id, ord) "
		" LEFT JOIN ONLY enforcement.officers o "
		" ON o.id OPERATOR(pg_catalog.=) u.id), "
		"(SELECT pg_catalog.array_agg(c.number ORDER BY u.ord) "
		" FROM pg_catalog.unnest(i.officer_ids) WITH ORDINALITY AS u(id, ord) "
		" LEFT JOIN LATERAL (SELECT c.number "
		"  FROM ONLY enforcement.certificates c "
		"  WHERE c.officer_id OPERATOR(pg_catalog.=) u.id "
		"  AND enforcement.certificate_holds(c.valid_from, c.valid_to, "
		"  c.status, c.status_since, i.inspected_on) "
		"  ORDER BY c.valid_from DESC, c.id DESC LIMIT 1) c ON true) "
		"FROM ONLY enforcement.inspections i "
		"JOIN ONLY enforcement.agencies a "
		"ON a.id OPERATOR(pg_catalog.=) i.agency_id "
		"WHERE i.id OPERATOR(pg_catalog.=) $1 "
		"AND i.inspected_on OPERATOR(pg_catalog.=) $2",
		INT8OID, DATEOID);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		values[6];
	bool		nulls[6];
	uint8		token[TOKEN_BYTES];
	uint8		key[KEY_MAX_LEN];
	uint8		mac[MAC_LEN];
	size_t		key_len;
	int64		inspection_id;
	DateADT		day;
	EnLookup	lk;
	Datum		args[2];

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < 6; i++)
	{
		values[i] = (Datum) 0;
		nulls[i] = true;
	}
	values[0] = BoolGetDatum(false);
	nulls[0] = false;

	if (PG_ARGISNULL(0) ||
		!decode_token(PG_GETARG_TEXT_PP(0), token, &inspection_id, &day))
	{
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values,
							 nulls);
		return (Datum) 0;
	}

	en_lookup_begin(&lk);
	key_len = read_key(&lk, key, true);
	sign(key, key_len, token, mac);
	explicit_bzero(key, sizeof(key));
	if (mac_equal(mac, token + PAYLOAD_LEN))
	{
		args[0] = Int64GetDatum(inspection_id);
		args[1] = DateADTGetDatum(day);
		if (en_run(&lk, &inspection, args, NULL, 1, EN_READ_ONLY) > 0)
		{
			values[0] = BoolGetDatum(true);
			values[1] = Int64GetDatum(inspection_id);
			nulls[1] = false;
			for (int c = 0; c < 3; c++)
			{
				values[c + 2] = en_result(&lk, 0, c + 1, &nulls[c + 2]);
				/* stored in the tuplestore: never a pointer to TOAST */
				if (!nulls[c + 2])
					values[c + 2] = PointerGetDatum(PG_DETOAST_DATUM_PACKED(values[c + 2]));
			}
			values[5] = DateADTGetDatum(day);
			nulls[5] = false;
		}
	}
	en_lookup_end(&lk);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	return (Datum) 0;
}
