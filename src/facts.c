/*-------------------------------------------------------------------------
 *
 * facts.c
 *	  The dated facts the rules judge an act against, read by direct
 *	  index probes and locked as the rules rely on them.
 *
 * SUBJ-1  an agency may act on a day only if it is not a justice bureau,
 *		   has a legal authority, was confirmed and disclosed by then and
 *		   is not dissolved; an entrusted agency also needs an entrusting
 *		   agency that may act (and is not itself entrusted).
 * OFF-2   an officer is certified for an agency on a day when the officer
 *		   belongs to it, had not left by then, and holds a certificate
 *		   valid that day and not suspended or revoked on or before it.
 * SUBJ-2  a legal basis is in force on the day and a power of the agency
 *		   published by then.
 * INSP-5  the cap in force for an agency, year and day (the agency's own
 *		   beats the one for every agency; then the latest published, then
 *		   the latest written), and the routine visits it counts (a joint
 *		   inspection once).
 *
 * Each is written here once.  The views read the same facts through SQL
 * functions (certificate_holds(), cap_in_force(), routine_visits()); the
 * rule_* functions below give this file's answer to SQL, so that a test
 * can prove the two agree.
 *
 * With lock, the rows relied on are locked FOR SHARE (the agency, the
 * officer, the certificate), so that a concurrent suspension, departure or
 * dissolution waits, or is seen (probe.c).  A legal basis and a power are
 * not locked: they are never deleted nor their keys changed (what FOR KEY
 * SHARE would guard), and the inspection's foreign key locks the basis.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "facts.h"
#include "probe.h"
#include "scope.h"
#include "text.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/numeric.h"
#include "utils/snapmgr.h"

PG_FUNCTION_INFO_V1(en_rule_certificate_holds);
PG_FUNCTION_INFO_V1(en_rule_cap_in_force);
PG_FUNCTION_INFO_V1(en_rule_routine_visits);

/* An entrusting chain longer than this is refused as a loop. */
#define EN_MAX_ENTRUST_DEPTH 8

static const char *const agency_columns[] = {
	"kind", "legal_authority", "confirmed_on", "disclosed_on",
	"dissolved_on", "entrusted_by"
};
enum
{
	A_KIND, A_AUTHORITY, A_CONFIRMED, A_DISCLOSED, A_DISSOLVED, A_ENTRUSTED_BY
};
static EnIndex agencies_pkey =
EN_INDEX("agencies", "agencies_pkey", agency_columns);

static const char *const officer_columns[] = {
	"agency_id", "left_on", "employment", "on_enforcement_post",
	"exam_passed_on"
};
enum
{
	O_AGENCY, O_LEFT, O_EMPLOYMENT, O_ON_POST, O_EXAM
};
static EnIndex officers_pkey =
EN_INDEX("officers", "officers_pkey", officer_columns);

static const char *const certificate_columns[] = {
	"valid_from", "valid_to", "status", "status_since", "issued_on", "id"
};
enum
{
	C_FROM, C_TO, C_STATUS, C_SINCE, C_ISSUED, C_ID
};
static EnIndex certificates_officer =
EN_INDEX("certificates", "certificates_officer", certificate_columns);

static const char *const status_columns[] = {"id", "status", "since"};
static EnIndex statuses_certificate =
EN_INDEX("certificate_statuses", "certificate_statuses_certificate",
		 status_columns);

static const char *const basis_columns[] = {"effective_from", "effective_to"};
static EnIndex legal_bases_pkey =
EN_INDEX("legal_bases", "legal_bases_pkey", basis_columns);

static const char *const power_columns[] = {"published_on"};
static EnIndex agency_powers_pkey =
EN_INDEX("agency_powers", "agency_powers_pkey", power_columns);

static const char *const limit_columns[] = {
	"id", "max_per_enterprise", "published_on", "agency_id"
};
static EnIndex limits_year =
EN_INDEX("inspection_limits", "inspection_limits_year", limit_columns);

static const char *const conflict_columns[] = {"officer_id", "declared_on"};
static EnIndex conflicts_enterprise =
EN_INDEX("conflicts", "conflicts_enterprise", conflict_columns);

