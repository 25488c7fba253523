/*-------------------------------------------------------------------------
 *
 * facts.h
 *	  The dated facts the rules judge acts against, each read once, in C:
 *	  whether an agency may act (SUBJ-1), an officer is certified (OFF-2),
 *	  a legal basis is a power in force (SUBJ-2), the cap in force and the
 *	  routine visits it counts (INSP-5).
 *
 * Layer 3.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_FACTS_H
#define EN_FACTS_H

#include "utils/date.h"
#include "utils/numeric.h"
#include "utils/snapshot.h"

typedef enum EnAgencyStatus
{
	EN_AGENCY_MAY_ACT,
	EN_AGENCY_UNKNOWN,
	EN_AGENCY_JUSTICE_BUREAU,
	EN_AGENCY_NO_AUTHORITY,
	EN_AGENCY_NOT_CONFIRMED,
	EN_AGENCY_NOT_DISCLOSED,
	EN_AGENCY_DISSOLVED,
	EN_AGENCY_NO_ENTRUSTER,
	EN_AGENCY_ENTRUSTER_ENTRUSTED,
	EN_AGENCY_ENTRUSTER_CANNOT_ACT
} EnAgencyStatus;

typedef enum EnOfficerStatus
{
	EN_OFFICER_CERTIFIED,
	EN_OFFICER_NOT_OF_AGENCY,	/* unknown, or of another agency */
	EN_OFFICER_LEFT,
	EN_OFFICER_NOT_ELIGIBLE,	/* a live certificate against OFF-1 */
	EN_OFFICER_NO_CERTIFICATE
} EnOfficerStatus;

typedef enum EnBasisStatus
{
	EN_BASIS_OK,
	EN_BASIS_UNKNOWN,
	EN_BASIS_NOT_IN_FORCE,
	EN_BASIS_NOT_A_POWER
} EnBasisStatus;

extern EnAgencyStatus en_agency_status(Snapshot snapshot, int64 agency_id,
									   DateADT day, bool lock);
extern const char *en_agency_why(EnAgencyStatus status);
extern bool en_agency_is_bureau(Snapshot snapshot, int64 agency_id, bool lock);
extern EnOfficerStatus en_officer_status(Snapshot snapshot, int64 officer_id,
										 int64 agency_id, DateADT day,
										 bool lock);
extern const char *en_officer_why(EnOfficerStatus status);
extern bool en_certificate_holds(DateADT valid_from, DateADT valid_to,
								 bool active, bool status_since_null,
								 DateADT status_since, DateADT day);
extern void en_officers_status(Snapshot snapshot, const int64 *ids, int n,
							   int64 agency_id, DateADT day, bool lock,
							   EnOfficerStatus *status);
extern int	en_first_conflict(Snapshot snapshot, int64 enterprise_id,
							  const int64 *ids, int n, DateADT day);
extern const char *en_basis_why(EnBasisStatus status);
extern bool en_numeric_finite(Numeric n);
extern int	en_numeric_cmp(Numeric a, Numeric b);
extern Numeric en_setting(Snapshot snapshot, const char *name, int64 fallback);
extern EnBasisStatus en_basis_status(Snapshot snapshot, int64 basis_id,
									 int64 agency_id, const char *power,
									 DateADT day);
extern bool en_cap_in_force(Snapshot snapshot, int64 agency_id, int32 year,
							DateADT day, int32 *cap);
/* An inspection the visits counted are before (by day, then id). */
typedef struct EnVisitBound
{
	DateADT		day;
	int64		id;
} EnVisitBound;

extern int64 en_routine_visits(int64 agency_id, int64 enterprise_id,
							   int32 year, bool has_joint, int64 joint_id,
							   const EnVisitBound *before,
							   bool *joint_counted);
extern void en_lock_cap(int64 agency_id, int64 enterprise_id);
extern void en_lock_pair(int64 a, int64 b, uint32 space);
extern int32 en_date_year(DateADT day);
extern DateADT en_year_start(int32 year);

#endif							/* EN_FACTS_H */
