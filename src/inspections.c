/*-------------------------------------------------------------------------
 *
 * inspections.c
 *	  Inspections: no random inspections (INSP-1..7, SUBJ-1/2, OFF-5/6).
 *
 * An inspection is checked on insert in this order; the first failure
 * raises:
 *
 *	EN101  the agency may act on the day (SUBJ-1)
 *	EN201  the legal basis is in force and an inspection power of the agency
 *	EN105  at least two distinct officers (OFF-5)
 *	EN102  each certified for the agency on the day (OFF-2)
 *	EN107  none with a declared conflict with the enterprise (OFF-6)
 *	EN106  on site, the certificates were shown (INSP-4)
 *	EN202  a routine inspection is covered by a plan filed before it (INSP-2)
 *	EN203  an unplanned one has a supported exemption (INSP-3)
 *	EN204  the yearly cap per agency and enterprise is kept (INSP-5)
 *	EN207  a joint inspection matches (INSP-6)
 *
 * Each check locks what it relies on: the agency, the officers and the
 * certificates FOR SHARE (a suspension or a departure waits, or is seen),
 * the legal basis, power, complaint and joint inspection FOR KEY SHARE, the
 * plan FOR SHARE (a filing in progress is waited for), and, for the cap, a
 * transaction advisory lock on (agency, enterprise) with the count read
 * under the latest snapshot, so that two concurrent routine inspections
 * cannot both pass.  After insert only outcome and ended_on change.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(en_inspections_check);
PG_FUNCTION_INFO_V1(en_signatures_check);
PG_FUNCTION_INFO_V1(en_joint_inspections_check);

/* The inspection being checked. */
typedef struct Inspection
{
	int64		id;
	int64		agency_id;
	int64		enterprise_id;
	int64		basis_id;
	DateADT		on;
	int			year;
	Datum	   *officers;
	int			n_officers;
	bool		onsite;
	bool		shown;
	bool		has_plan;
	int64		plan_id;
	char	   *exemption;
	char	   *exemption_ref;
	bool		has_complaint;
	int64		complaint_id;
	bool		has_joint;
	int64		joint_id;
	char	   *officers_text;	/* officer_ids as written, for messages */
	bool		probed;			/* the lawful probe found it all */
	int64		certified;		/* the probe's certified officers */
	bool		has_cap;		/* the probe's published cap, */
	int32		cap;
	int64		visits;			/* and the routine visits so far */
} Inspection;

#define REPORT(code, rule, msg, hint, ...) \
	en_report(code, rule, "inspections", &ins->id, msg, hint, __VA_ARGS__)

/* EN101: the agency may act on the day. */
static void
check_subject(Inspection *ins)
{
	const char *why;

	switch (en_agency_status(ins->agency_id, ins->on, true))
	{
		case EN_AGENCY_MAY_ACT:
			return;
		case EN_AGENCY_UNKNOWN:
			why = gettext_noop("it is not registered");
			break;
		case EN_AGENCY_JUSTICE_BUREAU:
			why = gettext_noop("a justice bureau supervises and does not enforce");
			break;
		case EN_AGENCY_NO_AUTHORITY:
			why = gettext_noop("it has no legal authority recorded");
			break;
		case EN_AGENCY_NOT_CONFIRMED:
			why = gettext_noop("it was not confirmed as an enforcement subject by then");
			break;
		case EN_AGENCY_NOT_DISCLOSED:
			why = gettext_noop("it was not publicly disclosed by then");
			break;
		case EN_AGENCY_DISSOLVED:
			why = gettext_noop("it was dissolved by then");
			break;
		case EN_AGENCY_NO_ENTRUSTER:
			why = gettext_noop("it is entrusted but names no entrusting agency");
			break;
		case EN_AGENCY_ENTRUSTER_ENTRUSTED:
			why = gettext_noop("its entrusting agency is itself entrusted");
			break;
		default:
			why = gettext_noop("its entrusting agency may not act");
			break;
	}
	REPORT(ERRCODE_EN_SUBJECT_NOT_AUTHORIZED, "SUBJ-1",
		   gettext_noop("inspection refused: the agency may not act (SUBJ-1)"),
		   gettext_noop("Only a confirmed, disclosed enforcement subject with a legal authority inspects; check enforcement.agency_may_act()."),
		   gettext_noop("Agency %lld may not act on %s: %s."),
		   (long long) ins->agency_id, en_date_text(ins->on),
		   dgettext(TEXTDOMAIN, why));
}

