/*-------------------------------------------------------------------------
 *
 * inspections.c
 *	  Inspections: no random inspections (INSP-1..7, SUBJ-1/2, OFF-5/6).
 *
 * An inspection's INSERT gathers its facts once (gather()): the agency,
 * the legal basis and power, the officers and their certificates, their
 * declared conflicts, the plan and its item, the complaint, the cap and
 * the visits it counts, the joint inspection.  Each is read by a direct
 * index probe (facts.c, probe.c) and locked as the rules rely on it: the
 * agency, the officers, their certificates and the plan FOR SHARE (a
 * suspension, a departure or a filing waits, or is seen), the legal basis,
 * power, complaint and joint inspection FOR KEY SHARE, and for the cap a
 * transaction advisory lock on (agency, enterprise), with the visits
 * counted under the latest snapshot, so that two concurrent routine
 * inspections cannot both pass.
 *
 * Then each rule is one function over those facts, run in this order;
 * in enforce mode the first that fails is the error:
 *
 *	EN101  the agency may act on the day (SUBJ-1)
 *	EN201  the legal basis is in force and an inspection power of the agency
 *	EN105  at least two distinct officers (OFF-5)
 *	EN102  each certified for the agency on the day (OFF-2)
 *	EN107  none with a declared conflict with the enterprise (OFF-6)
 *	EN106  on site, the certificates were shown (INSP-4)
 *	EN202  a routine inspection is covered by a plan filed before it (INSP-2);
 *		   EN207 if it also claims an exemption
 *	EN203  an unplanned one has a supported exemption (INSP-3)
 *	EN204  the yearly cap per agency and enterprise is kept (INSP-5)
 *	EN207  a joint inspection matches (INSP-6); it ends after it began
 *
 * After insert only outcome and ended_on change (declared, append_only.c).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "facts.h"
#include "probe.h"
#include "row.h"
#include "scan.h"
#include "scope.h"
#include "text.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(en_inspections_check);
PG_FUNCTION_INFO_V1(en_signatures_check);
PG_FUNCTION_INFO_V1(en_joint_inspections_check);
PG_FUNCTION_INFO_V1(en_complaints_check);

/* The most officers one inspection names (docs/rules.md). */
#define EN_MAX_OFFICERS 32

static const char *const inspection_columns[] = {
	"agency_id", "enterprise_id", "legal_basis_id", "inspected_on",
	"officer_ids", "mode", "certificates_shown", "plan_id", "exemption",
	"exemption_ref", "complaint_id", "joint_inspection_id", "ended_on"
};
enum
{
	I_AGENCY, I_ENTERPRISE, I_BASIS, I_DAY, I_OFFICERS, I_MODE, I_SHOWN,
	I_PLAN, I_EXEMPTION, I_REF, I_COMPLAINT, I_JOINT, I_ENDED
};

static const char *const plan_columns[] = {
	"agency_id", "year", "status", "filed_on", "filed_with"
};
static EnIndex plans_pkey =
EN_INDEX("inspection_plans", "inspection_plans_pkey", plan_columns);

static const char *const item_columns[] = {"matter"};
static EnIndex plan_items_pkey =
EN_INDEX("plan_items", "plan_items_pkey", item_columns);

static const char *const complaint_columns[] = {
	"kind", "enterprise_id", "received_on", "agency_id"
};
static EnIndex complaints_pkey =
EN_INDEX("complaints", "complaints_pkey", complaint_columns);

static const char *const joint_columns[] = {
	"enterprise_id", "inspected_on", "lead_agency_id"
};
static EnIndex joint_pkey =
EN_INDEX("joint_inspections", "joint_inspections_pkey", joint_columns);

static const char *const part_columns[] = {"agency_id", "id"};
static EnIndex inspections_joint =
EN_INDEX("inspections", "inspections_joint", part_columns);

static const char *const signed_columns[] = {"officer_ids", "inspected_on"};
static EnIndex inspections_pkey =
EN_INDEX("inspections", "inspections_pkey", signed_columns);

