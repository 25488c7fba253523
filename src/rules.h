/*-------------------------------------------------------------------------
 *
 * rules.h
 *	  The rules table: every refusal the extension makes, written once.
 *
 * Each entry is one way a rule can be broken: its SQLSTATE (class EN), the
 * rule of invariants.md, a unique name, the column at fault, how warn mode
 * and restores treat it, and its message, hint and detail.  A check names
 * the entry and gives the detail's values; nothing else states the texts.
 * The table is also the view enforcement.rules.
 *
 * The detail is a format of %s conversions only (or %N$s, for a
 * translation that reorders them), filled with strings by report.c, so a
 * wrong argument cannot crash the server.  Texts are marked for
 * translation with gettext_noop().
 *
 * Kinds: RULE (warn mode lets it through and records it; a restore lets
 * it through), REMOVAL (warn mode as RULE; a restore never removes or
 * rewrites, so it refuses), STRICT (refused in every mode).
 *
 * Layer 1.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EN_RULES_H
#define EN_RULES_H

typedef enum EnRuleKind
{
	EN_KIND_RULE,
	EN_KIND_REMOVAL,
	EN_KIND_STRICT
} EnRuleKind;

/*
 * R(id, code, rule, name, column, kind, message, hint, detail)
 * In the order of the codes; a check's entries in the order it checks.
 */
#define EN_RULE_LIST(R) \
R(SUBJ_INSPECTION, "EN101", "SUBJ-1", "inspection_subject", "agency_id", RULE, \
  gettext_noop("inspection refused: the agency may not act (SUBJ-1)"), \
  gettext_noop("Only a confirmed, disclosed enforcement subject with a legal authority inspects; check enforcement.agency_may_act()."), \
  gettext_noop("Agency %s may not act on %s: %s.")) \
R(SUBJ_JOINT, "EN101", "SUBJ-1", "joint_inspection_subject", "lead_agency_id", RULE, \
  gettext_noop("joint inspection refused: the lead agency may not act (SUBJ-1)"), \
  gettext_noop("A joint inspection is led by an enforcement subject that may act on the day; check enforcement.agency_may_act()."), \
  gettext_noop("Agency %s may not act on %s: %s.")) \
R(SUBJ_CASE, "EN101", "SUBJ-1", "case_subject", "agency_id", RULE, \
  gettext_noop("case refused: the agency may not act (SUBJ-1)"), \
  gettext_noop("Only a confirmed, disclosed enforcement subject with a legal authority opens a case; check enforcement.agency_may_act() on opened_on."), \
  gettext_noop("Agency %s may not act on %s: %s.")) \
R(SUBJ_DECISION, "EN101", "SUBJ-1", "decision_subject", "decided_on", RULE, \
  gettext_noop("decision refused: the agency may not act on the day of the decision (SUBJ-1)"), \
  gettext_noop("Only an enforcement subject that may act on decided_on decides; check enforcement.agency_may_act()."), \
  gettext_noop("Agency %s may not act on %s: %s.")) \
R(OFF2_INSPECTION, "EN102", "OFF-2", "inspection_officer_certified", "officer_ids", RULE, \
  gettext_noop("inspection refused: an officer is not certified (OFF-2)"), \
  gettext_noop("Send only officers holding a certificate valid on the day, not suspended or revoked."), \
  gettext_noop("Officer %s %s (agency %s, %s).")) \
R(OFF2_CASE, "EN102", "OFF-2", "case_handler_certified", "handler_ids", RULE, \
  gettext_noop("case refused: a handler is not certified (OFF-2)"), \
  gettext_noop("Name as handlers only officers holding a certificate valid on opened_on, not suspended or revoked."), \
  gettext_noop("Officer %s %s (agency %s, %s).")) \
R(OFF2_EVENT, "EN102", "OFF-2", "case_investigator_certified", "officer_ids", RULE, \
  gettext_noop("investigation refused: an officer is not certified (OFF-2)"), \
  gettext_noop("Investigate with officers holding a certificate valid on the day, not suspended or revoked."), \
  gettext_noop("Officer %s %s (agency %s, %s).")) \
R(OFF1_ESTABLISHED, "EN103", "OFF-1", "certificate_established_staff", "officer_id", RULE, \
  gettext_noop("certificate refused: the officer is not established staff (OFF-1)"), \
  gettext_noop("Issue enforcement certificates only to established staff (在编人员); auxiliary and contract staff assist certified officers."), \
  gettext_noop("Officer %s has employment \"%s\".")) \
R(OFF1_POST, "EN103", "OFF-1", "certificate_enforcement_post", "officer_id", RULE, \
  gettext_noop("certificate refused: the officer is not on an enforcement post (OFF-1)"), \
  gettext_noop("Assign the officer to an enforcement post before issuing a certificate."), \
  gettext_noop("Officer %s is not on an enforcement post.")) \
R(OFF1_LEFT, "EN103", "OFF-1", "certificate_serving_officer", "officer_id", RULE, \
  gettext_noop("certificate refused: the officer has left (OFF-1)"), \
  gettext_noop("Certificates are issued only to serving officers."), \
  gettext_noop("Officer %s left on %s, on or before the certificate's date %s.")) \
