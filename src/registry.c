/*-------------------------------------------------------------------------
 *
 * registry.c
 *	  Subjects, officers, certificates and enterprises.
 *
 * OFF-1   a certificate is issued only to established staff on an
 *		   enforcement post who passed the exam by the issue date (EN103).
 * OFF-3   revoked is final; at most one unrevoked certificate per officer;
 *		   number, officer and issue date never change; a suspension or
 *		   revocation is not dated over inspections already made (EN104).
 * OFF-4   an officer who leaves, leaves the post or stops being established
 *		   staff has every unrevoked certificate revoked, in the same
 *		   transaction.
 * EN205   enterprises carry a valid unified social credit code.
 *
 * agency_may_act() and officer_certified() give SUBJ-1 and OFF-2 to SQL,
 * from facts.c, as the triggers judge them.
 *
 * Issuing a certificate locks the officer's row FOR NO KEY UPDATE, so that
 * a departure or a second issue waits for it; the live certificates are
 * then counted under the latest snapshot.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "credit_code.h"
#include "facts.h"
#include "lookup.h"
#include "probe.h"
#include "registry.h"
#include "row.h"
#include "scope.h"
#include "taint.h"

#include "access/htup_details.h"
#include "access/sysattr.h"
#include "commands/extension.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "nodes/bitmapset.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(en_agency_may_act);
PG_FUNCTION_INFO_V1(en_officer_certified);
PG_FUNCTION_INFO_V1(en_certificates_check);
PG_FUNCTION_INFO_V1(en_officers_departure);
PG_FUNCTION_INFO_V1(en_enterprises_check);

/* status_reason of a certificate revoked because its officer left */
#define EN_REASON_LEFT "officer left (OFF-4)"

static const char *const certificate_columns[] = {
	"officer_id", "number", "issued_on", "valid_from", "valid_to", "status",
	"status_since", "status_reason"
};
enum
{
	C_OFFICER, C_NUMBER, C_ISSUED, C_FROM, C_TO, C_STATUS, C_SINCE, C_REASON
};

static const char *const eligibility_columns[] = {
	"employment", "on_enforcement_post", "exam_passed_on", "left_on"
};
enum
{
	E_EMPLOYMENT, E_ON_POST, E_EXAM, E_LEFT
};
static EnIndex officers_pkey =
EN_INDEX("officers", "officers_pkey", eligibility_columns);

static const char *const live_columns[] = {"id", "number", "status", "status_since"};
static EnIndex certificates_officer =
EN_INDEX("certificates", "certificates_officer", live_columns);

/* A probe's date column as a detail value. */
static EnArg
probe_date_arg(EnProbe *probe, int column)
{
	bool		isnull;
	Datum		d = en_probe_get(probe, column, &isnull);

	return isnull ? en_arg_null() : en_arg_date(DatumGetDateADT(d));
}

/*
 * SUBJ-1 as SQL: agency_may_act(agency_id, on_date).  It locks the rows it
 * reads for a caller who may see them; a writer asking about another
 * agency (public facts: subjects are disclosed) locks nothing.
 */
Datum
en_agency_may_act(PG_FUNCTION_ARGS)
{
	int64		agency_id;
	Snapshot	snapshot;
	EnAgencyStatus status;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	agency_id = PG_GETARG_INT64(0);
	snapshot = en_snapshot_begin();

	status = en_agency_status(snapshot, agency_id, PG_GETARG_DATEADT(1),
							  en_may_lock() && en_may_see_agency(agency_id));
	en_snapshot_end();
	PG_RETURN_BOOL(status == EN_AGENCY_MAY_ACT);
}

/*
 * OFF-2 as SQL: officer_certified(officer_id, agency_id, on_date).  A
 * writer learns nothing of another agency's officers: false, as for an
 * officer that does not exist, and nothing is locked.
 */
