-- ---------------------------------------------------------------------------
-- Supervision views of cases and decisions (SUP-1; CASE-2, -4, -7, -8 and
-- the three systems of 118号).  Like the views of inspections, each runs
-- with the caller's privileges and row security, and reads the rules'
-- own answers: decision_major() and decision_review() are the code of the
-- decision trigger (src/decisions.c), add_working_days() the calendar's.
-- ---------------------------------------------------------------------------

-- One row per decision: whether it is major (CASE-2) and the approved
-- review by a qualified reviewer it rests on.
CREATE VIEW enforcement.v_legal_review_register WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.case_id,
       d.agency_id,
       d.decided_on,
       d.kind,
       m.major_because,
       m.major_because IS NOT NULL AS major,
       r.id IS NOT NULL AS reviewed,
       r.reviewer_id,
       r.concluded_on
FROM enforcement.decisions d
CROSS JOIN LATERAL (SELECT enforcement.decision_major(d.id) AS major_because,
                           enforcement.decision_review(d.id) AS review_id) m
LEFT JOIN enforcement.legal_reviews r ON r.id = m.review_id;
COMMENT ON VIEW enforcement.v_legal_review_register IS
    'CASE-2: every decision, whether it is major and why, and the approved legal review by a qualified reviewer it rests on (重大执法决定法制审核).';

-- One row per no-penalty decision under a published item: the ledger
-- (台账) of CASE-4.
CREATE VIEW enforcement.v_leniency_ledger WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.case_id,
       d.agency_id,
       c.enterprise_id,
       c.legal_basis_id,
       d.leniency_item_id,
       l.kind,
       d.decided_on
FROM enforcement.decisions d
JOIN enforcement.cases c ON c.id = d.case_id
JOIN enforcement.leniency_items l ON l.id = d.leniency_item_id
WHERE d.kind = 'no_penalty';
COMMENT ON VIEW enforcement.v_leniency_ledger IS
    'CASE-4: the ledger (台账) of decisions not to penalise under a published no-penalty item.';

-- One row per open case past its deadline (CASE-8): opened_on plus
-- decision_deadline_days calendar days, before a decision or dismissal.
CREATE VIEW enforcement.v_overdue_cases WITH (security_invoker = true) AS
SELECT c.id AS case_id,
       c.agency_id,
       c.opened_on,
       c.stage,
       c.opened_on + s.days AS due_on,
       CURRENT_DATE - (c.opened_on + s.days) AS days_overdue
FROM enforcement.cases c
CROSS JOIN (SELECT coalesce((SELECT st.value::integer FROM enforcement.settings st
                             WHERE st.name = 'decision_deadline_days'), 90) AS days) s
WHERE c.stage IN ('filed', 'investigated', 'notified', 'hearing', 'reviewed')
  AND pg_catalog.isfinite(c.opened_on)
  AND c.opened_on + s.days < CURRENT_DATE;
COMMENT ON VIEW enforcement.v_overdue_cases IS
    'CASE-8: open cases past opened_on + decision_deadline_days (处罚法 Art 60).';

-- One row per decision not disclosed by its due day (CASE-7):
-- disclosure_working_days working days after decided_on, by the calendar.
CREATE VIEW enforcement.v_overdue_disclosures WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.agency_id,
       d.decided_on,
       enforcement.add_working_days(d.decided_on, s.days) AS due_on,
       d.disclosed_on
FROM enforcement.decisions d
CROSS JOIN (SELECT coalesce((SELECT st.value::integer FROM enforcement.settings st
                             WHERE st.name = 'disclosure_working_days'), 7) AS days) s
WHERE pg_catalog.isfinite(d.decided_on)
  AND coalesce(d.disclosed_on, CURRENT_DATE) >
      enforcement.add_working_days(d.decided_on, s.days);
COMMENT ON VIEW enforcement.v_overdue_disclosures IS
    'CASE-7: decisions disclosed after, or not disclosed by, decided_on + disclosure_working_days working days (118号; 处罚法 Art 48).';

CREATE FUNCTION enforcement.may_see_agency(agency_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_may_see_agency_sql' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.may_see_agency(bigint) IS
    'Whether the current role sees the agency''s rows: a writer its own agencies'', every other role all.';
GRANT EXECUTE ON FUNCTION enforcement.may_see_agency(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

-- One row per enforcement agency: the three systems (118号) — disclosure,
-- the full record of each case, and the legal review of major decisions.
-- A case has its full record when each of its steps carries a document
-- number (not blank); a decision is disclosed on time when it is disclosed
-- by its due day.
CREATE VIEW enforcement.v_three_systems WITH (security_invoker = true) AS
WITH decided AS (
    SELECT r.agency_id,
           count(*) AS decisions,
           count(*) FILTER (WHERE o.decision_id IS NULL
                              AND d.disclosed_on IS NOT NULL) AS disclosed_on_time,
           count(*) FILTER (WHERE r.major) AS major_decisions,
           count(*) FILTER (WHERE r.major AND r.reviewed) AS reviewed_major
    FROM enforcement.v_legal_review_register r
    JOIN enforcement.decisions d ON d.id = r.decision_id
    LEFT JOIN enforcement.v_overdue_disclosures o ON o.decision_id = r.decision_id
    GROUP BY r.agency_id
), recorded AS (
    SELECT c.agency_id,
           count(*) AS cases,
           count(*) FILTER (WHERE NOT EXISTS (
                   SELECT FROM enforcement.case_events e
                   WHERE e.case_id = c.id
                     AND (e.document_no IS NULL
                          OR e.document_no ~ '^[[:space:]　]*$'))
               AND EXISTS (SELECT FROM enforcement.case_events e WHERE e.case_id = c.id)
           ) AS cases_with_full_record
    FROM enforcement.cases c
    GROUP BY c.agency_id
)
SELECT a.id AS agency_id,
       coalesce(d.decisions, 0) AS decisions,
       coalesce(d.disclosed_on_time, 0) AS disclosed_on_time,
       coalesce(d.major_decisions, 0) AS major_decisions,
       coalesce(d.reviewed_major, 0) AS reviewed_major,
       coalesce(r.cases, 0) AS cases,
       coalesce(r.cases_with_full_record, 0) AS cases_with_full_record
FROM enforcement.agencies a
LEFT JOIN decided d ON d.agency_id = a.id
LEFT JOIN recorded r ON r.agency_id = a.id
WHERE a.kind <> 'justice_bureau' AND enforcement.may_see_agency(a.id);
COMMENT ON VIEW enforcement.v_three_systems IS
    'The three systems (118号) per enforcement agency: decisions disclosed on time, major decisions reviewed, cases with their full record.';

GRANT SELECT ON enforcement.v_legal_review_register, enforcement.v_leniency_ledger,
    enforcement.v_overdue_cases, enforcement.v_overdue_disclosures,
    enforcement.v_three_systems
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
