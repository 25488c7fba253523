/*-------------------------------------------------------------------------
 *
 * registry.c
 *	  Subjects, officers, certificates and enterprises.
 *
 * SUBJ-1  agency_may_act(): an agency may act on a day only if it is not a
 *		   justice bureau, has a legal authority, was confirmed and disclosed
 *		   by then and is not dissolved; an entrusted agency also needs an
 *		   entrusting agency that may act (and is not itself entrusted).
 * OFF-1   a certificate is issued only to established staff on an
 *		   enforcement post who passed the exam by the issue date (EN103).
 * OFF-2   officer_certified(): the officer belongs to the agency, had not
 *		   left, and holds a certificate valid that day and not suspended or
 *		   revoked on or before it.
 * OFF-3   revoked is final; at most one unrevoked certificate per officer;
 *		   number, officer and issue date never change (EN104).
 * OFF-4   an officer who leaves, leaves the post or stops being established
 *		   staff has every unrevoked certificate revoked, in the same
 *		   transaction.
 * EN205   enterprises carry a valid unified social credit code.
 *
 * Each look-up locks the rows it relies on, so that a concurrent change
 * (a revocation, a departure, a second certificate) waits or is seen.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "access/htup_details.h"
#include "access/sysattr.h"
#include "catalog/pg_type.h"
#include "nodes/bitmapset.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(en_agency_may_act);
PG_FUNCTION_INFO_V1(en_officer_certified);
PG_FUNCTION_INFO_V1(en_certificates_check);
PG_FUNCTION_INFO_V1(en_officers_departure);
PG_FUNCTION_INFO_V1(en_enterprises_check);

/* status_reason of a certificate revoked because its officer left */
#define EN_REASON_LEFT "officer left (OFF-4)"

/* An entrusting chain longer than this is refused as a loop. */
#define EN_MAX_ENTRUST_DEPTH 8

#define AGENCY_SQL \
	"SELECT a.kind, a.legal_authority, a.confirmed_on, a.disclosed_on, " \
	"a.dissolved_on, a.entrusted_by FROM ONLY enforcement.agencies a " \
	"WHERE a.id OPERATOR(pg_catalog.=) $1"

static EnQuery agency_select = {AGENCY_SQL, 1, {INT8OID}, NULL};
static EnQuery agency_lock = {AGENCY_SQL " FOR SHARE OF a", 1, {INT8OID}, NULL};

/* Whether a nullable date column is set and on or before a day. */
static bool
date_by(int col, DateADT on_date)
{
	bool		isnull;
	Datum		d = en_get(0, col, &isnull);

	return !isnull && DatumGetDateADT(d) <= on_date;
}

/* SUBJ-1 for one agency, following its entrusting agency; in en_begin(). */
static EnAgencyStatus
agency_status(int64 agency_id, DateADT on_date, bool lock, int depth,
			  bool entruster)
{
	Datum		arg = Int64GetDatum(agency_id);
	char	   *kind;
	char	   *authority;
	bool		isnull;
	Datum		entrusted_by;

	en_exec(lock ? &agency_lock : &agency_select, &arg, NULL, 1, false);
	if (SPI_processed == 0)
		return EN_AGENCY_UNKNOWN;
	kind = en_get_text(0, 1);
	authority = en_get_text(0, 2);
	entrusted_by = en_get(0, 6, &isnull);

	if (strcmp(kind, "justice_bureau") == 0)
		return EN_AGENCY_JUSTICE_BUREAU;
	if (entruster && strcmp(kind, "entrusted") == 0)
		return EN_AGENCY_ENTRUSTER_ENTRUSTED;
	if (authority == NULL || authority[strspn(authority, " \t\r\n")] == '\0')
		return EN_AGENCY_NO_AUTHORITY;
	if (!date_by(3, on_date))
		return EN_AGENCY_NOT_CONFIRMED;
	if (!date_by(4, on_date))
		return EN_AGENCY_NOT_DISCLOSED;
	if (date_by(5, on_date))
		return EN_AGENCY_DISSOLVED;
	if (strcmp(kind, "entrusted") == 0)
	{
		EnAgencyStatus status;

		if (isnull)
			return EN_AGENCY_NO_ENTRUSTER;
		if (depth >= EN_MAX_ENTRUST_DEPTH)
			return EN_AGENCY_ENTRUSTER_CANNOT_ACT;
		status = agency_status(DatumGetInt64(entrusted_by), on_date, lock,
							   depth + 1, true);
		if (status == EN_AGENCY_ENTRUSTER_ENTRUSTED)
			return status;
		if (status != EN_AGENCY_MAY_ACT)
			return EN_AGENCY_ENTRUSTER_CANNOT_ACT;
	}
	return EN_AGENCY_MAY_ACT;
}

