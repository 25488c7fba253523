/*-------------------------------------------------------------------------
 *
 * scope.h
 *	  Agency scope: which agencies the acting role writes for (EN503).
 *
 * Layer 2.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_SCOPE_H
#define EN_SCOPE_H

#include "report.h"

extern bool en_is_writer(void);
extern bool en_acts_for_agency(int64 agency_id);
extern bool en_may_see_agency(int64 agency_id);
extern void en_scope_verdict(EnVerdicts *v, bool has_agency, int64 agency_id,
							 const int64 *row_id);

#endif							/* EN_SCOPE_H */
