/*-------------------------------------------------------------------------
 *
 * schema.c
 *	  The schema "enforcement", its owner and its relations.
 *
 * The schema's OID and owner are cached for the backend and forgotten
 * when any schema changes (the extension dropped and created again).
 * Every look-up runs as that owner.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "schema.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

static Oid	cached_namespace = InvalidOid;
static Oid	cached_owner = InvalidOid;
static bool callback_registered = false;

/* Forgets the cached schema when any schema changes. */
static void
namespace_changed(Datum arg pg_attribute_unused(),
				  int cacheid pg_attribute_unused(),
				  uint32 hashvalue pg_attribute_unused())
{
	cached_namespace = InvalidOid;
	cached_owner = InvalidOid;
}

/* The OID of the schema "enforcement"; errors if the extension is absent. */
Oid
en_namespace(void)
{
	if (!OidIsValid(cached_namespace))
	{
		HeapTuple	tuple;
		Oid			nsp;

		if (!callback_registered)
		{
			CacheRegisterSyscacheCallback(NAMESPACEOID, namespace_changed,
										  (Datum) 0);
			callback_registered = true;
		}
		nsp = get_namespace_oid(EN_SCHEMA, true);
		if (!OidIsValid(nsp))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_SCHEMA),
					 errmsg("extension \"enforcement\" is not installed in this database"),
					 errhint("Run CREATE EXTENSION enforcement as a superuser.")));
		tuple = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(nsp));
		if (!HeapTupleIsValid(tuple))
			elog(ERROR, "cache lookup failed for namespace %u", nsp);
		cached_owner = ((Form_pg_namespace) GETSTRUCT(tuple))->nspowner;
		ReleaseSysCache(tuple);
		cached_namespace = nsp;
	}
	return cached_namespace;
}

/* The owner of the schema "enforcement", as whom look-ups run. */
Oid
en_owner(void)
{
	(void) en_namespace();
	return cached_owner;
}

/* The OID of a relation of the schema "enforcement", or InvalidOid. */
Oid
en_relid_if_exists(const char *relname)
{
	return get_relname_relid(relname, en_namespace());
}

/* The OID of a relation of the schema "enforcement". */
Oid
en_relid(const char *relname)
{
	Oid			relid = en_relid_if_exists(relname);

	if (!OidIsValid(relid))
		elog(ERROR, "relation \"%s.%s\" does not exist", EN_SCHEMA, relname);
	return relid;
}