R(OFF1_EXAM, "EN103", "OFF-1", "certificate_exam_passed", "officer_id", RULE, \
  gettext_noop("certificate refused: the officer has not passed the enforcement exam (OFF-1)"), \
  gettext_noop("Record the date the officer passed the exam; it must be on or before the certificate's date."), \
  gettext_noop("Officer %s has exam date %s; the certificate's date is %s.")) \
R(OFF3_SECOND_LIVE, "EN104", "OFF-3", "certificate_single_live", "officer_id", RULE, \
  gettext_noop("certificate refused: the officer already holds an unrevoked certificate (OFF-3)"), \
  gettext_noop("Revoke the officer's current certificate before issuing a new one."), \
  gettext_noop("Officer %s holds certificate %s.")) \
R(OFF3_REVOKED_FINAL, "EN104", "OFF-3", "certificate_revoked_final", "status", RULE, \
  gettext_noop("certificate refused: a revoked certificate is final (OFF-3)"), \
  gettext_noop("Issue a new certificate if the officer qualifies again."), \
  gettext_noop("Certificate %s was revoked on %s.")) \
R(OFF3_IDENTITY, "EN104", "OFF-3", "certificate_identity", "number", RULE, \
  gettext_noop("certificate refused: its number, officer and issue date never change (OFF-3)"), \
  gettext_noop("Revoke the certificate and issue a new one instead."), \
  gettext_noop("Certificate %s was number %s of officer %s issued on %s.")) \
R(OFF3_VALIDITY, "EN104", "OFF-3", "certificate_valid_after_issue", "valid_from", RULE, \
  gettext_noop("certificate refused: a certificate is valid and has a status only from its issue (OFF-3)"), \
  gettext_noop("Give valid_from and status_since on or after issued_on."), \
  gettext_noop("Certificate %s was issued on %s; it names valid_from %s and status_since %s.")) \
R(OFF3_FORWARD, "EN104", "OFF-3", "certificate_status_forward", "status_since", RULE, \
  gettext_noop("certificate refused: a status changes forward only, and its date never moves (OFF-3)"), \
  gettext_noop("Record a new status dated on or after the current one's date (today unless given); the certificate's history keeps every earlier status."), \
  gettext_noop("Certificate %s is %s since %s; the change names %s since %s.")) \
R(OFF3_OVER_REVOKED, "EN104", "OFF-3", "certificate_not_over_revocation", "valid_from", RULE, \
  gettext_noop("certificate refused: a new certificate cannot cover the days of a revocation (OFF-3)"), \
  gettext_noop("Make the new certificate valid from the day after the revocation; the days an officer was not certified stay so."), \
  gettext_noop("Officer %s had certificate %s revoked on %s; the new certificate is valid from %s.")) \
R(TAINT_CERTIFIED, "EN102", "OFF-2", "inspection_officer_certified_later", "officer_ids", RULE, \
  gettext_noop("inspection shown unlawful by a later record: an officer was not certified on the day (OFF-2)"), \
  gettext_noop("The inspection stays in the record and is listed in enforcement.v_standing_violations; review it and record what follows from it."), \
  gettext_noop("Inspection %s on %s by officer %s: %s.")) \
R(TAINT_CASE_CERTIFIED, "EN102", "OFF-2", "case_handler_certified_later", "handler_ids", RULE, \
  gettext_noop("case shown unlawful by a later record: a handler was not certified on the day it was opened (OFF-2)"), \
  gettext_noop("The case stays in the record and is listed in enforcement.v_standing_violations; review it and record what follows from it."), \
  gettext_noop("Case %s opened on %s by handler %s: %s.")) \
R(OFF5_INSPECTION, "EN105", "OFF-5", "inspection_two_officers", "officer_ids", RULE, \
  gettext_noop("inspection refused: fewer than two officers (OFF-5)"), \
  gettext_noop("An inspection is carried out by at least two certified officers (处罚法 Art 42)."), \
  gettext_noop("The inspection names the officers %s.")) \
R(OFF5_CASE, "EN105", "OFF-5", "case_two_handlers", "handler_ids", RULE, \
  gettext_noop("case refused: fewer than two handlers (OFF-5)"), \
  gettext_noop("A case is handled by at least two certified officers (处罚法 Art 42)."), \
  gettext_noop("The case names the handlers %s.")) \
R(OFF5_EVENT, "EN105", "OFF-5", "case_investigation_two_officers", "officer_ids", RULE, \
  gettext_noop("investigation refused: fewer than two officers (OFF-5)"), \
  gettext_noop("An investigation is carried out by at least two certified officers (处罚法 Art 42); name them in officer_ids."), \
  gettext_noop("The investigation of case %s names the officers %s.")) \
R(TAINT_RECUSAL, "EN107", "OFF-6", "inspection_recusal_later", "officer_ids", RULE, \
  gettext_noop("inspection shown unlawful by a later record: an officer had a declared conflict with the enterprise (OFF-6)"), \
  gettext_noop("The inspection stays in the record and is listed in enforcement.v_standing_violations; review it and record what follows from it."), \
  gettext_noop("Inspection %s on %s by officer %s: the conflict with enterprise %s is declared from %s.")) \
