/*-------------------------------------------------------------------------
 *
 * cases.c
 *	  Cases, their steps, their legal reviews, the payments of their fines,
 *	  and what an agency publishes for them (CASE-1, -2, -3, -4, -9;
 *	  SUBJ-1/2 and OFF-2/5/6 for handlers).
 *
 * A case is opened (INSERT on cases) by an agency that may act on
 * opened_on, under a penalty power in force that day, by two distinct
 * handlers certified that day and without a declared conflict with the
 * enterprise; its dates are in order and its inspection, if named, is the
 * agency's inspection of the enterprise.
 *
 * A case then moves only by its events (INSERT on case_events), each
 * judged against the case's last step: the transition is one of CASE-1,
 * dated on or after that step; an investigation needs two certified
 * officers; a hearing follows a notice that offered it.  An AFTER trigger
 * sets cases.stage, the only write of that column there is: any other is
 * refused, in every mode.  The step decided is written by the decision
 * alone (decisions.c).  The case row is locked FOR NO KEY UPDATE while its
 * step is judged, so two steps of one case are judged one after the
 * other, and the events are read under the latest snapshot.
 *
 * Events are ordered by id: the compliance scan judges each against the
 * events recorded before it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "cases.h"
#include "facts.h"
#include "lookup.h"
#include "mode.h"
#include "probe.h"
#include "row.h"
#include "scan.h"
#include "text.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/numeric.h"
#include "utils/snapmgr.h"

PG_FUNCTION_INFO_V1(en_cases_check);
PG_FUNCTION_INFO_V1(en_case_events_check);
PG_FUNCTION_INFO_V1(en_case_events_apply);
PG_FUNCTION_INFO_V1(en_published_entry_check);
PG_FUNCTION_INFO_V1(en_legal_reviews_check);
PG_FUNCTION_INFO_V1(en_payments_check);

/* Set while the extension writes a step: cases.stage, or decided. */
static int	setting_stage = 0;
static int	deciding = 0;

/* The stages of CASE-1, and the moves between them. */
static const char *const stages[] = {
	"filed", "investigated", "notified", "hearing", "reviewed", "decided",
	"served", "executed", "dismissed", "closed"
};
static const char *const moves[][2] = {
	{"filed", "investigated"}, {"filed", "dismissed"},
	{"investigated", "notified"}, {"investigated", "dismissed"},
	{"notified", "hearing"}, {"notified", "reviewed"}, {"notified", "decided"},
	{"hearing", "reviewed"}, {"hearing", "decided"},
	{"reviewed", "decided"},
	{"decided", "served"},
	{"served", "executed"}, {"served", "closed"},
	{"executed", "closed"},
	{"dismissed", "closed"}
};

static const char *const case_columns[] = {
	"agency_id", "enterprise_id", "legal_basis_id", "opened_on",
	"violation_on", "violation_ended_on", "discovered_on", "handler_ids",
	"party_kind", "harm", "corrected", "endangers_life_or_finance",
	"public_interest", "complex", "inspection_id", "stage"
};
enum
{
	K_AGENCY, K_ENTERPRISE, K_BASIS, K_OPENED, K_VIOLATION, K_ENDED,
	K_DISCOVERED, K_HANDLERS, K_PARTY, K_HARM, K_CORRECTED, K_ENDANGERS,
	K_PUBLIC, K_COMPLEX, K_INSPECTION, K_STAGE
};
static EnIndex cases_pkey =
EN_INDEX("cases", "cases_pkey", case_columns);

static const char *const event_columns[] = {
	"id", "stage", "occurred_on", "hearing_offered"
};
static EnIndex case_events_case =
EN_INDEX("case_events", "case_events_case", event_columns);

static const char *const inspection_columns[] = {
	"agency_id", "enterprise_id", "inspected_on"
};
static EnIndex inspections_pkey =
EN_INDEX("inspections", "inspections_pkey", inspection_columns);

static const char *const reviewer_columns[] = {
	"agency_id", "left_on", "legal_qualification", "legal_reviewer"
};
static EnIndex officers_pkey =
EN_INDEX("officers", "officers_pkey", reviewer_columns);

static const char *const decision_columns[] = {"fine_amount", "decided_on"};
static EnIndex decisions_pkey =
EN_INDEX("decisions", "decisions_pkey", decision_columns);

static const char *const payment_columns[] = {"id", "amount"};
static EnIndex payments_decision =
EN_INDEX("payments", "payments_decision", payment_columns);

/* A stage named by a row, as the static string of the list, or NULL. */
static const char *
stage_of(const char *name)
{
	for (size_t i = 0; i < lengthof(stages); i++)
		if (name != NULL && strcmp(stages[i], name) == 0)
			return stages[i];
	return NULL;
}

