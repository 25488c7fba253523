/*-------------------------------------------------------------------------
 *
 * credit_code.c
 *	  The unified social credit code (统一社会信用代码) of GB 32100-2015.
 *
 * A code is 18 characters from the 31 of 0-9 A-H J-N P-R T U W-Y (no I, O,
 * S, V, Z).  The 18th is a check character: with the others' values c_i
 * and weights w_i = 3^i mod 31, it is the character of value
 * 31 - (sum(c_i * w_i) mod 31), where 31 stands for 0.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "credit_code.h"

#include "fmgr.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(en_credit_code_valid);

#define CREDIT_CODE_LENGTH 18

static const char credit_code_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* The value of a character, or -1 outside the alphabet. */
static int
credit_code_value(char c)
{
	const char *p;

	if (c == '\0')
		return -1;
	p = strchr(credit_code_alphabet, c);
	return p ? (int) (p - credit_code_alphabet) : -1;
}

/* Whether a string of len bytes is a valid unified social credit code. */
bool
en_credit_code_ok(const char *code, int len)
{
	int			sum = 0;
	int			weight = 1;
	int			check;

	if (len != CREDIT_CODE_LENGTH)
		return false;
	for (int i = 0; i < CREDIT_CODE_LENGTH - 1; i++)
	{
		int			v = credit_code_value(code[i]);

		if (v < 0)
			return false;
		sum += v * weight;
		weight = (weight * 3) % 31;
	}
	check = (31 - sum % 31) % 31;
	return credit_code_value(code[CREDIT_CODE_LENGTH - 1]) == check;
}

/* credit_code_valid(text) → boolean */
Datum
en_credit_code_valid(PG_FUNCTION_ARGS)
{
	text	   *code;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	code = PG_GETARG_TEXT_PP(0);

	PG_RETURN_BOOL(en_credit_code_ok(VARDATA_ANY(code),
									 VARSIZE_ANY_EXHDR(code)));
}
