/*-------------------------------------------------------------------------
 *
 * rules.c
 *	  The rules table (rules.h), and the view enforcement.rules over it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "rules.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(en_rules);

#define EN_RULE_ENTRY(id, code, rule, name, column, kind, message, hint, detail) \
	[EN_R_##id] = {code, rule, name, column, EN_KIND_##kind, message, hint, detail},
static const EnRule rules[EN_RULE_COUNT] = {
	EN_RULE_LIST(EN_RULE_ENTRY)
};
#undef EN_RULE_ENTRY

/* The entry of a rule. */
const EnRule *
en_rule(EnRuleId id)
{
	if ((int) id < 0 || id >= EN_RULE_COUNT)
		elog(ERROR, "unknown rule %d", (int) id);
	return &rules[id];
}

/* The SQLSTATE of an entry. */
int
en_rule_sqlstate(const EnRule *rule)
{
	const char *c = rule->code;

	return MAKE_SQLSTATE(c[0], c[1], c[2], c[3], c[4]);
}

static const char *
kind_name(EnRuleKind kind)
{
	switch (kind)
	{
		case EN_KIND_RULE:
			return "rule";
		case EN_KIND_REMOVAL:
			return "removal";
		default:
			return "strict";
	}
}

/*
 * rules() → setof (code, rule, name, column_name, kind, message, hint,
 * detail, message_local, hint_local): the table, in its order, with the
 * texts also in the session's language.
 */
Datum
en_rules(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < EN_RULE_COUNT; i++)
	{
		const EnRule *r = &rules[i];
		Datum		values[10];
		bool		nulls[10] = {false};

		values[0] = CStringGetTextDatum(r->code);
		values[1] = CStringGetTextDatum(r->rule);
		values[2] = CStringGetTextDatum(r->name);
		if (r->column)
			values[3] = CStringGetTextDatum(r->column);
		else
			nulls[3] = true;
		values[4] = CStringGetTextDatum(kind_name(r->kind));
		values[5] = CStringGetTextDatum(r->message);
		values[6] = CStringGetTextDatum(r->hint);
		values[7] = CStringGetTextDatum(r->detail);
		values[8] = CStringGetTextDatum(dgettext(TEXTDOMAIN, r->message));
		values[9] = CStringGetTextDatum(dgettext(TEXTDOMAIN, r->hint));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values,
							 nulls);
	}
	return (Datum) 0;
}