/* EN201: the legal basis is in force and an inspection power. */
static void
check_basis(Inspection *ins)
{
	static EnQuery basis = {
		"SELECT b.effective_from OPERATOR(pg_catalog.<=) $2 "
		"AND (b.effective_to IS NULL OR b.effective_to OPERATOR(pg_catalog.>=) $2) "
		"FROM ONLY enforcement.legal_bases b "
		"WHERE b.id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE OF b",
		2, {INT8OID, DATEOID}, NULL
	};
	static EnQuery power = {
		"SELECT 1 FROM ONLY enforcement.agency_powers w "
		"WHERE w.agency_id OPERATOR(pg_catalog.=) $3 "
		"AND w.legal_basis_id OPERATOR(pg_catalog.=) $1 "
		"AND w.power OPERATOR(pg_catalog.=) 'inspection' "
		"AND w.published_on OPERATOR(pg_catalog.<=) $2 "
		"FOR KEY SHARE OF w",
		3, {INT8OID, DATEOID, INT8OID}, NULL
	};
	static EnQuery both = {
		"SELECT 1 FROM ONLY enforcement.legal_bases b "
		"JOIN ONLY enforcement.agency_powers w "
		"ON w.legal_basis_id OPERATOR(pg_catalog.=) b.id "
		"WHERE b.id OPERATOR(pg_catalog.=) $1 "
		"AND b.effective_from OPERATOR(pg_catalog.<=) $2 "
		"AND (b.effective_to IS NULL OR b.effective_to OPERATOR(pg_catalog.>=) $2) "
		"AND w.agency_id OPERATOR(pg_catalog.=) $3 "
		"AND w.power OPERATOR(pg_catalog.=) 'inspection' "
		"AND w.published_on OPERATOR(pg_catalog.<=) $2 "
		"FOR KEY SHARE OF b, w",
		3, {INT8OID, DATEOID, INT8OID}, NULL
	};
	EnCall		call;
	Datum		args[3];
	bool		isnull;
	int			problem = 0;

	args[0] = Int64GetDatum(ins->basis_id);
	args[1] = DateADTGetDatum(ins->on);
	args[2] = Int64GetDatum(ins->agency_id);
	en_begin(&call);
	/* the lawful case in one probe, locking both rows */
	en_exec(&both, args, NULL, 1, false);
	if (SPI_processed > 0)
	{
		en_end(&call);
		return;
	}
	en_exec(&basis, args, NULL, 1, false);
	if (SPI_processed == 0)
		problem = 1;
	else if (!en_get_bool(0, 1, &isnull))
		problem = 2;
	else
	{
		en_exec(&power, args, NULL, 1, false);
		if (SPI_processed == 0)
			problem = 3;
	}
	en_end(&call);
	if (problem == 1)
		REPORT(ERRCODE_EN_NO_LEGAL_BASIS, "SUBJ-2",
			   gettext_noop("inspection refused: unknown legal basis (SUBJ-2)"),
			   gettext_noop("Cite a registered legal basis (enforcement.legal_bases)."),
			   gettext_noop("Legal basis %lld is not registered."),
			   (long long) ins->basis_id);
	else if (problem == 2)
		REPORT(ERRCODE_EN_NO_LEGAL_BASIS, "SUBJ-2",
			   gettext_noop("inspection refused: the legal basis is not in force on the day (SUBJ-2)"),
			   gettext_noop("Cite the provision in force on the inspection day."),
			   gettext_noop("Legal basis %lld is not in force on %s."),
			   (long long) ins->basis_id, en_date_text(ins->on));
	else if (problem == 3)
		REPORT(ERRCODE_EN_NO_LEGAL_BASIS, "SUBJ-2",
			   gettext_noop("inspection refused: the legal basis is not a published inspection power of the agency (SUBJ-2)"),
			   gettext_noop("Inspect only under the powers in the agency's published list (检查事项清单)."),
			   gettext_noop("Legal basis %lld is not an inspection power of agency %lld published by %s."),
			   (long long) ins->basis_id, (long long) ins->agency_id,
			   en_date_text(ins->on));
}

/* The number of distinct officers named. */
static int
distinct_officers(Inspection *ins)
{
	int			distinct = 0;

	for (int i = 0; i < ins->n_officers; i++)
	{
		bool		seen = false;

		for (int j = 0; j < i; j++)
			if (DatumGetInt64(ins->officers[j]) == DatumGetInt64(ins->officers[i]))
				seen = true;
		if (!seen)
			distinct++;
	}
	return distinct;
}

/*
 * EN105 and EN102: two distinct officers, each certified; the first that
 * is not is named, with why.  (The lawful case is asked by the probe.)
 */
static void
check_officers(Inspection *ins)
{
	int			distinct = distinct_officers(ins);

	if (distinct < 2)
		REPORT(ERRCODE_EN_INSUFFICIENT_OFFICERS, "OFF-5",
			   gettext_noop("inspection refused: fewer than two officers (OFF-5)"),
			   gettext_noop("An inspection is carried out by at least two certified officers (处罚法 Art 42)."),
			   gettext_noop("The inspection names the officers %s."),
			   ins->officers_text);

	for (int i = 0; i < ins->n_officers; i++)
	{
		int64		officer = DatumGetInt64(ins->officers[i]);
		const char *why;

		switch (en_officer_status(officer, ins->agency_id, ins->on, true))
		{
			case EN_OFFICER_CERTIFIED:
				continue;
			case EN_OFFICER_UNKNOWN:
				why = gettext_noop("is not registered");
				break;
			case EN_OFFICER_OTHER_AGENCY:
				why = gettext_noop("belongs to another agency");
				break;
			case EN_OFFICER_LEFT:
				why = gettext_noop("had left by then");
				break;
			default:
				why = gettext_noop("holds no certificate valid that day");
				break;
		}
		REPORT(ERRCODE_EN_OFFICER_NOT_CERTIFIED, "OFF-2",
			   gettext_noop("inspection refused: an officer is not certified (OFF-2)"),
			   gettext_noop("Send only officers holding a certificate valid on the day, not suspended or revoked."),
			   gettext_noop("Officer %lld %s (agency %lld, %s)."),
			   (long long) officer, dgettext(TEXTDOMAIN, why),
			   (long long) ins->agency_id, en_date_text(ins->on));
	}
}

