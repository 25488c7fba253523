/*-------------------------------------------------------------------------
 *
 * declare.c
 *	  Making a table an enforcement table, in one step.
 *
 * declare_table() gives a table of the schema everything the extension
 * promises of its kind, so that none can be half-registered, and records
 * it in the catalog enforcement.declared_tables (its fixed vocabularies in
 * enforcement.vocabularies), from which every trigger reads its table's
 * descriptor (relinfo.c).  By kind:
 *
 *	records  enforcement data: the table's BEFORE check (its own rules or
 *			 check_row(), the frame alone), the process record trigger,
 *			 the refusal of DELETE and TRUNCATE; with an agency, row
 *			 security on the row's own agency column (writers see their
 *			 agencies' rows, supervisors and auditors all); grants to the
 *			 roles (supervisors and auditors never read private columns);
 *			 its data in pg_dump;
 *	log		 the process record itself: written by record.c only;
 *	secret	 the installation's keys: read by the owner only, in pg_dump;
 *	catalog  the extension's own description, recreated by CREATE
 *			 EXTENSION and so not dumped.
 *
 * Nothing for PUBLIC.  It runs from the extension's scripts only, as a
 * superuser; names come from the catalog and are quoted.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "lookup.h"
#include "relinfo.h"

#include "access/table.h"
#include "catalog/pg_proc.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/rel.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(en_declare);
PG_FUNCTION_INFO_V1(en_create_role);

/* A text[] argument as C strings; NULL for a NULL argument. */
static int
text_list(FunctionCallInfo fcinfo, int arg, char ***out)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	*out = NULL;
	if (PG_ARGISNULL(arg))
		return -1;
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(arg), TEXTOID, -1, false,
					  TYPALIGN_INT, &elems, &nulls, &n);
	*out = palloc(sizeof(char *) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			elog(ERROR, "a declared list may not contain NULL");
		(*out)[i] = TextDatumGetCString(elems[i]);
	}
	return n;
}

/* The type of a column of the table, or an error naming it. */
static Oid
column_type(Relation rel, const char *column)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), column) == 0)
			return att->atttypid;
	}
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_COLUMN),
			 errmsg("column \"%s\" of table \"%s\" does not exist", column,
					RelationGetRelationName(rel))));
	return InvalidOid;			/* not reached */
}

/* "SELECT, INSERT": privileges checked against their fixed list. */
static char *
privilege_list(char **privileges, int n)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "", privileges[i]);
	return buf.data;
}

/*
 * The GRANT of SELECT to supervisors, auditors and the owner of the
 * supervision views: every column but the private ones.
 */
static char *
readers_grant(Relation rel, const char *qualified, char **private_cols,
			  int nprivate, bool views)
{
	TupleDesc	desc = RelationGetDescr(rel);
	StringInfoData cols;
	int			ncols = 0;
	const char *readers = views ?
		"enforcement_supervisor, enforcement_auditor, enforcement_view_owner" :
		"enforcement_supervisor, enforcement_auditor";

	if (nprivate <= 0)
		return psprintf("GRANT SELECT ON %s TO %s", qualified, readers);
	initStringInfo(&cols);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		bool		private_col = false;

		if (att->attisdropped)
			continue;
		for (int p = 0; p < nprivate; p++)
			if (strcmp(NameStr(att->attname), private_cols[p]) == 0)
				private_col = true;
		if (private_col)
			continue;
		appendStringInfo(&cols, "%s%s", ncols++ > 0 ? ", " : "",
						 quote_identifier(NameStr(att->attname)));
	}
	return psprintf("GRANT SELECT (%s) ON %s TO %s", cols.data, qualified,
					readers);
}

/*
 * Whether the supervision views have their owner (since 1.6): the scripts
 * of that version create the role and view_sees() before any table is
 * declared; an older script, run by the newest library, gives the owner
 * nothing, and the update to 1.6 gives it what a fresh install does.
 */
static bool
views_owned(void)
{
	Oid			argtypes[1] = {INT8OID};

	return OidIsValid(get_role_oid("enforcement_view_owner", true)) &&
		OidIsValid(LookupFuncName(list_make2(makeString(EN_SCHEMA),
											 makeString("view_sees")),
								  1, argtypes, true));
}

