/*-------------------------------------------------------------------------
 *
 * legacy.c
 *	  Entry points that only earlier versions' SQL objects name.
 *
 * The library serves every version of the extension's objects, so that an
 * installation at 1.0 can be created and updated.  Versions up to 1.2
 * scoped some tables through functions of a parent row and a separate
 * trigger; their objects still name these entry points until ALTER
 * EXTENSION ... UPDATE replaces them.  The functions answer as before, and
 * the declaration declares as before for those versions' scripts; the
 * scope trigger refuses every write, with the hint to update.
 *
 * Layer 4.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "lookup.h"
#include "probe.h"
#include "scope.h"

#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(en_officer_agency);
PG_FUNCTION_INFO_V1(en_plan_agency);
PG_FUNCTION_INFO_V1(en_inspection_agency);
PG_FUNCTION_INFO_V1(en_agency_scope);
PG_FUNCTION_INFO_V1(en_declare_table);

static const char *const agency_column[] = {"agency_id"};
static EnIndex officers_pkey =
EN_INDEX("officers", "officers_pkey", agency_column);
static EnIndex plans_pkey =
EN_INDEX("inspection_plans", "inspection_plans_pkey", agency_column);
static EnIndex inspections_pkey =
EN_INDEX("inspections", "inspections_pkey", agency_column);

/* The agency of a parent row, for a caller who may see it; else NULL. */
static Datum
parent_agency(FunctionCallInfo fcinfo, EnIndex *index)
{
	EnProbe		probe;
	EnKey		keys[1];
	bool		isnull = true;
	int64		agency = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	keys[0] = (EnKey) EN_EQ(1, PG_GETARG_DATUM(0));
	en_probe_open(&probe, index, en_read_snapshot(), false);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (en_probe_next(&probe))
		agency = en_probe_int64(&probe, 0, &isnull);
	en_probe_close(&probe);
	if (isnull || !en_may_see_agency(agency))
		PG_RETURN_NULL();
	PG_RETURN_INT64(agency);
}

/* officer_agency(officer_id bigint) → bigint (1.0 to 1.2) */
Datum
en_officer_agency(PG_FUNCTION_ARGS)
{
	return parent_agency(fcinfo, &officers_pkey);
}

/* plan_agency(plan_id bigint) → bigint (1.2) */
Datum
en_plan_agency(PG_FUNCTION_ARGS)
{
	return parent_agency(fcinfo, &plans_pkey);
}

/* inspection_agency(inspection_id bigint) → bigint (1.2) */
Datum
en_inspection_agency(PG_FUNCTION_ARGS)
{
	return parent_agency(fcinfo, &inspections_pkey);
}

/* agency_scope() → trigger (1.0 to 1.2): the objects need the update. */
Datum
en_agency_scope(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("the extension's objects are older than its library"),
			 errhint("Run ALTER EXTENSION enforcement UPDATE.")));
	PG_RETURN_NULL();			/* not reached */
}

/*
 * declare_table(tbl regclass, scope text[, private_columns text[]]) → void
 * (1.0 to 1.2): the declaration of those versions, for their own scripts.
 * The scope is an agency column, or "officer:", "plan:" or "inspection:"
 * and the column naming that row; the record trigger takes the scope and
 * the private columns as its arguments.
 */
Datum
en_declare_table(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_ARGISNULL(0) ? InvalidOid : PG_GETARG_OID(0);
	const char *scope = PG_ARGISNULL(1) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *nspname = get_namespace_name(get_rel_namespace(relid));
	char	   *relname = get_rel_name(relid);
	const char *qualified;
	const char *scope_lit;
	const char *agency_expr = NULL;
	const char *trigger_args;
	EnLookup	lk;

	if (nspname == NULL || relname == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	if (!superuser() || !creating_extension)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("declare_table() runs only from the extension's own scripts"),
				 errhint("Tables are declared by CREATE EXTENSION and ALTER EXTENSION ... UPDATE.")));
	qualified = quote_qualified_identifier(nspname, relname);
	scope_lit = quote_literal_cstr(scope);
	if (strchr(scope, ':') != NULL)
	{
		const char *colon = strchr(scope, ':');
		char	   *parent = pnstrdup(scope, colon - scope);

		if (strcmp(parent, "officer") != 0 && strcmp(parent, "plan") != 0 &&
			strcmp(parent, "inspection") != 0)
			elog(ERROR, "unknown scope \"%s\"", scope);
		agency_expr = psprintf("enforcement.%s_agency(%s)", parent,
							   quote_identifier(colon + 1));
	}
	else if (scope[0] != '\0')
		agency_expr = quote_identifier(scope);

	trigger_args = scope_lit;
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
	{
		Datum	   *elems;
		bool	   *nulls;
		int			n;

		deconstruct_array(PG_GETARG_ARRAYTYPE_P(2), TEXTOID, -1, false,
						  TYPALIGN_INT, &elems, &nulls, &n);
		for (int i = 0; i < n; i++)
			if (!nulls[i])
				trigger_args = psprintf("%s, %s", trigger_args,
										quote_literal_cstr(TextDatumGetCString(elems[i])));
	}

	en_lookup_begin(&lk);
	en_run_ddl(&lk, psprintf("CREATE TRIGGER record_row AFTER INSERT OR UPDATE ON %s "
							 "FOR EACH ROW EXECUTE FUNCTION enforcement.record_row(%s)",
							 qualified, trigger_args));
	en_run_ddl(&lk, psprintf("CREATE TRIGGER forbid_delete BEFORE DELETE ON %s "
							 "FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete()",
							 qualified));
	en_run_ddl(&lk, psprintf("CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON %s "
							 "FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete()",
							 qualified));
	if (agency_expr)
	{
		en_run_ddl(&lk, psprintf("CREATE TRIGGER agency_scope BEFORE INSERT OR UPDATE ON %s "
								 "FOR EACH ROW EXECUTE FUNCTION enforcement.agency_scope(%s)",
								 qualified, scope_lit));
		en_run_ddl(&lk, psprintf("ALTER TABLE %s ENABLE ROW LEVEL SECURITY", qualified));
		en_run_ddl(&lk, psprintf("CREATE POLICY agency_writer ON %s FOR ALL "
								 "TO enforcement_writer "
								 "USING (enforcement.acts_for(%s)) "
								 "WITH CHECK (enforcement.acts_for(%s))",
								 qualified, agency_expr, agency_expr));
		en_run_ddl(&lk, psprintf("CREATE POLICY supervision_read ON %s FOR SELECT "
								 "TO enforcement_supervisor, enforcement_auditor "
								 "USING (true)", qualified));
	}
	en_run_ddl(&lk, psprintf("REVOKE ALL ON %s FROM PUBLIC", qualified));
	en_run_ddl(&lk, psprintf("SELECT pg_catalog.pg_extension_config_dump(%s::pg_catalog.regclass, '')",
							 quote_literal_cstr(qualified)));
	en_lookup_end(&lk);
	PG_RETURN_VOID();
}
