/*-------------------------------------------------------------------------
 *
 * violations.h
 *	  The record of violations let through in warn mode, and of every
 *	  change of enforcement.mode (enforcement.violations).
 *
 * Layer 1.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_VIOLATIONS_H
#define EN_VIOLATIONS_H

#include "utils/relcache.h"

extern void en_violation_insert(const char *code, const char *rule,
								const char *message, const char *detail,
								const char *hint, const char *table_name,
								const int64 *row_id, const char *db_user);

extern void en_record_mode_changes(void);
extern void en_violations_init(void);
extern void en_note_mode(void);
extern bool en_judged_write(Relation rel);
extern void en_note_restored_row(Relation rel);
extern bool en_violation_unrecorded(void);

#endif							/* EN_VIOLATIONS_H */