/* CASE-1: whether a case may move from one stage to the next. */
bool
en_case_moves(const char *from, const char *to)
{
	for (size_t i = 0; i < lengthof(moves); i++)
		if (from != NULL && to != NULL &&
			strcmp(moves[i][0], from) == 0 && strcmp(moves[i][1], to) == 0)
			return true;
	return false;
}

/* A bigint[] of a probed row as a list (the array was checked when written). */
static void
probed_id_list(EnProbe *probe, int column, EnIdList *list)
{
	bool		isnull;
	Datum		d = en_probe_get(probe, column, &isnull);
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	memset(list, 0, sizeof(EnIdList));
	list->ids = palloc(sizeof(int64));
	if (isnull)
		return;
	deconstruct_array(DatumGetArrayTypeP(d), INT8OID, 8, FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, &n);
	list->ids = palloc(sizeof(int64) * Max(n, 1));
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			list->ids[list->n++] = DatumGetInt64(elems[i]);
	for (int i = 0; i < list->n; i++)
		if (!en_id_list_named_before(list, i))
			list->n_distinct++;
}

static DateADT
probed_date(EnProbe *probe, int column, bool *isnull)
{
	Datum		d = en_probe_get(probe, column, isnull);

	return *isnull ? 0 : DatumGetDateADT(d);
}

/*
 * Reads a case.  With lock, the row is locked FOR NO KEY UPDATE, so that
 * the steps of one case are judged one after the other (the newest version
 * is read); false when there is no such case.
 */
bool
en_case_read(Snapshot snapshot, int64 case_id, bool lock, EnCase *c)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(case_id))};
	bool		found;
	bool		isnull;

	memset(c, 0, sizeof(EnCase));
	en_probe_open(&probe, &cases_pkey, snapshot, lock);
	en_probe_keys(&probe, lengthof(keys), keys);
	found = en_probe_next(&probe) &&
		(!lock || en_probe_lock(&probe, LockTupleNoKeyExclusive) == EN_LOCKED);
	if (found)
	{
		c->id = case_id;
		c->stage = stage_of(en_probe_text(&probe, K_STAGE));
		if (c->stage == NULL)
			c->stage = "filed";
		c->agency_id = en_probe_int64(&probe, K_AGENCY, &isnull);
		c->enterprise_id = en_probe_int64(&probe, K_ENTERPRISE, &isnull);
		c->basis_id = en_probe_int64(&probe, K_BASIS, &isnull);
		c->opened_on = probed_date(&probe, K_OPENED, &isnull);
		c->violation_on = probed_date(&probe, K_VIOLATION, &isnull);
		c->violation_ended_on = probed_date(&probe, K_ENDED, &isnull);
		c->has_violation_end = !isnull;
		c->discovered_on = probed_date(&probe, K_DISCOVERED, &isnull);
		probed_id_list(&probe, K_HANDLERS, &c->handlers);
		c->individual = en_probe_text_is(&probe, K_PARTY, "individual");
		c->harm = en_probe_text_is(&probe, K_HARM, "none") ? "none" :
			en_probe_text_is(&probe, K_HARM, "minor") ? "minor" : "serious";
		c->corrected = en_probe_bool(&probe, K_CORRECTED);
		c->endangers = en_probe_bool(&probe, K_ENDANGERS);
		c->public_interest = en_probe_bool(&probe, K_PUBLIC);
		c->complex = en_probe_bool(&probe, K_COMPLEX);
	}
	en_probe_close(&probe);
	return found;
}

/*
 * Where a case stands: its last event (of those with an id below
 * *before_id, when given; before its step decided, with before_decided:
 * where it stood when it was decided), whether its notice offered a hearing and
 * whether it had one.  Read under the latest snapshot where locks are
 * taken (the case row is locked: every step committed is seen).
 */
