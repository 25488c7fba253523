/*-------------------------------------------------------------------------
 *
 * taint.c
 *	  Late facts: accepted, and the acts they show to be unlawful listed.
 *
 * A rule judges an act against dated facts.  A fact recorded later can be
 * dated before acts already recorded: a suspension, a revocation or a
 * departure dated back, a conflict of interest declared from an earlier
 * day.  Such a fact is accepted (the truth must be recordable, and an
 * officer can always be suspended, revoked or recorded as departed), and
 * nothing it shows to be unlawful is swallowed: each inspection it taints
 * gets a row in enforcement.violations and a WARNING to the writer, with
 * the rule's SQLSTATE, in every mode; the compliance scan (scan.c) lists
 * it for as long as the facts stand (docs/rules.md).
 *
 * Certificates keep every status they had, with its day
 * (certificate_statuses), written here after each insert and status
 * change, so that OFF-2 is judged on the status a certificate had on the
 * day (facts.c), not on its status now.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "facts.h"
#include "lookup.h"
#include "mode.h"
#include "probe.h"
#include "relinfo.h"
#include "report.h"
#include "row.h"
#include "taint.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

PG_FUNCTION_INFO_V1(en_certificates_history);
PG_FUNCTION_INFO_V1(en_conflicts_taint);

/*
 * Set while the departure of an officer revokes its certificates: the
 * departure lists the inspections it taints itself, once.
 */
bool		en_taint_quiet = false;

/*
 * Lists one tainted act (report.c, en_list()): a row of
 * enforcement.violations and a WARNING, in every mode, since the fact that
 * taints it is accepted.
 */
static void
report_tainted(const char *table, EnRuleId rule, int64 act_id,
			   const EnArg *args, int nargs)
{
	EnVerdicts	v;

	en_verdicts_init(&v, NULL, table, false);
	en_verdict(&v, rule, &act_id, args, nargs);
	en_list(&v);
}

/* The acts of an officer, by kind: the query of each, and its rules. */
typedef struct TaintedKind
{
	const char *table;
	EnQuery    *query;
	EnRuleId	certified;		/* OFF-2 later */
	EnRuleId	recusal;		/* OFF-6 later */
} TaintedKind;

/*
 * Runs a query of acts, (id, day) by the day, and keeps them in the
 * caller's memory.
 */
static uint64
acts_of(EnQuery *query, Datum *args, int64 **ids, DateADT **days)
{
	EnLookup	lk;
	uint64		n;

	en_lookup_begin(&lk);
	n = en_run(&lk, query, args, NULL, 0, EN_LATEST);
	*ids = palloc(sizeof(int64) * Max(n, 1));
	*days = palloc(sizeof(DateADT) * Max(n, 1));
	for (uint64 i = 0; i < n; i++)
	{
		bool		isnull;

		(*ids)[i] = en_result_int64(&lk, i, 1, &isnull);
		(*days)[i] = DatumGetDateADT(en_result(&lk, i, 2, &isnull));
	}
	en_lookup_end(&lk);
	return n;
}

/*
 * OFF-2: the inspections of an officer, and the cases he handles, from a
 * day on that are not lawful any more as the facts now stand (a status or
 * a departure recorded late), each listed.
 */