static const char *const setting_columns[] = {"value"};
static EnIndex settings_pkey =
EN_INDEX("settings", "settings_pkey", setting_columns);

static const char *const visit_columns[] = {
	"id", "plan_id", "joint_inspection_id", "inspected_on"
};
static EnIndex inspections_agency =
EN_INDEX("inspections", "inspections_agency", visit_columns);

/* Whether a nullable date column of a probe's row is set and by a day. */
static bool
date_by(EnProbe *probe, int column, DateADT day)
{
	bool		isnull;
	Datum		d = en_probe_get(probe, column, &isnull);

	return !isnull && DatumGetDateADT(d) <= day;
}

/* SUBJ-1 for one agency, following its entrusting agency. */
static EnAgencyStatus
agency_status(Snapshot snapshot, int64 agency_id, DateADT day, bool lock,
			  int depth, bool entruster)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(agency_id))};
	EnAgencyStatus status = EN_AGENCY_MAY_ACT;
	bool		entrusted;
	bool		no_entruster;
	int64		entrusted_by;

	en_probe_open(&probe, &agencies_pkey, snapshot, lock);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (!en_probe_next(&probe) ||
		(lock && en_probe_lock(&probe, LockTupleShare) == EN_GONE))
	{
		en_probe_close(&probe);
		return EN_AGENCY_UNKNOWN;
	}
	entrusted = en_probe_text_is(&probe, A_KIND, "entrusted");
	entrusted_by = en_probe_int64(&probe, A_ENTRUSTED_BY, &no_entruster);
	if (en_probe_text_is(&probe, A_KIND, "justice_bureau"))
		status = EN_AGENCY_JUSTICE_BUREAU;
	else if (entruster && entrusted)
		status = EN_AGENCY_ENTRUSTER_ENTRUSTED;
	else if (en_blank_cstring(en_probe_text(&probe, A_AUTHORITY)))
		status = EN_AGENCY_NO_AUTHORITY;
	else if (!date_by(&probe, A_CONFIRMED, day))
		status = EN_AGENCY_NOT_CONFIRMED;
	else if (!date_by(&probe, A_DISCLOSED, day))
		status = EN_AGENCY_NOT_DISCLOSED;
	else if (date_by(&probe, A_DISSOLVED, day))
		status = EN_AGENCY_DISSOLVED;
	en_probe_close(&probe);

	if (status == EN_AGENCY_MAY_ACT && entrusted)
	{
		EnAgencyStatus of_entruster;

		if (no_entruster)
			return EN_AGENCY_NO_ENTRUSTER;
		if (depth >= EN_MAX_ENTRUST_DEPTH || entrusted_by == agency_id)
			return EN_AGENCY_ENTRUSTER_CANNOT_ACT;
		of_entruster = agency_status(snapshot, entrusted_by, day, lock,
									 depth + 1, true);
		if (of_entruster == EN_AGENCY_ENTRUSTER_ENTRUSTED)
			return of_entruster;
		if (of_entruster != EN_AGENCY_MAY_ACT)
			return EN_AGENCY_ENTRUSTER_CANNOT_ACT;
	}
	return status;
}

/* SUBJ-1: whether an agency may act on a day, and if not, why. */
EnAgencyStatus
en_agency_status(Snapshot snapshot, int64 agency_id, DateADT day, bool lock)
{
	if (DATE_NOT_FINITE(day))
		return EN_AGENCY_NOT_CONFIRMED;
	return agency_status(snapshot, agency_id, day, lock, 0, false);
}

/*
 * Whether an agency is a justice bureau, the body a plan is filed with
 * (INSP-2).  With lock, the agency is locked FOR KEY SHARE.
 */
bool
en_agency_is_bureau(Snapshot snapshot, int64 agency_id, bool lock)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(agency_id))};
	bool		bureau;

	en_probe_open(&probe, &agencies_pkey, snapshot, lock);
	en_probe_keys(&probe, lengthof(keys), keys);
	bureau = en_probe_next(&probe) &&
		(!lock || en_probe_lock(&probe, LockTupleKeyShare) == EN_LOCKED) &&
		en_probe_text_is(&probe, A_KIND, "justice_bureau");
	en_probe_close(&probe);
	return bureau;
}