/* The inspection being checked, and the facts gathered for it. */
typedef struct Inspection
{
	EnRow	   *row;
	int64		agency_id;
	int64		enterprise_id;
	int64		basis_id;
	DateADT		day;
	int32		year;
	EnIdList	officers;
	AttrNumber	officers_att;
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

	/* the facts */
	EnAgencyStatus agency;
	EnBasisStatus basis;
	EnOfficerStatus *officer;	/* by position in officers */
	int			conflicted;		/* the officer's position, or -1 */
	bool		plan_found;
	const char *plan_problem;	/* NULL: the plan covers it */
	bool		complaint_ok;
	bool		has_cap;
	int32		cap;
	int64		visits;
	bool		joint_counted;
	const char *joint_problem;	/* NULL: it matches */
} Inspection;

/*
 * Reads the inspection from the row; false when a column the rules need
 * is NULL (the NOT NULL constraints then refuse the row).
 */
static bool
read_inspection(Inspection *ins, EnRow *row, const AttrNumber *att)
{
	bool		isnull[lengthof(inspection_columns)];
	Datum		v[lengthof(inspection_columns)];

	memset(ins, 0, sizeof(Inspection));
	ins->row = row;
	for (int i = 0; i < (int) lengthof(inspection_columns); i++)
		v[i] = en_row_get(row, att[i], &isnull[i]);
	if (isnull[I_AGENCY] || isnull[I_ENTERPRISE] || isnull[I_BASIS] ||
		isnull[I_DAY] || isnull[I_OFFICERS] || isnull[I_MODE] ||
		isnull[I_SHOWN])
		return false;
	ins->agency_id = DatumGetInt64(v[I_AGENCY]);
	ins->enterprise_id = DatumGetInt64(v[I_ENTERPRISE]);
	ins->basis_id = DatumGetInt64(v[I_BASIS]);
	ins->day = DatumGetDateADT(v[I_DAY]);
	ins->year = DATE_NOT_FINITE(ins->day) ? 0 : en_date_year(ins->day);
	en_row_id_list(row, att[I_OFFICERS], EN_MAX_OFFICERS, &ins->officers);
	ins->officers_att = att[I_OFFICERS];
	ins->onsite = strcmp(TextDatumGetCString(v[I_MODE]), "onsite") == 0;
	ins->shown = DatumGetBool(v[I_SHOWN]);
	ins->has_plan = !isnull[I_PLAN];
	ins->plan_id = ins->has_plan ? DatumGetInt64(v[I_PLAN]) : 0;
	ins->exemption = isnull[I_EXEMPTION] ? NULL :
		TextDatumGetCString(v[I_EXEMPTION]);
	ins->exemption_ref = isnull[I_REF] ? NULL : TextDatumGetCString(v[I_REF]);
	ins->has_complaint = !isnull[I_COMPLAINT];
	ins->complaint_id = ins->has_complaint ? DatumGetInt64(v[I_COMPLAINT]) : 0;
	ins->has_joint = !isnull[I_JOINT];
	ins->joint_id = ins->has_joint ? DatumGetInt64(v[I_JOINT]) : 0;
	return true;
}

/* The plan: found, and why it does not cover the inspection, if not. */
static void
gather_plan(Inspection *ins, Snapshot snapshot)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(ins->plan_id))};
	bool		isnull;
	bool		item;

	en_probe_open(&probe, &plans_pkey, snapshot, true);
	en_probe_keys(&probe, lengthof(keys), keys);
	ins->plan_found = en_probe_next(&probe) &&
		en_probe_lock(&probe, LockTupleShare) == EN_LOCKED;
	if (!ins->plan_found)
		ins->plan_problem = gettext_noop("it is not registered");
	else if (en_probe_int64(&probe, 0, &isnull) != ins->agency_id)
	{
		int64		other = en_probe_int64(&probe, 0, &isnull);

		/* another agency's plan, unseen, is as one that does not exist */
		ins->plan_problem = !isnull && en_may_see_agency(other) ?
			gettext_noop("it is another agency's plan") :
			gettext_noop("it is not registered");
	}
	else if (DatumGetInt32(en_probe_get(&probe, 1, &isnull)) != ins->year ||
			 isnull)
		ins->plan_problem = gettext_noop("it is the plan of another year");
	else
	{
		Datum		filed_on = en_probe_get(&probe, 3, &isnull);

		bool		no_bureau;
		int64		bureau = en_probe_int64(&probe, 4, &no_bureau);

		/* a filing let through in warn mode is not relied on */
		if (!en_probe_text_is(&probe, 2, "filed") || isnull ||
			DatumGetDateADT(filed_on) > ins->day || no_bureau ||
			!en_agency_is_bureau(snapshot, bureau, false))
			ins->plan_problem = gettext_noop("it was not filed with a justice bureau by then");
	}
	en_probe_close(&probe);
	if (ins->plan_problem != NULL)
		return;
	{
		EnKey		item_keys[] = {
			EN_EQ(1, Int64GetDatum(ins->plan_id)),
			EN_EQ(2, Int64GetDatum(ins->basis_id))
		};

		en_probe_open(&probe, &plan_items_pkey, snapshot, false);
		en_probe_keys(&probe, lengthof(item_keys), item_keys);
		item = en_probe_next(&probe);
		en_probe_close(&probe);
	}
	if (!item)
		ins->plan_problem = gettext_noop("it has no item for the inspection's legal basis");
}

