/*-------------------------------------------------------------------------
 *
 * report.c
 *	  Verdicts, and the one step that settles them.
 *
 * A check does not raise.  It appends a verdict: the entry of the rules
 * table it broke (rules.h), the row, and the values of the entry's
 * detail.  When every check of a row has run, en_settle() decides:
 *
 *	- in enforce mode, the first verdict is the ERROR;
 *	- in warn mode, every verdict is a WARNING with its own SQLSTATE and a
 *	  row of enforcement.violations, and the write goes on; the WARNING
 *	  says the row was let through in warn mode (let_through());
 *	- a restored row (mode.c) is not judged, so it has no verdicts; should
 *	  one come, a rule's verdict is a WARNING and nothing is recorded (the
 *	  restore appends nothing);
 *	- a STRICT entry, or any verdict on a table declared strict, is an
 *	  ERROR in every mode, and a REMOVAL entry during a restore too.
 *
 * Effects of a trigger (filling a column, revoking certificates) run only
 * after the settling, so that nothing is done for a refused row.  In
 * enforce mode a check may stop at the first verdict (en_verdicts_done()),
 * since only that one is reported.
 *
 * The detail is formatted here, from strings only, once in English for
 * the record and once in the session's language for the client.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "mode.h"
#include "report.h"
#include "scan.h"
#include "violations.h"

#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/rel.h"

/* A value shown as it is. */
EnArg
en_arg(const char *text)
{
	EnArg		a = {text, false};

	return a;
}

/* A phrase of the rules' own (gettext_noop), translated for the client. */
EnArg
en_arg_why(const char *phrase)
{
	EnArg		a = {phrase, true};

	return a;
}

EnArg
en_arg_int8(int64 value)
{
	return en_arg(psprintf(INT64_FORMAT, value));
}

/* A date as the session shows dates; infinity as such. */
EnArg
en_arg_date(DateADT value)
{
	return en_arg(DatumGetCString(DirectFunctionCall1(date_out,
													  DateADTGetDatum(value))));
}

EnArg
en_arg_null(void)
{
	return en_arg(NULL);
}

/*
 * Fills a detail format with the values: %s takes the next value, %N$s
 * the N-th, %% is a percent sign.  A value the format asks for but was not
 * given shows as "?"; with check, that is an error (the English format
 * is the project's own, so a mismatch is a bug to report, not to crash on).
 */
static char *
fill(const char *fmt, const EnArg *args, int nargs, bool translate,
	 bool check, const char *name)
{
	StringInfoData buf;
	int			next = 0;
	int			used = 0;

	initStringInfo(&buf);
	for (const char *p = fmt; *p; p++)
	{
		int			index = -1;
		const char *q;

		if (*p != '%')
		{
			appendStringInfoChar(&buf, *p);
			continue;
		}
		if (p[1] == '%')
		{
			appendStringInfoChar(&buf, '%');
			p++;
			continue;
		}
		if (p[1] == 's')
		{
			index = next++;
			p++;
		}
		else
		{
			int			n = 0;

			for (q = p + 1; *q >= '0' && *q <= '9' && n < 100; q++)
				n = n * 10 + (*q - '0');
			if (q > p + 1 && q[0] == '$' && q[1] == 's' && n >= 1)
			{
				index = n - 1;
				p = q + 1;
			}
		}
		if (index < 0)
		{
			appendStringInfoChar(&buf, '%');
			continue;
		}
		used = Max(used, index + 1);
		if (index >= nargs)
			appendStringInfoChar(&buf, '?');
		else if (args[index].text == NULL)
			appendStringInfoString(&buf, "NULL");
		else if (translate && args[index].translate)
			appendStringInfoString(&buf, dgettext(TEXTDOMAIN, args[index].text));
		else
			appendStringInfoString(&buf, args[index].text);
	}
	if (check && used != nargs)
		elog(ERROR, "rule \"%s\": its detail takes %d values, %d given",
			 name, used, nargs);
	return buf.data;
}

void
en_verdicts_init(EnVerdicts *v, Relation rel, const char *table_name,
				 bool strict)
{
	memset(v, 0, sizeof(EnVerdicts));
	v->rel = rel;
	v->table_name = table_name;
	v->strict = strict;
}

/* Appends a verdict: rule broken by the row (row_id may be NULL). */
void
en_verdict(EnVerdicts *v, EnRuleId rule, const int64 *row_id,
		   const EnArg *args, int nargs)
{
	const EnRule *r = en_rule(rule);
	EnVerdict  *item;

	if (v->n == v->max)
	{
		v->max = Max(4, v->max * 2);
		v->items = v->items ?
			repalloc(v->items, sizeof(EnVerdict) * v->max) :
			palloc(sizeof(EnVerdict) * v->max);
	}
	item = &v->items[v->n++];
	item->rule = rule;
	item->has_row = row_id != NULL;
	item->row_id = row_id ? *row_id : 0;
	item->detail = fill(r->detail, args, nargs, false, true, r->name);
	item->detail_local = fill(dgettext(TEXTDOMAIN, r->detail), args, nargs,
							  true, false, r->name);
}