/* EN107: no officer with a declared conflict with the enterprise. */
static void
check_conflicts(Inspection *ins)
{
	static EnQuery conflict = {
		"SELECT c.officer_id FROM ONLY enforcement.conflicts c "
		"WHERE c.officer_id OPERATOR(pg_catalog.=) ANY ($1) "
		"AND c.enterprise_id OPERATOR(pg_catalog.=) $2 "
		"AND c.declared_on OPERATOR(pg_catalog.<=) $3 LIMIT 1",
		3, {INT8ARRAYOID, INT8OID, DATEOID}, NULL
	};
	EnCall		call;
	Datum		args[3];
	bool		isnull;
	int64		officer = 0;

	args[0] = PointerGetDatum(construct_array(ins->officers, ins->n_officers,
											  INT8OID, 8, FLOAT8PASSBYVAL,
											  TYPALIGN_DOUBLE));
	args[1] = Int64GetDatum(ins->enterprise_id);
	args[2] = DateADTGetDatum(ins->on);
	en_begin(&call);
	en_exec(&conflict, args, NULL, 1, false);
	if (SPI_processed > 0)
		officer = DatumGetInt64(en_get(0, 1, &isnull));
	en_end(&call);
	if (officer != 0)
		REPORT(ERRCODE_EN_OFFICER_RECUSED, "OFF-6",
			   gettext_noop("inspection refused: an officer has a declared conflict with the enterprise (OFF-6)"),
			   gettext_noop("Replace the officer; a declared conflict of interest bars him from the enterprise's inspections (处罚法 Art 43)."),
			   gettext_noop("Officer %lld declared a conflict with enterprise %lld."),
			   (long long) officer, (long long) ins->enterprise_id);
}

/* EN202: the plan covers the routine inspection. */
static void
check_plan(Inspection *ins)
{
	static EnQuery plan = {
		"SELECT p.agency_id OPERATOR(pg_catalog.=) $3, p.year, "
		"p.status OPERATOR(pg_catalog.=) 'filed' "
		"AND p.filed_on OPERATOR(pg_catalog.<=) $4, "
		"EXISTS (SELECT 1 FROM ONLY enforcement.plan_items i "
		"WHERE i.plan_id OPERATOR(pg_catalog.=) p.id "
		"AND i.legal_basis_id OPERATOR(pg_catalog.=) $2) "
		"FROM ONLY enforcement.inspection_plans p "
		"WHERE p.id OPERATOR(pg_catalog.=) $1 FOR SHARE OF p",
		4, {INT8OID, INT8OID, INT8OID, DATEOID}, NULL
	};
	EnCall		call;
	Datum		args[4];
	bool		isnull;
	const char *why = NULL;

	args[0] = Int64GetDatum(ins->plan_id);
	args[1] = Int64GetDatum(ins->basis_id);
	args[2] = Int64GetDatum(ins->agency_id);
	args[3] = DateADTGetDatum(ins->on);
	en_begin(&call);
	en_exec(&plan, args, NULL, 1, false);
	if (SPI_processed == 0)
		why = gettext_noop("it is not registered");
	else if (!en_get_bool(0, 1, &isnull))
		why = gettext_noop("it is another agency's plan");
	else if (DatumGetInt32(en_get(0, 2, &isnull)) != ins->year)
		why = gettext_noop("it is the plan of another year");
	else if (!en_get_bool(0, 3, &isnull))
		why = gettext_noop("it was not filed with a justice bureau by then");
	else if (!en_get_bool(0, 4, &isnull))
		why = gettext_noop("it has no item for the inspection's legal basis");
	en_end(&call);
	if (why)
		REPORT(ERRCODE_EN_NOT_IN_FILED_PLAN, "INSP-2",
			   gettext_noop("inspection refused: not covered by a filed plan (INSP-2)"),
			   gettext_noop("Inspect routinely only under the agency's plan for the year, filed with the justice bureau before the inspection, with an item for its legal basis."),
			   gettext_noop("Plan %lld: %s (inspection on %s, legal basis %lld)."),
			   (long long) ins->plan_id, dgettext(TEXTDOMAIN, why),
			   en_date_text(ins->on), (long long) ins->basis_id);
}