/*
 * The complaint of a complaint_report exemption: a violation report of
 * the inspection's agency about the enterprise, received by the day.
 */
static void
gather_complaint(Inspection *ins, Snapshot snapshot)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(ins->complaint_id))};

	en_probe_open(&probe, &complaints_pkey, snapshot, true);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (en_probe_next(&probe) &&
		en_probe_lock(&probe, LockTupleKeyShare) == EN_LOCKED)
	{
		bool		enterprise_null,
					agency_null,
					received_null;
		int64		enterprise = en_probe_int64(&probe, 1, &enterprise_null);
		int64		agency = en_probe_int64(&probe, 3, &agency_null);
		Datum		received = en_probe_get(&probe, 2, &received_null);

		ins->complaint_ok =
			en_probe_text_is(&probe, 0, "violation_report") &&
			!enterprise_null && enterprise == ins->enterprise_id &&
			!agency_null && agency == ins->agency_id &&
			!received_null && DatumGetDateADT(received) <= ins->day;
	}
	en_probe_close(&probe);
}

/*
 * The joint inspection: why the part does not match it, if it does not.
 * One that does not exist and one of another enterprise or day get the
 * same answer, so a part learns nothing of other agencies' joint
 * inspections but what it names itself.
 */
static void
gather_joint(Inspection *ins, Snapshot snapshot)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(ins->joint_id))};
	bool		isnull;
	bool		found;
	int64		lead = 0;

	en_probe_open(&probe, &joint_pkey, snapshot, true);
	en_probe_keys(&probe, lengthof(keys), keys);
	found = en_probe_next(&probe) &&
		en_probe_lock(&probe, LockTupleKeyShare) == EN_LOCKED;
	if (found)
	{
		bool		enterprise_null,
					day_null,
					lead_null;
		int64		enterprise = en_probe_int64(&probe, 0, &enterprise_null);
		Datum		day = en_probe_get(&probe, 1, &day_null);

		lead = en_probe_int64(&probe, 2, &lead_null);
		found = !enterprise_null && enterprise == ins->enterprise_id &&
			!day_null && DatumGetDateADT(day) == ins->day && !lead_null;
	}
	en_probe_close(&probe);
	if (!found)
	{
		ins->joint_problem = gettext_noop("there is no such joint inspection of that enterprise on that day");
		return;
	}
	/* a lead let through in warn mode is not relied on */
	if (en_agency_status(snapshot, lead, ins->day, false) != EN_AGENCY_MAY_ACT)
	{
		ins->joint_problem = gettext_noop("its lead agency may not act on that day");
		return;
	}
	/* the agency's part, recorded before (under the latest snapshot) */
	en_probe_open_latest(&probe, &inspections_joint);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
		if (en_probe_int64(&probe, 0, &isnull) == ins->agency_id &&
			!(ins->row->has_id && en_probe_int64(&probe, 1, &isnull) == ins->row->id))
		{
			ins->joint_problem = gettext_noop("the agency already recorded its part");
			break;
		}
	en_probe_close(&probe);
}