void
en_taint_officer(int64 officer_id, int64 agency_id, DateADT from)
{
	EN_QUERY(inspections, "SELECT i.id, i.inspected_on FROM ONLY enforcement.inspections i "
		"WHERE i.officer_ids OPERATOR(pg_catalog.@>) ARRAY[$1]::pg_catalog.int8[] "
		"AND i.agency_id OPERATOR(pg_catalog.=) $2 "
		"AND i.inspected_on OPERATOR(pg_catalog.>=) $3 "
		"ORDER BY i.inspected_on, i.id",
		INT8OID, INT8OID, DATEOID);
	EN_QUERY(cases, "SELECT c.id, c.opened_on FROM ONLY enforcement.cases c "
		"WHERE c.handler_ids OPERATOR(pg_catalog.@>) ARRAY[$1]::pg_catalog.int8[] "
		"AND c.agency_id OPERATOR(pg_catalog.=) $2 "
		"AND c.opened_on OPERATOR(pg_catalog.>=) $3 "
		"ORDER BY c.opened_on, c.id",
		INT8OID, INT8OID, DATEOID);
	const TaintedKind kinds[] = {
		{"inspections", &inspections, EN_R_TAINT_CERTIFIED, EN_R_TAINT_RECUSAL},
		{"cases", &cases, EN_R_TAINT_CASE_CERTIFIED, EN_R_TAINT_CASE_RECUSAL}
	};
	Datum		args[3];

	args[0] = Int64GetDatum(officer_id);
	args[1] = Int64GetDatum(agency_id);
	args[2] = DateADTGetDatum(from);
	for (size_t k = 0; k < lengthof(kinds); k++)
	{
		int64	   *ids;
		DateADT    *days;
		uint64		n = acts_of(kinds[k].query, args, &ids, &days);
		Snapshot	snapshot;

		if (n == 0)
			continue;
		CommandCounterIncrement();
		snapshot = RegisterSnapshot(GetLatestSnapshot());
		for (uint64 i = 0; i < n; i++)
		{
			EnOfficerStatus status = en_officer_status(snapshot, officer_id,
													   agency_id, days[i],
													   false);

			CHECK_FOR_INTERRUPTS();
			if (status == EN_OFFICER_CERTIFIED)
				continue;
			report_tainted(kinds[k].table, kinds[k].certified, ids[i],
						   (const EnArg[]) {
							   en_arg_int8(ids[i]), en_arg_date(days[i]),
							   en_arg_int8(officer_id),
							   en_arg_why(en_officer_why(status))
						   }, 4);
		}
		UnregisterSnapshot(snapshot);
	}
}

/*
 * AFTER INSERT OR UPDATE OF status, status_since on certificates: each
 * status is kept with its day; a status other than active lists the
 * inspections it taints.
 */
Datum
en_certificates_history(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {
		"id", "officer_id", "agency_id", "status", "status_since",
		"status_reason"
	};
	EN_QUERY(keep, "INSERT INTO enforcement.certificate_statuses "
		"(certificate_id, status, since, reason) VALUES ($1, $2, $3, $4)",
		INT8OID, TEXTOID, DATEOID, TEXTOID);
	TriggerData *trigdata = en_after_row(fcinfo, "certificates_history", true, true);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	bool		update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	HeapTuple	tuple = update ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	const AttrNumber *att;
	Datum		v[6];
	bool		isnull[6];
	EnLookup	lk;

	att = en_relinfo_columns(en_relinfo(rel), rel, columns, lengthof(columns));
	for (int i = 0; i < 6; i++)
		v[i] = heap_getattr(tuple, att[i], desc, &isnull[i]);
	if (en_restoring(rel) || isnull[0] || isnull[3] || isnull[4])
		return PointerGetDatum(NULL);
	if (update)
	{
		bool		old_null;
		Datum		old_status = heap_getattr(trigdata->tg_trigtuple, att[3],
											  desc, &old_null);
		Datum		old_since = heap_getattr(trigdata->tg_trigtuple, att[4],
											 desc, &old_null);

		if (strcmp(TextDatumGetCString(old_status),
				   TextDatumGetCString(v[3])) == 0 &&
			DatumGetDateADT(old_since) == DatumGetDateADT(v[4]))
			return PointerGetDatum(NULL);
	}
	{
		Datum		args[4] = {v[0], v[3], v[4], v[5]};
		bool		nulls[4] = {false, false, false, isnull[5]};

		en_lookup_begin(&lk);
		en_run(&lk, &keep, args, nulls, 0, 0);
		en_lookup_end(&lk);
	}
	if (!en_taint_quiet && !creating_extension && !isnull[1] && !isnull[2] &&
		strcmp(TextDatumGetCString(v[3]), "active") != 0)
		en_taint_officer(DatumGetInt64(v[1]), DatumGetInt64(v[2]),
						 DatumGetDateADT(v[4]));
	return PointerGetDatum(NULL);
}

