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
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "lookup.h"
#include "scope.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(en_acts_for);

static Oid	cached_user = InvalidOid;
static LocalTransactionId cached_lxid = InvalidLocalTransactionId;
static CommandId cached_cid = InvalidCommandId;
static int64 *cached_agencies = NULL;	/* in TopMemoryContext */
static int	cached_count = 0;

/* Loads the agencies the current role acts for, once per command. */
static void
load_agencies(void)
{
	EN_QUERY0(members, "SELECT m.role_name, m.agency_id FROM enforcement.agency_members m");
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
