/*-------------------------------------------------------------------------
 *
 * declare.c
 *	  Making a table an enforcement table, in one step.
 *
 * declare_table(table, scope) gives a table everything the extension
 * promises of its records, so that none can be half-registered:
 *
 *	- the process record trigger (record.c), for INSERT and UPDATE;
 *	- the refusal of DELETE and TRUNCATE (append_only.c);
 *	- with an agency scope: the EN503 trigger and row security, writers
 *	  seeing their agencies' rows, supervisors and auditors all of them;
 *	- nothing for PUBLIC;
 *	- its data in pg_dump (pg_extension_config_dump);
 *	- private columns (the complainant) recorded by their SHA-256 only.
 *
 * It runs from the extension's scripts.  Names come from the catalog and
 * are quoted; the scope is one of the forms scope.c knows.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(en_declare_table);
PG_FUNCTION_INFO_V1(en_create_role);

static void
run_ddl(const char *sql)
{
	int			rc = SPI_execute(sql, false, 0);

	if (rc < 0)
		elog(ERROR, "could not run \"%s\": %s", sql,
			 SPI_result_code_string(rc));
}

/* declare_table(tbl regclass, scope text, private_columns text[]) → void */
Datum
en_declare_table(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	const char *scope = PG_ARGISNULL(1) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *nspname = get_namespace_name(get_rel_namespace(relid));
	char	   *relname = get_rel_name(relid);
	const char *qualified;
	const char *scope_lit;
	const char *agency_expr = NULL;
	const char *trigger_args;

	if (nspname == NULL || relname == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	if (!superuser())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only a superuser may declare an enforcement table")));
	qualified = quote_qualified_identifier(nspname, relname);
	scope_lit = quote_literal_cstr(scope);
	if (strchr(scope, ':') != NULL)
	{
		/* "officer:officer_id" → enforcement.officer_agency("officer_id") */
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

	/* the record trigger's arguments: the scope, then private columns */
	trigger_args = scope_lit;
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
	{
		ArrayType  *cols = PG_GETARG_ARRAYTYPE_P(2);
		Datum	   *elems;
		bool	   *nulls;
		int			n;

		deconstruct_array(cols, TEXTOID, -1, false, TYPALIGN_INT,
						  &elems, &nulls, &n);
		for (int i = 0; i < n; i++)
			if (!nulls[i])
				trigger_args = psprintf("%s, %s", trigger_args,
										quote_literal_cstr(TextDatumGetCString(elems[i])));
	}

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	run_ddl(psprintf("CREATE TRIGGER record_row AFTER INSERT OR UPDATE ON %s "
					 "FOR EACH ROW EXECUTE FUNCTION enforcement.record_row(%s)",
					 qualified, trigger_args));
	run_ddl(psprintf("CREATE TRIGGER forbid_delete BEFORE DELETE ON %s "
					 "FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete()",
					 qualified));
	run_ddl(psprintf("CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON %s "
					 "FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete()",
					 qualified));
	if (agency_expr)
	{
		run_ddl(psprintf("CREATE TRIGGER agency_scope BEFORE INSERT OR UPDATE ON %s "
						 "FOR EACH ROW EXECUTE FUNCTION enforcement.agency_scope(%s)",
						 qualified, scope_lit));
		run_ddl(psprintf("ALTER TABLE %s ENABLE ROW LEVEL SECURITY", qualified));
		run_ddl(psprintf("CREATE POLICY agency_writer ON %s FOR ALL "
						 "TO enforcement_writer "
						 "USING (enforcement.acts_for(%s)) "
						 "WITH CHECK (enforcement.acts_for(%s))",
						 qualified, agency_expr, agency_expr));
		run_ddl(psprintf("CREATE POLICY supervision_read ON %s FOR SELECT "
						 "TO enforcement_supervisor, enforcement_auditor "
						 "USING (true)", qualified));
	}
	run_ddl(psprintf("REVOKE ALL ON %s FROM PUBLIC", qualified));
	run_ddl(psprintf("SELECT pg_catalog.pg_extension_config_dump(%s::pg_catalog.regclass, '')",
					 quote_literal_cstr(qualified)));

	SPI_finish();
	PG_RETURN_VOID();
}

/* create_role(name text) → void: a NOLOGIN group role, if absent. */
Datum
en_create_role(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));

	if (OidIsValid(get_role_oid(name, true)))
		PG_RETURN_VOID();
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	run_ddl(psprintf("CREATE ROLE %s NOLOGIN", quote_identifier(name)));
	SPI_finish();
	PG_RETURN_VOID();
}