/* EN203: an unplanned inspection has its reference. */
static void
check_exemption(Inspection *ins)
{
	static EnQuery complaint = {
		"SELECT c.kind OPERATOR(pg_catalog.=) 'violation_report' "
		"AND c.enterprise_id OPERATOR(pg_catalog.=) $2 "
		"AND c.received_on OPERATOR(pg_catalog.<=) $3 "
		"FROM ONLY enforcement.complaints c "
		"WHERE c.id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE OF c",
		3, {INT8OID, INT8OID, DATEOID}, NULL
	};

	if (strcmp(ins->exemption, "complaint_report") == 0)
	{
		bool		ok = false;

		if (ins->has_complaint)
		{
			EnCall		call;
			Datum		args[3];
			bool		isnull;

			args[0] = Int64GetDatum(ins->complaint_id);
			args[1] = Int64GetDatum(ins->enterprise_id);
			args[2] = DateADTGetDatum(ins->on);
			en_begin(&call);
			en_exec(&complaint, args, NULL, 1, false);
			ok = SPI_processed > 0 && en_get_bool(0, 1, &isnull);
			en_end(&call);
		}
		if (!ok)
			REPORT(ERRCODE_EN_EXEMPTION_UNSUPPORTED, "INSP-3",
				   gettext_noop("inspection refused: a complaint or report exemption needs the report (INSP-3)"),
				   gettext_noop("Cite in complaint_id a violation report about this enterprise received on or before the inspection."),
				   gettext_noop("Inspection %lld cites complaint %s for enterprise %lld on %s."),
				   (long long) ins->id,
				   ins->has_complaint ?
				   psprintf("%lld", (long long) ins->complaint_id) : "NULL",
				   (long long) ins->enterprise_id, en_date_text(ins->on));
	}
	else if (ins->exemption_ref == NULL ||
			 ins->exemption_ref[strspn(ins->exemption_ref, " \t\r\n")] == '\0')
		REPORT(ERRCODE_EN_EXEMPTION_UNSUPPORTED, "INSP-3",
			   gettext_noop("inspection refused: an unplanned inspection needs the reference of its exemption (INSP-3)"),
			   gettext_noop("Give in exemption_ref the document number of the superior's deployment or of the emergency or safety notice."),
			   gettext_noop("Inspection %lld claims exemption \"%s\" without a reference."),
			   (long long) ins->id, ins->exemption);
}

/*
 * One routine inspection of an agency and an enterprise at a time, until
 * the end of the transaction: the cap's count then sees every earlier one.
 */
static void
lock_cap(Inspection *ins)
{
	DirectFunctionCall2(pg_advisory_xact_lock_int4,
						Int32GetDatum((int32) hash_bytes_uint32((uint32) ins->agency_id ^
																(uint32) (ins->agency_id >> 32))),
						Int32GetDatum((int32) hash_bytes_uint32((uint32) ins->enterprise_id ^
																(uint32) (ins->enterprise_id >> 32))));
}

/* The EN204 refusal. */
static void
report_cap(Inspection *ins, int64 count, int32 limit)
{
	REPORT(ERRCODE_EN_INSPECTION_CAP_EXCEEDED, "INSP-5",
		   gettext_noop("inspection refused: the yearly cap of routine inspections is reached (INSP-5)"),
		   gettext_noop("Combine inspections (综合查一次) or wait for next year; only an exempt inspection may go beyond the published cap."),
		   gettext_noop("Agency %lld already inspected enterprise %lld %lld times in %d; the cap is %d."),
		   (long long) ins->agency_id, (long long) ins->enterprise_id,
		   (long long) count, ins->year, limit);
}

/*
 * EN204: the routine inspections of the enterprise by the agency in the
 * year stay within the published cap; a joint inspection counts once.
 */
