/*-------------------------------------------------------------------------
 *
 * ids.c
 *	  Identifiers that never collide between installations.
 *
 * Every id is a bigint: the installation's node id in the ten bits below
 * the sign, and a counter in the low 53 bits.  Rows take theirs from
 * enforcement.next_id() (the counter enforcement.id_seq), the process
 * record's entries from enforcement.process_log_seq, so that two
 * installations' records brought together never collide either.  The
 * node id is 0 until enforcement.set_node_id() sets it, once; it is an
 * ordinary row, so a set_node_id() that rolls back leaves nothing behind,
 * and the counters, which never reach the node bits, survive a dump and
 * restore by themselves.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "ids.h"
#include "lookup.h"
#include "schema.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/sequence.h"
#include "fmgr.h"
#include "storage/proc.h"
#include "utils/inval.h"

PG_FUNCTION_INFO_V1(en_next_id);
PG_FUNCTION_INFO_V1(en_node_id);
PG_FUNCTION_INFO_V1(en_set_node_id);

/*
 * The node id as read: once set it never changes (it is fixed once
 * written, in every mode), so it is kept for the backend, and forgotten
 * only when the installation's table changes (a restore, the extension
 * dropped).  Unset (0), it is read again in each transaction.
 */
static LocalTransactionId node_lxid = InvalidLocalTransactionId;
static int32 node_cached = 0;
static Oid	installation_relid = InvalidOid;
static bool callback_registered = false;

/* A rolled-back subtransaction may have set the node id: read it again. */
static void
forget_node_id(SubXactEvent event,
			   SubTransactionId mySubid pg_attribute_unused(),
			   SubTransactionId parentSubid pg_attribute_unused(),
			   void *arg pg_attribute_unused())
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
	{
		node_lxid = InvalidLocalTransactionId;
		node_cached = 0;
	}
}

/* A rolled-back transaction may have set the node id: read it again. */
static void
forget_node_id_at_abort(XactEvent event, void *arg pg_attribute_unused())
{
	if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT)
	{
		node_lxid = InvalidLocalTransactionId;
		node_cached = 0;
	}
}

static void
installation_changed(Datum arg pg_attribute_unused(), Oid relid)
{
	if (!OidIsValid(relid) || relid == installation_relid)
	{
		node_lxid = InvalidLocalTransactionId;
		node_cached = 0;
		installation_relid = InvalidOid;
	}
}

/* Reads the node id, 0 when unset. */
static int32
read_node_id(EnLookup *lk, bool lock)
{
	EN_QUERY0(select, "SELECT i.node_id FROM enforcement.installation i");
	EN_QUERY0(select_lock, "SELECT i.node_id FROM enforcement.installation i FOR UPDATE OF i");
	bool		isnull;
	Datum		d;

	if (en_run(lk, lock ? &select_lock : &select, NULL, NULL, 1, 0) == 0)
		return 0;
	d = en_result(lk, 0, 1, &isnull);
	return isnull ? 0 : DatumGetInt32(d);
}

static void
register_callbacks(void)
{
	if (!callback_registered)
	{
		RegisterSubXactCallback(forget_node_id, NULL);
		RegisterXactCallback(forget_node_id_at_abort, NULL);
		CacheRegisterRelcacheCallback(installation_changed, (Datum) 0);
		callback_registered = true;
	}
}

/* The node id, read once per transaction until it is set. */
int32
en_current_node_id(void)
{
	register_callbacks();
	if (node_cached == 0 && node_lxid != MyProc->lxid)
	{
		EnLookup	lk;

		installation_relid = en_relid("installation");
		en_lookup_begin(&lk);
		node_cached = read_node_id(&lk, false);
		en_lookup_end(&lk);
		node_lxid = MyProc->lxid;
	}
	return node_cached;
}

/* A new id from one of the extension's counters, with the node bits. */
int64
en_new_id(const char *sequence)
{
	int64		counter = nextval_internal(en_relid(sequence), false);

	return ((int64) en_current_node_id() << EN_NODE_SHIFT) | counter;
}

/* next_id() → bigint */
Datum
en_next_id(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(en_new_id("id_seq"));
}

/* node_id() → integer */
Datum
en_node_id(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(en_current_node_id());
}

/* set_node_id(integer) → integer: sets the node id, once. */
Datum
en_set_node_id(PG_FUNCTION_ARGS)
{
	EN_QUERY0(lock_table, "LOCK TABLE enforcement.installation IN EXCLUSIVE MODE");
	EN_QUERY(insert, "INSERT INTO enforcement.installation (node_id) VALUES ($1)", INT4OID);
	int32		node;
	int32		current;
	EnLookup	lk;
	Datum		arg;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	node = PG_GETARG_INT32(0);
	if (node < 1 || node > EN_NODE_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("node id %d is out of range", node),
				 errdetail("A node id is between 1 and %d.", EN_NODE_MAX)));

	en_lookup_begin(&lk);
	en_run(&lk, &lock_table, NULL, NULL, 0, 0);
	current = read_node_id(&lk, true);
	if (current != 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("node id is already set to %d", current),
				 errdetail("The node id of an installation is set once, so that its ids never change meaning."),
				 errhint("Give each installation its own node id when it is set up.")));
	arg = Int32GetDatum(node);
	en_run(&lk, &insert, &arg, NULL, 0, 0);
	en_lookup_end(&lk);

	register_callbacks();
	node_cached = node;
	node_lxid = MyProc->lxid;
	PG_RETURN_INT32(node);
}