/* Gathers every fact the rules below judge, locked as they rely on it. */
static void
gather(Inspection *ins)
{
	Snapshot	snapshot = en_row_snapshot(ins->row);
	bool		lock = en_may_lock();

	ins->agency = en_agency_status(snapshot, ins->agency_id, ins->day, lock);
	ins->basis = en_basis_status(snapshot, ins->basis_id, ins->agency_id,
								 "inspection", ins->day);
	ins->officer = palloc(sizeof(EnOfficerStatus) * Max(ins->officers.n, 1));
	en_officers_status(snapshot, ins->officers.ids, ins->officers.n,
					   ins->agency_id, ins->day, lock, ins->officer);
	ins->conflicted = en_first_conflict(snapshot, ins->enterprise_id,
										ins->officers.ids, ins->officers.n,
										ins->day);
	if (ins->has_plan)
		gather_plan(ins, snapshot);
	if (ins->has_complaint)
		gather_complaint(ins, snapshot);
	if (ins->has_plan && !DATE_NOT_FINITE(ins->day))
	{
		ins->has_cap = en_cap_in_force(snapshot, ins->agency_id, ins->year,
									   ins->day, &ins->cap);
		if (ins->has_cap)
		{
			/* the scan judges a row against the ones recorded before it */
			EnVisitBound before = {ins->day, ins->row->id};
			bool		scanned = en_scanning() && ins->row->has_id;

			/* the count must see every earlier inspection: serialise */
			if (en_may_lock())
				en_lock_cap(ins->agency_id, ins->enterprise_id);
			ins->visits = en_routine_visits(ins->agency_id,
											ins->enterprise_id, ins->year,
											ins->has_joint, ins->joint_id,
											scanned ? &before : NULL,
											&ins->joint_counted);
		}
	}
	if (ins->has_joint)
		gather_joint(ins, snapshot);
}

#define VERDICT(ins, rule, ...) \
	EN_VERDICT(&(ins)->row->verdicts, (rule), en_row_id((ins)->row), __VA_ARGS__)

/* EN101: the agency may act on the day. */
static void
rule_subject(Inspection *ins)
{
	if (ins->agency != EN_AGENCY_MAY_ACT)
		VERDICT(ins, EN_R_SUBJ_INSPECTION, en_arg_int8(ins->agency_id),
				en_arg_date(ins->day), en_arg_why(en_agency_why(ins->agency)));
}

/* EN201: the legal basis is in force and an inspection power. */
static void
rule_basis(Inspection *ins)
{
	if (ins->basis == EN_BASIS_UNKNOWN)
		VERDICT(ins, EN_R_SUBJ2_UNKNOWN, en_arg_int8(ins->basis_id));
	else if (ins->basis == EN_BASIS_NOT_IN_FORCE)
		VERDICT(ins, EN_R_SUBJ2_IN_FORCE, en_arg_int8(ins->basis_id),
				en_arg_date(ins->day));
	else if (ins->basis == EN_BASIS_NOT_A_POWER)
		VERDICT(ins, EN_R_SUBJ2_POWER, en_arg_int8(ins->basis_id),
				en_arg_int8(ins->agency_id), en_arg_date(ins->day));
}

/* EN105: two distinct officers. */
static void
rule_two_officers(Inspection *ins)
{
	if (ins->officers.n_distinct < 2)
		VERDICT(ins, EN_R_OFF5_INSPECTION,
				en_arg(en_row_text(ins->row, ins->officers_att)));
}

/* EN102: each officer certified; the first that is not is named. */
static void
rule_certified(Inspection *ins)
{
	for (int i = 0; i < ins->officers.n; i++)
		if (ins->officer[i] != EN_OFFICER_CERTIFIED &&
			!en_id_list_named_before(&ins->officers, i))
		{
			VERDICT(ins, EN_R_OFF2_INSPECTION, en_arg_int8(ins->officers.ids[i]),
					en_arg_why(en_officer_why(ins->officer[i])),
					en_arg_int8(ins->agency_id), en_arg_date(ins->day));
			if (en_verdicts_done(&ins->row->verdicts))
				return;
		}
}

/* EN107: no officer with a declared conflict. */
static void
rule_recusal(Inspection *ins)
{
	if (ins->conflicted >= 0)
		VERDICT(ins, EN_R_OFF6_INSPECTION,
				en_arg_int8(ins->officers.ids[ins->conflicted]),
				en_arg_int8(ins->enterprise_id));
}

/* EN106: on site, the certificates were shown. */
static void
rule_shown(Inspection *ins)
{
	if (ins->onsite && !ins->shown)
		VERDICT(ins, EN_R_INSP4_SHOWN, en_arg_int8(ins->row->id));
}

