/*-------------------------------------------------------------------------
 *
 * decisions.c
 *	  Decisions (CASE-1..6, CASE-10; SUBJ-1/2 on the day of the decision).
 *
 * A decision's INSERT reads its case, locked FOR NO KEY UPDATE (two
 * decisions of one case are judged one after the other: the second finds
 * the case decided), and the case's last step.  Then, in this order, the
 * first failure being the error:
 *
 *	EN301  the case is at a stage that is decided (notified, hearing or
 *		   reviewed), and the decision is dated on or after that step
 *	EN207  kind, circumstance and amounts agree (no_penalty: exempt, no fine)
 *	EN306  a penalty within the limitation period (处罚法 Art 36)
 *	EN305  no penalty where a published no-penalty item applies; a first
 *		   offence is computed from the enterprise's earlier penalty
 *		   decisions under the basis, under a transaction advisory lock on
 *		   (enterprise, basis) and the latest snapshot, so two racing
 *		   decisions see each other
 *	EN304  a fine within the benchmark in force (the agency's own for the
 *		   circumstance, else the region's)
 *	EN302  a major decision has an approved legal review concluded by then
 *	EN303  by a qualified reviewer, who is locked FOR SHARE
 *	EN307  a hearing-eligible decision follows a notice that offered one
 *	EN101, EN201  the agency may act and has the power on decided_on
 *
 * The applied no-penalty item is filled in.  An AFTER trigger then
 * records the step decided (cases.c).  A decision is closed (EN309): only
 * disclosed_on is set, once, on or after decided_on.
 *
 * decision_major() and decision_review() give the views the same answers.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "cases.h"
#include "facts.h"
#include "mode.h"
#include "probe.h"
#include "row.h"
#include "scan.h"
#include "scope.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/numeric.h"

PG_FUNCTION_INFO_V1(en_decisions_check);
PG_FUNCTION_INFO_V1(en_decisions_apply);
PG_FUNCTION_INFO_V1(en_decision_major);
PG_FUNCTION_INFO_V1(en_decision_review);

/* The space of the first-offence lock (facts.c, en_lock_pair()). */
#define EN_LOCK_FIRST_OFFENCE 1

static const char *const decision_columns[] = {
	"case_id", "decided_on", "kind", "fine_amount", "confiscation_amount",
	"circumstance", "leniency_item_id", "disclosed_on", "document_no"
};
enum
{
	D_CASE, D_DAY, D_KIND, D_FINE, D_CONFISCATION, D_CIRCUMSTANCE,
	D_LENIENCY, D_DISCLOSED, D_DOCUMENT
};

static const char *const stored_columns[] = {
	"case_id", "decided_on", "kind", "fine_amount", "confiscation_amount",
	"agency_id"
};
static EnIndex decisions_pkey =
EN_INDEX("decisions", "decisions_pkey", stored_columns);

static const char *const by_case_columns[] = {"id", "kind", "decided_on"};
static EnIndex decisions_case =
EN_INDEX("decisions", "decisions_case_id_key", by_case_columns);

static const char *const case_id_columns[] = {"id"};
static EnIndex cases_enterprise =
EN_INDEX("cases", "cases_enterprise", case_id_columns);

static const char *const item_columns[] = {
	"id", "kind", "lookback_years", "published_on", "effective_to",
	"agency_id"
};
static EnIndex leniency_basis =
EN_INDEX("leniency_items", "leniency_items_basis", item_columns);

static const char *const benchmark_columns[] = {
	"id", "fine_min", "fine_max", "published_on", "effective_to", "agency_id"
};
static EnIndex benchmarks_basis =
EN_INDEX("discretion_benchmarks", "discretion_benchmarks_basis",
		 benchmark_columns);

static const char *const catalog_columns[] = {
	"fine_at_least", "decision_kinds", "effective_to"
};
static EnIndex catalog_agency =
EN_INDEX("review_catalog", "review_catalog_agency", catalog_columns);

static const char *const review_columns[] = {
	"id", "reviewer_id", "concluded_on", "result"
};
static EnIndex reviews_case =
EN_INDEX("legal_reviews", "legal_reviews_case", review_columns);

/* A decision as the rules read it. */
typedef struct Decision
{
	int64		id;				/* 0 when not known */
	bool		has_id;
	DateADT		day;
	const char *kind;
	Numeric		fine;
	Numeric		confiscation;
	const char *circumstance;
	EnCase		c;
	EnCaseStep	step;
} Decision;