R(TAINT_CASE_RECUSAL, "EN107", "OFF-6", "case_handler_recusal_later", "handler_ids", RULE, \
  gettext_noop("case shown unlawful by a later record: a handler had a declared conflict with the enterprise (OFF-6)"), \
  gettext_noop("The case stays in the record and is listed in enforcement.v_standing_violations; review it and record what follows from it."), \
  gettext_noop("Case %s opened on %s by handler %s: the conflict with enterprise %s is declared from %s.")) \
R(INSP4_SHOWN, "EN106", "INSP-4", "inspection_certificates_shown", "certificates_shown", RULE, \
  gettext_noop("inspection refused: the certificates were not shown on site (INSP-4)"), \
  gettext_noop("Officers show their enforcement certificates on site (亮证执法); record certificates_shown."), \
  gettext_noop("On-site inspection %s has certificates_shown false.")) \
R(OFF6_INSPECTION, "EN107", "OFF-6", "inspection_recusal", "officer_ids", RULE, \
  gettext_noop("inspection refused: an officer has a declared conflict with the enterprise (OFF-6)"), \
  gettext_noop("Replace the officer; a declared conflict of interest bars him from the enterprise's inspections (处罚法 Art 43)."), \
  gettext_noop("Officer %s declared a conflict with enterprise %s.")) \
R(OFF6_CASE, "EN107", "OFF-6", "case_handler_recusal", "handler_ids", RULE, \
  gettext_noop("case refused: a handler has a declared conflict with the enterprise (OFF-6)"), \
  gettext_noop("Replace the handler; a declared conflict of interest bars him from the enterprise's cases (处罚法 Art 43)."), \
  gettext_noop("Officer %s declared a conflict with enterprise %s.")) \
R(OFF6_EVENT, "EN107", "OFF-6", "case_investigator_recusal", "officer_ids", RULE, \
  gettext_noop("investigation refused: an officer has a declared conflict with the enterprise (OFF-6)"), \
  gettext_noop("Replace the officer; a declared conflict of interest bars him from the enterprise's cases (处罚法 Art 43)."), \
  gettext_noop("Officer %s declared a conflict with enterprise %s.")) \
R(SUBJ2_UNKNOWN, "EN201", "SUBJ-2", "inspection_basis_known", "legal_basis_id", RULE, \
  gettext_noop("inspection refused: unknown legal basis (SUBJ-2)"), \
  gettext_noop("Cite a registered legal basis (enforcement.legal_bases)."), \
  gettext_noop("Legal basis %s is not registered.")) \
R(SUBJ2_IN_FORCE, "EN201", "SUBJ-2", "inspection_basis_in_force", "legal_basis_id", RULE, \
  gettext_noop("inspection refused: the legal basis is not in force on the day (SUBJ-2)"), \
  gettext_noop("Cite the provision in force on the inspection day."), \
  gettext_noop("Legal basis %s is not in force on %s.")) \
R(SUBJ2_POWER, "EN201", "SUBJ-2", "inspection_basis_power", "legal_basis_id", RULE, \
  gettext_noop("inspection refused: the legal basis is not a published inspection power of the agency (SUBJ-2)"), \
  gettext_noop("Inspect only under the powers in the agency's published list (检查事项清单)."), \
  gettext_noop("Legal basis %s is not an inspection power of agency %s published by %s.")) \
R(SUBJ2_PLAN_ITEM, "EN201", "SUBJ-2", "plan_item_basis_power", "legal_basis_id", RULE, \
  gettext_noop("plan item refused: the legal basis is not an inspection power of the agency (SUBJ-2)"), \
  gettext_noop("Plan only inspections listed in the agency's published powers (检查事项清单)."), \
  gettext_noop("Legal basis %s is not an inspection power of agency %s (plan %s).")) \
R(SUBJ2_CASE, "EN201", "SUBJ-2", "case_basis_power", "legal_basis_id", RULE, \
  gettext_noop("case refused: the legal basis is not a penalty power of the agency in force on the day (SUBJ-2)"), \
  gettext_noop("Open a case only under a provision in force that is in the agency's published list of penalty powers (权责清单)."), \
  gettext_noop("Legal basis %s: %s (agency %s, %s).")) \
R(SUBJ2_DECISION, "EN201", "SUBJ-2", "decision_basis_power", "decided_on", RULE, \
  gettext_noop("decision refused: the legal basis is not a penalty power of the agency in force on the day of the decision (SUBJ-2)"), \
  gettext_noop("Decide only under a provision in force on decided_on that is in the agency's published list of penalty powers (权责清单)."), \
  gettext_noop("Legal basis %s: %s (agency %s, %s).")) \
R(INSP2_NO_PLAN, "EN202", "INSP-2", "inspection_plan_or_exemption", "plan_id", RULE, \
  gettext_noop("inspection refused: a routine inspection needs a filed plan (INSP-2)"), \
  gettext_noop("Give plan_id, the agency's plan for the year filed with the justice bureau, or the exemption of an unplanned inspection with its reference."), \
  gettext_noop("Inspection %s names neither a plan nor an exemption.")) \