void
en_case_step(const EnCase *c, Snapshot snapshot, const int64 *before_id,
			 bool before_decided, EnCaseStep *step)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(c->id))};

	/*
	 * A live step is judged against cases.stage, read from the locked row:
	 * the extension alone writes it, one step after the other, whatever
	 * ids the events were given.  The scan, which takes no locks, replays
	 * the events in the order of their ids.
	 */
	bool		judged_live = before_id == NULL && !before_decided;

	step->stage = judged_live ? c->stage : "filed";
	step->day = c->opened_on;
	step->hearing_offered = false;
	step->had_hearing = false;
	if (en_may_lock())
		en_probe_open_latest(&probe, &case_events_case);
	else
		en_probe_open(&probe, &case_events_case, snapshot, false);
	en_probe_keys(&probe, lengthof(keys), keys);
	while (en_probe_next(&probe))
	{
		bool		isnull;
		int64		id = en_probe_int64(&probe, 0, &isnull);
		const char *stage = stage_of(en_probe_text(&probe, 1));
		DateADT		day = probed_date(&probe, 2, &isnull);

		if (before_id != NULL && id >= *before_id)
			continue;
		if (stage == NULL || isnull)
			continue;
		if (before_decided && strcmp(stage, "decided") == 0)
			break;
		if (judged_live)
		{
			/* dates never go backwards: the last step's is the latest */
			if (day > step->day)
				step->day = day;
		}
		else
		{
			step->stage = stage;
			step->day = day;
		}
		if (strcmp(stage, "notified") == 0)
			step->hearing_offered = en_probe_bool(&probe, 3);
		if (strcmp(stage, "hearing") == 0)
			step->had_hearing = true;
	}
	en_probe_close(&probe);
}

/*
 * The event decided of a decision (decisions.c, AFTER INSERT), written as
 * the extension, which sets the case's stage in turn.
 */
void
en_case_record_decided(int64 case_id, DateADT day, bool document_null,
					   Datum document_no)
{
	EN_QUERY(decided, "INSERT INTO enforcement.case_events "
		"(case_id, stage, occurred_on, document_no) VALUES ($1, 'decided', $2, $3)",
		INT8OID, DATEOID, TEXTOID);
	Datum		args[3] = {Int64GetDatum(case_id), DateADTGetDatum(day),
	document_no};
	bool		nulls[3] = {false, false, document_null};
	EnLookup	lk;

	deciding++;
	PG_TRY();
	{
		en_lookup_begin(&lk);
		en_run(&lk, &decided, args, nulls, 0, 0);
		en_lookup_end(&lk);
	}
	PG_FINALLY();
	{
		deciding--;
	}
	PG_END_TRY();
}

/* The row's id for a detail. */
static EnArg
id_arg(EnRow *row)
{
	return row->has_id ? en_arg_int8(row->id) : en_arg_null();
}

#define VERDICT(row, rule, ...) \
	EN_VERDICT(&(row)->verdicts, (rule), en_row_id(row), __VA_ARGS__)

/*
 * OFF-5, OFF-2, OFF-6 for the officers of a case or an investigation:
 * two distinct ones, each certified for the agency on the day, none with
 * a declared conflict with the enterprise.
 */
static void
rule_officers(EnRow *row, const EnIdList *officers, AttrNumber att,
			  int64 agency_id, int64 enterprise_id, DateADT day,
			  EnRuleId two, EnRuleId certified, EnRuleId recusal,
			  const int64 *case_id)
{
	Snapshot	snapshot = en_row_snapshot(row);
	EnOfficerStatus *status;
	int			conflicted;

	if (officers->n_distinct < 2)
	{
		if (case_id != NULL)
			VERDICT(row, two, en_arg_int8(*case_id),
					en_arg(en_row_text(row, att)));
		else
			VERDICT(row, two, en_arg(en_row_text(row, att)));
		return;
	}
	status = palloc(sizeof(EnOfficerStatus) * officers->n);
	en_officers_status(snapshot, officers->ids, officers->n, agency_id, day,
					   en_may_lock(), status);
	for (int i = 0; i < officers->n; i++)
		if (status[i] != EN_OFFICER_CERTIFIED &&
			!en_id_list_named_before(officers, i))
		{
			VERDICT(row, certified, en_arg_int8(officers->ids[i]),
					en_arg_why(en_officer_why(status[i])),
					en_arg_int8(agency_id), en_arg_date(day));
			if (en_verdicts_done(&row->verdicts))
				return;
		}
	conflicted = en_first_conflict(snapshot, enterprise_id, officers->ids,
								   officers->n, day);
	if (conflicted >= 0)
		VERDICT(row, recusal, en_arg_int8(officers->ids[conflicted]),
				en_arg_int8(enterprise_id));
}

/* EN207: the case's inspection is the agency's, of the enterprise, by then. */
static bool
inspection_matches(EnRow *row, int64 inspection_id, int64 agency_id,
				   int64 enterprise_id, DateADT opened_on)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(inspection_id))};
	bool		ok = false;

	en_probe_open(&probe, &inspections_pkey, en_row_snapshot(row), true);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (en_probe_next(&probe) &&
		en_probe_lock(&probe, LockTupleKeyShare) == EN_LOCKED)
	{
		bool		a_null,
					e_null,
					d_null;
		int64		agency = en_probe_int64(&probe, 0, &a_null);
		int64		enterprise = en_probe_int64(&probe, 1, &e_null);
		DateADT		day = probed_date(&probe, 2, &d_null);

		ok = !a_null && agency == agency_id && !e_null &&
			enterprise == enterprise_id && !d_null && day <= opened_on;
	}
	en_probe_close(&probe);
	return ok;
}