static DateADT
probed_date(EnProbe *probe, int column, bool *isnull)
{
	Datum		d = en_probe_get(probe, column, isnull);

	return *isnull ? 0 : DatumGetDateADT(d);
}

/* Whether an entry published by the day is still in force on it. */
static bool
in_force(EnProbe *probe, int published, int effective_to, DateADT day)
{
	bool		isnull;
	DateADT		from = probed_date(probe, published, &isnull);

	if (isnull || from > day)
		return false;
	if (effective_to < 0)
		return true;
	from = probed_date(probe, effective_to, &isnull);
	return isnull || from >= day;
}

/* Whether the probed row's agency is the case's, or the region's (NULL). */
static bool
own_or_region(EnProbe *probe, int column, int64 agency_id, bool *own)
{
	bool		isnull;
	int64		agency = en_probe_int64(probe, column, &isnull);

	*own = !isnull && agency == agency_id;
	return isnull || *own;
}

static bool
is_penalty(const Decision *d)
{
	return strcmp(d->kind, "no_penalty") != 0;
}

/* The day n years after a day (29 February to 28 February). */
static DateADT
add_years(DateADT day, int years)
{
	int			y,
				m,
				dd;

	j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	y += years;
	if (m == 2 && dd == 29 && !isleap(y))
		dd = 28;
	return date2j(y, m, dd) - POSTGRES_EPOCH_JDATE;
}

/*
 * CASE-4: whether the enterprise had an earlier penalty decision under the
 * case's basis, decided within the look-back before the day (bounds
 * included).  Other decisions are read under the latest snapshot where
 * locks are taken (the caller holds the first-offence lock); the scan
 * counts those recorded before the decision.
 */
static bool
earlier_penalty(const Decision *d, int lookback_years)
{
	EnProbe		cases;
	EnKey		keys[] = {
		EN_EQ(1, Int64GetDatum(d->c.enterprise_id)),
		EN_EQ(2, Int64GetDatum(d->c.basis_id))
	};
	DateADT		from = add_years(d->day, -lookback_years);
	bool		found = false;
	int			n = 0;
	int64	   *ids;

	/* the cases first, then their decisions: one probe open at a time */
	ids = palloc(sizeof(int64) * 16);
	if (en_may_lock())
		en_probe_open_latest(&cases, &cases_enterprise);
	else
		en_probe_open(&cases, &cases_enterprise, en_read_snapshot(), false);
	en_probe_keys(&cases, lengthof(keys), keys);
	while (en_probe_next(&cases))
	{
		bool		isnull;
		int64		id = en_probe_int64(&cases, 0, &isnull);

		if (isnull || id == d->c.id)
			continue;
		if (n > 0 && (n & (n - 1)) == 0 && n >= 16)
			ids = repalloc(ids, sizeof(int64) * n * 2);
		ids[n++] = id;
	}
	en_probe_close(&cases);

	for (int i = 0; i < n && !found; i++)
	{
		EnProbe		probe;
		EnKey		case_key[] = {EN_EQ(1, Int64GetDatum(ids[i]))};

		if (en_may_lock())
			en_probe_open_latest(&probe, &decisions_case);
		else
			en_probe_open(&probe, &decisions_case, en_read_snapshot(), false);
		en_probe_keys(&probe, lengthof(case_key), case_key);
		if (en_probe_next(&probe))
		{
			bool		isnull;
			int64		id = en_probe_int64(&probe, 0, &isnull);
			DateADT		day = probed_date(&probe, 2, &isnull);

			found = !isnull && !en_probe_text_is(&probe, 1, "no_penalty") &&
				day >= from && day <= d->day &&
				!(en_scanning() && d->has_id && id >= d->id);
		}
		en_probe_close(&probe);
	}
	pfree(ids);
	return found;
}

/*
 * CASE-4: the published no-penalty item that applies, or 0: minor_exempt
 * (no harm, corrected) before first_offense_exempt (harm at most minor,
 * corrected, no earlier penalty within its look-back); the agency's own
 * before the region's; then the first published.
 */
