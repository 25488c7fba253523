-- ---------------------------------------------------------------------------
-- Supervision views of complaints and accountability (CMP-1, ACC-1/2), and
-- who reads the supervision views (SUP-1, SUP-2).
--
-- Every supervision view belongs to enforcement_view_owner and runs with
-- that role's privileges, so that social supervisors and enterprise
-- commissioners (enforcement_observer) read the views and no table.  The
-- owner reads every table but the secrets and the private columns, under
-- its own row-security policy: enforcement.view_sees() of each row's
-- agency, for the role that queries the view.  A writer so sees what its
-- own agencies' rows add up to, as under its own policy; a supervisor or
-- an auditor all; an observer all while its term runs (src/scope.c).  No
-- view shows the complainant, and none ranks agencies or officers by fines
-- or penalty counts.
-- ---------------------------------------------------------------------------

-- One row per open complaint past a deadline (CMP-1; directive IV.11):
-- not yet accepted or rejected complaint_accept_working_days working days
-- after it was received, or accepted and not yet answered
-- complaint_answer_days days after it was accepted.
CREATE VIEW enforcement.v_overdue_complaints AS
SELECT c.id AS complaint_id,
       c.agency_id,
       c.kind,
       c.status,
       c.received_on,
       c.accepted_on,
       d.due_on,
       CURRENT_DATE - d.due_on AS days_overdue
FROM enforcement.complaints c
CROSS JOIN (SELECT coalesce((SELECT st.value::integer FROM enforcement.settings st
                             WHERE st.name = 'complaint_accept_working_days'), 5) AS accept_days,
                   coalesce((SELECT st.value::integer FROM enforcement.settings st
                             WHERE st.name = 'complaint_answer_days'), 30) AS answer_days) s
CROSS JOIN LATERAL (
    SELECT CASE
               WHEN c.status = 'received'
                   THEN enforcement.add_working_days(c.received_on, s.accept_days)
               WHEN c.status IN ('accepted', 'verified')
                   THEN c.accepted_on + s.answer_days
           END AS due_on
) d
WHERE c.status IN ('received', 'accepted', 'verified')
  AND pg_catalog.isfinite(c.received_on)
  AND d.due_on < CURRENT_DATE;
COMMENT ON VIEW enforcement.v_overdue_complaints IS
    'CMP-1: open complaints past a deadline: not accepted or rejected within complaint_accept_working_days working days of receipt, or not answered within complaint_answer_days days of acceptance (directive IV.11).';

-- One row per open reverse investigation (ACC-1) and per sanctioned
-- officer (ACC-2).  officer_id is the sanctioned officer; an
-- investigation lists its officers in officer_ids.
CREATE VIEW enforcement.v_accountability AS
SELECT 'reverse_investigation'::text AS kind,
       a.id,
       a.case_id,
       NULL::bigint AS officer_id,
       a.officer_ids,
       a.agency_id,
       a.review_outcome_id,
       a.opened_on,
       a.due_on,
       a.status,
       CASE WHEN a.due_on < CURRENT_DATE THEN CURRENT_DATE - a.due_on ELSE 0 END
           AS days_overdue
FROM enforcement.accountability_reviews a
WHERE a.status = 'open'
UNION ALL
SELECT 'sanction',
       s.id,
       a.case_id,
       s.officer_id,
       ARRAY[s.officer_id],
       s.agency_id,
       a.review_outcome_id,
       s.decided_on,
       NULL::date,
       s.sanction,
       0
FROM enforcement.officer_sanctions s
LEFT JOIN enforcement.accountability_reviews a ON a.id = s.accountability_review_id
WHERE s.sanction <> 'none';
COMMENT ON VIEW enforcement.v_accountability IS
    'ACC-1/2: open reverse investigations (责任倒查) of reversed decisions, with their officers and due day, and officers sanctioned with suspension or revocation (directive VI.18).';

-- The region-wide benchmarks and lists are read in the views as writers
-- read them.
ALTER POLICY region_wide_read ON enforcement.discretion_benchmarks
    TO enforcement_writer, enforcement_view_owner;
ALTER POLICY region_wide_read ON enforcement.leniency_items
    TO enforcement_writer, enforcement_view_owner;

-- The supervision views run as their owner (above).
ALTER VIEW enforcement.v_officer_certification OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_inspection_ledger OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_unplanned_inspections OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_inspection_frequency OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_enterprise_burden OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_late_records OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_complaint_grounds OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_legal_review_register OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_leniency_ledger OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_overdue_cases OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_overdue_disclosures OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_three_systems OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_overdue_complaints OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_accountability OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_officer_certification RESET (security_invoker);
ALTER VIEW enforcement.v_inspection_ledger RESET (security_invoker);
ALTER VIEW enforcement.v_unplanned_inspections RESET (security_invoker);
ALTER VIEW enforcement.v_inspection_frequency RESET (security_invoker);
ALTER VIEW enforcement.v_enterprise_burden RESET (security_invoker);
ALTER VIEW enforcement.v_late_records RESET (security_invoker);
ALTER VIEW enforcement.v_complaint_grounds RESET (security_invoker);
ALTER VIEW enforcement.v_legal_review_register RESET (security_invoker);
ALTER VIEW enforcement.v_leniency_ledger RESET (security_invoker);
ALTER VIEW enforcement.v_overdue_cases RESET (security_invoker);
ALTER VIEW enforcement.v_overdue_disclosures RESET (security_invoker);
ALTER VIEW enforcement.v_three_systems RESET (security_invoker);

GRANT SELECT ON enforcement.v_overdue_complaints, enforcement.v_accountability
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
-- A writer reads its own agencies' late records and complaint grounds too,
-- now that the views show each role its own rows without the process
-- record itself.
GRANT SELECT ON enforcement.v_late_records, enforcement.v_complaint_grounds
    TO enforcement_writer;
GRANT SELECT ON enforcement.v_officer_certification, enforcement.v_inspection_ledger,
    enforcement.v_unplanned_inspections, enforcement.v_inspection_frequency,
    enforcement.v_enterprise_burden, enforcement.v_late_records,
    enforcement.v_complaint_grounds, enforcement.v_legal_review_register,
    enforcement.v_leniency_ledger, enforcement.v_overdue_cases,
    enforcement.v_overdue_disclosures, enforcement.v_three_systems,
    enforcement.v_overdue_complaints, enforcement.v_accountability
    TO enforcement_observer;
-- The functions the views call run as the caller.
GRANT EXECUTE ON FUNCTION enforcement.add_working_days(date, integer),
    enforcement.is_working_day(date),
    enforcement.certificate_holds(date, date, text, date, date),
    enforcement.rule_cap_in_force(bigint, integer, date),
    enforcement.visit(bigint, bigint),
    enforcement.routine_visit(bigint, bigint, bigint),
    enforcement.decision_major(bigint),
    enforcement.decision_review(bigint),
    enforcement.may_see_agency(bigint),
    enforcement.view_sees(bigint),
    enforcement.node_id()
    TO enforcement_observer;
GRANT EXECUTE ON FUNCTION enforcement.view_sees(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
