/*-------------------------------------------------------------------------
 *
 * scan.h
 *	  The compliance scan: every rule run against the data as it stands.
 *
 * Layer 2 (the state); the scan itself is layer 4.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_SCAN_H
#define EN_SCAN_H

#include "report.h"

extern bool en_scanning(void);
extern void en_scan_collect(EnVerdicts *v, bool has_agency, int64 agency_id);

#endif							/* EN_SCAN_H */
