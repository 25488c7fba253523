/*-------------------------------------------------------------------------
 *
 * accountability.c
 *	  Reverse investigations and sanctions (ACC-1, ACC-2), and the
 *	  registration of social supervisors (SUP-2).
 *
 * An outcome of reconsideration or litigation (review_outcomes) is dated
 * on or after the decision it reviews.  One that revokes or alters the
 * decision, confirms it unlawful or orders it performed opens, in the same
 * transaction, a reverse investigation (责任倒查, directive VI.18) of the
 * case's handlers and of the legal reviewers who approved it, due
 * accountability_due_days after the outcome.  Only the extension opens
 * one; a writer concludes it, once, with its finding and its day.  The
 * compliance scan lists a reversal without its investigation (a restore
 * brings rows without their triggers).
 *
 * A sanction of an officer (officer_sanctions) of suspend or revoke
 * suspends or revokes the officer's live certificate in the same
 * transaction, by an UPDATE of the certificate, so that the certificate's
 * own rules judge it as they judge a manual change.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "lookup.h"
#include "mode.h"
#include "probe.h"
#include "registry.h"
#include "row.h"
#include "scan.h"
#include "text.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"

PG_FUNCTION_INFO_V1(en_supervisors_check);
PG_FUNCTION_INFO_V1(en_review_outcomes_check);
PG_FUNCTION_INFO_V1(en_review_outcomes_apply);
PG_FUNCTION_INFO_V1(en_accountability_reviews_check);
PG_FUNCTION_INFO_V1(en_officer_sanctions_check);
PG_FUNCTION_INFO_V1(en_officer_sanctions_apply);

/* Set while the extension opens a reverse investigation. */
static int	opening = 0;

static const char *const decision_columns[] = {"decided_on"};
static EnIndex decisions_pkey =
EN_INDEX("decisions", "decisions_pkey", decision_columns);

static const char *const opened_columns[] = {"id"};
static EnIndex accountability_outcome =
EN_INDEX("accountability_reviews", "accountability_reviews_outcome",
		 opened_columns);

/* The results that reverse a decision and open a reverse investigation. */
static bool
reverses(const char *result)
{
	return result != NULL &&
		(strcmp(result, "revoked") == 0 || strcmp(result, "altered") == 0 ||
		 strcmp(result, "confirmed_unlawful") == 0 ||
		 strcmp(result, "ordered_to_perform") == 0);
}

static DateADT
row_date(EnRow *row, AttrNumber att, bool *isnull)
{
	Datum		d = en_row_get(row, att, isnull);

	return *isnull ? 0 : DatumGetDateADT(d);
}

/*
 * BEFORE INSERT OR UPDATE on supervisors (SUP-2): the login role exists;
 * an enterprise commissioner names the enterprise; a term ends on or after
 * the appointment.
 */
Datum
en_supervisors_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"kind", "enterprise_id",
	"appointed_on", "term_ends_on", "role_name"};
	EnRow		row;
	const AttrNumber *att;
	char	   *kind;
	char	   *role;
	bool		enterprise_null,
				from_null,
				to_null;
	DateADT		from,
				to;
	const char *why = NULL;

	en_row_begin(fcinfo, "supervisors_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	role = en_row_text(&row, att[4]);
	if (role != NULL && !OidIsValid(get_role_oid(role, true)) &&
		!en_scanning() && (row.insert || en_row_changed(&row, att[4])))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("role \"%s\" does not exist", role),
				 errhint("Create the supervisor's login role, grant it enforcement_observer, then link it here.")));
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	kind = en_row_text(&row, att[0]);
	(void) en_row_get(&row, att[1], &enterprise_null);
	from = row_date(&row, att[2], &from_null);
	to = row_date(&row, att[3], &to_null);
	if (kind != NULL && strcmp(kind, "enterprise_commissioner") == 0 &&
		enterprise_null)
		why = gettext_noop("an enterprise commissioner names the enterprise");
	else if (!from_null && !to_null && to < from)
		why = gettext_noop("the term ends before the appointment");
	if (why != NULL)
		EN_VERDICT(&row.verdicts, EN_R_SUPERVISOR_CONSISTENT, en_row_id(&row),
				   row.has_id ? en_arg_int8(row.id) : en_arg_null(),
				   en_arg_why(why));
	return en_row_end(&row);
}

/*
 * BEFORE INSERT on review_outcomes: dated on or after the decision, which
 * is locked FOR KEY SHARE; in the scan, a reversal has its reverse
 * investigation (ACC-1).
 */