R(INSP2_PLAN, "EN202", "INSP-2", "inspection_filed_plan", "plan_id", RULE, \
  gettext_noop("inspection refused: not covered by a filed plan (INSP-2)"), \
  gettext_noop("Inspect routinely only under the agency's plan for the year, filed with the justice bureau before the inspection, with an item for its legal basis."), \
  gettext_noop("Plan %s: %s (inspection on %s, legal basis %s).")) \
R(INSP3_REPORT, "EN203", "INSP-3", "inspection_exemption_report", "complaint_id", RULE, \
  gettext_noop("inspection refused: a complaint or report exemption needs the report (INSP-3)"), \
  gettext_noop("Cite in complaint_id a violation report about this enterprise received on or before the inspection."), \
  gettext_noop("Inspection %s cites complaint %s for enterprise %s on %s.")) \
R(INSP3_COMPLAINT_ONLY, "EN203", "INSP-3", "inspection_complaint_for_report", "complaint_id", RULE, \
  gettext_noop("inspection refused: only a complaint or report exemption cites a complaint (INSP-3)"), \
  gettext_noop("Leave complaint_id empty, or give the exemption complaint_report with the violation report it rests on."), \
  gettext_noop("Inspection %s cites complaint %s without the exemption complaint_report.")) \
R(INSP3_REFERENCE, "EN203", "INSP-3", "inspection_exemption_reference", "exemption_ref", RULE, \
  gettext_noop("inspection refused: an unplanned inspection needs the reference of its exemption (INSP-3)"), \
  gettext_noop("Give in exemption_ref the document number of the superior's deployment or of the emergency or safety notice."), \
  gettext_noop("Inspection %s claims exemption \"%s\" without a reference.")) \
R(INSP5_CAP, "EN204", "INSP-5", "inspection_yearly_cap", "enterprise_id", RULE, \
  gettext_noop("inspection refused: the yearly cap of routine inspections is reached (INSP-5)"), \
  gettext_noop("Combine inspections (综合查一次) or wait for next year; only an exempt inspection may go beyond the published cap."), \
  gettext_noop("Agency %s already inspected enterprise %s %s times in %s; the cap is %s.")) \
R(GB32100, "EN205", "GB 32100-2015", "enterprise_credit_code", "credit_code", RULE, \
  gettext_noop("invalid unified social credit code (GB 32100-2015)"), \
  gettext_noop("A unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V and Z, and ends with its check character; copy it from the business licence."), \
  gettext_noop("Enterprise %s has credit code \"%s\".")) \
R(PLAN_FILED_ON, "EN206", "INSP-2", "plan_filing_date", "filed_on", RULE, \
  gettext_noop("plan filing refused: no filing date (INSP-2)"), \
  gettext_noop("Give filed_on, the day the justice bureau received the plan."), \
  gettext_noop("Plan %s is being filed without filed_on.")) \
R(PLAN_BUREAU, "EN206", "INSP-2", "plan_filed_with_bureau", "filed_with", RULE, \
  gettext_noop("plan filing refused: a plan is filed with a justice bureau (INSP-2)"), \
  gettext_noop("Set filed_with to the justice bureau (司法局) that received the plan."), \
  gettext_noop("Plan %s names filed_with %s, which is not a justice bureau.")) \
R(PLAN_ITEMS, "EN206", "INSP-2", "plan_has_items", NULL, RULE, \
  gettext_noop("plan filing refused: the plan has no items (INSP-2)"), \
  gettext_noop("Add the plan's items (one per legal basis to inspect under) before filing it."), \
  gettext_noop("Plan %s has no items.")) \
R(PLAN_OVER_INSPECTIONS, "EN206", "INSP-2", "plan_filing_after_inspections", "filed_on", RULE, \
  gettext_noop("plan filing refused: it is dated on or before inspections recorded under the draft (INSP-2)"), \
  gettext_noop("File the plan on the day the justice bureau received it; inspections recorded under a draft stay unplanned."), \
  gettext_noop("Plan %s is filed on %s; inspection %s was recorded under it as a draft on %s.")) \
R(PLAN_FINAL, "EN206", "INSP-2", "plan_filed_final", NULL, RULE, \
  gettext_noop("plan refused: a filed plan never changes (INSP-2)"), \
  gettext_noop("Draft a new plan for changes; a filed plan stays as the justice bureau received it."), \
  gettext_noop("Plan %s was filed on %s.")) \
R(PLAN_ITEM_FINAL, "EN206", "INSP-2", "plan_item_filed_final", "plan_id", RULE, \
  gettext_noop("plan item refused: a filed plan never changes (INSP-2)"), \
  gettext_noop("Draft a new plan for changes; a filed plan stays as the justice bureau received it."), \
  gettext_noop("Plan %s is filed; item for legal basis %s.")) \
R(INSP_BOTH, "EN207", "INSP-2", "inspection_plan_xor_exemption", "exemption", RULE, \
  gettext_noop("inspection refused: a routine inspection has no exemption (INSP-2)"), \
  gettext_noop("Give either plan_id (a routine inspection) or an exemption (an unplanned one), not both."), \
  gettext_noop("Inspection %s names plan %s and exemption \"%s\".")) \
