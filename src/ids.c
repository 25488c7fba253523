/*-------------------------------------------------------------------------
 *
 * ids.c
 *	  Identifiers that never collide between installations.
 *
 * Every id is a bigint from enforcement.next_id().  Its top ten bits (below
 * the sign) carry the installation's node id and the low 53 bits count.
 * The node id is 0 until enforcement.set_node_id() sets it, once, and
 * set_node_id() moves the shared sequence into its node's range, so
 * next_id() itself only draws from the sequence.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "catalog/pg_type.h"
#include "commands/sequence.h"
#include "fmgr.h"

#define EN_NODE_SHIFT	53
#define EN_NODE_MAX		1023
#define EN_COUNTER_MASK ((INT64CONST(1) << EN_NODE_SHIFT) - 1)

PG_FUNCTION_INFO_V1(en_next_id);
PG_FUNCTION_INFO_V1(en_node_id);
PG_FUNCTION_INFO_V1(en_set_node_id);

/* next_id() → bigint */
Datum
en_next_id(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(nextval_internal(en_relid("id_seq"), false));
}

/* Reads the node id, 0 when unset; call inside en_begin(). */
static int32
read_node_id(bool lock)
{
	static EnQuery select = {
		"SELECT i.node_id FROM enforcement.installation i", 0, {0}, NULL
	};
	static EnQuery select_lock = {
		"SELECT i.node_id FROM enforcement.installation i FOR UPDATE OF i",
		0, {0}, NULL
	};
	bool		isnull;
	Datum		d;

	en_exec(lock ? &select_lock : &select, NULL, NULL, 1, false);
	if (SPI_processed == 0)
		return 0;
	d = en_get(0, 1, &isnull);
	return isnull ? 0 : DatumGetInt32(d);
}

/* node_id() → integer */
Datum
en_node_id(PG_FUNCTION_ARGS)
{
	EnCall		call;
	int32		node;

	en_begin(&call);
	node = read_node_id(false);
	en_end(&call);
	PG_RETURN_INT32(node);
}

/* set_node_id(integer) → integer: sets the node id, once. */
Datum
en_set_node_id(PG_FUNCTION_ARGS)
{
	static EnQuery lock_table = {
		"LOCK TABLE enforcement.installation IN EXCLUSIVE MODE", 0, {0}, NULL
	};
	static EnQuery insert = {
		"INSERT INTO enforcement.installation (node_id) VALUES ($1)",
		1, {INT4OID}, NULL
	};
	static EnQuery sequence = {
		"SELECT s.last_value, s.is_called FROM enforcement.id_seq s", 0, {0}, NULL
	};
	static EnQuery setval = {
		"SELECT pg_catalog.setval('enforcement.id_seq'::pg_catalog.regclass, $1, true)",
		1, {INT8OID}, NULL
	};
	int32		node = PG_GETARG_INT32(0);
	int32		current;
	EnCall		call;
	Datum		arg;
	bool		isnull;
	int64		last_value;
	bool		is_called;

	if (node < 1 || node > EN_NODE_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("node id %d is out of range", node),
				 errdetail("A node id is between 1 and %d.", EN_NODE_MAX)));

	en_begin(&call);
	en_exec(&lock_table, NULL, NULL, 0, false);
	current = read_node_id(true);
	if (current != 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("node id is already set to %d", current),
				 errdetail("The node id of an installation is set once, so that its ids never change meaning."),
				 errhint("Give each installation its own node id when it is set up.")));

	arg = Int32GetDatum(node);
	en_exec(&insert, &arg, NULL, 0, false);

	en_exec(&sequence, NULL, NULL, 1, false);
	last_value = DatumGetInt64(en_get(0, 1, &isnull));
	is_called = DatumGetBool(en_get(0, 2, &isnull));
	if (!is_called)
		last_value--;
	arg = Int64GetDatum(((int64) node << EN_NODE_SHIFT) |
						(last_value & EN_COUNTER_MASK));
	en_exec(&setval, &arg, NULL, 0, false);
	en_end(&call);

	PG_RETURN_INT32(node);
}
