/*-------------------------------------------------------------------------
 *
 * report.h
 *	  Verdicts: every check appends one per rule broken; one step settles
 *	  them (raise the first, or record them all in warn mode).
 *
 * Layer 1.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_REPORT_H
#define EN_REPORT_H

#include "rules.h"
#include "utils/date.h"
#include "utils/relcache.h"

/* A value for a rule's detail: shown as it is, or translated. */
typedef struct EnArg
{
	const char *text;			/* NULL is shown as NULL */
	bool		translate;		/* a gettext_noop() phrase */
} EnArg;

typedef struct EnVerdict
{
	EnRuleId	rule;
	bool		has_row;
	int64		row_id;
	char	   *detail;			/* English, for the record */
	char	   *detail_local;	/* in the session's language */
} EnVerdict;

typedef struct EnVerdicts
{
	Relation	rel;			/* for the error's table fields, or NULL */
	const char *table_name;
	bool		strict;			/* refused in every mode (the table's kind) */
	int			n;
	int			max;
	EnVerdict  *items;
} EnVerdicts;

/* EN_VERDICT(verdicts, EN_R_X, &row_id, en_arg_int8(id), ...) */
#define EN_VERDICT(v, rule, row_id, ...) \
	en_verdict((v), (rule), (row_id), (const EnArg[]) {__VA_ARGS__}, \
			   lengthof(((const EnArg[]) {__VA_ARGS__})))
/* a rule broken in a statement, refused at once */
#define EN_REFUSE(rel, table, rule, row_id, ...) \
	en_refuse((rel), (table), (rule), (row_id), \
			  (const EnArg[]) {__VA_ARGS__}, \
			  lengthof(((const EnArg[]) {__VA_ARGS__})))

extern EnArg en_arg(const char *text);
extern EnArg en_arg_why(const char *phrase);
extern EnArg en_arg_int8(int64 value);
extern EnArg en_arg_date(DateADT value);
extern EnArg en_arg_null(void);

extern void en_verdicts_init(EnVerdicts *v, Relation rel,
							 const char *table_name, bool strict);
extern void en_verdict(EnVerdicts *v, EnRuleId rule, const int64 *row_id,
					   const EnArg *args, int nargs);
extern bool en_verdicts_done(const EnVerdicts *v);
extern void en_settle(EnVerdicts *v);
extern void en_list(EnVerdicts *v);
extern void en_refuse(Relation rel, const char *table_name, EnRuleId rule,
					  const int64 *row_id, const EnArg *args, int nargs);

#endif							/* EN_REPORT_H */