/* Why an agency may not act, as a phrase for a detail. */
const char *
en_agency_why(EnAgencyStatus status)
{
	switch (status)
	{
		case EN_AGENCY_MAY_ACT:
			return gettext_noop("it may act");
		case EN_AGENCY_UNKNOWN:
			return gettext_noop("it is not registered");
		case EN_AGENCY_JUSTICE_BUREAU:
			return gettext_noop("a justice bureau supervises and does not enforce");
		case EN_AGENCY_NO_AUTHORITY:
			return gettext_noop("it has no legal authority recorded");
		case EN_AGENCY_NOT_CONFIRMED:
			return gettext_noop("it was not confirmed as an enforcement subject by then");
		case EN_AGENCY_NOT_DISCLOSED:
			return gettext_noop("it was not publicly disclosed by then");
		case EN_AGENCY_DISSOLVED:
			return gettext_noop("it was dissolved by then");
		case EN_AGENCY_NO_ENTRUSTER:
			return gettext_noop("it is entrusted but names no entrusting agency");
		case EN_AGENCY_ENTRUSTER_ENTRUSTED:
			return gettext_noop("its entrusting agency is itself entrusted");
		case EN_AGENCY_ENTRUSTER_CANNOT_ACT:
			break;
	}
	return gettext_noop("its entrusting agency may not act");
}

/*
 * Whether a certificate holds on a day: valid that day, and not suspended
 * or revoked on or before it (OFF-2).  A status other than active with no
 * date holds on no day.
 */
bool
en_certificate_holds(DateADT valid_from, DateADT valid_to, bool active,
					 bool status_since_null, DateADT status_since,
					 DateADT day)
{
	if (!(valid_from <= day && valid_to >= day))
		return false;
	if (active)
		return true;
	return !status_since_null && status_since > day;
}

/*
 * The status a certificate had on a day, from its history: the last
 * status from that day or before, in the order recorded; active before
 * the first.  *changed_that_day tells whether a status other than active
 * began on the day itself (then the day is not a certified one, whatever
 * followed).  Under the latest snapshot when the certificate is locked,
 * so that a status recorded by the transaction that held the lock is seen.
 */
static bool
active_by_history(Snapshot snapshot, bool latest, int64 certificate_id,
				  DateADT day)
{
	EnProbe		probe;
	EnKey		keys[] = {
		EN_EQ(1, Int64GetDatum(certificate_id)),
		EN_LE(2, DateADTGetDatum(day))
	};
	bool		active = true;
	bool		stopped_that_day = false;
	DateADT		last_day = 0;
	int64		last_id = 0;
	bool		any = false;

	if (latest)
		en_probe_open_latest(&probe, &statuses_certificate);
	else
		en_probe_open(&probe, &statuses_certificate, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		int64		id = en_probe_int64(&probe, 0, &isnull);
		DateADT		since = DatumGetDateADT(en_probe_get(&probe, 2, &isnull));
		bool		is_active = en_probe_text_is(&probe, 1, "active");

		if (since == day && !is_active)
			stopped_that_day = true;
		if (!any || since > last_day || (since == last_day && id > last_id))
		{
			any = true;
			last_day = since;
			last_id = id;
			active = is_active;
		}
	}
	en_probe_close(&probe);
	return active && !stopped_that_day;
}

/*
 * Whether the certificate in a probe's row holds on a day (OFF-2): valid
 * that day, and active on it by its status history.  The current status
 * answers for a day after it began; an earlier day, or the day it began,
 * is read from the history.
 */
static bool
probed_certificate_holds(EnProbe *probe, Snapshot snapshot, bool latest,
						 DateADT day)
{
	bool		from_null,
				to_null,
				since_null,
				id_null;
	Datum		from = en_probe_get(probe, C_FROM, &from_null);
	Datum		to = en_probe_get(probe, C_TO, &to_null);
	Datum		since = en_probe_get(probe, C_SINCE, &since_null);
	int64		id = en_probe_int64(probe, C_ID, &id_null);
	bool		active = en_probe_text_is(probe, C_STATUS, "active");

	if (from_null || to_null || id_null ||
		!(DatumGetDateADT(from) <= day && DatumGetDateADT(to) >= day))
		return false;
	if (!since_null && DatumGetDateADT(since) < day)
		return active;
	if (!since_null && DatumGetDateADT(since) == day && !active)
		return false;
	return active_by_history(snapshot, latest, id, day);
}

