/*-------------------------------------------------------------------------
 *
 * scope.c
 *	  Which agencies the acting role acts for, and the refusal of a write
 *	  for any other (EN503).
 *
 * A role acts for an agency when it is a member of a role named for that
 * agency in enforcement.agency_members.  Members of enforcement_writer see
 * and write only such rows: row security asks acts_for() of the row's own
 * agency_id, and a write for another agency is refused here with EN503,
 * before row security would give a less helpful error.  Supervisors,
 * auditors and administrators are not writers.
 *
 * Scope follows current_user, so SET ROLE changes it, and the memberships
 * are read once per command: one query's rows share them, and a
 * membership granted, revoked or rolled back counts from the next command.
 *
 * A membership ends by a dated change: ended_on, NULL until then, is set
 * once, to a day not before today, and from that day on the role no longer
 * acts for the agency (the look-up compares it with the transaction's
 * current_date, and is read again in each command).  role_name and
 * agency_id never change, and a membership names an existing role (42704)
 * and an existing agency (23503): agency_members_check(), beside the
 * frame of every declared table (check_row()).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "append_only.h"
#include "lookup.h"
#include "mode.h"
#include "probe.h"
#include "scope.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(en_acts_for);
PG_FUNCTION_INFO_V1(en_view_sees);
PG_FUNCTION_INFO_V1(en_may_see_agency_sql);
PG_FUNCTION_INFO_V1(en_agency_members_check);

static Oid	cached_user = InvalidOid;
static LocalTransactionId cached_lxid = InvalidLocalTransactionId;
static CommandId cached_cid = InvalidCommandId;
static int64 *cached_agencies = NULL;	/* in TopMemoryContext */
static int	cached_count = 0;

/* Loads the agencies the current role acts for, once per command. */
static void
load_agencies(void)
{
	EN_QUERY0(members, "SELECT m.role_name, m.agency_id FROM enforcement.agency_members m "
		"WHERE m.ended_on IS NULL OR m.ended_on OPERATOR(pg_catalog.>) CURRENT_DATE");
	Oid			user = GetUserId();
	EnLookup	lk;
	int64	   *agencies;
	uint64		rows;
	int			n = 0;

	if (user == cached_user && MyProc->lxid == cached_lxid &&
		GetCurrentCommandId(false) == cached_cid)
		return;

	en_lookup_begin(&lk);
	rows = en_run(&lk, &members, NULL, NULL, 0, EN_READ_ONLY);
	agencies = MemoryContextAlloc(TopMemoryContext,
								  sizeof(int64) * Max(rows, 1));
	for (uint64 r = 0; r < rows; r++)
	{
		bool		isnull;
		char	   *role_name = en_result_text(&lk, r, 1);
		int64		agency = en_result_int64(&lk, r, 2, &isnull);
		Oid			role = role_name ? get_role_oid(role_name, true) : InvalidOid;

		if (OidIsValid(role) && !isnull && is_member_of_role(user, role))
			agencies[n++] = agency;
	}
	en_lookup_end(&lk);

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
	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(en_acts_for_agency(PG_GETARG_INT64(0)));
}

/* Whether the current role writes as an agency's writer (not an admin). */
bool
en_is_writer(void)
{
	Oid			writer = get_role_oid("enforcement_writer", true);
	Oid			user = GetUserId();

	return OidIsValid(writer) && !superuser_arg(user) &&
		has_privs_of_role(user, writer);
}

/*
 * Whether the current role may see an agency's rows: a writer only its own
 * agencies', everyone else (supervisors, administrators) all.
 */
bool
en_may_see_agency(int64 agency_id)
{
	return !en_is_writer() || en_acts_for_agency(agency_id);
}

/*
 * The row scope of the supervision views (SUP-1, SUP-2).  They run as
 * enforcement_view_owner, so that an observer reads them without reading
 * any table; that role's row-security policy on each table asks
 * view_sees() of the row's agency for the role that queries the view.
 * An observer sees every agency while it is linked, by its login role's
 * name, to a supervisor appointed on or before today whose term has not
 * ended; the row is probed directly, since an observer reads no table.
 * Worked out once per command, like the memberships.
 */
