/*-------------------------------------------------------------------------
 *
 * credit_code.h
 *	  The unified social credit code of GB 32100-2015.
 *
 * Layer 1.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_CREDIT_CODE_H
#define EN_CREDIT_CODE_H

extern bool en_credit_code_ok(const char *code, int len);

#endif							/* EN_CREDIT_CODE_H */