static int64
leniency_applies(Snapshot snapshot, const Decision *d, const char **kind)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(d->c.basis_id))};
	const EnCase *c = &d->c;
	int64		best = 0;
	int			best_rank = 0;
	int			max = 8;
	int64	   *firsts = palloc(sizeof(int64) * max);
	int		   *lookbacks = palloc(sizeof(int) * max);
	bool	   *firsts_own = palloc(sizeof(bool) * max);
	int			nfirst = 0;

	*kind = NULL;
	if (!c->corrected || strcmp(c->harm, "serious") == 0)
		return 0;
	en_probe_open(&probe, &leniency_basis, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		bool		own;
		int64		id = en_probe_int64(&probe, 0, &isnull);

		if (!own_or_region(&probe, 5, c->agency_id, &own) ||
			!in_force(&probe, 3, 4, d->day))
			continue;
		if (en_probe_text_is(&probe, 1, "minor_exempt") &&
			strcmp(c->harm, "none") == 0)
		{
			int			rank = own ? 4 : 3;

			if (rank > best_rank || (rank == best_rank && id < best))
			{
				best = id;
				best_rank = rank;
				*kind = "minor_exempt";
			}
		}
		else if (en_probe_text_is(&probe, 1, "first_offense_exempt"))
		{
			if (nfirst == max)
			{
				max *= 2;
				firsts = repalloc(firsts, sizeof(int64) * max);
				lookbacks = repalloc(lookbacks, sizeof(int) * max);
				firsts_own = repalloc(firsts_own, sizeof(bool) * max);
			}
			firsts[nfirst] = id;
			lookbacks[nfirst] = DatumGetInt32(en_probe_get(&probe, 2, &isnull));
			firsts_own[nfirst] = own;
			nfirst++;
		}
	}
	en_probe_close(&probe);
	if (best != 0)
		return best;
	for (int i = 0; i < nfirst; i++)
	{
		int			rank = firsts_own[i] ? 2 : 1;

		if ((rank > best_rank || (rank == best_rank && firsts[i] < best)) &&
			!earlier_penalty(d, Max(lookbacks[i], 1)))
		{
			best = firsts[i];
			best_rank = rank;
			*kind = "first_offense_exempt";
		}
	}
	return best;
}

/*
 * CASE-3: the benchmark in force for the basis and circumstance on the
 * day: the agency's own hides the region's; the latest published, then the
 * latest written.  False when there is none.
 */
static bool
benchmark(Snapshot snapshot, const Decision *d, int64 *id, Numeric *min,
		  Numeric *max)
{
	EnProbe		probe;
	EnKey		keys[] = {
		EN_EQ(1, Int64GetDatum(d->c.basis_id)),
		EN_EQ(2, CStringGetTextDatum(d->circumstance))
	};
	bool		found = false;
	bool		found_own = false;
	DateADT		found_from = 0;

	en_probe_open(&probe, &benchmarks_basis, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		bool		own;
		int64		this_id = en_probe_int64(&probe, 0, &isnull);
		DateADT		from;

		if (!own_or_region(&probe, 5, d->c.agency_id, &own) ||
			!in_force(&probe, 3, 4, d->day))
			continue;
		from = probed_date(&probe, 3, &isnull);
		if (found && (found_own && !own))
			continue;
		if (found && own == found_own &&
			(from < found_from || (from == found_from && this_id < *id)))
			continue;
		found = true;
		found_own = own;
		found_from = from;
		*id = this_id;
		*min = DatumGetNumericCopy(en_probe_get(&probe, 1, &isnull));
		*max = DatumGetNumericCopy(en_probe_get(&probe, 2, &isnull));
	}
	en_probe_close(&probe);
	return found;
}

/*
 * CASE-2: why a decision is major, or NULL: the case's public interest or
 * complexity, a hearing held, or the agency's review catalogue in force on
 * the day (a fine at or above its threshold, or a listed kind).
 */
