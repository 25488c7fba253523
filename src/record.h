/*-------------------------------------------------------------------------
 *
 * record.h
 *	  The process record: an append-only, hash-chained log of every
 *	  INSERT and UPDATE of an enforcement table.
 *
 * Layer 2.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_RECORD_H
#define EN_RECORD_H

extern bool en_writing_record(void);

#endif							/* EN_RECORD_H */