R(INSP6_JOINT, "EN207", "INSP-6", "inspection_joint_matches", "joint_inspection_id", RULE, \
  gettext_noop("inspection refused: it does not match its joint inspection (INSP-6)"), \
  gettext_noop("Record each agency's part of a joint inspection once, for the joint inspection's enterprise and day."), \
  gettext_noop("Joint inspection %s: %s (agency %s, enterprise %s, %s).")) \
R(INSP_ENDED, "EN207", "INSP-6", "inspection_end_after_start", "ended_on", RULE, \
  gettext_noop("inspection refused: it cannot end before it began (INSP-6)"), \
  gettext_noop("Give ended_on on or after inspected_on."), \
  gettext_noop("Inspection %s took place on %s; ended_on is %s.")) \
R(INSP6_SIGNATURE, "EN207", "INSP-6", "signature_by_participant", "officer_id", RULE, \
  gettext_noop("signature refused: only the inspection's officers sign its ledger entry (INSP-6)"), \
  gettext_noop("The officers named in the inspection sign the ledger (检查台账) on or after the inspection day."), \
  gettext_noop("Officer %s %s (inspection %s).")) \
R(CASE_DATES, "EN207", "CASE-5", "case_dates_in_order", "discovered_on", RULE, \
  gettext_noop("case refused: its dates are out of order (CASE-1)"), \
  gettext_noop("A violation begins before it ends and before it is discovered, and a case is opened on or after the discovery."), \
  gettext_noop("Case %s: %s.")) \
R(CASE_INSPECTION, "EN207", "CASE-1", "case_inspection_matches", "inspection_id", RULE, \
  gettext_noop("case refused: it does not match its inspection (CASE-1)"), \
  gettext_noop("Name an inspection of the same agency and enterprise, made on or before the case was opened, or none."), \
  gettext_noop("Case %s names inspection %s, which is not an inspection of agency %s and enterprise %s by %s.")) \
R(REVIEW_CONSISTENT, "EN207", "CASE-2", "legal_review_consistent", "concluded_on", RULE, \
  gettext_noop("legal review refused: its dates and result do not agree (CASE-2)"), \
  gettext_noop("A review is submitted on or after the case was opened and concluded on or after it was submitted; concluded_on and result are given together."), \
  gettext_noop("Legal review %s of case %s: %s.")) \
R(DECISION_CONSISTENT, "EN207", "CASE-4", "decision_consistent", "kind", RULE, \
  gettext_noop("decision refused: its kind, circumstance and amounts do not agree (CASE-4)"), \
  gettext_noop("A no_penalty decision has circumstance exempt and no fine; every other decision has another circumstance; a fine decision has a fine; no amount is negative."), \
  gettext_noop("Decision on case %s: %s.")) \
R(PAYMENT_CONSISTENT, "EN207", "CASE-9", "payment_consistent", "paid_on", RULE, \
  gettext_noop("payment refused: it does not agree with its decision (CASE-9)"), \
  gettext_noop("A payment is a positive amount paid on or after the decision."), \
  gettext_noop("Payment %s of decision %s: %s.")) \
R(LIST_ENTRY, "EN207", "CASE-3", "published_entry_consistent", NULL, RULE, \
  gettext_noop("published entry refused: its values do not agree (CASE-3)"), \
  gettext_noop("A published entry ends on or after it was published, and no earlier than today when it is ended later; bounds and thresholds are not negative and the lower bound is not above the upper one."), \
  gettext_noop("Entry %s of table enforcement.%s: %s.")) \
R(DATE_RANGE, "EN207", "TIME-1", "date_in_range", NULL, STRICT, \
  gettext_noop("row refused: a date is not finite or out of range (TIME-1)"), \
  gettext_noop("Legal dates are finite, from 1900-01-01 to 2099-12-31."), \
  gettext_noop("Column %s of table enforcement.%s is %s.")) \
R(DATE_FUTURE, "EN207", "TIME-2", "act_not_in_future", NULL, STRICT, \
  gettext_noop("row refused: an act is dated after the day it is recorded (TIME-2)"), \
  gettext_noop("Record an act on or after the day it takes place; nothing is recorded ahead of time."), \
  gettext_noop("Column %s of table enforcement.%s is %s; it is recorded on %s.")) \
R(ROW_AGENCY, "EN207", "REC-1", "row_agency_of_parent", "agency_id", RULE, \
  gettext_noop("row refused: its agency is the agency of the row it belongs to"), \
  gettext_noop("Leave agency_id out; the extension fills it in from the row this one belongs to."), \
  gettext_noop("The row names agency %s; its %s %s belongs to agency %s.")) \
R(INDICATOR_OFFICER, "EN207", "QUOTA-1", "indicator_officer_agency", "officer_id", RULE, \
  gettext_noop("performance indicator refused: its officer belongs to another agency"), \
  gettext_noop("An officer's indicator is set by the officer's own agency; leave agency_id out to take the officer's."), \
  gettext_noop("The indicator names agency %s; officer %s belongs to agency %s.")) \
R(SUPERVISOR_CONSISTENT, "EN207", "SUP-2", "supervisor_consistent", "term_ends_on", RULE, \
  gettext_noop("supervisor refused: the appointment does not hold together (SUP-2)"), \
  gettext_noop("An enterprise commissioner names the enterprise; a term ends on or after the appointment."), \
  gettext_noop("Supervisor %s: %s.")) \