static const char *
major_why(Snapshot snapshot, const Decision *d)
{
	EnProbe		probe;
	EnKey		keys[] = {
		EN_EQ(1, Int64GetDatum(d->c.agency_id)),
		EN_LE(2, DateADTGetDatum(d->day))
	};
	bool		listed = false;

	if (d->c.public_interest)
		return "public_interest";
	if (d->c.complex)
		return "complex";
	if (d->step.had_hearing)
		return "hearing";
	en_probe_open(&probe, &catalog_agency, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (!listed && en_probe_next(&probe))
	{
		bool		isnull;
		Datum		v;
		DateADT		to = probed_date(&probe, 2, &isnull);

		if (!isnull && to < d->day)
			continue;
		v = en_probe_get(&probe, 0, &isnull);
		if (!isnull && en_numeric_cmp(d->fine, DatumGetNumeric(v)) >= 0)
			listed = true;
		v = en_probe_get(&probe, 1, &isnull);
		if (!listed && !isnull)
		{
			Datum	   *elems;
			bool	   *nulls;
			int			n;

			deconstruct_array(DatumGetArrayTypeP(v), TEXTOID, -1, false,
							  TYPALIGN_INT, &elems, &nulls, &n);
			for (int i = 0; i < n && !listed; i++)
				listed = !nulls[i] &&
					strcmp(TextDatumGetCString(elems[i]), d->kind) == 0;
		}
	}
	en_probe_close(&probe);
	return listed ? "review_catalog" : NULL;
}

/*
 * CASE-2: the case's last legal review concluded on or before the day
 * (by concluded_on, then id); false when there is none.
 */
static bool
last_review(Snapshot snapshot, const Decision *d, int64 *review_id,
			int64 *reviewer_id, bool *approved)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(d->c.id))};
	bool		found = false;
	DateADT		best_day = 0;

	if (en_may_lock())
		en_probe_open_latest(&probe, &reviews_case);
	else
		en_probe_open(&probe, &reviews_case, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		int64		id = en_probe_int64(&probe, 0, &isnull);
		DateADT		day = probed_date(&probe, 2, &isnull);

		if (isnull || day > d->day)
			continue;
		if (found && (day < best_day || (day == best_day && id < *review_id)))
			continue;
		found = true;
		best_day = day;
		*review_id = id;
		*reviewer_id = en_probe_int64(&probe, 1, &isnull);
		*approved = en_probe_text_is(&probe, 3, "approved");
	}
	en_probe_close(&probe);
	return found;
}

/* CASE-6: why a decision is hearing-eligible, or NULL. */
static const char *
hearing_why(Snapshot snapshot, const Decision *d)
{
	static const char *const kinds[] = {
		"suspend_license", "revoke_license", "order_closure",
		"restrict_practice", "lower_qualification"
	};
	Numeric		threshold;

	for (size_t i = 0; i < lengthof(kinds); i++)
		if (strcmp(d->kind, kinds[i]) == 0)
			return gettext_noop("its kind");
	threshold = d->c.individual ?
		en_setting(snapshot, "hearing_threshold_individual", 5000) :
		en_setting(snapshot, "hearing_threshold_organisation", 100000);
	if (en_numeric_cmp(numeric_add_opt_error(d->fine, d->confiscation, NULL),
					   threshold) >= 0)
		return gettext_noop("its fine and confiscation reach the threshold");
	return NULL;
}

static EnArg
numeric_arg(Numeric n)
{
	return en_arg(DatumGetCString(DirectFunctionCall1(numeric_out,
													  NumericGetDatum(n))));
}

#define VERDICT(row, rule, ...) \
	EN_VERDICT(&(row)->verdicts, (rule), en_row_id(row), __VA_ARGS__)

/* EN301, EN207: the stage, the date, and kind and amounts agreeing. */
static void
rule_stage(EnRow *row, Decision *d)
{
	const char *s = d->step.stage;
	Numeric		zero = int64_to_numeric(0);
	const char *why = NULL;

	if (strcmp(s, "notified") != 0 && strcmp(s, "hearing") != 0 &&
		strcmp(s, "reviewed") != 0)
		VERDICT(row, EN_R_DECISION_STAGE, en_arg_int8(d->c.id), en_arg(s));
	else if (d->day < d->step.day)
		VERDICT(row, EN_R_DECISION_DATE, en_arg_int8(d->c.id), en_arg(s),
				en_arg_date(d->step.day), en_arg_date(d->day));
	if (en_verdicts_done(&row->verdicts))
		return;
	if (!en_numeric_finite(d->fine) || !en_numeric_finite(d->confiscation) ||
		en_numeric_cmp(d->fine, zero) < 0 ||
		en_numeric_cmp(d->confiscation, zero) < 0)
		why = gettext_noop("an amount is negative or not a number");
	else if (!is_penalty(d) &&
			 (strcmp(d->circumstance, "exempt") != 0 ||
			  en_numeric_cmp(d->fine, zero) != 0 ||
			  en_numeric_cmp(d->confiscation, zero) != 0))
		why = gettext_noop("a no-penalty decision has circumstance exempt and neither fine nor confiscation");
	else if (is_penalty(d) && strcmp(d->circumstance, "exempt") == 0)
		why = gettext_noop("only a no-penalty decision has circumstance exempt");
	else if (strcmp(d->kind, "fine") == 0 && en_numeric_cmp(d->fine, zero) == 0)
		why = gettext_noop("a fine decision names its fine");
	if (why != NULL)
		VERDICT(row, EN_R_DECISION_CONSISTENT, en_arg_int8(d->c.id),
				en_arg_why(why));
}