Datum
en_officer_certified(PG_FUNCTION_ARGS)
{
	int64		agency_id;
	Snapshot	snapshot;
	EnOfficerStatus status;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	agency_id = PG_GETARG_INT64(1);

	if (!en_may_see_agency(agency_id))
		PG_RETURN_BOOL(false);
	snapshot = en_snapshot_begin();
	status = en_officer_status(snapshot, PG_GETARG_INT64(0), agency_id,
							   PG_GETARG_DATEADT(2), en_may_lock());
	en_snapshot_end();
	PG_RETURN_BOOL(status == EN_OFFICER_CERTIFIED);
}

/*
 * OFF-1: the officer's eligibility for a certificate on a day, with the
 * officer's row locked against a concurrent departure or second issue.
 * A certificate recorded as already revoked is history: the officer's
 * post and employment today say nothing about the issue date, so only the
 * dated facts (exam, departure) are judged.  Sets *left_on when the
 * officer left after that day.
 */
static void
check_eligibility(EnRow *row, int64 officer_id, DateADT day, bool history,
				  bool *left, DateADT *left_on)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(officer_id))};
	bool		isnull;
	Datum		d;
	char	   *employment;

	*left = false;
	en_probe_open(&probe, &officers_pkey, en_row_snapshot(row), true);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (!en_probe_next(&probe) ||
		en_probe_lock(&probe, LockTupleNoKeyExclusive) == EN_GONE)
	{
		en_probe_close(&probe);
		return;					/* the foreign key's business */
	}
	employment = en_probe_text(&probe, E_EMPLOYMENT);
	d = en_probe_get(&probe, E_LEFT, &isnull);
	if (!isnull)
	{
		*left = true;
		*left_on = DatumGetDateADT(d);
	}

	if (!history && (employment == NULL || strcmp(employment, "established") != 0))
		EN_VERDICT(&row->verdicts, EN_R_OFF1_ESTABLISHED, en_row_id(row),
				   en_arg_int8(officer_id), en_arg(employment));
	else if (!history && !en_probe_bool(&probe, E_ON_POST))
		EN_VERDICT(&row->verdicts, EN_R_OFF1_POST, en_row_id(row),
				   en_arg_int8(officer_id));
	else if (*left && *left_on <= day)
		EN_VERDICT(&row->verdicts, EN_R_OFF1_LEFT, en_row_id(row),
				   en_arg_int8(officer_id), en_arg_date(*left_on),
				   en_arg_date(day));
	else
	{
		d = en_probe_get(&probe, E_EXAM, &isnull);
		if (isnull || DatumGetDateADT(d) > day)
			EN_VERDICT(&row->verdicts, EN_R_OFF1_EXAM, en_row_id(row),
					   en_arg_int8(officer_id), probe_date_arg(&probe, E_EXAM),
					   en_arg_date(day));
	}
	en_probe_close(&probe);
}

/*
 * OFF-3: no second unrevoked certificate, and no new one valid on or
 * before the day an earlier one was revoked: the days of a revocation are
 * never made certified days after the fact.  The officer's row is locked by
 * check_eligibility(), so an earlier issue has committed; the latest
 * snapshot sees it under REPEATABLE READ too.
 */
static void
check_single_live(EnRow *row, int64 officer_id, bool has_from, DateADT from)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(officer_id))};

	en_probe_open_latest(&probe, &certificates_officer);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		int64		id = en_probe_int64(&probe, 0, &isnull);

		if (row->has_id && id == row->id)
			continue;
		if (en_probe_text_is(&probe, 2, "revoked"))
		{
			Datum		since = en_probe_get(&probe, 3, &isnull);

			/* no new certificate over the days of a revocation */
			if (!isnull && has_from && from <= DatumGetDateADT(since))
			{
				EN_VERDICT(&row->verdicts, EN_R_OFF3_OVER_REVOKED,
						   en_row_id(row), en_arg_int8(officer_id),
						   en_arg(en_probe_text(&probe, 1)),
						   en_arg_date(DatumGetDateADT(since)),
						   en_arg_date(from));
				break;
			}
			continue;
		}
		EN_VERDICT(&row->verdicts, EN_R_OFF3_SECOND_LIVE, en_row_id(row),
				   en_arg_int8(officer_id), en_arg(en_probe_text(&probe, 1)));
		break;
	}
	en_probe_close(&probe);
}