R(OUTCOME_DATED, "EN207", "ACC-1", "review_outcome_after_decision", "decided_on", RULE, \
  gettext_noop("review outcome refused: it is dated before the decision it reviews (ACC-1)"), \
  gettext_noop("Record the outcome of reconsideration or litigation on the day it was decided, on or after the decision."), \
  gettext_noop("Outcome of decision %s is dated %s; the decision is dated %s.")) \
R(ACC_BY_OUTCOME, "EN207", "ACC-1", "accountability_review_by_outcome", "review_outcome_id", STRICT, \
  gettext_noop("reverse investigation refused: it is opened by the extension (ACC-1)"), \
  gettext_noop("Record the outcome in enforcement.review_outcomes; a reversal opens its reverse investigation, with the handlers, the reviewer and the due day."), \
  gettext_noop("An INSERT of a reverse investigation of case %s.")) \
R(ACC_OPENED, "EN207", "ACC-1", "accountability_review_opened", "result", RULE, \
  gettext_noop("review outcome without its reverse investigation (ACC-1)"), \
  gettext_noop("A decision revoked, altered, confirmed unlawful or ordered to be performed opens a reverse investigation of its handlers and reviewer (directive VI.18)."), \
  gettext_noop("Outcome %s (%s) of decision %s has no reverse investigation.")) \
R(ACC_CONCLUDED, "EN207", "ACC-1", "accountability_review_concluded", "status", RULE, \
  gettext_noop("reverse investigation refused: it concludes once, with its finding and day (ACC-1)"), \
  gettext_noop("Conclude a reverse investigation by setting status concluded, its finding and concluded_on, on or after opened_on; a concluded one is not reopened."), \
  gettext_noop("Reverse investigation %s: %s.")) \
R(CASE_FILED, "EN301", "CASE-1", "case_opens_filed", "stage", STRICT, \
  gettext_noop("case refused: a case opens at the stage filed (CASE-1)"), \
  gettext_noop("Insert the case without stage; it moves on by events in enforcement.case_events."), \
  gettext_noop("Case %s names stage %s.")) \
R(CASE_STAGE_DIRECT, "EN301", "CASE-1", "case_stage_by_event", "stage", STRICT, \
  gettext_noop("case refused: its stage changes only through its events (CASE-1)"), \
  gettext_noop("Insert the next step into enforcement.case_events; the extension sets cases.stage."), \
  gettext_noop("UPDATE of the stage of case %s from %s to %s.")) \
R(EVENT_DECIDED, "EN301", "CASE-1", "case_decided_by_decision", "stage", STRICT, \
  gettext_noop("case event refused: a case is decided only by its decision (CASE-1)"), \
  gettext_noop("Insert the decision into enforcement.decisions; the extension records the event decided."), \
  gettext_noop("Case %s: an event decided was inserted directly.")) \
R(EVENT_TRANSITION, "EN301", "CASE-1", "case_stage_order", "stage", RULE, \
  gettext_noop("case event refused: a stage skipped, repeated or out of order (CASE-1)"), \
  gettext_noop("A case moves filed → investigated → notified → (hearing) → (reviewed) → decided → served → (executed) → closed, or from filed or investigated → dismissed → closed."), \
  gettext_noop("Case %s is %s; the event names %s.")) \
R(EVENT_DATE, "EN301", "CASE-1", "case_stage_date_order", "occurred_on", RULE, \
  gettext_noop("case event refused: a step is dated before the step it follows (CASE-1)"), \
  gettext_noop("Date each step on or after the case's previous step (opened_on for the first)."), \
  gettext_noop("Case %s was %s on %s; the event is dated %s.")) \
R(EVENT_HEARING, "EN301", "CASE-6", "case_hearing_after_offer", "stage", RULE, \
  gettext_noop("case event refused: a hearing follows a notice that offered it (CASE-6)"), \
  gettext_noop("Record the notice with hearing_offered true before the hearing."), \
  gettext_noop("Case %s: its notice did not offer a hearing.")) \
R(DECISION_STAGE, "EN301", "CASE-1", "decision_case_stage", "case_id", RULE, \
  gettext_noop("decision refused: the case is not at a stage that is decided (CASE-1)"), \
  gettext_noop("Decide a case after its notice (stage notified, hearing or reviewed), once."), \
  gettext_noop("Case %s is %s.")) \
R(DECISION_DATE, "EN301", "CASE-1", "decision_date_order", "decided_on", RULE, \
  gettext_noop("decision refused: it is dated before the step it follows (CASE-1)"), \
  gettext_noop("Date the decision on or after the case's previous step."), \
  gettext_noop("Case %s was %s on %s; the decision is dated %s.")) \
R(REVIEW_REQUIRED, "EN302", "CASE-2", "decision_legal_review", "case_id", RULE, \
  gettext_noop("decision refused: a major decision needs an approved legal review (CASE-2)"), \
  gettext_noop("Record the legal review (法制审核) of the case, approved and concluded on or before decided_on, before deciding."), \
  gettext_noop("Decision on case %s on %s is major (%s); %s.")) \