/*
 * BEFORE INSERT OR UPDATE on cases: the opening of a case; its stage is
 * written by the extension alone (CASE-1).
 */
Datum
en_cases_check(PG_FUNCTION_ARGS)
{
	EnRow		row;
	const AttrNumber *att;
	bool		null[lengthof(case_columns)];
	Datum		v[lengthof(case_columns)];
	EnIdList	handlers;
	int64		agency,
				enterprise,
				basis;
	DateADT		opened,
				violation,
				discovered;
	EnAgencyStatus subject;
	EnBasisStatus power;

	en_row_begin(fcinfo, "cases_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, case_columns,
							 lengthof(case_columns));
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	for (int i = 0; i < (int) lengthof(case_columns); i++)
		v[i] = en_row_get(&row, att[i], &null[i]);
	if (!row.insert)
	{
		if (en_row_changed(&row, att[K_STAGE]) && setting_stage == 0)
		{
			bool		old_null;
			Datum		old = en_row_old(&row, att[K_STAGE], &old_null);

			VERDICT(&row, EN_R_CASE_STAGE_DIRECT, en_arg_int8(row.id),
					en_arg(old_null ? NULL : TextDatumGetCString(old)),
					en_arg(en_row_text(&row, att[K_STAGE])));
		}
		return en_row_end(&row);
	}
	if (!en_scanning() && !null[K_STAGE] &&
		strcmp(TextDatumGetCString(v[K_STAGE]), "filed") != 0)
	{
		VERDICT(&row, EN_R_CASE_FILED, en_arg_int8(row.id),
				en_arg(TextDatumGetCString(v[K_STAGE])));
		return en_row_end(&row);
	}
	if (null[K_AGENCY] || null[K_ENTERPRISE] || null[K_BASIS] ||
		null[K_OPENED] || null[K_VIOLATION] || null[K_DISCOVERED] ||
		null[K_HANDLERS])
		return en_row_end(&row);
	agency = DatumGetInt64(v[K_AGENCY]);
	enterprise = DatumGetInt64(v[K_ENTERPRISE]);
	basis = DatumGetInt64(v[K_BASIS]);
	opened = DatumGetDateADT(v[K_OPENED]);
	violation = DatumGetDateADT(v[K_VIOLATION]);
	discovered = DatumGetDateADT(v[K_DISCOVERED]);
	en_row_id_list(&row, att[K_HANDLERS], EN_MAX_HANDLERS, &handlers);

	/* EN101, EN201: the agency may act and has the power, on opened_on */
	subject = en_agency_status(en_row_snapshot(&row), agency, opened,
							   en_may_lock());
	if (subject != EN_AGENCY_MAY_ACT)
		VERDICT(&row, EN_R_SUBJ_CASE, en_arg_int8(agency),
				en_arg_date(opened), en_arg_why(en_agency_why(subject)));
	if (en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	power = en_basis_status(en_row_snapshot(&row), basis, agency, "penalty",
							opened);
	if (power != EN_BASIS_OK)
		VERDICT(&row, EN_R_SUBJ2_CASE, en_arg_int8(basis),
				en_arg_why(en_basis_why(power)), en_arg_int8(agency),
				en_arg_date(opened));
	if (en_verdicts_done(&row.verdicts))
		return en_row_end(&row);

	/* EN105, EN102, EN107: the handlers */
	rule_officers(&row, &handlers, att[K_HANDLERS], agency, enterprise,
				  opened, EN_R_OFF5_CASE, EN_R_OFF2_CASE, EN_R_OFF6_CASE,
				  NULL);
	if (en_verdicts_done(&row.verdicts))
		return en_row_end(&row);

	/* EN207: the dates in order, the inspection of the case */
	{
		const char *why = NULL;

		if (!null[K_ENDED] && DatumGetDateADT(v[K_ENDED]) < violation)
			why = gettext_noop("the violation ends before it began");
		else if (discovered < violation)
			why = gettext_noop("the violation was discovered before it began");
		else if (opened < discovered)
			why = gettext_noop("the case was opened before the violation was discovered");
		if (why != NULL)
			VERDICT(&row, EN_R_CASE_DATES, en_arg_int8(row.id),
					en_arg_why(why));
	}
	if (!en_verdicts_done(&row.verdicts) && !null[K_INSPECTION] &&
		!inspection_matches(&row, DatumGetInt64(v[K_INSPECTION]), agency,
							enterprise, opened))
		VERDICT(&row, EN_R_CASE_INSPECTION, en_arg_int8(row.id),
				en_arg_int8(DatumGetInt64(v[K_INSPECTION])),
				en_arg_int8(agency), en_arg_int8(enterprise),
				en_arg_date(opened));
	return en_row_end(&row);
}

/* BEFORE INSERT OR UPDATE on case_events: a step of a case (CASE-1). */
Datum
en_case_events_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {
		"case_id", "stage", "occurred_on", "officer_ids"
	};
	EnRow		row;
	const AttrNumber *att;
	bool		null[4];
	Datum		v[4];
	const char *stage;
	DateADT		day;
	EnCase		c;
	EnCaseStep	step;

	en_row_begin(fcinfo, "case_events_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	if (!row.judged || !row.insert || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	for (int i = 0; i < 4; i++)
		v[i] = en_row_get(&row, att[i], &null[i]);
	if (null[0] || null[1] || null[2])
		return en_row_end(&row);
	stage = stage_of(TextDatumGetCString(v[1]));
	day = DatumGetDateADT(v[2]);
	if (stage == NULL)
		return en_row_end(&row);

	/* the step decided is the decision's: judged by decisions.c */
	if (strcmp(stage, "decided") == 0)
	{
		if (deciding == 0 && !en_scanning())
			VERDICT(&row, EN_R_EVENT_DECIDED,
					en_arg_int8(DatumGetInt64(v[0])));
		return en_row_end(&row);
	}
	if (!en_case_read(en_row_snapshot(&row), DatumGetInt64(v[0]),
					  en_may_lock(), &c))
		return en_row_end(&row);
	en_case_step(&c, en_row_snapshot(&row),
				 en_scanning() ? en_row_id(&row) : NULL, false, &step);

	if (!en_case_moves(step.stage, stage))
		VERDICT(&row, EN_R_EVENT_TRANSITION, en_arg_int8(c.id),
				en_arg(step.stage), en_arg(stage));
	else if (day < step.day)
		VERDICT(&row, EN_R_EVENT_DATE, en_arg_int8(c.id), en_arg(step.stage),
				en_arg_date(step.day), en_arg_date(day));
	else if (strcmp(stage, "hearing") == 0 && !step.hearing_offered)
		VERDICT(&row, EN_R_EVENT_HEARING, en_arg_int8(c.id));
	else if (strcmp(stage, "investigated") == 0)
	{
		EnIdList	officers;

		en_row_id_list(&row, att[3], EN_MAX_HANDLERS, &officers);
		rule_officers(&row, &officers, att[3], c.agency_id, c.enterprise_id,
					  day, EN_R_OFF5_EVENT, EN_R_OFF2_EVENT, EN_R_OFF6_EVENT,
					  &c.id);
	}
	return en_row_end(&row);
}

/*
 * AFTER INSERT on case_events: the case takes the event's stage, written
 * as the extension (the only write of cases.stage there is).
 */
Datum
en_case_events_apply(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"case_id", "stage"};
	EN_QUERY(apply, "UPDATE enforcement.cases SET stage = $2 "
		"WHERE id OPERATOR(pg_catalog.=) $1",
		INT8OID, TEXTOID);
	TriggerData *trigdata = en_after_row(fcinfo, "case_events_apply", true,
										 false);
	Relation	rel = trigdata->tg_relation;
	const AttrNumber *att;
	Datum		v[2];
	bool		isnull[2];
	EnLookup	lk;

	att = en_relinfo_columns(en_relinfo(rel), rel, columns, lengthof(columns));
	for (int i = 0; i < 2; i++)
	{
		v[i] = heap_getattr(trigdata->tg_trigtuple, att[i],
							RelationGetDescr(rel), &isnull[i]);
		if (isnull[i])
			return PointerGetDatum(NULL);
	}
	/* a restore brings the cases with their stage */
	if (en_restoring(rel))
		return PointerGetDatum(NULL);

	/*
	 * The step must still follow the case's stage as it stands now: an
	 * event written in the same statement as a decision was judged before
	 * the decision's step was applied.
	 */
	{
		const char *to = stage_of(TextDatumGetCString(v[1]));
		Snapshot	latest;
		EnCase		c;
		bool		found;

		CommandCounterIncrement();
		latest = RegisterSnapshot(GetLatestSnapshot());
		found = en_case_read(latest, DatumGetInt64(v[0]), false, &c);
		UnregisterSnapshot(latest);
		if (found && to != NULL && deciding == 0 &&
			!en_case_moves(c.stage, to) && !creating_extension)
		{
			int64		event_id = 0;
			bool		id_null = true;
			const AttrNumber *id_att = en_relinfo_columns(en_relinfo(rel), rel,
														 event_columns, 1);

			event_id = DatumGetInt64(heap_getattr(trigdata->tg_trigtuple,
												  id_att[0],
												  RelationGetDescr(rel),
												  &id_null));
			EN_REFUSE(rel, "case_events", EN_R_EVENT_TRANSITION,
					  id_null ? NULL : &event_id, en_arg_int8(c.id),
					  en_arg(c.stage), en_arg(to));
		}
	}
	setting_stage++;
	PG_TRY();
	{
		en_lookup_begin(&lk);
		en_run(&lk, &apply, v, NULL, 0, 0);
		en_lookup_end(&lk);
	}
	PG_FINALLY();
	{
		setting_stage--;
	}
	PG_END_TRY();
	return PointerGetDatum(NULL);
}