Datum
en_review_outcomes_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"decision_id", "result",
	"decided_on"};
	EnRow		row;
	const AttrNumber *att;
	bool		decision_null,
				day_null;
	Datum		decision;
	DateADT		day;
	char	   *result;

	en_row_begin(fcinfo, "review_outcomes_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	if (!row.judged || !row.insert || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	decision = en_row_get(&row, att[0], &decision_null);
	day = row_date(&row, att[2], &day_null);
	result = en_row_text(&row, att[1]);
	if (decision_null || day_null)
		return en_row_end(&row);
	{
		EnProbe		probe;
		EnKey		keys[] = {EN_EQ(1, decision)};
		bool		isnull = true;
		DateADT		decided = 0;

		en_probe_open(&probe, &decisions_pkey, en_row_snapshot(&row),
					  en_may_lock());
		en_probe_keys(&probe, lengthof(keys), keys);
		if (en_probe_next(&probe) &&
			en_probe_lock(&probe, LockTupleKeyShare) == EN_LOCKED)
		{
			Datum		d = en_probe_get(&probe, 0, &isnull);

			decided = isnull ? 0 : DatumGetDateADT(d);
		}
		en_probe_close(&probe);
		if (!isnull && day < decided)
			EN_VERDICT(&row.verdicts, EN_R_OUTCOME_DATED, en_row_id(&row),
					   en_arg_int8(DatumGetInt64(decision)), en_arg_date(day),
					   en_arg_date(decided));
	}
	if (en_scanning() && row.has_id && reverses(result) &&
		!en_verdicts_done(&row.verdicts))
	{
		EnProbe		probe;
		EnKey		keys[] = {EN_EQ(1, Int64GetDatum(row.id))};
		bool		opened;

		en_probe_open(&probe, &accountability_outcome, en_row_snapshot(&row),
					  false);
		en_probe_keys(&probe, lengthof(keys), keys);
		opened = en_probe_next(&probe);
		en_probe_close(&probe);
		if (!opened)
			EN_VERDICT(&row.verdicts, EN_R_ACC_OPENED, en_row_id(&row),
					   en_arg_int8(row.id), en_arg(result),
					   en_arg_int8(DatumGetInt64(decision)));
	}
	return en_row_end(&row);
}

/*
 * AFTER INSERT on review_outcomes (ACC-1): a reversal opens the reverse
 * investigation of the case's handlers and of the reviewers who approved
 * it, due accountability_due_days (settings) after the outcome.
 */
Datum
en_review_outcomes_apply(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"id", "decision_id", "result",
	"decided_on"};
	EN_QUERY(open_review, "INSERT INTO enforcement.accountability_reviews "
		"(case_id, review_outcome_id, officer_ids, opened_on, due_on) "
		"SELECT d.case_id, $1, "
		"ARRAY(SELECT DISTINCT o.id FROM pg_catalog.unnest(c.handler_ids "
		"OPERATOR(pg_catalog.||) ARRAY(SELECT r.reviewer_id "
		"FROM enforcement.legal_reviews r "
		"WHERE r.case_id OPERATOR(pg_catalog.=) d.case_id "
		"AND r.result OPERATOR(pg_catalog.=) 'approved')) o(id) "
		"WHERE o.id IS NOT NULL ORDER BY o.id), "
		"$3, $3 OPERATOR(pg_catalog.+) coalesce((SELECT pg_catalog.int4(s.value) "
		"FROM enforcement.settings s "
		"WHERE s.name OPERATOR(pg_catalog.=) 'accountability_due_days'), 30) "
		"FROM enforcement.decisions d "
		"JOIN enforcement.cases c ON c.id OPERATOR(pg_catalog.=) d.case_id "
		"WHERE d.id OPERATOR(pg_catalog.=) $2",
		INT8OID, INT8OID, DATEOID);
	TriggerData *trigdata = en_after_row(fcinfo, "review_outcomes_apply",
										 true, false);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	const AttrNumber *att;
	Datum		v[4];
	bool		isnull[4];
	EnLookup	lk;

	att = en_relinfo_columns(en_relinfo(rel), rel, columns, lengthof(columns));
	for (int i = 0; i < 4; i++)
		v[i] = heap_getattr(trigdata->tg_trigtuple, att[i], desc, &isnull[i]);
	/* a restore brings the investigations with the outcomes */
	if (isnull[0] || isnull[1] || isnull[2] || isnull[3] || en_restoring(rel) ||
		!reverses(TextDatumGetCString(v[2])))
		return PointerGetDatum(NULL);
	{
		Datum		args[3] = {v[0], v[1], v[3]};

		opening++;
		PG_TRY();
		{
			en_lookup_begin(&lk);
			en_run(&lk, &open_review, args, NULL, 0, 0);
			en_lookup_end(&lk);
		}
		PG_FINALLY();
		{
			opening--;
		}
		PG_END_TRY();
	}
	return PointerGetDatum(NULL);
}

