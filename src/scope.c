/*-------------------------------------------------------------------------
 *
 * scope.c
 *	  Which agency a row belongs to, and whether the acting role may act
 *	  for it (EN503).
 *
 * A table's scope is given when it is declared (declare.c), as the
 * argument of its triggers:
 *
 *		""					no agency (reference data; chain 0)
 *		"agency_id"			a column holding the agency's id
 *		"officer:officer_id" a column holding an officer, whose agency counts
 *		"plan:plan_id"		likewise a plan's,
 *		"inspection:inspection_id" and an inspection's
 *
 * A role acts for an agency when it is a member of a role named for that
 * agency in enforcement.agency_members.  Members of enforcement_writer see
 * and write only such rows (row security, through acts_for()); a write for
 * another agency is refused here with EN503, before row security would
 * give a less helpful error.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(en_acts_for);
PG_FUNCTION_INFO_V1(en_officer_agency);
PG_FUNCTION_INFO_V1(en_plan_agency);
PG_FUNCTION_INFO_V1(en_inspection_agency);
PG_FUNCTION_INFO_V1(en_agency_scope);

/*
 * The agencies the current role acts for, kept while the transaction's
 * command counter stands still (one query's rows share them; a membership
 * granted, revoked or rolled back counts from the next command).
 */
static Oid	cached_user = InvalidOid;
static LocalTransactionId cached_lxid = InvalidLocalTransactionId;
static CommandId cached_cid = InvalidCommandId;
static int64 *cached_agencies = NULL;
static int	cached_count = 0;

/*
 * The parents whose agency a row takes: the table named before the colon of
 * a scope ("officer:officer_id"), and the query that finds that agency.
 */
typedef struct ParentKind
{
	const char *prefix;			/* with its colon */
	EnQuery		query;
} ParentKind;