/* SUBJ-1: whether an agency may act on a day, and if not, why. */
EnAgencyStatus
en_agency_status(int64 agency_id, DateADT on_date, bool lock)
{
	EnCall		call;
	EnAgencyStatus status;

	en_begin(&call);
	status = agency_status(agency_id, on_date, lock, 0, false);
	en_end(&call);
	return status;
}

/*
 * agency_may_act(agency_id bigint, on_date date) → boolean.  It locks the
 * rows it reads for a caller who may see them; a writer asking about
 * another agency (public facts: subjects are disclosed) locks nothing.
 */
Datum
en_agency_may_act(PG_FUNCTION_ARGS)
{
	int64		agency_id = PG_GETARG_INT64(0);

	PG_RETURN_BOOL(en_agency_status(agency_id, PG_GETARG_DATEADT(1),
									en_may_lock() &&
									en_may_see_agency(agency_id)) ==
				   EN_AGENCY_MAY_ACT);
}

#define OFFICER_SQL \
	"SELECT o.agency_id, o.left_on FROM ONLY enforcement.officers o " \
	"WHERE o.id OPERATOR(pg_catalog.=) $1"
#define CERTIFICATE_SQL \
	"SELECT c.id FROM ONLY enforcement.certificates c " \
	"WHERE c.officer_id OPERATOR(pg_catalog.=) $1 " \
	"AND " EN_CERTIFICATE_HOLDS("$2") "LIMIT 1"

/*
 * OFF-2: whether an officer is certified for an agency on a day.  With
 * lock, the officer's row (only if it is of that agency) and the
 * certificate relied on are locked FOR SHARE.
 */
EnOfficerStatus
en_officer_status(int64 officer_id, int64 agency_id, DateADT on_date,
				  bool lock)
{
	static EnQuery officer_select = {OFFICER_SQL, 3,
	{INT8OID, DATEOID, INT8OID}, NULL};
	static EnQuery officer_lock = {OFFICER_SQL
		" AND o.agency_id OPERATOR(pg_catalog.=) $3 FOR SHARE OF o", 3,
	{INT8OID, DATEOID, INT8OID}, NULL};
	static EnQuery cert_select = {CERTIFICATE_SQL, 2, {INT8OID, DATEOID}, NULL};
	static EnQuery cert_lock = {CERTIFICATE_SQL " FOR SHARE OF c", 2,
	{INT8OID, DATEOID}, NULL};
	EnCall		call;
	EnOfficerStatus status;
	Datum		args[3];
	bool		isnull;

	en_begin(&call);
	args[0] = Int64GetDatum(officer_id);
	args[1] = DateADTGetDatum(on_date);
	args[2] = Int64GetDatum(agency_id);
	if (lock)
		en_exec(&officer_lock, args, NULL, 1, false);
	if (!lock || SPI_processed == 0)
		en_exec(&officer_select, args, NULL, 1, false);
	if (SPI_processed == 0)
		status = EN_OFFICER_UNKNOWN;
	else if (DatumGetInt64(en_get(0, 1, &isnull)) != agency_id)
		status = EN_OFFICER_OTHER_AGENCY;
	else if (date_by(2, on_date))
		status = EN_OFFICER_LEFT;
	else
	{
		en_exec(lock ? &cert_lock : &cert_select, args, NULL, 1, false);
		status = SPI_processed > 0 ? EN_OFFICER_CERTIFIED :
			EN_OFFICER_NO_CERTIFICATE;
	}
	en_end(&call);
	return status;
}

/*
 * officer_certified(officer_id, agency_id, on_date) → boolean.  Locks as
 * agency_may_act() does: only for a caller who may see the agency's rows.
 */