/* Whether a text column of the row (as written) equals a value. */
static bool
row_text_is(EnRow *row, AttrNumber attnum, const char *value)
{
	char	   *text = en_row_text(row, attnum);

	return text != NULL && strcmp(text, value) == 0;
}

/* The checks of a new certificate: OFF-1, OFF-3, the status date. */
static void
check_new_certificate(EnRow *row, const AttrNumber *att)
{
	bool		officer_null,
				issued_null,
				since_null;
	int64		officer_id = DatumGetInt64(en_row_get(row, att[C_OFFICER],
													  &officer_null));
	Datum		issued = en_row_get(row, att[C_ISSUED], &issued_null);
	bool		revoked = row_text_is(row, att[C_STATUS], "revoked");
	bool		left;
	DateADT		left_on;

	if (officer_null || issued_null)
		return;					/* NOT NULL is the constraint's business */
	/* status_since defaults to the issue date */
	(void) en_row_get(row, att[C_SINCE], &since_null);
	if (since_null)
		en_row_set(row, att[C_SINCE], issued, false);

	/* OFF-3: valid, and with a status, only from its issue */
	{
		bool		from_null;
		Datum		from = en_row_get(row, att[C_FROM], &from_null);
		Datum		since = en_row_get(row, att[C_SINCE], &since_null);

		if ((!from_null && DatumGetDateADT(from) < DatumGetDateADT(issued)) ||
			(!since_null && DatumGetDateADT(since) < DatumGetDateADT(issued)))
			EN_VERDICT(&row->verdicts, EN_R_OFF3_VALIDITY, en_row_id(row),
					   en_arg_int8(row->id),
					   en_arg_date(DatumGetDateADT(issued)),
					   from_null ? en_arg_null() :
					   en_arg_date(DatumGetDateADT(from)),
					   since_null ? en_arg_null() :
					   en_arg_date(DatumGetDateADT(since)));
		if (en_verdicts_done(&row->verdicts))
			return;
	}
	check_eligibility(row, officer_id, DatumGetDateADT(issued), revoked,
					  &left, &left_on);
	if (revoked || en_verdicts_done(&row->verdicts))
		return;
	if (left)
	{
		/*
		 * OFF-4: a certificate of an officer who has since left is history;
		 * it is recorded as revoked on the leaving day.
		 */
		en_row_set(row, att[C_STATUS], CStringGetTextDatum("revoked"), false);
		en_row_set(row, att[C_SINCE], DateADTGetDatum(left_on), false);
		en_row_set(row, att[C_REASON], CStringGetTextDatum(EN_REASON_LEFT),
				   false);
	}
	else
	{
		bool		from_null;
		Datum		from = en_row_get(row, att[C_FROM], &from_null);

		check_single_live(row, officer_id, !from_null,
						  from_null ? 0 : DatumGetDateADT(from));
	}
}

/*
 * OFF-3: a status changes forward only, by a new status dated on or after
 * the current one's day; moving a status's date (moved) is never a change
 * forward.  The history (certificate_statuses) keeps each status.
 */
static void
check_forward(EnRow *row, const AttrNumber *att, bool moved)
{
	bool		old_null,
				new_null;
	Datum		old_since = en_row_old(row, att[C_SINCE], &old_null);
	Datum		new_since = en_row_get(row, att[C_SINCE], &new_null);
	Datum		old_status;
	bool		status_null;

	if (new_null)
		return;					/* NOT NULL is the constraint's business */
	if (!moved && !old_null &&
		DatumGetDateADT(new_since) >= DatumGetDateADT(old_since))
		return;
	old_status = en_row_old(row, att[C_STATUS], &status_null);
	EN_VERDICT(&row->verdicts, EN_R_OFF3_FORWARD, en_row_id(row),
			   en_arg_int8(row->id),
			   en_arg(status_null ? NULL : TextDatumGetCString(old_status)),
			   old_null ? en_arg_null() :
			   en_arg_date(DatumGetDateADT(old_since)),
			   en_arg(en_row_text(row, att[C_STATUS])),
			   en_arg_date(DatumGetDateADT(new_since)));
}