/* EN202, EN207: a plan or an exemption, not both; the plan covers it. */
static void
rule_plan(Inspection *ins)
{
	if (!ins->has_plan && ins->exemption == NULL)
		VERDICT(ins, EN_R_INSP2_NO_PLAN, en_arg_int8(ins->row->id));
	else if (ins->has_plan && ins->exemption != NULL)
		VERDICT(ins, EN_R_INSP_BOTH, en_arg_int8(ins->row->id),
				en_arg_int8(ins->plan_id), en_arg(ins->exemption));
	else if (ins->has_plan && ins->plan_problem != NULL)
		VERDICT(ins, EN_R_INSP2_PLAN, en_arg_int8(ins->plan_id),
				en_arg_why(ins->plan_problem), en_arg_date(ins->day),
				en_arg_int8(ins->basis_id));
}

/* EN203: an unplanned inspection has its reference. */
static void
rule_exemption(Inspection *ins)
{
	if (ins->has_complaint &&
		(ins->exemption == NULL || strcmp(ins->exemption, "complaint_report") != 0))
	{
		VERDICT(ins, EN_R_INSP3_COMPLAINT_ONLY, en_arg_int8(ins->row->id),
				en_arg_int8(ins->complaint_id));
		return;
	}
	if (ins->has_plan || ins->exemption == NULL)
		return;
	if (strcmp(ins->exemption, "complaint_report") == 0)
	{
		if (!ins->complaint_ok)
			VERDICT(ins, EN_R_INSP3_REPORT, en_arg_int8(ins->row->id),
					ins->has_complaint ? en_arg_int8(ins->complaint_id) :
					en_arg_null(),
					en_arg_int8(ins->enterprise_id), en_arg_date(ins->day));
	}
	else if (en_blank_cstring(ins->exemption_ref))
		VERDICT(ins, EN_R_INSP3_REFERENCE, en_arg_int8(ins->row->id),
				en_arg(ins->exemption));
}

/* EN204: the routine visits stay within the cap; a joint one once. */
static void
rule_cap(Inspection *ins)
{
	if (ins->has_plan && ins->has_cap && !ins->joint_counted &&
		ins->visits + 1 > ins->cap)
		VERDICT(ins, EN_R_INSP5_CAP, en_arg_int8(ins->agency_id),
				en_arg_int8(ins->enterprise_id), en_arg_int8(ins->visits),
				en_arg_int8(ins->year), en_arg_int8(ins->cap));
}

/* EN207: a joint inspection matches, and the agency takes part once. */
static void
rule_joint(Inspection *ins)
{
	if (ins->has_joint && ins->joint_problem != NULL)
		VERDICT(ins, EN_R_INSP6_JOINT, en_arg_int8(ins->joint_id),
				en_arg_why(ins->joint_problem), en_arg_int8(ins->agency_id),
				en_arg_int8(ins->enterprise_id), en_arg_date(ins->day));
}

/* The rules, in their order. */
static void (*const inspection_rules[]) (Inspection *ins) = {
	rule_subject, rule_basis, rule_two_officers, rule_certified,
	rule_recusal, rule_shown, rule_plan, rule_exemption, rule_cap,
	rule_joint
};

/* EN207: an inspection ends on or after the day it began. */
static void
check_end(EnRow *row, const AttrNumber *att)
{
	bool		day_null,
				end_null;
	Datum		day = en_row_get(row, att[I_DAY], &day_null);
	Datum		end = en_row_get(row, att[I_ENDED], &end_null);

	if (!day_null && !end_null && DatumGetDateADT(end) < DatumGetDateADT(day))
		EN_VERDICT(&row->verdicts, EN_R_INSP_ENDED, en_row_id(row),
				   en_arg_int8(row->id), en_arg_date(DatumGetDateADT(day)),
				   en_arg_date(DatumGetDateADT(end)));
}

/* BEFORE INSERT OR UPDATE on inspections. */
Datum
en_inspections_check(PG_FUNCTION_ARGS)
{
	EnRow		row;
	const AttrNumber *att;
	Inspection	ins;

	en_row_begin(fcinfo, "inspections_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, inspection_columns,
							 lengthof(inspection_columns));
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	if (row.insert && read_inspection(&ins, &row, att))
	{
		gather(&ins);
		for (size_t i = 0; i < lengthof(inspection_rules); i++)
		{
			if (en_verdicts_done(&row.verdicts))
				break;
			inspection_rules[i] (&ins);
		}
	}
	if (!en_verdicts_done(&row.verdicts))
		check_end(&row, att);
	return en_row_end(&row);
}