Datum
en_officer_certified(PG_FUNCTION_ARGS)
{
	int64		agency_id = PG_GETARG_INT64(1);

	PG_RETURN_BOOL(en_officer_status(PG_GETARG_INT64(0), agency_id,
									 PG_GETARG_DATEADT(2),
									 en_may_lock() &&
									 en_may_see_agency(agency_id)) ==
				   EN_OFFICER_CERTIFIED);
}

/*
 * OFF-1: checks an officer's eligibility for a certificate on a day, with
 * the officer's row locked against a concurrent departure or second
 * issue.  Returns false when the officer does not exist (the foreign key
 * reports that).  Sets *left and *left_on when the officer has left after
 * that day.  A certificate recorded as already revoked is history: the
 * officer's post and employment today say nothing about the issue date, so
 * only the dated facts (exam, departure) are judged.  Runs inside
 * en_begin().
 */
static bool
check_eligibility(int64 officer_id, int64 cert_id, DateADT on_date,
				  bool history, Datum *left_on, bool *left)
{
	static EnQuery officer = {
		"SELECT o.employment, o.on_enforcement_post, o.exam_passed_on, "
		"o.left_on FROM ONLY enforcement.officers o "
		"WHERE o.id OPERATOR(pg_catalog.=) $1 FOR NO KEY UPDATE OF o",
		1, {INT8OID}, NULL
	};
	Datum		arg = Int64GetDatum(officer_id);
	char	   *employment;
	bool		isnull;
	bool		on_post;

	en_exec(&officer, &arg, NULL, 1, false);
	if (SPI_processed == 0)
		return false;
	employment = en_get_text(0, 1);
	on_post = en_get_bool(0, 2, &isnull);
	*left_on = en_get(0, 4, &isnull);
	*left = !isnull;

	if (!history && strcmp(employment, "established") != 0)
		en_report(ERRCODE_EN_CERTIFICATE_PREREQUISITES, "OFF-1",
				  "certificates", &cert_id,
				  gettext_noop("certificate refused: the officer is not established staff (OFF-1)"),
				  gettext_noop("Issue enforcement certificates only to established staff (在编人员); auxiliary and contract staff assist certified officers."),
				  gettext_noop("Officer %lld has employment \"%s\"."),
				  (long long) officer_id, employment);
	else if (!history && !on_post)
		en_report(ERRCODE_EN_CERTIFICATE_PREREQUISITES, "OFF-1",
				  "certificates", &cert_id,
				  gettext_noop("certificate refused: the officer is not on an enforcement post (OFF-1)"),
				  gettext_noop("Assign the officer to an enforcement post before issuing a certificate."),
				  gettext_noop("Officer %lld is not on an enforcement post."),
				  (long long) officer_id);
	else if (date_by(4, on_date))
		en_report(ERRCODE_EN_CERTIFICATE_PREREQUISITES, "OFF-1",
				  "certificates", &cert_id,
				  gettext_noop("certificate refused: the officer has left (OFF-1)"),
				  gettext_noop("Certificates are issued only to serving officers."),
				  gettext_noop("Officer %lld left on %s, on or before the certificate's date %s."),
				  (long long) officer_id,
				  en_get_text(0, 4), en_date_text(on_date));
	else if (!date_by(3, on_date))
		en_report(ERRCODE_EN_CERTIFICATE_PREREQUISITES, "OFF-1",
				  "certificates", &cert_id,
				  gettext_noop("certificate refused: the officer has not passed the enforcement exam (OFF-1)"),
				  gettext_noop("Record the date the officer passed the exam; it must be on or before the certificate's date."),
				  gettext_noop("Officer %lld has exam date %s; the certificate's date is %s."),
				  (long long) officer_id,
				  en_get_text(0, 3) ? en_get_text(0, 3) : "NULL",
				  en_date_text(on_date));
	return true;
}

/*
 * OFF-3: refuses a second unrevoked certificate.  The officer's row is
 * locked by check_eligibility(), so an earlier issue has committed; the
 * latest snapshot sees it under REPEATABLE READ too.
 */