R(REVIEWER, "EN303", "CASE-2", "legal_reviewer_qualified", "reviewer_id", RULE, \
  gettext_noop("legal review refused: the reviewer is not qualified (CASE-2)"), \
  gettext_noop("A legal review is made by a designated reviewer of the case's agency with 法律职业资格 who is not a handler of the case."), \
  gettext_noop("Reviewer %s %s (case %s).")) \
R(REVIEWER_DECISION, "EN303", "CASE-2", "decision_reviewer_qualified", "case_id", RULE, \
  gettext_noop("decision refused: the legal review it relies on was made by a reviewer who is not qualified (CASE-2)"), \
  gettext_noop("Have the case reviewed again by a designated reviewer of the agency with 法律职业资格 who is not a handler of the case."), \
  gettext_noop("Reviewer %s %s (case %s, review %s).")) \
R(BENCHMARK_NONE, "EN304", "CASE-3", "decision_fine_benchmark", "fine_amount", RULE, \
  gettext_noop("decision refused: no discretion benchmark is published for the fine (CASE-3)"), \
  gettext_noop("Fine only under a discretion benchmark (裁量基准) published for the legal basis and circumstance and in force on decided_on."), \
  gettext_noop("Fine %s on case %s under legal basis %s, circumstance %s, on %s.")) \
R(BENCHMARK_RANGE, "EN304", "CASE-3", "decision_fine_within_benchmark", "fine_amount", RULE, \
  gettext_noop("decision refused: the fine is outside its discretion benchmark (CASE-3)"), \
  gettext_noop("Set the fine within the bounds of the benchmark for the legal basis and circumstance, bounds included."), \
  gettext_noop("Fine %s on case %s is outside benchmark %s, from %s to %s.")) \
R(LENIENCY, "EN305", "CASE-4", "decision_leniency_applies", "kind", RULE, \
  gettext_noop("decision refused: a published no-penalty item applies (CASE-4)"), \
  gettext_noop("Decide no_penalty with circumstance exempt; the extension records the item applied (处罚法 Art 33)."), \
  gettext_noop("Case %s: item %s (%s) applies; the decision is %s.")) \
R(LIMITATION, "EN306", "CASE-5", "decision_limitation", "case_id", RULE, \
  gettext_noop("decision refused: the limitation period has expired (CASE-5)"), \
  gettext_noop("No penalty is given for a violation discovered after the limitation period (处罚法 Art 36); decide no_penalty, or dismiss the case before its notice."), \
  gettext_noop("Case %s: the violation of %s was discovered on %s, after the %s-year limitation ended on %s.")) \
R(HEARING, "EN307", "CASE-6", "decision_hearing_offered", "kind", RULE, \
  gettext_noop("decision refused: a hearing-eligible decision needs the hearing right offered (CASE-6)"), \
  gettext_noop("Record the notice with hearing_offered true, and let the party ask for a hearing, before such a decision (处罚法 Art 63-64)."), \
  gettext_noop("Decision %s on case %s is hearing-eligible (%s); the notice did not offer a hearing.")) \
R(ONSITE, "EN308", "CASE-9", "payment_onsite_limit", "collector", RULE, \
  gettext_noop("payment refused: on-site collection beyond its limit without a reason (CASE-9)"), \
  gettext_noop("Collect through a designated bank or e-payment; collect on site only up to onsite_collection_limit, or record in onsite_reason why it could not be paid later (处罚法 Art 68-69)."), \
  gettext_noop("Payment of %s collected on site for decision %s; the limit is %s.")) \
R(OVERPAID, "EN308", "CASE-9", "payment_not_beyond_owed", "amount", RULE, \
  gettext_noop("payment refused: payments beyond what is owed (CASE-9)"), \
  gettext_noop("The fine and its late payment together never exceed twice the fine (处罚法 Art 72)."), \
  gettext_noop("Decision %s fined %s; with this payment %s is paid.")) \
R(CLOSED, "EN309", "CASE-10", "record_closed", NULL, RULE, \
  gettext_noop("this record is closed and does not change (CASE-10)"), \
  gettext_noop("A decision and a concluded legal review stay as written; only a decision's disclosure date is set, once."), \
  gettext_noop("UPDATE of column %s of table enforcement.%s.")) \
R(DISCLOSED, "EN309", "CASE-10", "decision_disclosed_after", "disclosed_on", RULE, \
  gettext_noop("decision refused: it is disclosed before the day it was decided (CASE-10)"), \
  gettext_noop("Give disclosed_on, the day the decision was made public, on or after decided_on."), \
  gettext_noop("Decision %s was decided on %s; disclosed_on is %s.")) \
R(REC_DELETE, "EN501", "REC-2", "record_never_deleted", NULL, REMOVAL, \
  gettext_noop("enforcement records are never deleted (REC-2)"), \
  gettext_noop("Enforcement records are kept for good; record a correction as a new row or a status change instead."), \
  gettext_noop("DELETE of row %s of table enforcement.%s.")) \
R(REC_TRUNCATE, "EN501", "REC-2", "record_never_truncated", NULL, REMOVAL, \
  gettext_noop("enforcement records are never truncated (REC-2)"), \
  gettext_noop("Enforcement records are kept for good; record a correction as a new row or a status change instead."), \
  gettext_noop("TRUNCATE of table enforcement.%s.")) \
