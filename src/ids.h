/*-------------------------------------------------------------------------
 *
 * ids.h
 *	  Identifiers that never collide between installations.
 *
 * Layer 1.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_IDS_H
#define EN_IDS_H

#define EN_NODE_SHIFT	53
#define EN_NODE_MAX		1023

extern int32 en_current_node_id(void);
extern int64 en_new_id(const char *sequence);

#endif							/* EN_IDS_H */