/* EN306: a penalty within the limitation period. */
static void
rule_limitation(EnRow *row, Decision *d)
{
	const EnCase *c = &d->c;
	DateADT		from = c->has_violation_end ? c->violation_ended_on : c->violation_on;
	int			years = c->endangers && strcmp(c->harm, "none") != 0 ? 5 : 2;
	DateADT		ends;

	if (!is_penalty(d))
		return;
	ends = add_years(from, years);
	if (c->discovered_on > ends)
		VERDICT(row, EN_R_LIMITATION, en_arg_int8(c->id), en_arg_date(from),
				en_arg_date(c->discovered_on), en_arg_int8(years),
				en_arg_date(ends));
}

/* Reads the decision being inserted, and its case; false when it cannot be judged. */
static bool
read_decision(EnRow *row, const AttrNumber *att, Decision *d)
{
	bool		null[lengthof(decision_columns)];
	Datum		v[lengthof(decision_columns)];
	static const char *const kinds[] = {
		"no_penalty", "warning", "fine", "confiscation", "suspend_license",
		"revoke_license", "order_closure", "restrict_practice",
		"lower_qualification"
	};
	static const char *const circumstances[] = {
		"exempt", "mitigated", "lenient", "ordinary", "severe"
	};
	char	   *kind;
	char	   *circumstance;

	memset(d, 0, sizeof(Decision));
	for (int i = 0; i < (int) lengthof(decision_columns); i++)
		v[i] = en_row_get(row, att[i], &null[i]);
	if (null[D_CASE] || null[D_DAY] || null[D_KIND] || null[D_FINE] ||
		null[D_CONFISCATION] || null[D_CIRCUMSTANCE])
		return false;
	d->has_id = row->has_id;
	d->id = row->id;
	d->day = DatumGetDateADT(v[D_DAY]);
	kind = TextDatumGetCString(v[D_KIND]);
	circumstance = TextDatumGetCString(v[D_CIRCUMSTANCE]);
	for (size_t i = 0; i < lengthof(kinds); i++)
		if (strcmp(kind, kinds[i]) == 0)
			d->kind = kinds[i];
	for (size_t i = 0; i < lengthof(circumstances); i++)
		if (strcmp(circumstance, circumstances[i]) == 0)
			d->circumstance = circumstances[i];
	if (d->kind == NULL || d->circumstance == NULL)
		return false;			/* the vocabularies refused it already */
	d->fine = DatumGetNumeric(v[D_FINE]);
	d->confiscation = DatumGetNumeric(v[D_CONFISCATION]);
	if (!en_case_read(en_row_snapshot(row), DatumGetInt64(v[D_CASE]),
					  en_may_lock(), &d->c))
		return false;
	en_case_step(&d->c, en_row_snapshot(row), NULL, en_scanning(), &d->step);
	return true;
}

