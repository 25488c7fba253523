/*-------------------------------------------------------------------------
 *
 * mode.h
 *	  The enforcement mode (enforce or warn) and the restore state.
 *
 * Layer 0: depends on nothing else of the extension.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_MODE_H
#define EN_MODE_H

#include "nodes/pg_list.h"
#include "utils/guc.h"
#include "utils/relcache.h"
#include "utils/timestamp.h"

typedef enum EnMode
{
	EN_MODE_ENFORCE,
	EN_MODE_WARN
} EnMode;

/* A change of enforcement.mode waiting to be recorded. */
typedef struct EnModeChange
{
	int			from;
	int			to;
	GucSource	source;
	Oid			userid;
	TimestampTz at;
} EnModeChange;

extern int	en_mode;

extern void en_mode_define(void);
extern void en_mode_ready(void);
extern List *en_mode_take_changes(void);
extern const char *en_mode_name(int mode);
extern const char *en_mode_source_name(GucSource source);
extern bool en_restore_session(void);
extern Oid	en_copy_from_begin(Oid relid);
extern void en_copy_from_end(Oid previous);
extern bool en_restoring(Relation rel);
extern void en_mode_in_effect(int *mode, GucSource *source,
							  const char **file, int *line);

#endif							/* EN_MODE_H */