/*
 * What an agency publishes for its decisions: the review catalogue, the
 * discretion benchmarks and the no-penalty list.  Fixed once written, but
 * for the day the entry ends, set once and never dated back (EN207).
 */
Datum
en_published_entry_check(PG_FUNCTION_ARGS)
{
	static const char *const catalog_columns[] = {
		"published_on", "effective_to", "fine_at_least", "decision_kinds"
	};
	static const char *const benchmark_columns[] = {
		"published_on", "effective_to", "fine_min", "fine_max"
	};
	static const char *const leniency_columns[] = {
		"published_on", "effective_to", "lookback_years"
	};
	EnRow		row;
	const AttrNumber *att;
	bool		null[4];
	Datum		v[4];
	const char *why = NULL;
	int			n;

	en_row_begin(fcinfo, "published_entry_check", &row);
	en_row_scope(&row);
	if (strcmp(row.info->name, "review_catalog") == 0)
		att = en_relinfo_columns(row.info, row.rel, catalog_columns,
								 n = lengthof(catalog_columns));
	else if (strcmp(row.info->name, "discretion_benchmarks") == 0)
		att = en_relinfo_columns(row.info, row.rel, benchmark_columns,
								 n = lengthof(benchmark_columns));
	else if (strcmp(row.info->name, "leniency_items") == 0)
		att = en_relinfo_columns(row.info, row.rel, leniency_columns,
								 n = lengthof(leniency_columns));
	else
		elog(ERROR, "published_entry_check() fired on table \"%s\"",
			 row.info->name);
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	for (int i = 0; i < n; i++)
		v[i] = en_row_get(&row, att[i], &null[i]);

	if (!null[0] && !null[1] &&
		DatumGetDateADT(v[1]) < DatumGetDateADT(v[0]))
		why = gettext_noop("it ends before it was published");
	else if (!row.insert && !en_scanning() && !null[1] &&
			 en_row_changed(&row, att[1]) &&
			 DatumGetDateADT(v[1]) < GetSQLCurrentDate())
		why = gettext_noop("an end recorded later is dated before today");
	else if (n == 3)
	{
		if (!null[2] && (DatumGetInt32(v[2]) < 1 || DatumGetInt32(v[2]) > 20))
			why = gettext_noop("its look-back is not from 1 to 20 years");
	}
	else if (strcmp(row.info->name, "discretion_benchmarks") == 0)
	{
		Numeric		zero = int64_to_numeric(0);

		if ((!null[2] && !en_numeric_finite(DatumGetNumeric(v[2]))) ||
			(!null[3] && !en_numeric_finite(DatumGetNumeric(v[3]))))
			why = gettext_noop("a bound is not a finite number");
		else if ((!null[2] && en_numeric_cmp(DatumGetNumeric(v[2]), zero) < 0) ||
			(!null[3] && en_numeric_cmp(DatumGetNumeric(v[3]), zero) < 0))
			why = gettext_noop("a bound is negative");
		else if (!null[2] && !null[3] &&
				 en_numeric_cmp(DatumGetNumeric(v[2]), DatumGetNumeric(v[3])) > 0)
			why = gettext_noop("its lower bound is above its upper bound");
	}
	else
	{
		if (!null[2] && (!en_numeric_finite(DatumGetNumeric(v[2])) ||
						 en_numeric_cmp(DatumGetNumeric(v[2]),
										int64_to_numeric(0)) < 0))
			why = gettext_noop("its fine threshold is negative or not a finite number");
		else if (!null[3])
		{
			static const char *const kinds[] = {
				"no_penalty", "warning", "fine", "confiscation",
				"suspend_license", "revoke_license", "order_closure",
				"restrict_practice", "lower_qualification"
			};
			Datum	   *elems;
			bool	   *nulls;
			int			nk;

			deconstruct_array(DatumGetArrayTypeP(v[3]), TEXTOID, -1, false,
							  TYPALIGN_INT, &elems, &nulls, &nk);
			for (int i = 0; i < nk && why == NULL; i++)
			{
				bool		known = false;

				if (!nulls[i])
				{
					char	   *kind = TextDatumGetCString(elems[i]);

					for (size_t k = 0; k < lengthof(kinds); k++)
						known |= strcmp(kind, kinds[k]) == 0;
				}
				if (!known)
					why = gettext_noop("it lists a decision kind that does not exist");
			}
		}
	}
	if (why != NULL)
		VERDICT(&row, EN_R_LIST_ENTRY, id_arg(&row),
				en_arg(row.info->name), en_arg_why(why));
	return en_row_end(&row);
}

