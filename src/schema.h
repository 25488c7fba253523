/*-------------------------------------------------------------------------
 *
 * schema.h
 *	  The schema "enforcement", its owner and its relations.
 *
 * Layer 0: depends on nothing else of the extension.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_SCHEMA_H
#define EN_SCHEMA_H

extern Oid	en_namespace(void);
extern Oid	en_owner(void);
extern Oid	en_relid(const char *relname);
extern Oid	en_relid_if_exists(const char *relname);

#endif							/* EN_SCHEMA_H */