/*
 * Whether the officer could hold the certificate (OFF-1), for a
 * certificate let through in warn mode or written around the checks: the
 * exam passed by its issue, and for one not revoked, established staff on
 * an enforcement post (a change of either revokes it, OFF-4).
 */
static bool
officer_could_hold(const char *employment, bool on_post, bool has_exam,
				   DateADT exam, EnProbe *certificate)
{
	bool		isnull;
	Datum		issued = en_probe_get(certificate, C_ISSUED, &isnull);

	if (!has_exam || isnull || exam > DatumGetDateADT(issued))
		return false;
	if (en_probe_text_is(certificate, C_STATUS, "revoked"))
		return true;
	return on_post && employment != NULL &&
		strcmp(employment, "established") == 0;
}

/*
 * OFF-2: whether an officer is certified for an agency on a day.  With
 * lock, the officer (only if of that agency) and the certificate relied
 * on are locked FOR SHARE, and judged again as locked.
 */
EnOfficerStatus
en_officer_status(Snapshot snapshot, int64 officer_id, int64 agency_id,
				  DateADT day, bool lock)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(officer_id))};
	EnOfficerStatus status = EN_OFFICER_NO_CERTIFICATE;
	bool		isnull;
	char	   *employment = NULL;
	bool		on_post = false;
	bool		has_exam = false;
	DateADT		exam = 0;

	if (DATE_NOT_FINITE(day))
		return EN_OFFICER_NO_CERTIFICATE;
	en_probe_open(&probe, &officers_pkey, snapshot, lock);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (!en_probe_next(&probe) ||
		en_probe_int64(&probe, O_AGENCY, &isnull) != agency_id || isnull)
		status = EN_OFFICER_NOT_OF_AGENCY;
	else if (lock && en_probe_lock(&probe, LockTupleShare) == EN_GONE)
		status = EN_OFFICER_NOT_OF_AGENCY;
	else if (date_by(&probe, O_LEFT, day))
		status = EN_OFFICER_LEFT;
	else
	{
		Datum		d = en_probe_get(&probe, O_EXAM, &isnull);

		employment = en_probe_text(&probe, O_EMPLOYMENT);
		on_post = en_probe_bool(&probe, O_ON_POST);
		has_exam = !isnull;
		exam = isnull ? 0 : DatumGetDateADT(d);
	}
	en_probe_close(&probe);
	if (status != EN_OFFICER_NO_CERTIFICATE)
		return status;

	en_probe_open(&probe, &certificates_officer, snapshot, lock);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (status != EN_OFFICER_CERTIFIED && en_probe_next(&probe))
	{
		if (!probed_certificate_holds(&probe, snapshot, false, day))
			continue;
		if (lock && (en_probe_lock(&probe, LockTupleShare) == EN_GONE ||
					 !probed_certificate_holds(&probe, snapshot, true, day)))
			continue;
		if (!officer_could_hold(employment, on_post, has_exam, exam, &probe))
		{
			status = EN_OFFICER_NOT_ELIGIBLE;
			continue;
		}
		status = EN_OFFICER_CERTIFIED;
	}
	en_probe_close(&probe);
	return status;
}

/* Why an officer is not certified, as a phrase for a detail. */
const char *
en_officer_why(EnOfficerStatus status)
{
	switch (status)
	{
		case EN_OFFICER_CERTIFIED:
			return gettext_noop("is certified");
		case EN_OFFICER_NOT_OF_AGENCY:
			return gettext_noop("is not an officer of the agency");
		case EN_OFFICER_LEFT:
			return gettext_noop("had left by then");
		case EN_OFFICER_NOT_ELIGIBLE:
			return gettext_noop("holds a certificate that the officer could not be issued (OFF-1)");
		case EN_OFFICER_NO_CERTIFICATE:
			break;
	}
	return gettext_noop("holds no certificate valid that day");
}

/*
 * OFF-2 for a list of officers: the status of each (an officer named twice
 * is read once).
 */
