/*-------------------------------------------------------------------------
 *
 * cases.h
 *	  A case as the rules of its events, reviews and decision read it
 *	  (cases.c), and the steps it has taken.
 *
 * Layer 4.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_CASES_H
#define EN_CASES_H

#include "row.h"

#include "nodes/lockoptions.h"
#include "utils/date.h"
#include "utils/snapshot.h"

/* The most officers a case or an event names (docs/rules.md). */
#define EN_MAX_HANDLERS 32

typedef struct EnCase
{
	int64		id;
	const char *stage;			/* cases.stage */
	int64		agency_id;
	int64		enterprise_id;
	int64		basis_id;
	DateADT		opened_on;
	DateADT		violation_on;
	bool		has_violation_end;
	DateADT		violation_ended_on;
	DateADT		discovered_on;
	EnIdList	handlers;
	bool		individual;		/* party_kind */
	const char *harm;			/* none, minor, serious */
	bool		corrected;
	bool		endangers;		/* life, health or financial safety */
	bool		public_interest;
	bool		complex;
} EnCase;

/* Where a case stands: its last step before a bound. */
typedef struct EnCaseStep
{
	const char *stage;			/* "filed" before any event */
	DateADT		day;			/* opened_on before any event */
	bool		hearing_offered;	/* at its notice */
	bool		had_hearing;
} EnCaseStep;

extern bool en_case_read(Snapshot snapshot, int64 case_id, bool lock,
						 EnCase *c);
extern void en_case_step(const EnCase *c, Snapshot snapshot,
						 const int64 *before_id, bool before_decided,
						 EnCaseStep *step);
extern bool en_case_moves(const char *from, const char *to);
extern const char *en_reviewer_why(Snapshot snapshot, int64 reviewer_id,
								   const EnCase *c, DateADT day, bool lock);
extern void en_case_record_decided(int64 case_id, DateADT day,
								   bool document_null, Datum document_no);

#endif							/* EN_CASES_H */