/*
 * BEFORE INSERT OR UPDATE on accountability_reviews (ACC-1): opened only
 * by a reversal; concluded once, with its finding, on or after the day it
 * was opened; a concluded one does not change.
 */
Datum
en_accountability_reviews_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"case_id", "status", "finding",
	"concluded_on", "opened_on"};
	EnRow		row;
	const AttrNumber *att;
	char	   *status;
	char	   *finding;
	bool		concluded_null,
				opened_null;
	DateADT		concluded,
				opened;
	const char *why = NULL;

	en_row_begin(fcinfo, "accountability_reviews_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);
	if (row.insert && opening == 0 && !en_scanning() &&
		!en_restoring(row.rel))
	{
		bool		isnull;
		Datum		case_id = en_row_get(&row, att[0], &isnull);

		EN_VERDICT(&row.verdicts, EN_R_ACC_BY_OUTCOME, en_row_id(&row),
				   isnull ? en_arg_null() : en_arg_int8(DatumGetInt64(case_id)));
		return en_row_end(&row);
	}
	status = en_row_text(&row, att[1]);
	finding = en_row_text(&row, att[2]);
	concluded = row_date(&row, att[3], &concluded_null);
	opened = row_date(&row, att[4], &opened_null);
	if (!row.insert)
	{
		bool		old_null;
		Datum		old = en_row_old(&row, att[1], &old_null);

		if (!old_null && strcmp(TextDatumGetCString(old), "concluded") == 0 &&
			(en_row_changed(&row, att[1]) || en_row_changed(&row, att[2])))
			why = gettext_noop("it is concluded, and does not change");
	}
	if (why == NULL && status != NULL)
	{
		bool		concluding = strcmp(status, "concluded") == 0;

		if (concluding && (finding == NULL || en_blank_cstring(finding)))
			why = gettext_noop("a concluded one has its finding");
		else if (concluding && concluded_null)
			why = gettext_noop("a concluded one has concluded_on");
		else if (!concluding && !concluded_null)
			why = gettext_noop("concluded_on is set with status concluded");
		else if (!concluded_null && !opened_null && concluded < opened)
			why = gettext_noop("it is concluded before it was opened");
	}
	if (why != NULL)
		EN_VERDICT(&row.verdicts, EN_R_ACC_CONCLUDED, en_row_id(&row),
				   row.has_id ? en_arg_int8(row.id) : en_arg_null(),
				   en_arg_why(why));
	return en_row_end(&row);
}

/* BEFORE INSERT on officer_sanctions: the frame's rules only. */
Datum
en_officer_sanctions_check(PG_FUNCTION_ARGS)
{
	EnRow		row;

	en_row_begin(fcinfo, "officer_sanctions_check", &row);
	en_row_scope(&row);
	return en_row_end(&row);
}

/*
 * AFTER INSERT on officer_sanctions (ACC-2): suspend suspends the
 * officer's active certificate, revoke revokes the unrevoked one, from
 * the day of the sanction, through the certificate's own check.
 */
Datum
en_officer_sanctions_apply(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"officer_id", "decided_on",
	"sanction", "reason"};
	TriggerData *trigdata = en_after_row(fcinfo, "officer_sanctions_apply",
										 true, false);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	const AttrNumber *att;
	Datum		v[4];
	bool		isnull[4];
	const char *sanction;
	bool		revoke;
	uint64		changed;

	att = en_relinfo_columns(en_relinfo(rel), rel, columns, lengthof(columns));
	for (int i = 0; i < 4; i++)
		v[i] = heap_getattr(trigdata->tg_trigtuple, att[i], desc, &isnull[i]);
	if (isnull[0] || isnull[1] || isnull[2] || en_restoring(rel))
		return PointerGetDatum(NULL);
	sanction = TextDatumGetCString(v[2]);
	if (strcmp(sanction, "suspend") != 0 && strcmp(sanction, "revoke") != 0)
		return PointerGetDatum(NULL);
	revoke = strcmp(sanction, "revoke") == 0;
	changed = en_certificates_withdraw(DatumGetInt64(v[0]), v[1],
									   psprintf("sanction (ACC-2): %s",
												isnull[3] ? "" : TextDatumGetCString(v[3])),
									   revoke, false);
	if (changed > 0 && !revoke)
		ereport(NOTICE,
				(errmsg("suspended the certificate of officer %lld (ACC-2)",
						(long long) DatumGetInt64(v[0]))));
	else if (changed > 0)
		ereport(NOTICE,
				(errmsg("revoked the certificate of officer %lld (ACC-2)",
						(long long) DatumGetInt64(v[0]))));
	return PointerGetDatum(NULL);
}