/*
 * EN303: why a reviewer may not review a case on a day, or NULL: a
 * designated reviewer (legal_reviewer) with 法律职业资格 of the case's
 * agency, not departed, and not a handler of the case.  With lock the
 * officer's row is locked FOR SHARE, so that losing the designation waits
 * for the decision that relies on it, or is seen by it.
 */
const char *
en_reviewer_why(Snapshot snapshot, int64 reviewer_id, const EnCase *c,
				DateADT day, bool lock)
{
	EnProbe		probe;
	EnKey		keys[] = {EN_EQ(1, Int64GetDatum(reviewer_id))};
	const char *why = NULL;
	bool		isnull;

	en_probe_open(&probe, &officers_pkey, snapshot, lock);
	en_probe_keys(&probe, lengthof(keys), keys);
	if (!en_probe_next(&probe) ||
		(lock && en_probe_lock(&probe, LockTupleShare) != EN_LOCKED) ||
		en_probe_int64(&probe, 0, &isnull) != c->agency_id || isnull)
		why = gettext_noop("is not an officer of the case's agency");
	else
	{
		DateADT		left = probed_date(&probe, 1, &isnull);

		if (!isnull && left <= day)
			why = gettext_noop("had left by then");
		else if (!en_probe_bool(&probe, 2))
			why = gettext_noop("has no legal professional qualification (法律职业资格)");
		else if (!en_probe_bool(&probe, 3))
			why = gettext_noop("is not a designated legal reviewer");
		else if (en_id_list_has(&c->handlers, reviewer_id))
			why = gettext_noop("is a handler of the case");
	}
	en_probe_close(&probe);
	return why;
}