/* The checks of a decision's INSERT, in their order. */
static void
judge(EnRow *row, const AttrNumber *att, Decision *d)
{
	Snapshot	snapshot = en_row_snapshot(row);
	bool		lock = en_may_lock();
	const char *item_kind;
	int64		item;
	const char *why;

	rule_stage(row, d);
	if (en_verdicts_done(&row->verdicts))
		return;
	rule_limitation(row, d);
	if (en_verdicts_done(&row->verdicts))
		return;

	/* EN305: serialised with every decision of the enterprise and basis */
	if (lock)
		en_lock_pair(d->c.enterprise_id, d->c.basis_id, EN_LOCK_FIRST_OFFENCE);
	item = leniency_applies(snapshot, d, &item_kind);
	if (item != 0 && is_penalty(d))
		VERDICT(row, EN_R_LENIENCY, en_arg_int8(d->c.id), en_arg_int8(item),
				en_arg(item_kind), en_arg(d->kind));
	else if (!en_scanning())
		en_row_set(row, att[D_LENIENCY], Int64GetDatum(item), item == 0);
	if (en_verdicts_done(&row->verdicts))
		return;

	/* EN304 */
	if (en_numeric_cmp(d->fine, int64_to_numeric(0)) > 0)
	{
		int64		id = 0;
		Numeric		min = NULL,
					max = NULL;

		if (!benchmark(snapshot, d, &id, &min, &max))
			VERDICT(row, EN_R_BENCHMARK_NONE, numeric_arg(d->fine),
					en_arg_int8(d->c.id), en_arg_int8(d->c.basis_id),
					en_arg(d->circumstance), en_arg_date(d->day));
		else if (en_numeric_cmp(d->fine, min) < 0 ||
				 en_numeric_cmp(d->fine, max) > 0)
			VERDICT(row, EN_R_BENCHMARK_RANGE, numeric_arg(d->fine),
					en_arg_int8(d->c.id), en_arg_int8(id), numeric_arg(min),
					numeric_arg(max));
		if (en_verdicts_done(&row->verdicts))
			return;
	}

	/* EN302, EN303 */
	why = major_why(snapshot, d);
	if (why != NULL)
	{
		int64		review = 0,
					reviewer = 0;
		bool		approved = false;

		if (!last_review(snapshot, d, &review, &reviewer, &approved))
			VERDICT(row, EN_R_REVIEW_REQUIRED, en_arg_int8(d->c.id),
					en_arg_date(d->day), en_arg(why),
					en_arg_why(gettext_noop("no legal review of it was concluded by then")));
		else if (!approved)
			VERDICT(row, EN_R_REVIEW_REQUIRED, en_arg_int8(d->c.id),
					en_arg_date(d->day), en_arg(why),
					en_arg_why(gettext_noop("its last legal review concluded by then did not approve it")));
		else
		{
			const char *unfit = en_reviewer_why(snapshot, reviewer, &d->c,
												d->day, lock);

			if (unfit != NULL)
				VERDICT(row, EN_R_REVIEWER_DECISION, en_arg_int8(reviewer),
						en_arg_why(unfit), en_arg_int8(d->c.id),
						en_arg_int8(review));
		}
		if (en_verdicts_done(&row->verdicts))
			return;
	}

	/* EN307 */
	why = hearing_why(snapshot, d);
	if (why != NULL && !d->step.hearing_offered)
		VERDICT(row, EN_R_HEARING,
				d->has_id ? en_arg_int8(d->id) : en_arg_null(),
				en_arg_int8(d->c.id), en_arg_why(why));
	if (en_verdicts_done(&row->verdicts))
		return;

	/* EN101, EN201 on decided_on */
	{
		EnAgencyStatus subject = en_agency_status(snapshot, d->c.agency_id,
												  d->day, lock);
		EnBasisStatus power;

		if (subject != EN_AGENCY_MAY_ACT)
		{
			VERDICT(row, EN_R_SUBJ_DECISION, en_arg_int8(d->c.agency_id),
					en_arg_date(d->day), en_arg_why(en_agency_why(subject)));
			return;
		}
		power = en_basis_status(snapshot, d->c.basis_id, d->c.agency_id,
								"penalty", d->day);
		if (power != EN_BASIS_OK)
			VERDICT(row, EN_R_SUBJ2_DECISION, en_arg_int8(d->c.basis_id),
					en_arg_why(en_basis_why(power)),
					en_arg_int8(d->c.agency_id), en_arg_date(d->day));
	}
}

