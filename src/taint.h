/*-------------------------------------------------------------------------
 *
 * taint.h
 *	  Late facts: a fact dated before acts already recorded is accepted,
 *	  and the acts it shows to be unlawful are listed.
 *
 * Layer 4.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_TAINT_H
#define EN_TAINT_H

#include "utils/date.h"

extern void en_taint_officer(int64 officer_id, int64 agency_id, DateADT from);
extern bool en_taint_quiet;

#endif							/* EN_TAINT_H */