/*
 * BEFORE INSERT OR UPDATE on legal_reviews (CASE-2): a qualified reviewer
 * (EN303), dates and result in agreement (EN207); fixed once concluded
 * (EN309).
 */
Datum
en_legal_reviews_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {
		"case_id", "reviewer_id", "submitted_on", "concluded_on", "result"
	};
	EnRow		row;
	const AttrNumber *att;
	bool		null[5];
	Datum		v[5];
	EnCase		c;
	const char *why = NULL;

	en_row_begin(fcinfo, "legal_reviews_check", &row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	if (!row.insert)
	{
		bool		was_null;

		(void) en_row_old(&row, att[3], &was_null);
		row.closed = !was_null;
	}
	en_row_scope(&row);
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	for (int i = 0; i < 5; i++)
		v[i] = en_row_get(&row, att[i], &null[i]);
	if (null[0] || null[1] || null[2] ||
		!en_case_read(en_row_snapshot(&row), DatumGetInt64(v[0]), false, &c))
		return en_row_end(&row);
	if (row.insert)
	{
		const char *reviewer = en_reviewer_why(en_row_snapshot(&row),
											   DatumGetInt64(v[1]), &c,
											   DatumGetDateADT(v[2]),
											   en_may_lock());

		if (reviewer != NULL)
			VERDICT(&row, EN_R_REVIEWER, en_arg_int8(DatumGetInt64(v[1])),
					en_arg_why(reviewer), en_arg_int8(c.id));
		if (en_verdicts_done(&row.verdicts))
			return en_row_end(&row);
	}
	if (DatumGetDateADT(v[2]) < c.opened_on)
		why = gettext_noop("it was submitted before the case was opened");
	else if (null[3] != null[4])
		why = gettext_noop("concluded_on and result are given together");
	else if (!null[3] && DatumGetDateADT(v[3]) < DatumGetDateADT(v[2]))
		why = gettext_noop("it was concluded before it was submitted");
	if (why != NULL)
		VERDICT(&row, EN_R_REVIEW_CONSISTENT, id_arg(&row),
				en_arg_int8(c.id), en_arg_why(why));
	return en_row_end(&row);
}