static void
check_cap(Inspection *ins)
{
	static EnQuery cap = {
		"SELECT l.max_per_enterprise FROM ONLY enforcement.inspection_limits l "
		"WHERE l.year OPERATOR(pg_catalog.=) $1 "
		"AND (l.agency_id OPERATOR(pg_catalog.=) $2 OR l.agency_id IS NULL) "
		"AND l.published_on OPERATOR(pg_catalog.<=) $3 "
		"ORDER BY l.agency_id IS NULL, l.published_on DESC LIMIT 1",
		3, {INT4OID, INT8OID, DATEOID}, NULL
	};
	static EnQuery visits = {
		"SELECT count(DISTINCT coalesce(i.joint_inspection_id, i.id)), "
		"pg_catalog.bool_or(i.joint_inspection_id OPERATOR(pg_catalog.=) $5) "
		"FROM ONLY enforcement.inspections i "
		"WHERE i.agency_id OPERATOR(pg_catalog.=) $1 "
		"AND i.enterprise_id OPERATOR(pg_catalog.=) $2 "
		"AND i.plan_id IS NOT NULL "
		"AND i.inspected_on OPERATOR(pg_catalog.>=) $3 "
		"AND i.inspected_on OPERATOR(pg_catalog.<) $4",
		5, {INT8OID, INT8OID, DATEOID, DATEOID, INT8OID}, NULL
	};
	EnCall		call;
	Datum		args[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	bool		isnull;
	int32		limit;
	int64		count;
	bool		joint_counted;

	args[0] = Int32GetDatum(ins->year);
	args[1] = Int64GetDatum(ins->agency_id);
	args[2] = DateADTGetDatum(ins->on);
	en_begin(&call);
	en_exec(&cap, args, NULL, 1, false);
	if (SPI_processed == 0)
	{
		en_end(&call);
		return;					/* no published cap */
	}
	limit = DatumGetInt32(en_get(0, 1, &isnull));

	lock_cap(ins);

	args[0] = Int64GetDatum(ins->agency_id);
	args[1] = Int64GetDatum(ins->enterprise_id);
	args[2] = DirectFunctionCall3(make_date, Int32GetDatum(ins->year),
								  Int32GetDatum(1), Int32GetDatum(1));
	args[3] = DirectFunctionCall3(make_date, Int32GetDatum(ins->year + 1),
								  Int32GetDatum(1), Int32GetDatum(1));
	args[4] = Int64GetDatum(ins->joint_id);
	if (!ins->has_joint)
		nulls[4] = 'n';
	en_exec(&visits, args, nulls, 1, true);
	count = DatumGetInt64(en_get(0, 1, &isnull));
	joint_counted = en_get_bool(0, 2, &isnull);
	en_end(&call);

	if (!joint_counted && count + 1 > limit)
		report_cap(ins, count, limit);
}

/* EN207: a joint inspection matches, and the agency takes part once. */
static void
check_joint(Inspection *ins)
{
	static EnQuery joint = {
		"SELECT j.enterprise_id OPERATOR(pg_catalog.=) $2 "
		"AND j.inspected_on OPERATOR(pg_catalog.=) $3, "
		"EXISTS (SELECT 1 FROM ONLY enforcement.inspections i "
		"WHERE i.joint_inspection_id OPERATOR(pg_catalog.=) j.id "
		"AND i.agency_id OPERATOR(pg_catalog.=) $4) "
		"FROM ONLY enforcement.joint_inspections j "
		"WHERE j.id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE OF j",
		4, {INT8OID, INT8OID, DATEOID, INT8OID}, NULL
	};
	EnCall		call;
	Datum		args[4];
	bool		isnull;
	const char *why = NULL;

	args[0] = Int64GetDatum(ins->joint_id);
	args[1] = Int64GetDatum(ins->enterprise_id);
	args[2] = DateADTGetDatum(ins->on);
	args[3] = Int64GetDatum(ins->agency_id);
	en_begin(&call);
	en_exec(&joint, args, NULL, 1, false);
	if (SPI_processed == 0)
		why = NULL;				/* the foreign key's business */
	else if (!en_get_bool(0, 1, &isnull))
		why = gettext_noop("its enterprise or day differs");
	else if (en_get_bool(0, 2, &isnull))
		why = gettext_noop("the agency already recorded its part");
	en_end(&call);
	if (why)
		REPORT(ERRCODE_EN_RECORD_INCONSISTENT, "INSP-6",
			   gettext_noop("inspection refused: it does not match its joint inspection (INSP-6)"),
			   gettext_noop("Record each agency's part of a joint inspection once, for the joint inspection's enterprise and day."),
			   gettext_noop("Joint inspection %lld: %s (agency %lld, enterprise %lld, %s)."),
			   (long long) ins->joint_id, dgettext(TEXTDOMAIN, why),
			   (long long) ins->agency_id, (long long) ins->enterprise_id,
			   en_date_text(ins->on));
}

/* Reads the inspection from a trigger tuple. */
static void
read_inspection(Inspection *ins, HeapTuple tuple, TupleDesc tupdesc)
{
	bool		isnull;
	Datum		d;
	int			year,
				month,
				day;

	ins->id = DatumGetInt64(en_attr(tuple, tupdesc, "id", &isnull));
	ins->agency_id = DatumGetInt64(en_attr(tuple, tupdesc, "agency_id", &isnull));
	ins->enterprise_id = DatumGetInt64(en_attr(tuple, tupdesc, "enterprise_id", &isnull));
	ins->basis_id = DatumGetInt64(en_attr(tuple, tupdesc, "legal_basis_id", &isnull));
	ins->on = DatumGetDateADT(en_attr(tuple, tupdesc, "inspected_on", &isnull));
	j2date(ins->on + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	ins->year = year;

	d = en_attr(tuple, tupdesc, "officer_ids", &isnull);
	ins->officers_text = en_attr_text(tuple, tupdesc, "officer_ids");
	ins->n_officers = 0;
	ins->officers = NULL;
	if (!isnull)
	{
		ArrayType  *arr = DatumGetArrayTypeP(d);
		bool	   *elem_nulls;
		Datum	   *elems;
		int			n;

		deconstruct_array(arr, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
						  &elems, &elem_nulls, &n);
		ins->officers = palloc(sizeof(Datum) * Max(n, 1));
		for (int i = 0; i < n; i++)
			if (!elem_nulls[i])
				ins->officers[ins->n_officers++] = elems[i];
	}
	ins->onsite = strcmp(en_attr_text(tuple, tupdesc, "mode"), "onsite") == 0;
	ins->shown = DatumGetBool(en_attr(tuple, tupdesc, "certificates_shown", &isnull));
	d = en_attr(tuple, tupdesc, "plan_id", &isnull);
	ins->has_plan = !isnull;
	ins->plan_id = isnull ? 0 : DatumGetInt64(d);
	ins->exemption = en_attr_text(tuple, tupdesc, "exemption");
	ins->exemption_ref = en_attr_text(tuple, tupdesc, "exemption_ref");
	d = en_attr(tuple, tupdesc, "complaint_id", &isnull);
	ins->has_complaint = !isnull;
	ins->complaint_id = isnull ? 0 : DatumGetInt64(d);
	d = en_attr(tuple, tupdesc, "joint_inspection_id", &isnull);
	ins->has_joint = !isnull;
	ins->joint_id = isnull ? 0 : DatumGetInt64(d);
	ins->probed = false;
}

/*
 * The lawful case of SUBJ-1, SUBJ-2, OFF-6 and INSP-2 or INSP-3 in one
 * probe, with the rows it relies on locked as the checks below lock them.
 * When it finds nothing, the checks run one by one, in their order, to
 * name the first rule broken.  (An entrusted agency always takes the long
 * way: its entrusting agency counts too.)
 */
#define PROBE_SQL \
	"SELECT (SELECT count(DISTINCT x.id) FROM (SELECT o.id " \
	"FROM ONLY enforcement.officers o JOIN ONLY enforcement.certificates c " \
	"ON c.officer_id OPERATOR(pg_catalog.=) o.id " \
	"WHERE o.id OPERATOR(pg_catalog.=) ANY ($4) " \
	"AND o.agency_id OPERATOR(pg_catalog.=) $1 " \
	"AND (o.left_on IS NULL OR o.left_on OPERATOR(pg_catalog.>) $3) " \
	"AND " EN_CERTIFICATE_HOLDS("$3") \
	"FOR SHARE OF o, c) x)%s " \
	"FROM ONLY enforcement.agencies a, ONLY enforcement.legal_bases b, " \
	"ONLY enforcement.agency_powers w%s " \
	"WHERE a.id OPERATOR(pg_catalog.=) $1 " \
	"AND a.kind OPERATOR(pg_catalog.=) ANY ('{statutory,authorized}'::pg_catalog.text[]) " \
	"AND pg_catalog.btrim(a.legal_authority) OPERATOR(pg_catalog.<>) '' " \
	"AND a.confirmed_on OPERATOR(pg_catalog.<=) $3 " \
	"AND a.disclosed_on OPERATOR(pg_catalog.<=) $3 " \
	"AND (a.dissolved_on IS NULL OR a.dissolved_on OPERATOR(pg_catalog.>) $3) " \
	"AND b.id OPERATOR(pg_catalog.=) $2 " \
	"AND b.effective_from OPERATOR(pg_catalog.<=) $3 " \
	"AND (b.effective_to IS NULL OR b.effective_to OPERATOR(pg_catalog.>=) $3) " \
	"AND w.agency_id OPERATOR(pg_catalog.=) a.id " \
	"AND w.legal_basis_id OPERATOR(pg_catalog.=) b.id " \
	"AND w.power OPERATOR(pg_catalog.=) 'inspection' " \
	"AND w.published_on OPERATOR(pg_catalog.<=) $3 " \
	"AND NOT EXISTS (SELECT 1 FROM ONLY enforcement.conflicts c " \
	"WHERE c.officer_id OPERATOR(pg_catalog.=) ANY ($4) " \
	"AND c.enterprise_id OPERATOR(pg_catalog.=) $5 " \
	"AND c.declared_on OPERATOR(pg_catalog.<=) $3) %s"

static bool
lawful_probe(Inspection *ins)
{
	static EnQuery routine = {
		NULL, 9, {INT8OID, INT8OID, DATEOID, INT8ARRAYOID, INT8OID, INT8OID,
		INT4OID, DATEOID, DATEOID}, NULL
	};
	static EnQuery on_report = {
		NULL, 6, {INT8OID, INT8OID, DATEOID, INT8ARRAYOID, INT8OID, INT8OID},
		NULL
	};
	static EnQuery exempt = {
		NULL, 5, {INT8OID, INT8OID, DATEOID, INT8ARRAYOID, INT8OID}, NULL
	};
	EnQuery    *probe;
	EnCall		call;
	Datum		args[9];
	bool		found;
	bool		isnull;

	if (routine.sql == NULL)
	{
		/* kept for the backend's life, as the plans are */
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		routine.sql = psprintf(PROBE_SQL,
							   ", (SELECT l.max_per_enterprise "
							   "FROM ONLY enforcement.inspection_limits l "
							   "WHERE l.year OPERATOR(pg_catalog.=) $7 "
							   "AND (l.agency_id OPERATOR(pg_catalog.=) $1 OR l.agency_id IS NULL) "
							   "AND l.published_on OPERATOR(pg_catalog.<=) $3 "
							   "ORDER BY l.agency_id IS NULL, l.published_on DESC LIMIT 1), "
							   "(SELECT count(DISTINCT coalesce(i.joint_inspection_id, i.id)) "
							   "FROM ONLY enforcement.inspections i "
							   "WHERE i.agency_id OPERATOR(pg_catalog.=) $1 "
							   "AND i.enterprise_id OPERATOR(pg_catalog.=) $5 "
							   "AND i.plan_id IS NOT NULL "
							   "AND i.inspected_on OPERATOR(pg_catalog.>=) $8 "
							   "AND i.inspected_on OPERATOR(pg_catalog.<) $9)",
							   ", ONLY enforcement.inspection_plans p",
							   "AND p.id OPERATOR(pg_catalog.=) $6 "
							   "AND p.agency_id OPERATOR(pg_catalog.=) a.id "
							   "AND p.year OPERATOR(pg_catalog.=) $7 "
							   "AND p.status OPERATOR(pg_catalog.=) 'filed' "
							   "AND p.filed_on OPERATOR(pg_catalog.<=) $3 "
							   "AND EXISTS (SELECT 1 FROM ONLY enforcement.plan_items i "
							   "WHERE i.plan_id OPERATOR(pg_catalog.=) p.id "
							   "AND i.legal_basis_id OPERATOR(pg_catalog.=) b.id) "
							   "FOR SHARE OF a, p FOR KEY SHARE OF b, w");
		on_report.sql = psprintf(PROBE_SQL, "", ", ONLY enforcement.complaints r",
								 "AND r.id OPERATOR(pg_catalog.=) $6 "
								 "AND r.kind OPERATOR(pg_catalog.=) 'violation_report' "
								 "AND r.enterprise_id OPERATOR(pg_catalog.=) $5 "
								 "AND r.received_on OPERATOR(pg_catalog.<=) $3 "
								 "FOR SHARE OF a FOR KEY SHARE OF b, w, r");
		exempt.sql = psprintf(PROBE_SQL, "", "", "FOR SHARE OF a FOR KEY SHARE OF b, w");
		MemoryContextSwitchTo(old);
	}

	args[0] = Int64GetDatum(ins->agency_id);
	args[1] = Int64GetDatum(ins->basis_id);
	args[2] = DateADTGetDatum(ins->on);
	args[3] = PointerGetDatum(construct_array(ins->officers, ins->n_officers,
											  INT8OID, 8, FLOAT8PASSBYVAL,
											  TYPALIGN_DOUBLE));
	args[4] = Int64GetDatum(ins->enterprise_id);
	if (ins->has_plan)
	{
		probe = &routine;
		args[5] = Int64GetDatum(ins->plan_id);
		args[6] = Int32GetDatum(ins->year);
		args[7] = DirectFunctionCall3(make_date, Int32GetDatum(ins->year),
									  Int32GetDatum(1), Int32GetDatum(1));
		args[8] = DirectFunctionCall3(make_date, Int32GetDatum(ins->year + 1),
									  Int32GetDatum(1), Int32GetDatum(1));
		/* the cap's count must see every earlier inspection: serialise */
		lock_cap(ins);
	}
	else if (ins->exemption != NULL &&
			 strcmp(ins->exemption, "complaint_report") == 0)
	{
		if (!ins->has_complaint)
			return false;
		probe = &on_report;
		args[5] = Int64GetDatum(ins->complaint_id);
	}
	else
	{
		if (ins->exemption_ref == NULL ||
			ins->exemption_ref[strspn(ins->exemption_ref, " \t\r\n")] == '\0')
			return false;
		probe = &exempt;
	}
	en_begin(&call);
	en_exec(probe, args, NULL, 1, true);
	found = SPI_processed > 0;
	if (found)
	{
		ins->certified = DatumGetInt64(en_get(0, 1, &isnull));
		if (probe == &routine)
		{
			Datum		cap = en_get(0, 2, &isnull);

			ins->has_cap = !isnull;
			ins->cap = isnull ? 0 : DatumGetInt32(cap);
			ins->visits = DatumGetInt64(en_get(0, 3, &isnull));
		}
	}
	en_end(&call);
	ins->probed = found;
	return found;
}

/* BEFORE INSERT OR UPDATE on inspections. */
Datum
en_inspections_check(PG_FUNCTION_ARGS)
{
	static const char *const free_cols[] = {"outcome", "ended_on"};
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	Inspection	ins;

	en_check_trigger(fcinfo, "inspections_check");
	tupdesc = RelationGetDescr(trigdata->tg_relation);
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		bool		isnull;
		int64		id = DatumGetInt64(en_attr(trigdata->tg_trigtuple, tupdesc,
											   "id", &isnull));

		en_refuse_changes(trigdata, free_cols, lengthof(free_cols), &id,
						  EN_REPORT_REMOVAL);
		return PointerGetDatum(trigdata->tg_newtuple);
	}

	read_inspection(&ins, trigdata->tg_trigtuple, tupdesc);
	if (lawful_probe(&ins))
	{
		/* two distinct officers, all certified: else say who and why */
		if (ins.certified < 2 || ins.certified < distinct_officers(&ins))
			check_officers(&ins);
	}
	else
	{
		check_subject(&ins);
		check_basis(&ins);
		check_officers(&ins);
		check_conflicts(&ins);
	}
	if (ins.onsite && !ins.shown)
		en_report(ERRCODE_EN_CERTIFICATE_NOT_SHOWN, "INSP-4", "inspections", &ins.id,
				  gettext_noop("inspection refused: the certificates were not shown on site (INSP-4)"),
				  gettext_noop("Officers show their enforcement certificates on site (亮证执法); record certificates_shown."),
				  gettext_noop("On-site inspection %lld has certificates_shown false."),
				  (long long) ins.id);
	if (ins.probed)
		;						/* plan or exemption: found lawful above */
	else if (ins.has_plan)
		check_plan(&ins);
	else if (ins.exemption != NULL)
		check_exemption(&ins);
	if (ins.has_plan && ins.probed && !ins.has_joint)
	{
		if (ins.has_cap && ins.visits + 1 > ins.cap)
			report_cap(&ins, ins.visits, ins.cap);
	}
	else if (ins.has_plan)
		check_cap(&ins);
	if (ins.has_joint)
		check_joint(&ins);
	return PointerGetDatum(trigdata->tg_trigtuple);
}

/*
 * BEFORE INSERT OR UPDATE on inspection_signatures (INSP-6): only the
 * inspection's officers sign, on or after its day; a signature is fixed.
 */
Datum
en_signatures_check(PG_FUNCTION_ARGS)
{
	static EnQuery inspection = {
		"SELECT $2 OPERATOR(pg_catalog.=) ANY (i.officer_ids), "
		"i.inspected_on OPERATOR(pg_catalog.<=) $3 "
		"FROM ONLY enforcement.inspections i "
		"WHERE i.id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE OF i",
		3, {INT8OID, INT8OID, DATEOID}, NULL
	};
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	tuple;
	bool		isnull;
	int64		inspection_id;
	int64		officer_id;
	Datum		args[3];
	EnCall		call;
	const char *why = NULL;

	en_check_trigger(fcinfo, "signatures_check");
	tupdesc = RelationGetDescr(trigdata->tg_relation);
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		en_refuse_changes(trigdata, NULL, 0, NULL, EN_REPORT_REMOVAL);
		return PointerGetDatum(trigdata->tg_newtuple);
	}
	tuple = trigdata->tg_trigtuple;
	inspection_id = DatumGetInt64(en_attr(tuple, tupdesc, "inspection_id", &isnull));
	officer_id = DatumGetInt64(en_attr(tuple, tupdesc, "officer_id", &isnull));
	args[0] = Int64GetDatum(inspection_id);
	args[1] = Int64GetDatum(officer_id);
	args[2] = en_attr(tuple, tupdesc, "signed_on", &isnull);
	en_begin(&call);
	en_exec(&inspection, args, NULL, 1, false);
	if (SPI_processed > 0)
	{
		if (!en_get_bool(0, 1, &isnull))
			why = gettext_noop("did not take part in it");
		else if (!en_get_bool(0, 2, &isnull))
			why = gettext_noop("signed before it took place");
	}
	en_end(&call);
	if (why)
		en_report(ERRCODE_EN_RECORD_INCONSISTENT, "INSP-6",
				  "inspection_signatures", &inspection_id,
				  gettext_noop("signature refused: only the inspection's officers sign its ledger entry (INSP-6)"),
				  gettext_noop("The officers named in the inspection sign the ledger (检查台账) on or after the inspection day."),
				  gettext_noop("Officer %lld %s (inspection %lld)."),
				  (long long) officer_id, dgettext(TEXTDOMAIN, why),
				  (long long) inspection_id);
	return PointerGetDatum(tuple);
}

