/*-------------------------------------------------------------------------
 *
 * report.c
 *	  The single path by which every rule reports a violation.
 *
 * A rule calls en_report() with its SQLSTATE, the rule's name, the row, a
 * message, a hint and a detail naming the offending value.  In enforce
 * mode that is an ERROR; in warn mode it is a WARNING with the same
 * SQLSTATE and a row in enforcement.violations, and the write goes on.  The
 * texts are translated from the extension's catalog for the client; the
 * record keeps them untranslated, so it reads the same in every locale.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"

static char *format_va(const char *fmt, va_list args) pg_attribute_printf(1, 0);

/* Formats a message with a va_list, into the current memory context. */
static char *
format_va(const char *fmt, va_list args)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (;;)
	{
		va_list		copy;
		int			needed;

		va_copy(copy, args);
		needed = appendStringInfoVA(&buf, fmt, copy);
		va_end(copy);
		if (needed == 0)
			break;
		enlargeStringInfo(&buf, needed);
	}
	return buf.data;
}

/*
 * The reporting path.  A rule's violation (EN_REPORT_RULE) is an error,
 * or in warn mode a recorded WARNING; while a superuser restores a dump it
 * is a WARNING and nothing is recorded, since restoring appends nothing.
 * The removal of records (EN_REPORT_REMOVAL) follows warn mode but not the
 * restore, which only ever inserts.  EN_REPORT_STRICT refusals (the
 * process record's own protection, the node id) are errors in every mode.
 */
static void
report_va(EnReportKind kind, int sqlstate, const char *rule,
		  const char *table_name, const int64 *row_id, const char *message,
		  const char *hint, const char *detail_fmt, va_list args)
pg_attribute_printf(8, 0);

static void
report_va(EnReportKind kind, int sqlstate, const char *rule,
		  const char *table_name, const int64 *row_id, const char *message,
		  const char *hint, const char *detail_fmt, va_list args)
{
	char	   *detail;
	char	   *detail_local;
	int			level = ERROR;

	detail = format_va(detail_fmt, args);
	detail_local = format_va(dgettext(TEXTDOMAIN, detail_fmt), args);

	if (kind == EN_REPORT_RULE && en_restoring())
		level = WARNING;
	else if (kind != EN_REPORT_STRICT && en_mode == EN_MODE_WARN)
	{
		/* the acting role, not the owner that look-ups run as */
		en_record(unpack_sql_state(sqlstate), rule, message, detail, hint,
				  table_name, row_id,
				  GetUserNameFromId(GetOuterUserId(), false));
		level = WARNING;
	}
	ereport(level,
			(errcode(sqlstate),
			 errmsg_internal("%s", dgettext(TEXTDOMAIN, message)),
			 errdetail_internal("%s", detail_local),
			 errhint("%s", dgettext(TEXTDOMAIN, hint))));
}

/*
 * Reports a violation of a rule.  message and hint are untranslated
 * gettext_noop() strings; detail_fmt is a format, also untranslated.
 * row_id may be NULL for a statement-level violation.  In warn mode the
 * violation is recorded and the caller goes on.
 */
void
en_report(int sqlstate, const char *rule, const char *table_name,
		  const int64 *row_id, const char *message, const char *hint,
		  const char *detail_fmt,...)
{
	va_list		args;

	va_start(args, detail_fmt);
	report_va(EN_REPORT_RULE, sqlstate, rule, table_name, row_id, message,
			  hint, detail_fmt, args);
	va_end(args);
}

/* Like en_report(), for a kind of refusal other than a rule's violation. */
void
en_report_kind(EnReportKind kind, int sqlstate, const char *rule,
			   const char *table_name, const int64 *row_id,
			   const char *message, const char *hint,
			   const char *detail_fmt,...)
{
	va_list		args;

	va_start(args, detail_fmt);
	report_va(kind, sqlstate, rule, table_name, row_id, message, hint,
			  detail_fmt, args);
	va_end(args);
}

/*
 * Appends a row to enforcement.violations, as the extension's owner, in the
 * current transaction.
 */
void
en_record(const char *code, const char *rule, const char *message,
		  const char *detail, const char *hint, const char *table_name,
		  const int64 *row_id, const char *db_user)
{
	static EnQuery insert = {
		"INSERT INTO enforcement.violations "
		"(code, rule, message, detail, hint, table_name, row_id, db_user) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		8, {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, INT8OID,
		TEXTOID}, NULL
	};
	Datum		values[8];
	char		nulls[8];
	EnCall		call;

	memset(nulls, ' ', sizeof(nulls));
#define SET_TEXT(i, s) \
	do { if ((s) != NULL) values[i] = CStringGetTextDatum(s); \
		 else { values[i] = (Datum) 0; nulls[i] = 'n'; } } while (0)
	SET_TEXT(0, code);
	SET_TEXT(1, rule);
	SET_TEXT(2, message);
	SET_TEXT(3, detail);
	SET_TEXT(4, hint);
	SET_TEXT(5, table_name);
	if (row_id != NULL)
		values[6] = Int64GetDatum(*row_id);
	else
	{
		values[6] = (Datum) 0;
		nulls[6] = 'n';
	}
	SET_TEXT(7, db_user);
#undef SET_TEXT

	en_begin(&call);
	en_exec(&insert, values, nulls, 0, false);
	en_end(&call);
}