static void
check_single_live(int64 officer_id, int64 cert_id)
{
	static EnQuery live = {
		"SELECT c.number FROM ONLY enforcement.certificates c "
		"WHERE c.officer_id OPERATOR(pg_catalog.=) $1 "
		"AND c.status OPERATOR(pg_catalog.<>) 'revoked' "
		"AND c.id OPERATOR(pg_catalog.<>) $2 LIMIT 1",
		2, {INT8OID, INT8OID}, NULL
	};
	Datum		args[2];

	args[0] = Int64GetDatum(officer_id);
	args[1] = Int64GetDatum(cert_id);
	en_exec(&live, args, NULL, 1, true);
	if (SPI_processed > 0)
		en_report(ERRCODE_EN_CERTIFICATE_STATE, "OFF-3", "certificates",
				  &cert_id,
				  gettext_noop("certificate refused: the officer already holds an unrevoked certificate (OFF-3)"),
				  gettext_noop("Revoke the officer's current certificate before issuing a new one."),
				  gettext_noop("Officer %lld holds certificate %s."),
				  (long long) officer_id, en_get_text(0, 1));
}

/*
 * OFF-3: a suspension or revocation is not dated on or before an
 * inspection the officer already made under the certificate; that would
 * rewrite history.  The certificate's row is locked by the UPDATE, and an
 * inspection locks it FOR SHARE, so the two take turns and this query
 * (under the latest snapshot) sees an inspection that committed first.
 */
static void
check_not_backdated(int64 officer_id, int64 cert_id, HeapTuple newtup,
					TupleDesc tupdesc)
{
	static EnQuery made = {
		"SELECT i.id, i.inspected_on FROM ONLY enforcement.inspections i "
		"WHERE i.officer_ids OPERATOR(pg_catalog.@>) ARRAY[$1]::pg_catalog.int8[] "
		"AND i.inspected_on OPERATOR(pg_catalog.>=) $2 "
		"AND i.inspected_on OPERATOR(pg_catalog.>=) $3 "
		"AND i.inspected_on OPERATOR(pg_catalog.<=) $4 "
		"ORDER BY i.inspected_on LIMIT 1",
		4, {INT8OID, DATEOID, DATEOID, DATEOID}, NULL
	};
	Datum		args[4];
	bool		isnull;
	EnCall		call;
	int64		inspection = 0;
	char	   *day = NULL;

	/* a library newer than the installed version: no inspections yet */
	if (!OidIsValid(get_relname_relid("inspections", en_namespace())))
		return;
	args[0] = Int64GetDatum(officer_id);
	args[1] = en_attr(newtup, tupdesc, "status_since", &isnull);
	if (isnull)
		return;
	args[2] = en_attr(newtup, tupdesc, "valid_from", &isnull);
	args[3] = en_attr(newtup, tupdesc, "valid_to", &isnull);
	en_begin(&call);
	en_exec(&made, args, NULL, 1, true);
	if (SPI_processed > 0)
	{
		inspection = DatumGetInt64(en_get(0, 1, &isnull));
		day = en_get_text(0, 2);
	}
	en_end(&call);
	if (inspection != 0)
		en_report(ERRCODE_EN_CERTIFICATE_STATE, "OFF-3", "certificates",
				  &cert_id,
				  gettext_noop("certificate refused: a suspension or revocation cannot be dated over inspections already made (OFF-3)"),
				  gettext_noop("Date the change after the officer's last inspection under this certificate."),
				  gettext_noop("Officer %lld inspected under certificate %lld on %s (inspection %lld), on or after the new status date %s."),
				  (long long) officer_id, (long long) cert_id, day,
				  (long long) inspection,
				  en_attr_text(newtup, tupdesc, "status_since"));
}

/* Whether an officer row still qualifies to hold a certificate (OFF-4). */
static bool
officer_qualifies(HeapTuple tuple, TupleDesc tupdesc)
{
	bool		isnull;
	char	   *employment = en_attr_text(tuple, tupdesc, "employment");
	bool		on_post = DatumGetBool(en_attr(tuple, tupdesc,
											   "on_enforcement_post", &isnull));

	(void) en_attr(tuple, tupdesc, "left_on", &isnull);
	return isnull && on_post && strcmp(employment, "established") == 0;
}

/*
 * BEFORE INSERT OR UPDATE on certificates: OFF-1 and OFF-3, and the
 * status date.
 */