/*
 * BEFORE INSERT OR UPDATE on inspection_signatures (INSP-6): only the
 * inspection's officers sign, on or after its day; a signature is fixed.
 */
Datum
en_signatures_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {
		"inspection_id", "officer_id", "signed_on"
	};
	EnRow		row;
	const AttrNumber *att;
	bool		null[3];
	Datum		v[3];
	const char *why = NULL;

	en_row_begin(fcinfo, "signatures_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	if (!row.judged || !row.insert || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	for (int i = 0; i < 3; i++)
		v[i] = en_row_get(&row, att[i], &null[i]);
	if (!null[0] && !null[1] && !null[2])
	{
		EnProbe		probe;
		EnKey		keys[] = {EN_EQ(1, v[0])};

		en_probe_open(&probe, &inspections_pkey, en_row_snapshot(&row), true);
		en_probe_keys(&probe, lengthof(keys), keys);
		if (en_probe_next(&probe) &&
			en_probe_lock(&probe, LockTupleKeyShare) == EN_LOCKED)
		{
			bool		isnull;
			Datum		officers = en_probe_get(&probe, 0, &isnull);
			Datum		day;
			bool		took_part = false;

			if (!isnull)
			{
				Datum	   *elems;
				bool	   *nulls;
				int			n;

				deconstruct_array(DatumGetArrayTypeP(officers), INT8OID, 8,
								  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
								  &elems, &nulls, &n);
				for (int i = 0; i < n; i++)
					if (!nulls[i] && DatumGetInt64(elems[i]) == DatumGetInt64(v[1]))
						took_part = true;
			}
			day = en_probe_get(&probe, 1, &isnull);
			if (!took_part)
				why = gettext_noop("did not take part in it");
			else if (isnull || DatumGetDateADT(v[2]) < DatumGetDateADT(day))
				why = gettext_noop("signed before it took place");
		}
		en_probe_close(&probe);
	}
	if (why)
		EN_VERDICT(&row.verdicts, EN_R_INSP6_SIGNATURE, NULL,
				   en_arg_int8(DatumGetInt64(v[1])), en_arg_why(why),
				   en_arg_int8(DatumGetInt64(v[0])));
	return en_row_end(&row);
}

/*
 * BEFORE INSERT OR UPDATE on joint_inspections: the lead agency may act on
 * the day (SUBJ-1, EN101); the row is fixed once written.
 */
Datum
en_joint_inspections_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"lead_agency_id", "inspected_on"};
	EnRow		row;
	const AttrNumber *att;
	bool		lead_null,
				day_null;
	Datum		lead,
				day;

	en_row_begin(fcinfo, "joint_inspections_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	if (!row.judged || !row.insert || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	lead = en_row_get(&row, att[0], &lead_null);
	day = en_row_get(&row, att[1], &day_null);
	if (!lead_null && !day_null)
	{
		EnAgencyStatus status = en_agency_status(en_row_snapshot(&row),
												 DatumGetInt64(lead),
												 DatumGetDateADT(day),
												 en_may_lock());

		if (status != EN_AGENCY_MAY_ACT)
			EN_VERDICT(&row.verdicts, EN_R_SUBJ_JOINT, en_row_id(&row),
					   en_arg_int8(DatumGetInt64(lead)),
					   en_arg_date(DatumGetDateADT(day)),
					   en_arg_why(en_agency_why(status)));
	}
	return en_row_end(&row);
}

/* CMP-1: whether a complaint may move from one stage to the next. */
static bool
complaint_moves(const char *from, const char *to)
{
	static const char *const moves[][2] = {
		{"received", "accepted"}, {"received", "rejected"},
		{"accepted", "verified"}, {"verified", "answered"},
		{"answered", "closed"}, {"rejected", "closed"}
	};

	for (size_t i = 0; i < lengthof(moves); i++)
		if (strcmp(moves[i][0], from) == 0 && strcmp(moves[i][1], to) == 0)
			return true;
	return false;
}

/*
 * CMP-1: why a complaint's stage dates do not follow its stages, or NULL:
 * a stage that has a date is dated (accepted, answered, closed), and no
 * date is before the stage before it.
 */
