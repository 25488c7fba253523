/*-------------------------------------------------------------------------
 *
 * quotas.c
 *	  The ban on fine and inspection quotas (QUOTA-1, QUOTA-2): no
 *	  performance indicator measures fines, confiscations, penalty revenue,
 *	  or counts of penalties or inspections (directive II.4).
 *
 * An indicator is judged on INSERT and UPDATE of performance_indicators:
 * its metric is not one of the banned metrics, and neither its name nor
 * its metric uses a term of enforcement.quota_terms.  The terms are read
 * from the table by every check, under the statement's snapshot, so a
 * term added counts from the next statement of every session; nothing is
 * cached.  The compliance scan judges the stored indicators again, so a
 * term added later shows the indicators that use it.
 *
 * How a term matches:
 * - a term of ASCII letters and digits matches whole words, without
 *   regard to case: the text is cut into words at every character that is
 *   not an ASCII letter or digit, and where a lower-case letter is
 *   followed by an upper-case one, so "fine" is found in "Fine amount",
 *   "total_fine" and "fineAmount", and not in "define" or "refined"; a
 *   term of several words matches them in a row;
 * - any other term (Chinese) matches as a substring, after ASCII case is
 *   folded and spaces, ASCII punctuation, the ideographic space and the
 *   zero-width characters are removed from both, so "罚 款" is "罚款".
 *
 * Terms are added, never removed or rewritten (the table is a declared
 * record); a term is not blank.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "facts.h"
#include "probe.h"
#include "row.h"
#include "text.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(en_quota_terms_check);
PG_FUNCTION_INFO_V1(en_performance_indicators_check);

static const char *const term_columns[] = {"term"};
static EnIndex quota_terms_pkey =
EN_INDEX("quota_terms", "quota_terms_pkey", term_columns);

static const char *const officer_columns[] = {"agency_id"};
static EnIndex officers_pkey =
EN_INDEX("officers", "officers_pkey", officer_columns);

/* QUOTA-1: the metrics no indicator may measure (contract.md). */
static const char *const banned_metrics[] = {
	"fine_amount", "fine_count", "confiscation_amount", "penalty_revenue",
	"penalty_count", "inspection_count"
};

static bool
ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9');
}

/*
 * The words of a text, lower-cased and each followed by one space: "Fine
 * amount" and "fineAmount" are "fine amount ".
 */
static char *
words(const char *s)
{
	StringInfoData buf;
	bool		in_word = false;

	initStringInfo(&buf);
	for (const unsigned char *p = (const unsigned char *) s; *p; p++)
	{
		if (!ascii_alnum(*p))
		{
			if (in_word)
				appendStringInfoChar(&buf, ' ');
			in_word = false;
			continue;
		}
		if (in_word && *p >= 'A' && *p <= 'Z' && p[-1] >= 'a' && p[-1] <= 'z')
			appendStringInfoChar(&buf, ' ');
		appendStringInfoChar(&buf, pg_ascii_tolower(*p));
		in_word = true;
	}
	if (in_word)
		appendStringInfoChar(&buf, ' ');
	return buf.data;
}

/*
 * A text for substring matching: ASCII case folded; spaces, ASCII
 * punctuation, the ideographic space (U+3000) and the zero-width
 * characters (U+200B..U+200D, U+2060, U+FEFF) removed.
 */