/*
 * AFTER INSERT on conflicts (OFF-6): a conflict declared from a day before
 * inspections of the enterprise the officer already made lists them.
 */
Datum
en_conflicts_taint(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {
		"officer_id", "enterprise_id", "declared_on", "agency_id"
	};
	EN_QUERY(lock_officer, "SELECT 1 FROM ONLY enforcement.officers o "
		"WHERE o.id OPERATOR(pg_catalog.=) $1 FOR NO KEY UPDATE",
		INT8OID);
	EN_QUERY(inspections, "SELECT i.id, i.inspected_on FROM ONLY enforcement.inspections i "
		"WHERE i.enterprise_id OPERATOR(pg_catalog.=) $2 "
		"AND i.officer_ids OPERATOR(pg_catalog.@>) ARRAY[$1]::pg_catalog.int8[] "
		"AND i.agency_id OPERATOR(pg_catalog.=) $4 "
		"AND i.inspected_on OPERATOR(pg_catalog.>=) $3 "
		"ORDER BY i.inspected_on, i.id",
		INT8OID, INT8OID, DATEOID, INT8OID);
	EN_QUERY(cases, "SELECT c.id, c.opened_on FROM ONLY enforcement.cases c "
		"WHERE c.enterprise_id OPERATOR(pg_catalog.=) $2 "
		"AND c.handler_ids OPERATOR(pg_catalog.@>) ARRAY[$1]::pg_catalog.int8[] "
		"AND c.agency_id OPERATOR(pg_catalog.=) $4 "
		"AND c.opened_on OPERATOR(pg_catalog.>=) $3 "
		"ORDER BY c.opened_on, c.id",
		INT8OID, INT8OID, DATEOID, INT8OID);
	const TaintedKind kinds[] = {
		{"inspections", &inspections, EN_R_TAINT_CERTIFIED, EN_R_TAINT_RECUSAL},
		{"cases", &cases, EN_R_TAINT_CASE_CERTIFIED, EN_R_TAINT_CASE_RECUSAL}
	};
	TriggerData *trigdata = en_after_row(fcinfo, "conflicts_taint", true, true);
	Relation	rel = trigdata->tg_relation;
	const AttrNumber *att;
	Datum		v[4];
	bool		isnull[4];

	att = en_relinfo_columns(en_relinfo(rel), rel, columns, lengthof(columns));
	for (int i = 0; i < 4; i++)
	{
		v[i] = heap_getattr(trigdata->tg_trigtuple, att[i],
							RelationGetDescr(rel), &isnull[i]);
		if (isnull[i])
			return PointerGetDatum(NULL);
	}
	if (en_restoring(rel) || creating_extension)
		return PointerGetDatum(NULL);

	/*
	 * An act being recorded holds its officers FOR SHARE: waiting for it
	 * here lets the queries below see it, and an act that comes after
	 * waits for this conflict and then sees it (facts.c,
	 * en_first_conflict()).
	 */
	{
		EnLookup	lk;

		en_lookup_begin(&lk);
		en_run(&lk, &lock_officer, v, NULL, 0, 0);
		en_lookup_end(&lk);
	}
	for (size_t k = 0; k < lengthof(kinds); k++)
	{
		int64	   *ids;
		DateADT    *days;
		uint64		n = acts_of(kinds[k].query, v, &ids, &days);

		for (uint64 i = 0; i < n; i++)
			report_tainted(kinds[k].table, kinds[k].recusal, ids[i],
						   (const EnArg[]) {
							   en_arg_int8(ids[i]), en_arg_date(days[i]),
							   en_arg_int8(DatumGetInt64(v[0])),
							   en_arg_int8(DatumGetInt64(v[1])),
							   en_arg_date(DatumGetDateADT(v[2]))
						   }, 5);
	}
	return PointerGetDatum(NULL);
}