void
en_officers_status(Snapshot snapshot, const int64 *ids, int n,
				   int64 agency_id, DateADT day, bool lock,
				   EnOfficerStatus *status)
{
	for (int i = 0; i < n; i++)
	{
		int			j = 0;

		while (j < i && ids[j] != ids[i])
			j++;
		status[i] = j < i ? status[j] :
			en_officer_status(snapshot, ids[i], agency_id, day, lock);
	}
}

/*
 * OFF-6: the first officer of a list (in the order named) with a conflict
 * with the enterprise declared on or before the day, or -1.
 */
int
en_first_conflict(Snapshot snapshot, int64 enterprise_id, const int64 *ids,
				  int n, DateADT day)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(enterprise_id))};
	int			first = n;

	/*
	 * Under the latest snapshot where locks are taken: the officers are
	 * locked FOR SHARE by now, and a conflict declared concurrently locks
	 * its officer FOR NO KEY UPDATE (taint.c), so it has committed and is
	 * seen, or it waits for this act and then lists it.
	 */
	if (en_may_lock())
		en_probe_open_latest(&probe, &conflicts_enterprise);
	else
		en_probe_open(&probe, &conflicts_enterprise, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		int64		officer = en_probe_int64(&probe, 0, &isnull);
		Datum		declared = en_probe_get(&probe, 1, &isnull);

		if (isnull || DatumGetDateADT(declared) > day)
			continue;
		for (int i = 0; i < first; i++)
			if (ids[i] == officer)
				first = i;
	}
	en_probe_close(&probe);
	return first < n ? first : -1;
}

/* Why a legal basis is not a power in force, for a detail. */
const char *
en_basis_why(EnBasisStatus status)
{
	switch (status)
	{
		case EN_BASIS_OK:
			return gettext_noop("it is a power in force");
		case EN_BASIS_UNKNOWN:
			return gettext_noop("it is not registered");
		case EN_BASIS_NOT_IN_FORCE:
			return gettext_noop("it is not in force on the day");
		case EN_BASIS_NOT_A_POWER:
			break;
	}
	return gettext_noop("it is not a power of the agency published by the day");
}

/* Whether a numeric is a number (not NaN, not infinite). */
bool
en_numeric_finite(Numeric n)
{
	return !numeric_is_nan(n) && !numeric_is_inf(n);
}

/* Compares two numerics, as numeric_cmp(). */
int
en_numeric_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a),
											 NumericGetDatum(b)));
}

/*
 * A row of enforcement.settings, or the default when it is missing (a DBA
 * never deletes one: the table is declared).
 */
Numeric
en_setting(Snapshot snapshot, const char *name, int64 fallback)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, CStringGetTextDatum(name))};
	Numeric		value = int64_to_numeric(fallback);

	en_probe_open(&probe, &settings_pkey, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (en_probe_next(&probe))
	{
		bool		isnull;
		Datum		d = en_probe_get(&probe, 0, &isnull);

		if (!isnull)
			value = DatumGetNumericCopy(d);
	}
	en_probe_close(&probe);
	return value;
}

/*
 * SUBJ-2: whether a legal basis is registered, in force on the day, and a
 * power of the agency published by then.
 */
EnBasisStatus
en_basis_status(Snapshot snapshot, int64 basis_id, int64 agency_id,
				const char *power, DateADT day)
{
	EnProbe		probe;
	EnKey		basis_key[] = {EN_EQ(1, Int64GetDatum(basis_id))};
	EnKey		power_keys[] = {
		EN_EQ(1, Int64GetDatum(agency_id)),
		EN_EQ(2, Int64GetDatum(basis_id)),
		EN_EQ(3, CStringGetTextDatum(power))
	};
	EnBasisStatus status = EN_BASIS_OK;

	en_probe_open(&probe, &legal_bases_pkey, snapshot, false);
	en_probe_keys(&probe, lengthof(basis_key), basis_key);
	if (!en_probe_next(&probe))
		status = EN_BASIS_UNKNOWN;
	else
	{
		bool		to_null;
		Datum		to = en_probe_get(&probe, 1, &to_null);

		if (DATE_NOT_FINITE(day) || !date_by(&probe, 0, day) ||
			(!to_null && DatumGetDateADT(to) < day))
			status = EN_BASIS_NOT_IN_FORCE;
	}
	en_probe_close(&probe);
	if (status != EN_BASIS_OK)
		return status;

	en_probe_open(&probe, &agency_powers_pkey, snapshot, false);
	en_probe_keys(&probe, lengthof(power_keys), power_keys);
	if (!en_probe_next(&probe) || !date_by(&probe, 0, day))
		status = EN_BASIS_NOT_A_POWER;
	en_probe_close(&probe);
	return status;
}