Datum
en_certificates_check(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	newtup;
	HeapTuple	oldtup = NULL;
	int64		cert_id;
	int64		officer_id;
	bool		isnull;
	char	   *status;
	int			attnum;
	Datum		value;
	bool		null_flag = false;
	EnCall		call;
	Datum		left_on;
	bool		left;

	en_check_trigger(fcinfo, "certificates_check");
	tupdesc = trigdata->tg_relation->rd_att;
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		oldtup = trigdata->tg_trigtuple;
		newtup = trigdata->tg_newtuple;
	}
	else
		newtup = trigdata->tg_trigtuple;

	cert_id = DatumGetInt64(en_attr(newtup, tupdesc, "id", &isnull));
	officer_id = DatumGetInt64(en_attr(newtup, tupdesc, "officer_id", &isnull));
	status = en_attr_text(newtup, tupdesc, "status");

	if (oldtup == NULL)
	{
		DateADT		issued_on = DatumGetDateADT(en_attr(newtup, tupdesc,
														"issued_on", &isnull));

		/* status_since defaults to the issue date */
		attnum = en_attnum(tupdesc, "status_since");
		(void) heap_getattr(newtup, attnum, tupdesc, &isnull);
		if (isnull)
		{
			value = DateADTGetDatum(issued_on);
			newtup = heap_modify_tuple_by_cols(newtup, tupdesc, 1, &attnum,
											   &value, &null_flag);
		}
		en_begin(&call);
		if (check_eligibility(officer_id, cert_id, issued_on,
							  strcmp(status, "revoked") == 0,
							  &left_on, &left) &&
			strcmp(status, "revoked") != 0)
		{
			if (left)
			{
				/*
				 * OFF-4: a certificate of an officer who has since left is
				 * history; it is recorded as revoked on the leaving day.
				 */
				int			cols[3];
				Datum		values[3];
				bool		nulls[3] = {false, false, false};

				cols[0] = en_attnum(tupdesc, "status");
				cols[1] = en_attnum(tupdesc, "status_since");
				cols[2] = en_attnum(tupdesc, "status_reason");
				values[0] = CStringGetTextDatum("revoked");
				values[1] = left_on;
				values[2] = CStringGetTextDatum(EN_REASON_LEFT);
				newtup = heap_modify_tuple_by_cols(newtup, tupdesc, 3, cols,
												   values, nulls);
			}
			else
				check_single_live(officer_id, cert_id);
		}
		en_end(&call);
		return PointerGetDatum(newtup);
	}

	/* OFF-3: revoked is final; nothing of a revoked certificate changes */
	if (strcmp(en_attr_text(oldtup, tupdesc, "status"), "revoked") == 0)
		en_report(ERRCODE_EN_CERTIFICATE_STATE, "OFF-3", "certificates",
				  &cert_id,
				  gettext_noop("certificate refused: a revoked certificate is final (OFF-3)"),
				  gettext_noop("Issue a new certificate if the officer qualifies again."),
				  gettext_noop("Certificate %lld was revoked on %s."),
				  (long long) cert_id,
				  en_attr_text(oldtup, tupdesc, "status_since"));

	/* OFF-3: identity never changes */
	if (en_attr_changed(oldtup, newtup, tupdesc, "number") ||
		en_attr_changed(oldtup, newtup, tupdesc, "officer_id") ||
		en_attr_changed(oldtup, newtup, tupdesc, "issued_on"))
		en_report(ERRCODE_EN_CERTIFICATE_STATE, "OFF-3", "certificates",
				  &cert_id,
				  gettext_noop("certificate refused: its number, officer and issue date never change (OFF-3)"),
				  gettext_noop("Revoke the certificate and issue a new one instead."),
				  gettext_noop("Certificate %lld was number %s of officer %s issued on %s."),
				  (long long) cert_id,
				  en_attr_text(oldtup, tupdesc, "number"),
				  en_attr_text(oldtup, tupdesc, "officer_id"),
				  en_attr_text(oldtup, tupdesc, "issued_on"));

	if (en_attr_changed(oldtup, newtup, tupdesc, "status"))
	{
		/* a status change dates itself today unless a date is given */
		attnum = en_attnum(tupdesc, "status_since");
		if (!bms_is_member(attnum - FirstLowInvalidHeapAttributeNumber,
						   trigdata->tg_updatedcols))
		{
			value = DateADTGetDatum(GetSQLCurrentDate());
			newtup = heap_modify_tuple_by_cols(newtup, tupdesc, 1, &attnum,
											   &value, &null_flag);
		}

		/* suspension or revocation: not dated over inspections made */
		if (strcmp(status, "active") != 0)
			check_not_backdated(officer_id, cert_id, newtup, tupdesc);

		/* reactivation: the officer must still qualify (OFF-1) */
		if (strcmp(status, "active") == 0)
		{
			DateADT		since = DatumGetDateADT(en_attr(newtup, tupdesc,
														"status_since",
														&isnull));

			if (!isnull)
			{
				en_begin(&call);
				check_eligibility(officer_id, cert_id, since, false, &left_on,
								  &left);
				en_end(&call);
			}
		}
	}
	return PointerGetDatum(newtup);
}