/* The checks of a changed certificate: OFF-3 and OFF-1 on reactivation. */
static void
check_changed_certificate(EnRow *row, const AttrNumber *att)
{
	bool		isnull;
	int64		officer_id;
	char	   *status = en_row_text(row, att[C_STATUS]);
	Datum		old_status = en_row_old(row, att[C_STATUS], &isnull);

	/* revoked is final: nothing of a revoked certificate changes */
	if (!isnull && strcmp(TextDatumGetCString(old_status), "revoked") == 0)
	{
		Datum		since = en_row_old(row, att[C_SINCE], &isnull);

		EN_VERDICT(&row->verdicts, EN_R_OFF3_REVOKED_FINAL, en_row_id(row),
				   en_arg_int8(row->id),
				   isnull ? en_arg_null() : en_arg_date(DatumGetDateADT(since)));
		return;
	}
	if (status == NULL)
		return;
	if (!en_row_changed(row, att[C_STATUS]))
	{
		/* OFF-3: the date of a status never moves */
		if (en_row_changed(row, att[C_SINCE]))
			check_forward(row, att, true);
		return;
	}
	officer_id = DatumGetInt64(en_row_get(row, att[C_OFFICER], &isnull));
	if (isnull)
		return;

	/* a status change dates itself today unless a date is given */
	if (!bms_is_member(att[C_SINCE] - FirstLowInvalidHeapAttributeNumber,
					   row->trigdata->tg_updatedcols))
		en_row_set(row, att[C_SINCE], DateADTGetDatum(GetSQLCurrentDate()),
				   false);
	check_forward(row, att, false);
	if (en_verdicts_done(&row->verdicts))
		return;

	if (strcmp(status, "active") == 0)
	{
		/* reactivation: the officer must still qualify (OFF-1) */
		Datum		since = en_row_get(row, att[C_SINCE], &isnull);
		bool		left;
		DateADT		left_on;

		if (!isnull)
			check_eligibility(row, officer_id, DatumGetDateADT(since), false,
							  &left, &left_on);
	}
}

/*
 * OFF-3: a certificate's identity never changes: its number, officer and
 * issue date (judged before the other fixed columns, as EN104).
 */
static void
check_identity(EnRow *row, const AttrNumber *att)
{
	bool		isnull;

	if (en_row_changed(row, att[C_NUMBER]) ||
		en_row_changed(row, att[C_OFFICER]) ||
		en_row_changed(row, att[C_ISSUED]))
	{
		Datum		number = en_row_old(row, att[C_NUMBER], &isnull);
		Datum		officer = en_row_old(row, att[C_OFFICER], &isnull);
		Datum		issued = en_row_old(row, att[C_ISSUED], &isnull);

		EN_VERDICT(&row->verdicts, EN_R_OFF3_IDENTITY, en_row_id(row),
				   en_arg_int8(row->id), en_arg(TextDatumGetCString(number)),
				   en_arg_int8(DatumGetInt64(officer)),
				   en_arg_date(DatumGetDateADT(issued)));
	}
}

/* BEFORE INSERT OR UPDATE on certificates: OFF-1 and OFF-3. */
Datum
en_certificates_check(PG_FUNCTION_ARGS)
{
	EnRow		row;
	const AttrNumber *att;

	en_row_begin(fcinfo, "certificates_check", &row);
	att = en_relinfo_columns(row.info, row.rel, certificate_columns,
							 lengthof(certificate_columns));
	if (row.judged && !row.insert)
		check_identity(&row, att);
	en_row_scope(&row);
	if (row.judged && !en_verdicts_done(&row.verdicts))
	{
		if (row.insert)
			check_new_certificate(&row, att);
		else
			check_changed_certificate(&row, att);
	}
	else if (row.insert)
	{
		bool		since_null;
		bool		issued_null;
		Datum		issued = en_row_get(&row, att[C_ISSUED], &issued_null);

		(void) en_row_get(&row, att[C_SINCE], &since_null);
		if (since_null && !issued_null)
			en_row_set(&row, att[C_SINCE], issued, false);
	}
	return en_row_end(&row);
}