/*
 * BEFORE INSERT OR UPDATE on joint_inspections: the lead agency may act on
 * the day (SUBJ-1, EN101); the row is fixed once written.
 */
Datum
en_joint_inspections_check(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	tuple = trigdata->tg_trigtuple;
	bool		isnull;
	int64		id;
	int64		lead;
	DateADT		on;

	en_check_trigger(fcinfo, "joint_inspections_check");
	tupdesc = RelationGetDescr(trigdata->tg_relation);
	id = DatumGetInt64(en_attr(tuple, tupdesc, "id", &isnull));
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		en_refuse_changes(trigdata, NULL, 0, &id, EN_REPORT_REMOVAL);
		return PointerGetDatum(trigdata->tg_newtuple);
	}
	lead = DatumGetInt64(en_attr(tuple, tupdesc, "lead_agency_id", &isnull));
	on = DatumGetDateADT(en_attr(tuple, tupdesc, "inspected_on", &isnull));
	if (en_agency_status(lead, on, true) != EN_AGENCY_MAY_ACT)
		en_report(ERRCODE_EN_SUBJECT_NOT_AUTHORIZED, "SUBJ-1",
				  "joint_inspections", &id,
				  gettext_noop("joint inspection refused: the lead agency may not act (SUBJ-1)"),
				  gettext_noop("A joint inspection is led by an enforcement subject that may act on the day; check enforcement.agency_may_act()."),
				  gettext_noop("Agency %lld may not act on %s."),
				  (long long) lead, en_date_text(on));
	return PointerGetDatum(tuple);
}