typedef enum ViewScope
{
	VIEW_NONE,
	VIEW_OWN,
	VIEW_ALL
} ViewScope;

static const char *const supervisor_columns[] = {"appointed_on", "term_ends_on"};
static EnIndex supervisors_role =
EN_INDEX("supervisors", "supervisors_role_name_key", supervisor_columns);

static bool
has_group(Oid user, const char *group)
{
	Oid			role = get_role_oid(group, true);

	return OidIsValid(role) && has_privs_of_role(user, role);
}

/* Whether the current role is a supervisor in office today. */
static bool
supervisor_in_office(Oid user)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, CStringGetTextDatum(GetUserNameFromId(user, false)))};
	DateADT		today = GetSQLCurrentDate();
	bool		in_office = false;

	en_probe_open(&probe, &supervisors_role, en_read_snapshot(), false);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (en_probe_next(&probe))
	{
		bool		null_from,
					null_to;
		Datum		from = en_probe_get(&probe, 0, &null_from);
		Datum		to = en_probe_get(&probe, 1, &null_to);

		in_office = !null_from && DatumGetDateADT(from) <= today &&
			(null_to || DatumGetDateADT(to) >= today);
	}
	en_probe_close(&probe);
	return in_office;
}

static ViewScope
view_scope(void)
{
	static Oid	user_seen = InvalidOid;
	static LocalTransactionId lxid_seen = InvalidLocalTransactionId;
	static CommandId cid_seen = InvalidCommandId;
	static ViewScope scope = VIEW_NONE;
	Oid			user = GetUserId();

	if (user == user_seen && MyProc->lxid == lxid_seen &&
		GetCurrentCommandId(false) == cid_seen)
		return scope;
	if (superuser_arg(user) ||
		has_group(user, "enforcement_supervisor") ||
		has_group(user, "enforcement_auditor"))
		scope = VIEW_ALL;
	else if (en_is_writer())
		scope = VIEW_OWN;
	else if (has_group(user, "enforcement_observer") &&
			 supervisor_in_office(user))
		scope = VIEW_ALL;
	else
		scope = VIEW_NONE;
	user_seen = user;
	lxid_seen = MyProc->lxid;
	cid_seen = GetCurrentCommandId(false);
	return scope;
}

/* view_sees(agency_id bigint) → boolean: the views' row-security policy. */
Datum
en_view_sees(PG_FUNCTION_ARGS)
{
	switch (view_scope())
	{
		case VIEW_ALL:
			PG_RETURN_BOOL(true);
		case VIEW_OWN:
			PG_RETURN_BOOL(!PG_ARGISNULL(0) &&
						   en_acts_for_agency(PG_GETARG_INT64(0)));
		default:
			PG_RETURN_BOOL(false);
	}
}

/* may_see_agency(agency_id) → boolean, for the views. */
Datum
en_may_see_agency_sql(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(en_may_see_agency(PG_GETARG_INT64(0)));
}

/*
 * EN503: a writer writes only rows of the agencies it acts for; a row
 * with no agency is no writer's.
 */
void
en_scope_verdict(EnVerdicts *v, bool has_agency, int64 agency_id,
				 const int64 *row_id)
{
	if (!en_is_writer() || (has_agency && en_acts_for_agency(agency_id)))
		return;
	EN_VERDICT(v, EN_R_SCOPE_WRITE, row_id,
			   en_arg(GetUserNameFromId(GetUserId(), false)),
			   has_agency ? en_arg_int8(agency_id) : en_arg_null(),
			   en_arg(v->table_name));
}

/* The agency a membership names, read and locked as a foreign key would. */
static const char *const agency_columns[] = {"id"};
static EnIndex agencies_pkey = EN_INDEX("agencies", "agencies_pkey",
										agency_columns);

static bool
agency_exists(int64 agency_id)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(agency_id))};
	bool		lock = en_may_lock();
	bool		found;

	en_probe_open(&probe, &agencies_pkey, en_snapshot_begin(), lock);
	en_probe_keys(&probe, lengthof(keys), keys);
	found = en_probe_next(&probe) &&
		(!lock || en_probe_lock(&probe, LockTupleKeyShare) == EN_LOCKED);
	en_probe_close(&probe);
	en_snapshot_end();
	return found;
}