static char *
squeezed(const char *s)
{
	StringInfoData buf;
	const unsigned char *p = (const unsigned char *) s;

	initStringInfo(&buf);
	while (*p)
	{
		if (*p < 0x80)
		{
			if (ascii_alnum(*p))
				appendStringInfoChar(&buf, pg_ascii_tolower(*p));
			p++;
			continue;
		}
		if ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
			(p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x8B && p[2] <= 0x8D) ||
			(p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0xA0) ||
			(p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
		{
			p += 3;
			continue;
		}
		appendStringInfoChar(&buf, (char) *p);
		p++;
	}
	return buf.data;
}

/* Whether a term is made of ASCII only. */
static bool
ascii_term(const char *term)
{
	for (const unsigned char *p = (const unsigned char *) term; *p; p++)
		if (*p >= 0x80)
			return false;
	return true;
}

/*
 * Whether a text uses a term.  The text's two forms are made once by the
 * caller: its words (" "-prefixed, so that a match starts at a word) and
 * its squeezed form.
 */
static bool
uses_term(const char *text_words, const char *text_squeezed, const char *term)
{
	if (ascii_term(term))
	{
		char	   *w = words(term);
		char	   *needle;

		if (w[0] == '\0')
			return false;
		needle = psprintf(" %s", w);
		return strstr(text_words, needle) != NULL;
	}
	else
	{
		char	   *t = squeezed(term);

		return t[0] != '\0' && strstr(text_squeezed, t) != NULL;
	}
}

/*
 * The first term of quota_terms that the text uses, or NULL; read under
 * the snapshot given, in the order of the terms.
 */
static char *
first_term_used(Snapshot snapshot, const char *text)
{
	char	   *text_words = psprintf(" %s", words(text));
	char	   *text_squeezed = squeezed(text);
	EnProbe		probe;
	char	   *found = NULL;

	en_probe_open(&probe, &quota_terms_pkey, snapshot, false);
	en_probe_keys(&probe, 0, NULL);
	while (found == NULL && en_probe_next(&probe))
	{
		char	   *term = en_probe_text(&probe, 0);

		if (term != NULL && uses_term(text_words, text_squeezed, term))
			found = pstrdup(term);
	}
	en_probe_close(&probe);
	return found;
}

/* The banned metric a metric is, in any spelling of its words, or NULL. */
static const char *
banned_metric(const char *metric)
{
	char	   *w = words(metric);

	for (size_t i = 0; i < lengthof(banned_metrics); i++)
	{
		char	   *b = words(banned_metrics[i]);

		if (strcmp(w, b) == 0)
			return banned_metrics[i];
	}
	return NULL;
}

/*
 * BEFORE INSERT OR UPDATE on quota_terms: a term is not blank (fixed once
 * written, and never deleted, as every declared record).
 */
Datum
en_quota_terms_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"term"};
	EnRow		row;
	const AttrNumber *att;
	char	   *term;

	en_row_begin(fcinfo, "quota_terms_check", &row);
	en_row_scope(&row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	term = en_row_text(&row, att[0]);
	if (row.insert && term != NULL &&
		(ascii_term(term) ? words(term)[0] == '\0' : squeezed(term)[0] == '\0'))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a quota term is not blank"),
				 errdetail("The term \"%s\" has no letter, digit or character to match.", term),
				 errhint("Give the word or phrase that no performance indicator may use.")));
	return en_row_end(&row);
}

/*
 * BEFORE INSERT OR UPDATE on performance_indicators: an indicator of an
 * officer is the officer's agency's (filled in when not given); its metric
 * is not a banned one (QUOTA-1), and neither its metric nor its name uses
 * the banned vocabulary (QUOTA-2).
 */
Datum
en_performance_indicators_check(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"agency_id", "officer_id", "name",
	"metric"};
	EnRow		row;
	const AttrNumber *att;
	bool		agency_null,
				officer_null;
	Datum		agency;
	Datum		officer;

	en_row_begin(fcinfo, "performance_indicators_check", &row);
	att = en_relinfo_columns(row.info, row.rel, columns, lengthof(columns));
	agency = en_row_get(&row, att[0], &agency_null);
	officer = en_row_get(&row, att[1], &officer_null);
	if (!officer_null)
	{
		EnProbe		probe;
		EnKey		keys[] = {EN_EQ(1, officer)};
		bool		isnull = true;
		int64		officer_agency = 0;

		en_probe_open(&probe, &officers_pkey, en_read_snapshot(), false);
		en_probe_keys(&probe, lengthof(keys), keys);
		if (en_probe_next(&probe))
			officer_agency = en_probe_int64(&probe, 0, &isnull);
		en_probe_close(&probe);
		if (!isnull && agency_null && row.insert)
		{
			en_row_set(&row, att[0], Int64GetDatum(officer_agency), false);
			agency = Int64GetDatum(officer_agency);
			agency_null = false;
		}
		en_row_scope(&row);
		if (!isnull && !agency_null && row.judged &&
			!en_verdicts_done(&row.verdicts) &&
			DatumGetInt64(agency) != officer_agency)
			EN_VERDICT(&row.verdicts, EN_R_INDICATOR_OFFICER, en_row_id(&row),
					   en_arg_int8(DatumGetInt64(agency)),
					   en_arg_int8(DatumGetInt64(officer)),
					   en_arg_int8(officer_agency));
	}
	else
		en_row_scope(&row);
	if (!row.judged || en_verdicts_done(&row.verdicts))
		return en_row_end(&row);

	{
		char	   *name = en_row_text(&row, att[2]);
		char	   *metric = en_row_text(&row, att[3]);
		const char *banned = metric ? banned_metric(metric) : NULL;

		if (banned != NULL)
			EN_VERDICT(&row.verdicts, EN_R_QUOTA_METRIC, en_row_id(&row),
					   en_arg(metric), en_arg(banned));
		for (int i = 0; i < 2 && !en_verdicts_done(&row.verdicts); i++)
		{
			const char *text = i == 0 ? metric : name;
			char	   *term = text ? first_term_used(en_row_snapshot(&row), text) : NULL;

			if (term != NULL)
				EN_VERDICT(&row.verdicts, EN_R_QUOTA_TERM, en_row_id(&row),
						   en_arg(i == 0 ? "metric" : "name"), en_arg(text),
						   en_arg(term));
		}
	}
	return en_row_end(&row);
}