/*
 * AFTER UPDATE on officers (OFF-4): an officer who left, left the
 * enforcement post or stopped being established staff has every
 * unrevoked certificate revoked in the same transaction, as of the
 * departure date or today.
 */
Datum
en_officers_departure(PG_FUNCTION_ARGS)
{
	static EnQuery revoke = {
		"UPDATE ONLY enforcement.certificates c "
		"SET status = 'revoked', status_since = $2, status_reason = $3 "
		"WHERE c.officer_id OPERATOR(pg_catalog.=) $1 "
		"AND c.status OPERATOR(pg_catalog.<>) 'revoked'",
		3, {INT8OID, DATEOID, TEXTOID}, NULL
	};
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	oldtup;
	HeapTuple	newtup;
	int64		officer_id;
	bool		isnull;
	Datum		left_on;
	Datum		args[3];
	const char *reason;
	EnCall		call;
	uint64		revoked;

	en_check_trigger(fcinfo, "officers_departure");
	tupdesc = trigdata->tg_relation->rd_att;
	oldtup = trigdata->tg_trigtuple;
	newtup = trigdata->tg_newtuple;
	if (officer_qualifies(newtup, tupdesc) ||
		!officer_qualifies(oldtup, tupdesc))
		return PointerGetDatum(NULL);

	officer_id = DatumGetInt64(en_attr(newtup, tupdesc, "id", &isnull));
	left_on = en_attr(newtup, tupdesc, "left_on", &isnull);
	if (!isnull)
	{
		args[1] = left_on;
		reason = EN_REASON_LEFT;
	}
	else
	{
		args[1] = DateADTGetDatum(GetSQLCurrentDate());
		reason = "officer no longer established staff on an enforcement post (OFF-4)";
	}
	args[0] = Int64GetDatum(officer_id);
	args[2] = CStringGetTextDatum(reason);

	en_begin(&call);
	en_exec(&revoke, args, NULL, 0, true);
	revoked = SPI_processed;
	en_end(&call);
	if (revoked > 0)
		ereport(NOTICE,
				(errmsg_plural("revoked %llu certificate of officer %lld (OFF-4)",
							   "revoked %llu certificates of officer %lld (OFF-4)",
							   revoked,
							   (unsigned long long) revoked,
							   (long long) officer_id)));
	return PointerGetDatum(NULL);
}

/* BEFORE INSERT OR UPDATE on enterprises: EN205. */
Datum
en_enterprises_check(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	newtup;
	char	   *code;
	bool		isnull;
	int64		id;

	en_check_trigger(fcinfo, "enterprises_check");
	tupdesc = trigdata->tg_relation->rd_att;
	newtup = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	code = en_attr_text(newtup, tupdesc, "credit_code");
	if (code != NULL && !en_credit_code_ok(code))
	{
		id = DatumGetInt64(en_attr(newtup, tupdesc, "id", &isnull));
		en_report(ERRCODE_EN_INVALID_CREDIT_CODE, "GB 32100-2015",
				  "enterprises", &id,
				  gettext_noop("invalid unified social credit code (GB 32100-2015)"),
				  gettext_noop("A unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V and Z, and ends with its check character; copy it from the business licence."),
				  gettext_noop("Enterprise %lld has credit code \"%s\"."),
				  (long long) id, code);
	}
	return PointerGetDatum(newtup);
}
