/*-------------------------------------------------------------------------
 *
 * enforcement.h
 *	  Declarations shared by the enforcement extension's C files.
 *
 * Every file includes this header right after postgres.h.  It switches
 * ereport() to the extension's own message catalog, defines the EN class of
 * SQLSTATEs, and declares the small core every rule builds on: the single
 * reporting path (report.c) and the owner-run, plan-cached lookups
 * (lookup.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENFORCEMENT_H
#define ENFORCEMENT_H

#include "postgres.h"

#include "executor/spi.h"
#include "utils/date.h"
#include "utils/jsonb.h"

/* Messages come from the catalog enforcement-<major>.mo. */
#undef TEXTDOMAIN
#define TEXTDOMAIN PG_TEXTDOMAIN("enforcement")

#define EN_SCHEMA "enforcement"

/* SQLSTATEs of class EN; see docs/errors.md. */
#define ERRCODE_EN_SUBJECT_NOT_AUTHORIZED	MAKE_SQLSTATE('E','N','1','0','1')
#define ERRCODE_EN_OFFICER_NOT_CERTIFIED	MAKE_SQLSTATE('E','N','1','0','2')
#define ERRCODE_EN_CERTIFICATE_PREREQUISITES MAKE_SQLSTATE('E','N','1','0','3')
#define ERRCODE_EN_CERTIFICATE_STATE		MAKE_SQLSTATE('E','N','1','0','4')
#define ERRCODE_EN_INSUFFICIENT_OFFICERS	MAKE_SQLSTATE('E','N','1','0','5')
#define ERRCODE_EN_CERTIFICATE_NOT_SHOWN	MAKE_SQLSTATE('E','N','1','0','6')
#define ERRCODE_EN_OFFICER_RECUSED			MAKE_SQLSTATE('E','N','1','0','7')
#define ERRCODE_EN_NO_LEGAL_BASIS			MAKE_SQLSTATE('E','N','2','0','1')
#define ERRCODE_EN_NOT_IN_FILED_PLAN		MAKE_SQLSTATE('E','N','2','0','2')
#define ERRCODE_EN_EXEMPTION_UNSUPPORTED	MAKE_SQLSTATE('E','N','2','0','3')
#define ERRCODE_EN_INSPECTION_CAP_EXCEEDED	MAKE_SQLSTATE('E','N','2','0','4')
#define ERRCODE_EN_INVALID_CREDIT_CODE		MAKE_SQLSTATE('E','N','2','0','5')
#define ERRCODE_EN_PLAN_FILING				MAKE_SQLSTATE('E','N','2','0','6')
#define ERRCODE_EN_RECORD_INCONSISTENT		MAKE_SQLSTATE('E','N','2','0','7')
#define ERRCODE_EN_APPEND_ONLY				MAKE_SQLSTATE('E','N','5','0','1')
#define ERRCODE_EN_AGENCY_SCOPE				MAKE_SQLSTATE('E','N','5','0','3')

/*
 * OFF-2's test of a certificate "c" on a day (an SQL expression): valid
 * that day, and not suspended or revoked on or before it.  Every look-up
 * that asks whether a certificate holds uses this one text.
 */
#define EN_CERTIFICATE_HOLDS(day) \
	"c.valid_from OPERATOR(pg_catalog.<=) " day " " \
	"AND c.valid_to OPERATOR(pg_catalog.>=) " day " " \
	"AND NOT (c.status OPERATOR(pg_catalog.<>) 'active' " \
	"AND c.status_since OPERATOR(pg_catalog.<=) " day ") "

/* enforcement.mode */
typedef enum EnMode
{
	EN_MODE_ENFORCE,
	EN_MODE_WARN
} EnMode;

extern int	en_mode;