/* Whether a verdict is an error, not a warning, in the current state. */
static bool
is_error(const EnVerdicts *v, const EnVerdict *item)
{
	EnRuleKind	kind = en_rule(item->rule)->kind;

	if (kind == EN_KIND_STRICT || v->strict)
		return true;
	if (en_restoring(v->rel))
		return kind != EN_KIND_RULE;
	return en_mode != EN_MODE_WARN;
}

/*
 * Whether what is settled is already decided: the first verdict will be
 * the error, so further checks need not run.
 */
bool
en_verdicts_done(const EnVerdicts *v)
{
	/* the compliance scan lists every rule a row breaks */
	return v->n > 0 && !en_scanning() && is_error(v, &v->items[0]);
}

/*
 * A rule's message, in the session's language, as a warning that the row
 * was let through in warn mode.  The rules' messages take one of three
 * shapes in each catalog: "<what> refused: <why>" (in Chinese
 * "拒绝<what>：<why>" or "<what>被拒绝：<why>"), or a statement of the rule
 * alone; the refusal is replaced by the letting through, the rest is kept.
 */
static char *
let_through(const char *message)
{
	static const char *const refusals[][2] = {
		{"", " refused: "},
		{"拒绝", "："},
		{"", "被拒绝："},
	};

	for (int i = 0; i < (int) lengthof(refusals); i++)
	{
		const char *before = refusals[i][0];
		const char *after = refusals[i][1];
		const char *what = message + strlen(before);
		const char *end;

		if (strncmp(message, before, strlen(before)) != 0)
			continue;
		end = strstr(what, after);
		if (end == NULL || end == what)
			continue;
		return psprintf(dgettext(TEXTDOMAIN, gettext_noop("%s let through in warn mode: %s")),
						pnstrdup(what, end - what), end + strlen(after));
	}
	return psprintf(dgettext(TEXTDOMAIN, gettext_noop("let through in warn mode: %s")),
					message);
}

/* Reports one verdict at a level. */
static void
emit(const EnVerdicts *v, const EnVerdict *item, int level, bool let)
{
	const EnRule *r = en_rule(item->rule);
	const char *message = dgettext(TEXTDOMAIN, r->message);

	if (let)
		message = let_through(message);
	ereport(level,
			(errcode(en_rule_sqlstate(r)),
			 errmsg_internal("%s", message),
			 errdetail_internal("%s", item->detail_local),
			 errhint("%s", dgettext(TEXTDOMAIN, r->hint)),
			 v->rel && r->column ? errtablecolname(v->rel, r->column) : 0,
			 v->rel ? errtableconstraint(v->rel, r->rule) : 0));
}

/*
 * Records each verdict in enforcement.violations (with record) and warns
 * of it (as let through, with let); the verdicts are then settled.
 */
static void
record_and_warn(EnVerdicts *v, bool record, bool let)
{
	const char *user = NULL;

	for (int i = 0; i < v->n; i++)
	{
		EnVerdict  *item = &v->items[i];
		const EnRule *r = en_rule(item->rule);

		if (record)
		{
			/* the acting role, not the owner that look-ups run as */
			if (user == NULL)
				user = GetUserNameFromId(GetOuterUserId(), false);
			en_violation_insert(r->code, r->rule, r->message, item->detail,
								r->hint, v->table_name,
								item->has_row ? &item->row_id : NULL, user);
		}
		emit(v, item, WARNING, let);
	}
	v->n = 0;
}

/*
 * Settles the verdicts: raises the first that is an error, or else warns
 * of each (and in warn mode records it).
 */
void
en_settle(EnVerdicts *v)
{
	bool		restoring;

	for (int i = 0; i < v->n; i++)
		if (is_error(v, &v->items[i]))
			emit(v, &v->items[i], ERROR, false);

	restoring = en_restoring(v->rel);
	/* the mode it is let through in is recorded before the first verdict */
	if (!restoring && v->n > 0)
		en_note_mode();
	record_and_warn(v, !restoring, !restoring);
}

/*
 * Lists verdicts on rows already written, in every mode: a row of
 * enforcement.violations and a WARNING each, with the rule's own message
 * (a late fact that shows earlier acts to be unlawful, taint.c).
 */
void
en_list(EnVerdicts *v)
{
	record_and_warn(v, true, false);
}

/* A verdict raised at once (or recorded, in warn mode). */
void
en_refuse(Relation rel, const char *table_name, EnRuleId rule,
		  const int64 *row_id, const EnArg *args, int nargs)
{
	EnVerdicts	v;

	en_verdicts_init(&v, rel, table_name, false);
	en_verdict(&v, rule, row_id, args, nargs);
	en_settle(&v);
}