/*
 * declare_table(tbl regclass, kind text, agency_column name, parent_table
 * name, parent_column name, private_columns text[], mutable_columns text[],
 * writer_privileges text[], strict boolean, check_function regprocedure,
 * vocabulary jsonb, once_columns text[], act_columns text[]) → void
 *
 * once_columns may be set once, from NULL, and are fixed after; act_columns
 * are the dates of acts, never after the day a row is recorded.
 */
Datum
en_declare(PG_FUNCTION_ARGS)
{
	EN_QUERY(record, "INSERT INTO enforcement.declared_tables (table_name, kind, "
		"agency_column, parent_table, parent_column, private_columns, "
		"mutable_columns, writer_privileges, strict, check_function) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
		NAMEOID, TEXTOID, NAMEOID, NAMEOID, NAMEOID, TEXTARRAYOID,
		TEXTARRAYOID, TEXTARRAYOID, BOOLOID, TEXTOID);
	EN_QUERY(columns, "INSERT INTO enforcement.declared_columns (table_name, column_name, kind) "
		"SELECT $1, c, $3 FROM pg_catalog.unnest($2::pg_catalog.name[]) c",
		NAMEOID, TEXTARRAYOID, TEXTOID);
	EN_QUERY(vocabulary, "INSERT INTO enforcement.vocabularies (table_name, column_name, terms) "
		"SELECT $1, e.key, ARRAY(SELECT pg_catalog.jsonb_array_elements_text(e.value)) "
		"FROM pg_catalog.jsonb_each($2) e RETURNING column_name::pg_catalog.text",
		NAMEOID, JSONBOID);
	Oid			relid;
	Relation	rel;
	char	   *relname;
	const char *qualified;
	const char *kind;
	char	  **private_cols;
	char	  **mutable_cols;
	char	  **writer_privs;
	char	  **once_cols;
	char	  **act_cols;
	int			nprivate,
				nmutable,
				nwriter,
				nonce,
				nact;
	bool		strict;
	const char *check_function = "enforcement.check_row()";
	EnLookup	lk;
	Datum		args[10];
	bool		nulls[10] = {false};
	NameData	names[4];
	char	   *readers;
	bool		views;

	if (!superuser())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only a superuser may declare an enforcement table")));
	if (!creating_extension)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("declare_table() runs only from the extension's own scripts"),
				 errhint("Tables are declared by CREATE EXTENSION and ALTER EXTENSION ... UPDATE.")));
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(8))
		elog(ERROR, "declare_table() needs a table, a kind and strict");
	relid = PG_GETARG_OID(0);
	kind = text_to_cstring(PG_GETARG_TEXT_PP(1));
	strict = PG_GETARG_BOOL(8);
	if (strcmp(kind, "records") != 0 && strcmp(kind, "log") != 0 &&
		strcmp(kind, "secret") != 0 && strcmp(kind, "catalog") != 0)
		elog(ERROR, "unknown kind of declared table \"%s\"", kind);

	rel = table_open(relid, AccessExclusiveLock);
	if (RelationGetNamespace(rel) != get_namespace_oid(EN_SCHEMA, false))
		elog(ERROR, "only a table of the schema \"%s\" is declared", EN_SCHEMA);
	relname = pstrdup(RelationGetRelationName(rel));
	qualified = quote_qualified_identifier(EN_SCHEMA, relname);

	/* every name given is a column of the table (or a known parent) */
	if (!PG_ARGISNULL(2))
		(void) column_type(rel, NameStr(*PG_GETARG_NAME(2)));
	if (PG_ARGISNULL(3) != PG_ARGISNULL(4) ||
		(!PG_ARGISNULL(3) && PG_ARGISNULL(2)))
		elog(ERROR, "a parent needs its column and the row's agency column");
	if (!PG_ARGISNULL(3))
	{
		if (!en_relinfo_is_parent(NameStr(*PG_GETARG_NAME(3))))
			elog(ERROR, "table \"%s\" cannot give its agency",
				 NameStr(*PG_GETARG_NAME(3)));
		(void) column_type(rel, NameStr(*PG_GETARG_NAME(4)));
	}
	nprivate = text_list(fcinfo, 5, &private_cols);
	for (int i = 0; i < nprivate; i++)
		(void) column_type(rel, private_cols[i]);
	nmutable = text_list(fcinfo, 6, &mutable_cols);
	for (int i = 0; i < nmutable; i++)
		(void) column_type(rel, mutable_cols[i]);
	/* the arguments since 1.4; an older script's call has none */
	nonce = PG_NARGS() > 11 ? text_list(fcinfo, 11, &once_cols) : -1;
	for (int i = 0; i < nonce; i++)
		(void) column_type(rel, once_cols[i]);
	nact = PG_NARGS() > 12 ? text_list(fcinfo, 12, &act_cols) : -1;
	for (int i = 0; i < nact; i++)
		if (column_type(rel, act_cols[i]) != DATEOID)
			elog(ERROR, "the date of an act is a date column");
	nwriter = text_list(fcinfo, 7, &writer_privs);
	for (int i = 0; i < nwriter; i++)
		if (strcmp(writer_privs[i], "SELECT") != 0 &&
			strcmp(writer_privs[i], "INSERT") != 0 &&
			strcmp(writer_privs[i], "UPDATE") != 0)
			elog(ERROR, "unknown writer privilege \"%s\"", writer_privs[i]);
	if (!PG_ARGISNULL(9))
	{
		Oid			fn = PG_GETARG_OID(9);

		if (get_func_rettype(fn) != TRIGGEROID ||
			get_func_namespace(fn) != RelationGetNamespace(rel))
			elog(ERROR, "a table's check is a trigger function of the schema \"%s\"",
				 EN_SCHEMA);
		check_function = format_procedure_qualified(fn);
	}

	views = views_owned();
	readers = readers_grant(rel, qualified, private_cols, nprivate, views);
	/* the lock is kept; DDL cannot run on a table this function holds open */
	table_close(rel, NoLock);

	en_lookup_begin(&lk);

	/* the catalog */
	namestrcpy(&names[0], relname);
	args[0] = NameGetDatum(&names[0]);
	args[1] = CStringGetTextDatum(kind);
	for (int i = 2; i <= 4; i++)
	{
		nulls[i] = PG_ARGISNULL(i);
		if (!nulls[i])
		{
			namestrcpy(&names[i - 1], NameStr(*PG_GETARG_NAME(i)));
			args[i] = NameGetDatum(&names[i - 1]);
		}
	}
	for (int i = 5; i <= 7; i++)
	{
		nulls[i] = PG_ARGISNULL(i);
		args[i] = nulls[i] ? (Datum) 0 : PG_GETARG_DATUM(i);
	}
	if (nulls[5])
	{
		nulls[5] = false;
		args[5] = PointerGetDatum(construct_empty_array(TEXTOID));
	}
	if (nulls[7])
	{
		nulls[7] = false;
		args[7] = PointerGetDatum(construct_empty_array(TEXTOID));
	}
	args[8] = BoolGetDatum(strict);
	args[9] = CStringGetTextDatum(check_function);
	en_run(&lk, &record, args, nulls, 0, 0);
	for (int i = 11; i <= 12; i++)
		if ((i == 11 ? nonce : nact) > 0)
		{
			Datum		cargs[3];

			cargs[0] = NameGetDatum(&names[0]);
			cargs[1] = PG_GETARG_DATUM(i);
			cargs[2] = CStringGetTextDatum(i == 11 ? "once" : "act");
			en_run(&lk, &columns, cargs, NULL, 0, 0);
		}
	if (!PG_ARGISNULL(10))
	{
		Datum		vargs[2];
		uint64		n;

		vargs[0] = NameGetDatum(&names[0]);
		vargs[1] = PG_GETARG_DATUM(10);
		n = en_run(&lk, &vocabulary, vargs, NULL, 0, 0);
		rel = table_open(relid, NoLock);
		for (uint64 i = 0; i < n; i++)
			if (column_type(rel, en_result_text(&lk, i, 1)) != TEXTOID)
				elog(ERROR, "a vocabulary is of a text column");
		table_close(rel, NoLock);
	}

	/* the objects of its kind */
	if (strcmp(kind, "log") == 0)
	{
		en_run_ddl(&lk, psprintf("CREATE TRIGGER protect_record BEFORE INSERT OR UPDATE OR DELETE ON %s "
								 "FOR EACH ROW EXECUTE FUNCTION enforcement.protect_record()",
								 qualified));
		en_run_ddl(&lk, psprintf("CREATE TRIGGER protect_record_truncate BEFORE TRUNCATE ON %s "
								 "FOR EACH STATEMENT EXECUTE FUNCTION enforcement.protect_record()",
								 qualified));
	}
	else
	{
		en_run_ddl(&lk, psprintf("CREATE TRIGGER check_row BEFORE INSERT OR UPDATE ON %s "
								 "FOR EACH ROW EXECUTE FUNCTION %s",
								 qualified, check_function));
		if (strcmp(kind, "records") == 0)
			en_run_ddl(&lk, psprintf("CREATE TRIGGER record_row AFTER INSERT OR UPDATE ON %s "
									 "FOR EACH ROW EXECUTE FUNCTION enforcement.record_row()",
									 qualified));
		en_run_ddl(&lk, psprintf("CREATE TRIGGER forbid_delete BEFORE DELETE ON %s "
								 "FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete()",
								 qualified));
		en_run_ddl(&lk, psprintf("CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON %s "
								 "FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete()",
								 qualified));
	}
	if (!PG_ARGISNULL(2) && strcmp(kind, "records") == 0)
	{
		const char *agency = quote_identifier(NameStr(*PG_GETARG_NAME(2)));

		en_run_ddl(&lk, psprintf("ALTER TABLE %s ENABLE ROW LEVEL SECURITY", qualified));
		en_run_ddl(&lk, psprintf("CREATE POLICY agency_writer ON %s FOR ALL "
								 "TO enforcement_writer "
								 "USING (enforcement.acts_for(%s)) "
								 "WITH CHECK (enforcement.acts_for(%s))",
								 qualified, agency, agency));
		en_run_ddl(&lk, psprintf("CREATE POLICY supervision_read ON %s FOR SELECT "
								 "TO enforcement_supervisor, enforcement_auditor "
								 "USING (true)", qualified));
		if (views)
			en_run_ddl(&lk, psprintf("CREATE POLICY view_read ON %s FOR SELECT "
									 "TO enforcement_view_owner "
									 "USING (enforcement.view_sees(%s))",
									 qualified, agency));
	}
	en_run_ddl(&lk, psprintf("REVOKE ALL ON %s FROM PUBLIC", qualified));
	if (strcmp(kind, "secret") != 0)
		en_run_ddl(&lk, readers);
	if (strcmp(kind, "catalog") == 0)
		en_run_ddl(&lk, psprintf("GRANT SELECT ON %s TO enforcement_writer", qualified));
	else if (nwriter > 0)
		en_run_ddl(&lk, psprintf("GRANT %s ON %s TO enforcement_writer",
								 privilege_list(writer_privs, nwriter), qualified));
	if (strcmp(kind, "catalog") != 0)
		en_run_ddl(&lk, psprintf("SELECT pg_catalog.pg_extension_config_dump(%s::pg_catalog.regclass, '')",
								 quote_literal_cstr(qualified)));
	en_lookup_end(&lk);
	PG_RETURN_VOID();
}

/* create_role(name text) → void: a NOLOGIN group role, if absent. */
Datum
en_create_role(PG_FUNCTION_ARGS)
{
	char	   *name;
	EnLookup	lk;

	if (PG_ARGISNULL(0))
		PG_RETURN_VOID();
	name = text_to_cstring(PG_GETARG_TEXT_PP(0));

	if (OidIsValid(get_role_oid(name, true)))
		PG_RETURN_VOID();
	en_lookup_begin(&lk);
	en_run_ddl(&lk, psprintf("CREATE ROLE %s NOLOGIN", quote_identifier(name)));
	en_lookup_end(&lk);
	PG_RETURN_VOID();
}