/* The value of a column of the table, found by name. */
static Datum
column_value(Relation rel, HeapTuple tuple, const char *name,
			 AttrNumber *attnum, bool *isnull)
{
	*attnum = SPI_fnumber(RelationGetDescr(rel), name);
	if (*attnum <= 0)
		elog(ERROR, "table \"%s\" has no column \"%s\"",
			 RelationGetRelationName(rel), name);
	return heap_getattr(tuple, *attnum, RelationGetDescr(rel), isnull);
}

/* EN501 for a column of agency_members that may not change so. */
static void
refuse_change(Relation rel, const char *column)
{
	EN_REFUSE(rel, "agency_members", EN_R_REC_FIXED, NULL,
			  en_arg(column), en_arg("agency_members"),
			  en_arg("ended_on (once, from NULL to a day not before today)"));
}

/*
 * BEFORE INSERT OR UPDATE on agency_members: the role exists (42704), the
 * agency exists (23503), ended_on is not before today (23514), and an
 * UPDATE only sets ended_on, once (EN501).  Not for the extension's
 * scripts or a restored row.
 */
Datum
en_agency_members_check(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata;
	Relation	rel;
	HeapTuple	newtup;
	AttrNumber	role_att,
				agency_att,
				ended_att;
	Datum		role,
				agency,
				ended;
	bool		role_null,
				agency_null,
				ended_null;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						"agency_members_check")));
	trigdata = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) ||
		  TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired before INSERT or UPDATE for each row",
						"agency_members_check")));
	rel = trigdata->tg_relation;
	newtup = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	if (creating_extension || en_restoring(rel))
		return PointerGetDatum(newtup);

	role = column_value(rel, newtup, "role_name", &role_att, &role_null);
	agency = column_value(rel, newtup, "agency_id", &agency_att, &agency_null);
	ended = column_value(rel, newtup, "ended_on", &ended_att, &ended_null);

	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		HeapTuple	oldtup = trigdata->tg_trigtuple;
		bool		old_null;

		if (en_column_changed(oldtup, newtup, RelationGetDescr(rel), role_att))
			refuse_change(rel, "role_name");
		if (en_column_changed(oldtup, newtup, RelationGetDescr(rel), agency_att))
			refuse_change(rel, "agency_id");
		(void) heap_getattr(oldtup, ended_att, RelationGetDescr(rel), &old_null);
		if (!en_column_changed(oldtup, newtup, RelationGetDescr(rel), ended_att))
			return PointerGetDatum(newtup);
		if (!old_null || ended_null)
		{
			refuse_change(rel, "ended_on");
			return PointerGetDatum(newtup); /* let through in warn mode */
		}
	}
	else
	{
		char	   *name = role_null ? NULL : TextDatumGetCString(role);

		if (name != NULL && !OidIsValid(get_role_oid(name, true)))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("role \"%s\" does not exist", name),
					 errdetail("A membership of enforcement.agency_members names an existing role."),
					 errhint("Create the role first, or correct the name."),
					 errtablecol(rel, role_att)));
		if (!agency_null && !agency_exists(DatumGetInt64(agency)))
			ereport(ERROR,
					(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
					 errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
							"agency_members", "agency_members_agency_id_fkey"),
					 errdetail("Key (%s)=(%lld) is not present in table \"%s\".",
							   "agency_id", (long long) DatumGetInt64(agency),
							   "agencies"),
					 errtableconstraint(rel, "agency_members_agency_id_fkey")));
	}
	if (!ended_null && DatumGetDateADT(ended) < GetSQLCurrentDate())
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("new row for relation \"%s\" violates check constraint \"%s\"",
						"agency_members", "agency_members_ended_on_check"),
				 errdetail("A membership ends today or later, not on a day already past."),
				 errhint("Set ended_on to today's date or a later one."),
				 errtablecol(rel, ended_att),
				 errtableconstraint(rel, "agency_members_ended_on_check")));
	return PointerGetDatum(newtup);
}