static const char *
complaint_dates_why(EnRow *row, const AttrNumber *att, const char *status)
{
	bool		null[5];
	DateADT		d[5];

	for (int i = 0; i < 5; i++)
		d[i] = DatumGetDateADT(en_row_get(row, att[3 + i], &null[i]));
	/* 0 received, 1 accepted, 2 answered, 3 reported, 4 closed */
	if ((strcmp(status, "accepted") == 0 || strcmp(status, "verified") == 0) &&
		null[1])
		return gettext_noop("an accepted complaint has accepted_on");
	if (strcmp(status, "answered") == 0 && (null[1] || null[2]))
		return gettext_noop("an answered complaint has accepted_on and answered_on");
	if (strcmp(status, "closed") == 0 && null[4])
		return gettext_noop("a closed complaint has closed_on");
	if (null[0])
		return NULL;
	for (int i = 1; i < 5; i++)
		if (!null[i] && d[i] < d[0])
			return gettext_noop("a stage is dated before the complaint was received");
	if (!null[1] && !null[2] && d[2] < d[1])
		return gettext_noop("it is answered before it was accepted");
	if (!null[4] && ((!null[1] && d[4] < d[1]) || (!null[2] && d[4] < d[2])))
		return gettext_noop("it is closed before an earlier stage");
	return NULL;
}

/*
 * BEFORE INSERT OR UPDATE on complaints: a complaint is handled by an
 * agency, the one it is about unless another is given; its facts are fixed
 * once written (declared); it is received first, and its stage moves
 * forward only, each stage dated on or after the one before; a conduct
 * complaint closes only once it was reported to the justice bureau, on or
 * before the day it closes (CMP-1).
 */
Datum
en_complaints_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"agency_id", "about_agency_id",
		"status", "received_on", "accepted_on", "answered_on",
	"reported_to_justice_on", "closed_on", "kind"};
	EnRow		row;
	const AttrNumber *att;
	bool		agency_null,
				about_null;
	Datum		about;
	char	   *to;

	en_row_begin(fcinfo, "complaints_check", &row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	(void) en_row_get(&row, att[0], &agency_null);
	about = en_row_get(&row, att[1], &about_null);
	if (row.insert && agency_null && !about_null)
		en_row_set(&row, att[0], about, false);
	en_row_scope(&row);
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	to = en_row_text(&row, att[2]);
	if (to == NULL)
		return en_row_end(&row);
	if (row.insert && !en_scanning())
	{
		bool		dated = false;

		for (int i = 4; i < 8; i++)
		{
			bool		isnull;

			(void) en_row_get(&row, att[i], &isnull);
			dated |= !isnull;
		}
		if (strcmp(to, "received") != 0 || dated)
			EN_VERDICT(&row.verdicts, EN_R_CMP1_RECEIVED, en_row_id(&row),
					   en_arg_int8(row.id), en_arg(to));
	}
	else if (!row.insert && en_row_changed(&row, att[2]))
	{
		bool		old_null;
		Datum		old = en_row_old(&row, att[2], &old_null);
		char	   *from = old_null ? NULL : TextDatumGetCString(old);

		if (from == NULL || !complaint_moves(from, to))
			EN_VERDICT(&row.verdicts, EN_R_CMP1_FORWARD, en_row_id(&row),
					   en_arg_int8(row.id), en_arg(from), en_arg(to));
	}
	if (!en_verdicts_done(&row.verdicts))
	{
		const char *why = complaint_dates_why(&row, att, to);

		if (why != NULL)
			EN_VERDICT(&row.verdicts, EN_R_CMP1_DATED, en_row_id(&row),
					   en_arg_int8(row.id), en_arg_why(why));
	}
	/* a conduct complaint closes after its report to the justice bureau */
	if (!en_verdicts_done(&row.verdicts) && strcmp(to, "closed") == 0)
	{
		char	   *kind = en_row_text(&row, att[8]);
		bool		closed_null,
					reported_null;
		Datum		closed = en_row_get(&row, att[7], &closed_null);
		Datum		reported = en_row_get(&row, att[6], &reported_null);

		if (kind != NULL && strcmp(kind, "conduct_complaint") == 0 &&
			!closed_null &&
			(reported_null || DatumGetDateADT(reported) > DatumGetDateADT(closed)))
			EN_VERDICT(&row.verdicts, EN_R_CMP1_REPORTED, en_row_id(&row),
					   en_arg_int8(row.id),
					   en_arg_date(DatumGetDateADT(closed)),
					   reported_null ? en_arg_null() :
					   en_arg_date(DatumGetDateADT(reported)));
	}
	return en_row_end(&row);
}