static ParentKind parents[] = {
	{"officer:", {"SELECT o.agency_id FROM ONLY enforcement.officers o "
			"WHERE o.id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}, NULL}},
	{"plan:", {"SELECT p.agency_id FROM ONLY enforcement.inspection_plans p "
			"WHERE p.id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}, NULL}},
	{"inspection:", {"SELECT i.agency_id FROM ONLY enforcement.inspections i "
			"WHERE i.id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}, NULL}},
};

/* The parent kind a scope names, or NULL for a plain agency column. */
static ParentKind *
parent_of(const char *scope)
{
	for (size_t i = 0; i < lengthof(parents); i++)
		if (strncmp(scope, parents[i].prefix, strlen(parents[i].prefix)) == 0)
			return &parents[i];
	return NULL;
}

/* The agency of a parent row, or 0 if unknown. */
static int64
parent_agency(ParentKind *parent, int64 id)
{
	EnCall		call;
	Datum		arg = Int64GetDatum(id);
	bool		isnull;
	int64		agency = 0;

	en_begin(&call);
	en_exec(&parent->query, &arg, NULL, 1, false);
	if (SPI_processed > 0)
	{
		Datum		d = en_get(0, 1, &isnull);

		if (!isnull)
			agency = DatumGetInt64(d);
	}
	en_end(&call);
	return agency;
}

/* A parent's agency for SQL: a writer learns only its own agencies. */
static Datum
parent_agency_sql(FunctionCallInfo fcinfo, const char *prefix)
{
	int64		agency = parent_agency(parent_of(prefix), PG_GETARG_INT64(0));

	if (agency == 0 || !en_may_see_agency(agency))
		PG_RETURN_NULL();
	PG_RETURN_INT64(agency);
}

/* officer_agency(officer_id bigint) → bigint, for row-security policies. */
Datum
en_officer_agency(PG_FUNCTION_ARGS)
{
	return parent_agency_sql(fcinfo, "officer:");
}

/* plan_agency(plan_id bigint) → bigint, for row-security policies. */
Datum
en_plan_agency(PG_FUNCTION_ARGS)
{
	return parent_agency_sql(fcinfo, "plan:");
}

/* inspection_agency(inspection_id bigint) → bigint, for row security. */
Datum
en_inspection_agency(PG_FUNCTION_ARGS)
{
	return parent_agency_sql(fcinfo, "inspection:");
}

/*
 * The agency a row belongs to under its table's scope (a trigger's first
 * argument); 0 when the table has none or the row names none.
 */
int64
en_scope_agency(Trigger *trigger, HeapTuple tuple, TupleDesc tupdesc)
{
	const char *scope;
	ParentKind *parent;
	bool		isnull;
	Datum		value;

	if (trigger->tgnargs < 1 || trigger->tgargs[0][0] == '\0')
		return 0;
	scope = trigger->tgargs[0];
	parent = parent_of(scope);
	value = en_attr(tuple, tupdesc,
					parent ? scope + strlen(parent->prefix) : scope, &isnull);
	if (isnull)
		return 0;
	return parent ? parent_agency(parent, DatumGetInt64(value)) :
		DatumGetInt64(value);
}

/* Loads the agencies the current role acts for, once per transaction. */
static void
load_agencies(void)
{
	static EnQuery members = {
		"SELECT m.role_name, m.agency_id FROM enforcement.agency_members m",
		0, {0}, NULL
	};
	Oid			user = GetUserId();
	EnCall		call;
	int64	   *agencies;
	int			n = 0;

	if (user == cached_user && MyProc->lxid == cached_lxid &&
		GetCurrentCommandId(false) == cached_cid)
		return;

	en_begin(&call);
	en_exec(&members, NULL, NULL, 0, false);
	agencies = MemoryContextAlloc(TopMemoryContext,
								  sizeof(int64) * Max(SPI_processed, 1));
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		bool		isnull;
		char	   *role_name = en_get_text(r, 1);
		Oid			role = get_role_oid(role_name, true);

		if (OidIsValid(role) && is_member_of_role(user, role))
			agencies[n++] = DatumGetInt64(en_get(r, 2, &isnull));
	}
	en_end(&call);

	if (cached_agencies)
		pfree(cached_agencies);
	cached_agencies = agencies;
	cached_count = n;
	cached_user = user;
	cached_lxid = MyProc->lxid;
	cached_cid = GetCurrentCommandId(false);
}

/* Whether the current role acts for an agency. */
bool
en_acts_for_agency(int64 agency_id)
{
	load_agencies();
	for (int i = 0; i < cached_count; i++)
		if (cached_agencies[i] == agency_id)
			return true;
	return false;
}

/* acts_for(agency_id bigint) → boolean, for row-security policies. */
Datum
en_acts_for(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(en_acts_for_agency(PG_GETARG_INT64(0)));
}

static bool is_writer(void);

/*
 * Whether the current role may see an agency's rows: a writer only its own
 * agencies', everyone else (supervisors, administrators) all.
 */
bool
en_may_see_agency(int64 agency_id)
{
	return !is_writer() || en_acts_for_agency(agency_id);
}

/* Whether the current role writes as an agency's writer (not an admin). */
static bool
is_writer(void)
{
	Oid			writer = get_role_oid("enforcement_writer", true);
	Oid			user = GetUserId();

	return OidIsValid(writer) && !superuser_arg(user) &&
		has_privs_of_role(user, writer);
}

/*
 * BEFORE INSERT OR UPDATE on a table with an agency scope: a writer may
 * write only rows of agencies it acts for, and may not move a row to
 * another agency (EN503).
 */
Datum
en_agency_scope(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	newtup;
	int64		agency;
	const char *relname;

	en_check_trigger(fcinfo, "agency_scope");
	tupdesc = RelationGetDescr(trigdata->tg_relation);
	newtup = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	if (!is_writer())
		return PointerGetDatum(newtup);

	relname = RelationGetRelationName(trigdata->tg_relation);
	agency = en_scope_agency(trigdata->tg_trigger, newtup, tupdesc);
	if (!en_acts_for_agency(agency))
		en_report(ERRCODE_EN_AGENCY_SCOPE, "EN503", relname, NULL,
				  gettext_noop("write refused: the role does not act for this agency (EN503)"),
				  gettext_noop("Write only rows of the agencies your role is a member of in enforcement.agency_members."),
				  gettext_noop("Role \"%s\" wrote a row of agency %lld to table enforcement.%s."),
				  GetUserNameFromId(GetUserId(), false), (long long) agency,
				  relname);
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		int64		old_agency = en_scope_agency(trigdata->tg_trigger,
												 trigdata->tg_trigtuple,
												 tupdesc);

		if (!en_acts_for_agency(old_agency))
			en_report(ERRCODE_EN_AGENCY_SCOPE, "EN503", relname, NULL,
					  gettext_noop("write refused: the role does not act for this agency (EN503)"),
					  gettext_noop("Write only rows of the agencies your role is a member of in enforcement.agency_members."),
					  gettext_noop("Role \"%s\" wrote a row of agency %lld to table enforcement.%s."),
					  GetUserNameFromId(GetUserId(), false),
					  (long long) old_agency, relname);
	}
	return PointerGetDatum(newtup);
}
