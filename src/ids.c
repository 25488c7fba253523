/*-------------------------------------------------------------------------
 *
 * ids.c
 *	  Identifiers that never collide between installations.
 *
 * Every id is a bigint from enforcement.next_id(): the installation's node
 * id in the ten bits below the sign, and a counter from enforcement.id_seq
 * in the low 53 bits.  The node id is 0 until enforcement.set_node_id()
 * sets it, once; it is an ordinary row, so a set_node_id() that rolls back
 * leaves nothing behind, and the counter, which never reaches the node
 * bits, survives a dump and restore by itself.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/sequence.h"
#include "fmgr.h"
#include "storage/proc.h"

#define EN_NODE_SHIFT	53
#define EN_NODE_MAX		1023

PG_FUNCTION_INFO_V1(en_next_id);
PG_FUNCTION_INFO_V1(en_node_id);
PG_FUNCTION_INFO_V1(en_set_node_id);

/* The node id as read in the current transaction. */
static LocalTransactionId node_lxid = InvalidLocalTransactionId;
static int32 node_cached = 0;
static bool callback_registered = false;

/* A rolled-back subtransaction may have set the node id: read it again. */
static void
forget_node_id(SubXactEvent event,
			   SubTransactionId mySubid pg_attribute_unused(),
			   SubTransactionId parentSubid pg_attribute_unused(),
			   void *arg pg_attribute_unused())
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		node_lxid = InvalidLocalTransactionId;
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

/* The node id, read once per transaction. */
static int32
current_node_id(void)
{
	if (!callback_registered)
	{
		RegisterSubXactCallback(forget_node_id, NULL);
		callback_registered = true;
	}
	if (node_lxid != MyProc->lxid)
	{
		EnCall		call;

		en_begin(&call);
		node_cached = read_node_id(false);
		en_end(&call);
		node_lxid = MyProc->lxid;
	}
	return node_cached;
}

/* next_id() → bigint */
Datum
en_next_id(PG_FUNCTION_ARGS)
{
	int64		counter = nextval_internal(en_relid("id_seq"), false);

	PG_RETURN_INT64(((int64) current_node_id() << EN_NODE_SHIFT) | counter);
}

/* node_id() → integer */
Datum
en_node_id(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(current_node_id());
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
	int32		node = PG_GETARG_INT32(0);
	int32		current;
	EnCall		call;
	Datum		arg;

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
	en_end(&call);

	node_cached = node;
	node_lxid = MyProc->lxid;
	PG_RETURN_INT32(node);
}