/*
 * INSP-5: the cap in force for an agency's routine inspections in a year
 * on a day: the agency's own beats the one for every agency; among rows
 * of one kind the latest published, then the latest written.  False when
 * there is none (no cap).
 */
bool
en_cap_in_force(Snapshot snapshot, int64 agency_id, int32 year, DateADT day,
				int32 *cap)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int32GetDatum(year))};
	bool		found = false;
	bool		best_own = false;
	DateADT		best_day = 0;
	int64		best_id = 0;

	if (DATE_NOT_FINITE(day))
		return false;
	en_probe_open(&probe, &limits_year, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		bool		every;
		int64		agency = en_probe_int64(&probe, 3, &every);
		Datum		published = en_probe_get(&probe, 2, &isnull);
		Datum		value;
		int64		id;
		DateADT		on;

		if ((!every && agency != agency_id) || isnull ||
			DatumGetDateADT(published) > day)
			continue;
		on = DatumGetDateADT(published);
		id = en_probe_int64(&probe, 0, &isnull);
		/* the agency's own first; then the latest published, then written */
		if (found && (best_own && every))
			continue;
		if (found && best_own == !every &&
			(on < best_day || (on == best_day && id < best_id)))
			continue;
		value = en_probe_get(&probe, 1, &isnull);
		if (isnull)
			continue;
		found = true;
		best_own = !every;
		best_day = on;
		best_id = id;
		*cap = DatumGetInt32(value);
	}
	en_probe_close(&probe);
	return found;
}

/*
 * A visit counted against the cap: an inspection by its own id, or a joint
 * inspection once by the joint inspection's id.  The two ids are of
 * different tables, so an inspection and a joint inspection with the same
 * number are two visits.
 */
typedef struct EnVisit
{
	bool		joint;
	int64		id;
} EnVisit;