/* A numeric for a detail. */
static EnArg
numeric_arg(Numeric n)
{
	return en_arg(DatumGetCString(DirectFunctionCall1(numeric_out,
													  NumericGetDatum(n))));
}

/*
 * BEFORE INSERT OR UPDATE on payments (CASE-9, EN308): collected apart
 * from the agency, on site only within the limit or with its reason, and
 * never beyond twice the fine.  The decision's row is locked FOR NO KEY
 * UPDATE, so that the payments of one decision are summed one after the
 * other, and they are read under the latest snapshot.
 */
Datum
en_payments_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {
		"decision_id", "amount", "paid_on", "collector", "onsite_reason"
	};
	EnRow		row;
	const AttrNumber *att;
	bool		null[5];
	Datum		v[5];
	EnProbe		probe;
	bool		found;
	Numeric		fine = NULL;
	DateADT		decided_on = 0;
	Numeric		amount;
	Numeric		paid;
	const char *why = NULL;

	en_row_begin(fcinfo, "payments_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	if (!row.judged || !row.insert || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	for (int i = 0; i < 5; i++)
		v[i] = en_row_get(&row, att[i], &null[i]);
	if (null[0] || null[1] || null[2] || null[3])
		return en_row_end(&row);
	amount = DatumGetNumeric(v[1]);
	{
		EnKey		keys[] = {EN_EQ(1, v[0])};

		en_probe_open(&probe, &decisions_pkey, en_row_snapshot(&row),
					  en_may_lock());
		en_probe_keys(&probe, lengthof(keys), keys);
		found = en_probe_next(&probe) &&
			en_probe_lock(&probe, LockTupleNoKeyExclusive) == EN_LOCKED;
		if (found)
		{
			bool		isnull;
			Datum		d = en_probe_get(&probe, 0, &isnull);

			fine = isnull ? int64_to_numeric(0) : DatumGetNumericCopy(d);
			decided_on = probed_date(&probe, 1, &isnull);
		}
		en_probe_close(&probe);
	}
	if (!found)
		return en_row_end(&row);

	/* EN207 */
	if (!en_numeric_finite(amount) ||
		en_numeric_cmp(amount, int64_to_numeric(0)) <= 0)
		why = gettext_noop("its amount is not a positive number");
	else if (DatumGetDateADT(v[2]) < decided_on)
		why = gettext_noop("it was paid before the decision");
	if (why != NULL)
	{
		VERDICT(&row, EN_R_PAYMENT_CONSISTENT, id_arg(&row),
				en_arg_int8(DatumGetInt64(v[0])), en_arg_why(why));
		return en_row_end(&row);
	}

	/*
	 * EN308: on site only a fine within the limit (处罚法 Art 68), or with
	 * the reason it could not be paid later (Art 69); payments split into
	 * small ones do not make a larger fine one to collect on site.
	 */
	if (strcmp(TextDatumGetCString(v[3]), "onsite") == 0)
	{
		Numeric		limit = en_setting(en_row_snapshot(&row),
									   "onsite_collection_limit", 100);

		if ((en_numeric_cmp(amount, limit) > 0 ||
			 en_numeric_cmp(fine, limit) > 0) &&
			(null[4] || en_blank_cstring(TextDatumGetCString(v[4]))))
			VERDICT(&row, EN_R_ONSITE, numeric_arg(amount),
					en_arg_int8(DatumGetInt64(v[0])), numeric_arg(limit));
		if (en_verdicts_done(&row.verdicts))
			return en_row_end(&row);
	}

	/* EN308: never beyond twice the fine */
	paid = amount;
	{
		EnKey		keys[] = {EN_EQ(1, v[0])};

		if (en_may_lock())
			en_probe_open_latest(&probe, &payments_decision);
		else
			en_probe_open(&probe, &payments_decision, en_row_snapshot(&row),
						  false);
		en_probe_keys(&probe, lengthof(keys), keys);
		while (en_probe_next(&probe))
		{
			bool		isnull;
			int64		id = en_probe_int64(&probe, 0, &isnull);
			Datum		d = en_probe_get(&probe, 1, &isnull);

			/* the scan judges a payment against those recorded before it */
			if (isnull || (en_scanning() && row.has_id && id >= row.id))
				continue;
			paid = numeric_add_opt_error(paid, DatumGetNumeric(d), NULL);
		}
		en_probe_close(&probe);
	}
	if (en_numeric_cmp(paid, numeric_add_opt_error(fine, fine, NULL)) > 0)
		VERDICT(&row, EN_R_OVERPAID, en_arg_int8(DatumGetInt64(v[0])),
				numeric_arg(fine), numeric_arg(paid));
	return en_row_end(&row);
}