/* BEFORE INSERT OR UPDATE on decisions. */
Datum
en_decisions_check(PG_FUNCTION_ARGS)
{
	EnRow		row;
	const AttrNumber *att;
	Decision	d;

	en_row_begin(fcinfo, "decisions_check", &row);
	row.closed = !row.insert;
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, decision_columns,
							 lengthof(decision_columns));
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	if (!row.insert || en_scanning())
	{
		bool		day_null,
					disclosed_null;
		Datum		day = en_row_get(&row, att[D_DAY], &day_null);
		Datum		disclosed = en_row_get(&row, att[D_DISCLOSED],
										   &disclosed_null);

		if (!day_null && !disclosed_null &&
			DatumGetDateADT(disclosed) < DatumGetDateADT(day))
			VERDICT(&row, EN_R_DISCLOSED, en_arg_int8(row.id),
					en_arg_date(DatumGetDateADT(day)),
					en_arg_date(DatumGetDateADT(disclosed)));
		if (!row.insert || en_verdicts_done(&row.verdicts))
			return en_row_end(&row);
	}
	if (read_decision(&row, att, &d))
		judge(&row, att, &d);
	if (!en_verdicts_done(&row.verdicts))
	{
		bool		day_null,
					disclosed_null;
		Datum		disclosed = en_row_get(&row, att[D_DISCLOSED],
										   &disclosed_null);

		(void) en_row_get(&row, att[D_DAY], &day_null);
		if (!en_scanning() && !disclosed_null && !day_null &&
			DatumGetDateADT(disclosed) < d.day)
			VERDICT(&row, EN_R_DISCLOSED, en_arg_int8(row.id),
					en_arg_date(d.day), en_arg_date(DatumGetDateADT(disclosed)));
	}
	return en_row_end(&row);
}

/* AFTER INSERT on decisions: the case is decided (the event decided). */
Datum
en_decisions_apply(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"case_id", "decided_on", "document_no"};
	TriggerData *trigdata = en_after_row(fcinfo, "decisions_apply", true,
										 false);
	Relation	rel = trigdata->tg_relation;
	const AttrNumber *att;
	Datum		v[3];
	bool		isnull[3];

	att = en_relinfo_columns(en_relinfo(rel), rel, columns, lengthof(columns));
	for (int i = 0; i < 3; i++)
		v[i] = heap_getattr(trigdata->tg_trigtuple, att[i],
							RelationGetDescr(rel), &isnull[i]);
	/* a restore brings the events with the decisions */
	if (isnull[0] || isnull[1] || en_restoring(rel))
		return PointerGetDatum(NULL);
	en_case_record_decided(DatumGetInt64(v[0]), DatumGetDateADT(v[1]),
						   isnull[2], v[2]);
	return PointerGetDatum(NULL);
}

/*
 * A stored decision, for the views: false when there is none or the
 * caller may not see it.
 */
static bool
stored_decision(int64 decision_id, Decision *d)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(decision_id))};
	Snapshot	snapshot = en_read_snapshot();
	bool		found;
	int64		case_id = 0;
	bool		isnull;

	memset(d, 0, sizeof(Decision));
	en_probe_open(&probe, &decisions_pkey, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	found = en_probe_next(&probe);
	if (found)
	{
		int64		agency = en_probe_int64(&probe, 5, &isnull);

		found = !isnull && en_may_see_agency(agency);
	}
	if (found)
	{
		case_id = en_probe_int64(&probe, 0, &isnull);
		d->id = decision_id;
		d->has_id = true;
		d->day = probed_date(&probe, 1, &isnull);
		d->kind = en_probe_text_is(&probe, 2, "no_penalty") ? "no_penalty" :
			pstrdup(en_probe_text(&probe, 2));
		d->fine = DatumGetNumericCopy(en_probe_get(&probe, 3, &isnull));
		d->confiscation = DatumGetNumericCopy(en_probe_get(&probe, 4, &isnull));
		d->circumstance = "ordinary";
	}
	en_probe_close(&probe);
	if (!found || !en_case_read(snapshot, case_id, false, &d->c))
		return false;
	/* the steps before the decision's own */
	en_case_step(&d->c, snapshot, NULL, true, &d->step);
	return true;
}

/* decision_major(decision_id) → text: why it is major, or NULL. */
Datum
en_decision_major(PG_FUNCTION_ARGS)
{
	Decision	d;
	const char *why;

	if (!stored_decision(PG_GETARG_INT64(0), &d))
		PG_RETURN_NULL();
	why = major_why(en_read_snapshot(), &d);
	if (why == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(why));
}

/*
 * decision_review(decision_id) → bigint: the approved review by a
 * qualified reviewer the decision rests on, or NULL.
 */
Datum
en_decision_review(PG_FUNCTION_ARGS)
{
	Decision	d;
	int64		review = 0,
				reviewer = 0;
	bool		approved = false;

	if (!stored_decision(PG_GETARG_INT64(0), &d) ||
		!last_review(en_read_snapshot(), &d, &review, &reviewer, &approved) ||
		!approved ||
		en_reviewer_why(en_read_snapshot(), reviewer, &d.c, d.day, false) != NULL)
		PG_RETURN_NULL();
	PG_RETURN_INT64(review);
}