R(REC_FIXED, "EN501", "REC-2", "record_fixed_once_written", NULL, REMOVAL, \
  gettext_noop("this record is fixed once written (REC-2)"), \
  gettext_noop("Record a correction as a new row or by the columns that may change; see enforcement.declared_tables."), \
  gettext_noop("UPDATE of column %s of table enforcement.%s; the columns that may change are: %s.")) \
R(REC_SET_ONCE, "EN501", "REC-2", "record_set_once", NULL, REMOVAL, \
  gettext_noop("this value is set once and fixed after (REC-2)"), \
  gettext_noop("A departure, an exam date or an end is recorded once, when it happens, and never moved; docs/install.md says how a mistaken one is corrected."), \
  gettext_noop("UPDATE of column %s of table enforcement.%s, set to %s.")) \
R(REC_LOG, "EN501", "REC-1", "process_record_protected", NULL, STRICT, \
  gettext_noop("the process record is written only by the extension and never changed (REC-1)"), \
  gettext_noop("Entries are appended by the extension's triggers; an auditor checks them with enforcement.verify_process_log()."), \
  gettext_noop("%s on table enforcement.%s.")) \
R(QUOTA_METRIC, "EN401", "QUOTA-1", "quota_metric_banned", "metric", RULE, \
  gettext_noop("performance indicator refused: it measures fines, confiscations, penalties or inspections (QUOTA-1)"), \
  gettext_noop("Fines and penalty or inspection counts are never ranked or used as performance targets (directive II.4); measure lawfulness and service instead, such as reversal rates or complaint answer times."), \
  gettext_noop("Metric \"%s\" is the banned metric %s.")) \
R(QUOTA_TERM, "EN401", "QUOTA-2", "quota_term_used", "name", RULE, \
  gettext_noop("performance indicator refused: it uses the banned vocabulary (QUOTA-2)"), \
  gettext_noop("No indicator or target is tied to fines, confiscations, penalty revenue or counts of penalties or inspections (directive II.4); see enforcement.quota_terms."), \
  gettext_noop("Column %s \"%s\" uses the banned term \"%s\".")) \
R(CMP1_FORWARD, "EN402", "CMP-1", "complaint_stage_forward", "status", RULE, \
  gettext_noop("complaint refused: its stage moves forward only (CMP-1)"), \
  gettext_noop("A complaint moves received → accepted or rejected; accepted → verified → answered → closed; rejected → closed."), \
  gettext_noop("Complaint %s cannot move from %s to %s.")) \
R(CMP1_RECEIVED, "EN402", "CMP-1", "complaint_received_first", "status", RULE, \
  gettext_noop("complaint refused: a complaint is recorded as received, and moves on by its stages (CMP-1)"), \
  gettext_noop("Insert the complaint with status received and no stage dates; record each later stage as an UPDATE of status with its date."), \
  gettext_noop("Complaint %s is inserted with status %s or a stage date.")) \
R(CMP1_DATED, "EN402", "CMP-1", "complaint_stage_dated", "status", RULE, \
  gettext_noop("complaint refused: each stage is dated, on or after the stage before it (CMP-1)"), \
  gettext_noop("Give the stage's date (accepted_on, answered_on, closed_on) with the stage, on or after the dates before it."), \
  gettext_noop("Complaint %s: %s.")) \
R(CMP1_REPORTED, "EN402", "CMP-1", "complaint_reported_before_closing", "reported_to_justice_on", RULE, \
  gettext_noop("complaint refused: a conduct complaint closes only after it was reported to the justice bureau (CMP-1)"), \
  gettext_noop("Report the complaint about enforcement conduct to the justice bureau and set reported_to_justice_on, on or before closed_on (directive IV.11)."), \
  gettext_noop("Conduct complaint %s is closed on %s; reported to the justice bureau: %s.")) \
R(SCOPE_WRITE, "EN503", "EN503", "writer_agency_scope", "agency_id", STRICT, \
  gettext_noop("write refused: the role does not act for this agency (EN503)"), \
  gettext_noop("Write only rows of the agencies your role is a member of in enforcement.agency_members."), \
  gettext_noop("Role \"%s\" wrote a row of agency %s to table enforcement.%s."))

#define EN_RULE_ENUM(id, code, rule, name, column, kind, message, hint, detail) \
	EN_R_##id,
typedef enum EnRuleId
{
	EN_RULE_LIST(EN_RULE_ENUM)
	EN_RULE_COUNT
} EnRuleId;
#undef EN_RULE_ENUM

typedef struct EnRule
{
	const char *code;			/* SQLSTATE, EN + 3 digits */
	const char *rule;			/* the rule of invariants.md */
	const char *name;			/* unique */
	const char *column;			/* the column at fault, or NULL */
	EnRuleKind	kind;
	const char *message;		/* untranslated */
	const char *hint;
	const char *detail;			/* a format of %s */
} EnRule;

extern const EnRule *en_rule(EnRuleId id);
extern int	en_rule_sqlstate(const EnRule *rule);

#endif							/* EN_RULES_H */
