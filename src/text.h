/*-------------------------------------------------------------------------
 *
 * text.h
 *	  Small judgements of text values.
 *
 * Layer 0: depends on nothing else of the extension.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_TEXT_H
#define EN_TEXT_H

extern bool en_blank(const char *s, int len);
extern bool en_blank_cstring(const char *s);

#endif							/* EN_TEXT_H */