/* report.c: how a refusal behaves in warn mode and during a restore */
typedef enum EnReportKind
{
	EN_REPORT_RULE,				/* warn mode and restores let it through */
	EN_REPORT_REMOVAL,			/* warn mode lets it through, restores not */
	EN_REPORT_STRICT			/* an error in every mode */
} EnReportKind;

/* append_only.c */
struct TruncateStmt;
struct TriggerData;
extern void en_refuse_changes(struct TriggerData *trigdata,
							  const char *const *free_cols, int n_free,
							  const int64 *row_id, EnReportKind kind);
extern void en_check_truncate(struct TruncateStmt *stmt);

/* enforcement.c */
extern void en_flush_mode_changes(void);

/* report.c */
extern void en_report(int sqlstate, const char *rule,
					  const char *table_name, const int64 *row_id,
					  const char *message, const char *hint,
					  const char *detail_fmt,...) pg_attribute_printf(7, 8);
extern void en_report_kind(EnReportKind kind, int sqlstate, const char *rule,
						   const char *table_name, const int64 *row_id,
						   const char *message, const char *hint,
						   const char *detail_fmt,...) pg_attribute_printf(8, 9);
extern void en_record(const char *code, const char *rule,
					  const char *message, const char *detail,
					  const char *hint, const char *table_name,
					  const int64 *row_id, const char *db_user);

/* record.c: the process record */
extern bool en_restoring(void);
extern void en_record_append(int64 chain, const char *table_name,
							 const char *operation, const int64 *row_id,
							 Jsonb *row_data);

/* scope.c: agency scope */
struct Trigger;
extern int64 en_scope_agency(struct Trigger *trigger, HeapTuple tuple,
							 TupleDesc tupdesc);
extern bool en_acts_for_agency(int64 agency_id);
extern bool en_may_see_agency(int64 agency_id);

/* credit_code.c */
extern bool en_credit_code_ok(const char *code);

/* lookup.c: SPI plans prepared once, run as the extension's owner. */
typedef struct EnQuery
{
	const char *sql;
	int			nargs;
	Oid			argtypes[12];
	SPIPlanPtr	plan;
} EnQuery;

typedef struct EnCall
{
	Oid			save_userid;
	int			save_sec_context;
} EnCall;

extern Oid	en_namespace(void);
extern Oid	en_relid(const char *relname);
extern void en_begin(EnCall *call);
extern void en_end(EnCall *call);
extern int	en_exec(EnQuery *query, Datum *values, const char *nulls,
					long count, bool latest_snapshot);
extern int	en_exec_read(EnQuery *query, Datum *values, const char *nulls,
						 long count);
extern bool en_get_bool(int row, int col, bool *isnull);
extern Datum en_get(int row, int col, bool *isnull);
extern char *en_get_text(int row, int col);
extern bool en_may_lock(void);

/* Trigger helpers (lookup.c). */
extern int	en_attnum(TupleDesc tupdesc, const char *attname);
extern Datum en_attr(HeapTuple tuple, TupleDesc tupdesc, const char *attname,
					 bool *isnull);
extern char *en_attr_text(HeapTuple tuple, TupleDesc tupdesc,
						  const char *attname);
extern bool en_attr_changed(HeapTuple oldtup, HeapTuple newtup,
							TupleDesc tupdesc, const char *attname);
extern const char *en_date_text(DateADT date);
extern void en_check_trigger(FunctionCallInfo fcinfo, const char *funcname);

/* registry.c: SUBJ-1 and OFF-2, for the triggers of later rules too. */
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
	EN_OFFICER_UNKNOWN,
	EN_OFFICER_OTHER_AGENCY,
	EN_OFFICER_LEFT,
	EN_OFFICER_NO_CERTIFICATE
} EnOfficerStatus;

extern EnAgencyStatus en_agency_status(int64 agency_id, DateADT on_date,
									   bool lock);
extern EnOfficerStatus en_officer_status(int64 officer_id, int64 agency_id,
										 DateADT on_date, bool lock);

#endif							/* ENFORCEMENT_H */
