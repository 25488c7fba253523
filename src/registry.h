/*-------------------------------------------------------------------------
 *
 * registry.h
 *	  What the registry's code does for the tables that act on it: the
 *	  withdrawal of an officer's certificates (OFF-4, ACC-2).
 *
 * Layer 4.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_REGISTRY_H
#define EN_REGISTRY_H

#include "postgres.h"

extern uint64 en_certificates_withdraw(int64 officer_id, Datum day,
									   const char *reason, bool revoke,
									   bool quiet);

#endif							/* EN_REGISTRY_H */