/* Whether an officer row still qualifies to hold a certificate (OFF-4). */
static bool
officer_qualifies(HeapTuple tuple, TupleDesc desc, const AttrNumber *att)
{
	bool		isnull;
	Datum		employment = heap_getattr(tuple, att[0], desc, &isnull);
	bool		established = !isnull &&
		strcmp(TextDatumGetCString(employment), "established") == 0;
	Datum		on_post = heap_getattr(tuple, att[1], desc, &isnull);
	bool		posted = !isnull && DatumGetBool(on_post);

	(void) heap_getattr(tuple, att[2], desc, &isnull);
	return isnull && posted && established;
}

/*
 * Withdraws an officer's certificates from a day (OFF-4, ACC-2): revoke
 * revokes every unrevoked one, else the active one is suspended.  By an
 * UPDATE, so that the certificate's own check judges it as a manual change
 * (and lists the acts a back-dated one taints, unless quiet); the number of
 * certificates changed.
 */
uint64
en_certificates_withdraw(int64 officer_id, Datum day, const char *reason,
						 bool revoke, bool quiet)
{
	EN_QUERY(withdraw, "UPDATE ONLY enforcement.certificates c "
		"SET status = $4, "
		"status_since = GREATEST($2, c.status_since), "
		"status_reason = $3 "
		"WHERE c.officer_id OPERATOR(pg_catalog.=) $1 "
		"AND c.status OPERATOR(pg_catalog.<>) 'revoked' "
		"AND c.status OPERATOR(pg_catalog.<>) $4",
		INT8OID, DATEOID, TEXTOID, TEXTOID);
	Datum		args[4] = {Int64GetDatum(officer_id), day,
		CStringGetTextDatum(reason),
	CStringGetTextDatum(revoke ? "revoked" : "suspended")};
	EnLookup	lk;
	uint64		changed;

	en_lookup_begin(&lk);
	en_taint_quiet = quiet;
	PG_TRY();
	{
		changed = en_run(&lk, &withdraw, args, NULL, 0, EN_LATEST);
	}
	PG_FINALLY();
	{
		en_taint_quiet = false;
	}
	PG_END_TRY();
	en_lookup_end(&lk);
	return changed;
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
	static const char *const columns[] = {
		"employment", "on_enforcement_post", "left_on", "id", "agency_id"
	};
	TriggerData *trigdata;
	TupleDesc	desc;
	EnRelInfo  *info;
	const AttrNumber *att;
	bool		isnull;
	Datum		left_on;
	int64		officer_id;
	uint64		revoked;

	trigdata = en_after_row(fcinfo, "officers_departure", false, true);
	desc = RelationGetDescr(trigdata->tg_relation);
	info = en_relinfo(trigdata->tg_relation);
	att = en_relinfo_columns(info, trigdata->tg_relation, columns,
							 lengthof(columns));
	if (officer_qualifies(trigdata->tg_newtuple, desc, att) ||
		!officer_qualifies(trigdata->tg_trigtuple, desc, att))
		return PointerGetDatum(NULL);

	officer_id = DatumGetInt64(heap_getattr(trigdata->tg_newtuple, att[3],
											desc, &isnull));
	left_on = heap_getattr(trigdata->tg_newtuple, att[2], desc, &isnull);
	revoked = en_certificates_withdraw(officer_id,
									   isnull ? DateADTGetDatum(GetSQLCurrentDate()) : left_on,
									   isnull ?
									   "officer no longer established staff on an enforcement post (OFF-4)" :
									   EN_REASON_LEFT,
									   true, true);
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
	static const char *const columns[] = {"credit_code"};
	EnRow		row;
	const AttrNumber *att;
	bool		isnull;
	Datum		code;

	en_row_begin(fcinfo, "enterprises_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	code = en_row_get(&row, att[0], &isnull);
	if (row.judged && !isnull &&
		!en_credit_code_ok(VARDATA_ANY(DatumGetTextPP(code)),
						   VARSIZE_ANY_EXHDR(DatumGetTextPP(code))))
		EN_VERDICT(&row.verdicts, EN_R_GB32100, en_row_id(&row),
				   en_arg_int8(row.id),
				   en_arg(TextDatumGetCString(code)));
	return en_row_end(&row);
}
