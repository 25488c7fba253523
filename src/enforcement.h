/*-------------------------------------------------------------------------
 *
 * enforcement.h
 *	  What every C file of the extension shares.
 *
 * Every file includes this header right after postgres.h, and then the
 * headers of the modules it calls (docs/architecture.md gives the layers:
 * a file calls only the layers below its own).  This one switches
 * ereport() to the extension's own message catalog and names the schema;
 * it declares nothing else.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENFORCEMENT_H
#define ENFORCEMENT_H

/* Messages come from the catalog enforcement-<major>.mo. */
#undef TEXTDOMAIN
#define TEXTDOMAIN PG_TEXTDOMAIN("enforcement")

#define EN_SCHEMA "enforcement"

#endif							/* ENFORCEMENT_H */
