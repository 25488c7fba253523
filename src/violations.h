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

extern void en_violation_insert(const char *code, const char *rule,
								const char *message, const char *detail,
								const char *hint, const char *table_name,
								const int64 *row_id, const char *db_user);

extern void en_record_mode_changes(void);

#endif							/* EN_VIOLATIONS_H */