static int
compare_visits(const void *a, const void *b)
{
	const EnVisit *x = (const EnVisit *) a;
	const EnVisit *y = (const EnVisit *) b;

	if (x->joint != y->joint)
		return x->joint ? 1 : -1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The first day of a year. */
DateADT
en_year_start(int32 year)
{
	return date2j(year, 1, 1) - POSTGRES_EPOCH_JDATE;
}

/* The year of a finite day. */
int32
en_date_year(DateADT day)
{
	int			year,
				month,
				mday;

	j2date(day + POSTGRES_EPOCH_JDATE, &year, &month, &mday);
	return year;
}

/*
 * INSP-5: the routine visits of an enterprise by an agency in a year that
 * count against the cap, a joint inspection once, under the latest
 * snapshot (the caller holds the cap's lock); *joint_counted tells whether
 * the given joint inspection is among them.  With before, only the
 * inspections recorded before that one count (by day, then id): the
 * compliance scan judges a row as it was written.
 */
static int64
routine_visits(Snapshot snapshot, int64 agency_id, int64 enterprise_id,
			   int32 year, bool has_joint, int64 joint_id,
			   const EnVisitBound *before, bool *joint_counted)
{
	EnProbe		probe;
	EnKey		keys[] = {
		EN_EQ(1, Int64GetDatum(agency_id)),
		EN_EQ(2, Int64GetDatum(enterprise_id)),
		EN_GE(3, DateADTGetDatum(en_year_start(year))),
		EN_LT(3, DateADTGetDatum(en_year_start(year + 1)))
	};
	EnVisit    *visits = NULL;
	int			n = 0;
	int			max = 0;
	int64		distinct = 0;

	*joint_counted = false;
	if (snapshot == NULL)
		en_probe_open_latest(&probe, &inspections_agency);
	else
		en_probe_open(&probe, &inspections_agency, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		int64		joint;
		bool		no_joint;

		(void) en_probe_get(&probe, 1, &isnull);
		if (isnull)
			continue;			/* exempt: not counted */
		if (before != NULL)
		{
			DateADT		day = DatumGetDateADT(en_probe_get(&probe, 3, &isnull));
			int64		id = en_probe_int64(&probe, 0, &isnull);

			if (day > before->day || (day == before->day && id >= before->id))
				continue;
		}
		joint = en_probe_int64(&probe, 2, &no_joint);
		if (!no_joint && has_joint && joint == joint_id)
			*joint_counted = true;
		if (n == max)
		{
			max = Max(16, max * 2);
			visits = visits ? repalloc(visits, sizeof(EnVisit) * max) :
				palloc(sizeof(EnVisit) * max);
		}
		visits[n].joint = !no_joint;
		visits[n].id = no_joint ? en_probe_int64(&probe, 0, &isnull) : joint;
		n++;
	}
	en_probe_close(&probe);
	if (n > 0)
	{
		qsort(visits, n, sizeof(EnVisit), compare_visits);
		for (int i = 0; i < n; i++)
			if (i == 0 || compare_visits(&visits[i], &visits[i - 1]) != 0)
				distinct++;
		pfree(visits);
	}
	return distinct;
}

int64
en_routine_visits(int64 agency_id, int64 enterprise_id, int32 year,
				  bool has_joint, int64 joint_id, const EnVisitBound *before,
				  bool *joint_counted)
{
	return routine_visits(NULL, agency_id, enterprise_id, year, has_joint,
						  joint_id, before, joint_counted);
}

/*
 * One routine inspection of an agency and an enterprise at a time, until
 * the end of the transaction: the cap's count then sees every earlier one.
 */
void
en_lock_cap(int64 agency_id, int64 enterprise_id)
{
	en_lock_pair(agency_id, enterprise_id, 0);
}

/*
 * A transaction advisory lock on a pair of ids, in one of the spaces of
 * the extension's serialised counts (0: the cap; 1: first offences).
 */
void
en_lock_pair(int64 a, int64 b, uint32 space)
{
	DirectFunctionCall2(pg_advisory_xact_lock_int4,
						Int32GetDatum((int32) (hash_bytes_uint32((uint32) a ^
																 (uint32) (a >> 32)) ^ space)),
						Int32GetDatum((int32) hash_bytes_uint32((uint32) b ^
																(uint32) (b >> 32))));
}

/*
 * rule_certificate_holds(valid_from, valid_to, status, status_since,
 * on_date) → boolean: this file's answer, for the agreement test.
 */
Datum
en_rule_certificate_holds(PG_FUNCTION_ARGS)
{
	for (int i = 0; i < 5; i++)
		if (i != 3 && PG_ARGISNULL(i))
			PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(en_certificate_holds(PG_GETARG_DATEADT(0),
										PG_GETARG_DATEADT(1),
										strcmp(text_to_cstring(PG_GETARG_TEXT_PP(2)),
											   "active") == 0,
										PG_ARGISNULL(3),
										PG_ARGISNULL(3) ? 0 : PG_GETARG_DATEADT(3),
										PG_GETARG_DATEADT(4)));
}

/* rule_cap_in_force(agency_id, year, on_date) → integer, or NULL. */
Datum
en_rule_cap_in_force(PG_FUNCTION_ARGS)
{
	int32		cap;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	if (!en_cap_in_force(en_read_snapshot(), PG_GETARG_INT64(0),
						 PG_GETARG_INT32(1), PG_GETARG_DATEADT(2), &cap))
		PG_RETURN_NULL();
	PG_RETURN_INT32(cap);
}

/* rule_routine_visits(agency_id, enterprise_id, year) → bigint */
Datum
en_rule_routine_visits(PG_FUNCTION_ARGS)
{
	bool		joint_counted;
	int32		year;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	year = PG_GETARG_INT32(2);
	/* a writer counts only its agencies' visits, as routine_visits() */
	if (year < 1 || year > 9999 || !en_may_see_agency(PG_GETARG_INT64(0)))
		PG_RETURN_INT64(0);
	PG_RETURN_INT64(routine_visits(en_read_snapshot(), PG_GETARG_INT64(0),
								   PG_GETARG_INT64(1), year, false, 0, NULL,
								   &joint_counted));
}
