-- ---------------------------------------------------------------------------
-- Supervision views (SUP-1).  Each runs with the caller's privileges and
-- row security: a writer sees what its agencies' rows add up to, a
-- supervisor or an auditor the whole.  Each reads the facts through the
-- predicates of facts.sql, the SQL readings of what the triggers judge,
-- and keeps its filters on the rows' own columns, so that one agency's or
-- one enterprise's rows come from an index (docs/views.md).
-- ---------------------------------------------------------------------------

-- One row per officer: the current (or, with none, the latest) certificate.
CREATE VIEW enforcement.v_officer_certification WITH (security_invoker = true) AS
SELECT o.id AS officer_id,
       o.agency_id,
       c.number AS certificate_number,
       c.status,
       c.valid_to,
       (c.id IS NOT NULL
        AND (o.left_on IS NULL OR o.left_on > current_date)
        AND enforcement.certificate_holds(c.valid_from, c.valid_to, c.status,
                                          c.status_since, current_date))
           AS certified_today,
       CASE
           WHEN o.left_on <= current_date THEN 'left'
           WHEN c.id IS NULL THEN 'no_certificate'
           WHEN c.status = 'revoked' AND c.status_since <= current_date THEN 'revoked'
           WHEN c.status = 'suspended' AND c.status_since <= current_date THEN 'suspended'
           WHEN c.valid_from > current_date THEN 'not_yet_valid'
           WHEN c.valid_to < current_date THEN 'expired'
           WHEN c.valid_to < current_date + 90 THEN 'expires_within_90_days'
       END AS problem
FROM enforcement.officers o
LEFT JOIN LATERAL (
    SELECT c.*
    FROM enforcement.certificates c
    WHERE c.officer_id = o.id
    ORDER BY c.status <> 'revoked' DESC, c.issued_on DESC, c.id DESC
    LIMIT 1
) c ON true;
COMMENT ON VIEW enforcement.v_officer_certification IS
    'OFF-2: one row per officer, with the current (or latest) certificate and whether the officer is certified today.';

-- One row per inspection: the inspection ledger (检查台账, INSP-6) — who
-- inspected, on which ground, and whether every officer signed.
CREATE VIEW enforcement.v_inspection_ledger WITH (security_invoker = true) AS
SELECT i.id AS inspection_id,
       i.agency_id,
       i.enterprise_id,
       i.inspected_on,
       i.plan_id IS NOT NULL AS planned,
       i.exemption,
       o.officer_count,
       s.signed_count,
       s.signed_count = o.officer_count AS signatures_complete,
       i.outcome,
       i.legal_basis_id,
       i.joint_inspection_id,
       i.ended_on
FROM enforcement.inspections i
CROSS JOIN LATERAL (
    SELECT count(DISTINCT x.officer_id) AS officer_count
    FROM unnest(i.officer_ids) AS x(officer_id)
) o
CROSS JOIN LATERAL (
    SELECT count(*) AS signed_count
    FROM enforcement.inspection_signatures s
    WHERE s.inspection_id = i.id AND s.officer_id = ANY (i.officer_ids)
) s;
COMMENT ON VIEW enforcement.v_inspection_ledger IS
    'Inspection ledger (INSP-6): one row per inspection, planned or on which exemption, with its distinct officers and how many of them signed.';

-- One row per unplanned inspection (INSP-3): the exemption and its
-- reference, a superior's document or a violation report.
CREATE VIEW enforcement.v_unplanned_inspections WITH (security_invoker = true) AS
SELECT i.id AS inspection_id,
       i.agency_id,
       i.enterprise_id,
       i.inspected_on,
       i.exemption,
       i.exemption_ref,
       i.complaint_id
FROM enforcement.inspections i
WHERE i.exemption IS NOT NULL;
COMMENT ON VIEW enforcement.v_unplanned_inspections IS
    'Unplanned inspections (INSP-3): one row per inspection made on an exemption, with the document or complaint it rests on.';

-- One row per agency, enterprise and calendar year (INSP-5): routine visits
-- (a joint inspection once) against the cap in force today; exempt visits
-- are shown but never count toward the cap.
CREATE VIEW enforcement.v_inspection_frequency WITH (security_invoker = true) AS
SELECT f.agency_id,
       f.enterprise_id,
       f.year,
       f.routine_visits,
       f.exempt_visits,
       f.cap,
       coalesce(f.routine_visits > f.cap, false) AS over_cap
FROM (
    SELECT g.*, enforcement.rule_cap_in_force(g.agency_id, g.year, current_date) AS cap
    FROM (
        SELECT i.agency_id,
               i.enterprise_id,
               extract(year FROM i.inspected_on)::integer AS year,
               count(DISTINCT enforcement.routine_visit(i.plan_id,
                     i.joint_inspection_id, i.id)) AS routine_visits,
               count(DISTINCT enforcement.visit(i.joint_inspection_id, i.id))
                   FILTER (WHERE i.exemption IS NOT NULL) AS exempt_visits
        FROM enforcement.inspections i
        WHERE pg_catalog.isfinite(i.inspected_on)
        GROUP BY i.agency_id, i.enterprise_id,
                 extract(year FROM i.inspected_on)::integer
    ) g
) f;
COMMENT ON VIEW enforcement.v_inspection_frequency IS
    'Inspection frequency (INSP-5): one row per agency, enterprise and year; routine visits, a joint inspection once, against the published cap in force (the agency''s own beats the general one); exempt visits do not count.';

-- One row per enterprise and calendar year (INSP-5, 综合查一次): how many
-- agencies came and how many times, a joint inspection once across all its
-- agencies.
CREATE VIEW enforcement.v_enterprise_burden WITH (security_invoker = true) AS
SELECT i.enterprise_id,
       extract(year FROM i.inspected_on)::integer AS year,
       count(DISTINCT i.agency_id) AS agencies,
       count(DISTINCT enforcement.visit(i.joint_inspection_id, i.id)) AS visits,
       count(DISTINCT enforcement.routine_visit(i.plan_id,
             i.joint_inspection_id, i.id)) AS routine_visits,
       count(DISTINCT enforcement.visit(i.joint_inspection_id, i.id))
           FILTER (WHERE i.exemption IS NOT NULL) AS exempt_visits
FROM enforcement.inspections i
WHERE pg_catalog.isfinite(i.inspected_on)
GROUP BY i.enterprise_id, extract(year FROM i.inspected_on)::integer;
COMMENT ON VIEW enforcement.v_enterprise_burden IS
    'Inspection burden (INSP-5): one row per enterprise and year; agencies that came and distinct visits, a joint inspection once across all its agencies.';

GRANT SELECT ON enforcement.v_officer_certification TO enforcement_writer,
    enforcement_supervisor, enforcement_auditor;
GRANT SELECT ON enforcement.v_inspection_ledger, enforcement.v_unplanned_inspections,
    enforcement.v_inspection_frequency, enforcement.v_enterprise_burden
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- What the database cannot judge alone, shown (docs/rules.md, "Facts over
-- time"): acts recorded late, and the complaints unplanned inspections
-- rest on.  Both read the process record's own time; supervisors and
-- auditors read them.
-- ---------------------------------------------------------------------------

-- One row per act recorded more than late_record_days after its date:
-- inspections, joint inspections, signatures (row_id: the inspection),
-- plan filings, cases, their steps (but decided: its decision's), legal
-- reviews (submitted_on), decisions, payments, complaints (received_on),
-- outcomes of review and officers' sanctions.  recorded_on is the day of
-- the act's first entry in the process record (for a filing, the entry
-- that filed the plan).
CREATE VIEW enforcement.v_late_records WITH (security_invoker = true) AS
WITH first_entries AS (
    SELECT pl.table_name, pl.row_id, min(pl.logged_at) AS logged_at
    FROM enforcement.process_log pl
    WHERE pl.operation = 'INSERT' AND pl.row_id IS NOT NULL
    GROUP BY pl.table_name, pl.row_id
), filings AS (
    SELECT pl.row_id, min(pl.logged_at) AS logged_at
    FROM enforcement.process_log pl
    WHERE pl.table_name = 'inspection_plans'
      AND pl.row_data OPERATOR(pg_catalog.->>) 'status' = 'filed'
    GROUP BY pl.row_id
), signed AS (
    SELECT pl.row_data OPERATOR(pg_catalog.->) 'inspection_id' AS inspection_id,
           pl.row_data OPERATOR(pg_catalog.->) 'officer_id' AS officer_id,
           min(pl.logged_at) AS logged_at
    FROM enforcement.process_log pl
    WHERE pl.table_name = 'inspection_signatures' AND pl.operation = 'INSERT'
    GROUP BY 1, 2
), acts AS (
    SELECT 'inspections'::text AS table_name, i.id AS row_id, i.agency_id,
           i.inspected_on AS act_date, e.logged_at
    FROM enforcement.inspections i
    JOIN first_entries e ON e.table_name = 'inspections' AND e.row_id = i.id
    UNION ALL
    SELECT 'joint_inspections', j.id, j.lead_agency_id, j.inspected_on, e.logged_at
    FROM enforcement.joint_inspections j
    JOIN first_entries e ON e.table_name = 'joint_inspections' AND e.row_id = j.id
    UNION ALL
    SELECT 'inspection_signatures', s.inspection_id, s.agency_id, s.signed_on,
           g.logged_at
    FROM enforcement.inspection_signatures s
    JOIN signed g ON g.inspection_id = pg_catalog.to_jsonb(s.inspection_id)
                 AND g.officer_id = pg_catalog.to_jsonb(s.officer_id)
    UNION ALL
    SELECT 'inspection_plans', p.id, p.agency_id, p.filed_on, f.logged_at
    FROM enforcement.inspection_plans p
    JOIN filings f ON f.row_id = p.id
    WHERE p.filed_on IS NOT NULL
    UNION ALL
    SELECT 'cases', c.id, c.agency_id, c.opened_on, e.logged_at
    FROM enforcement.cases c
    JOIN first_entries e ON e.table_name = 'cases' AND e.row_id = c.id
    UNION ALL
    SELECT 'case_events', ce.id, ce.agency_id, ce.occurred_on, e.logged_at
    FROM enforcement.case_events ce
    JOIN first_entries e ON e.table_name = 'case_events' AND e.row_id = ce.id
    WHERE ce.stage <> 'decided'
    UNION ALL
    SELECT 'legal_reviews', r.id, r.agency_id, r.submitted_on, e.logged_at
    FROM enforcement.legal_reviews r
    JOIN first_entries e ON e.table_name = 'legal_reviews' AND e.row_id = r.id
    UNION ALL
    SELECT 'decisions', d.id, d.agency_id, d.decided_on, e.logged_at
    FROM enforcement.decisions d
    JOIN first_entries e ON e.table_name = 'decisions' AND e.row_id = d.id
    UNION ALL
    SELECT 'payments', pm.id, pm.agency_id, pm.paid_on, e.logged_at
    FROM enforcement.payments pm
    JOIN first_entries e ON e.table_name = 'payments' AND e.row_id = pm.id
    UNION ALL
    SELECT 'complaints', cp.id, cp.agency_id, cp.received_on, e.logged_at
    FROM enforcement.complaints cp
    JOIN first_entries e ON e.table_name = 'complaints' AND e.row_id = cp.id
    UNION ALL
    SELECT 'review_outcomes', ro.id, ro.agency_id, ro.decided_on, e.logged_at
    FROM enforcement.review_outcomes ro
    JOIN first_entries e ON e.table_name = 'review_outcomes' AND e.row_id = ro.id
    UNION ALL
    SELECT 'officer_sanctions', os.id, os.agency_id, os.decided_on, e.logged_at
    FROM enforcement.officer_sanctions os
    JOIN first_entries e ON e.table_name = 'officer_sanctions' AND e.row_id = os.id
)
SELECT a.table_name, a.row_id, a.agency_id, a.act_date,
       a.logged_at::date AS recorded_on,
       a.logged_at::date - a.act_date AS lag_days
FROM acts a
WHERE pg_catalog.isfinite(a.act_date)
  AND a.logged_at::date - a.act_date >
      coalesce((SELECT st.value FROM enforcement.settings st
                WHERE st.name = 'late_record_days'), 7);
COMMENT ON VIEW enforcement.v_late_records IS
    'Acts recorded late: every inspection, joint inspection, signature (row_id: the inspection), plan filing, case, case step, legal review, decision, payment, complaint, review outcome and officer sanction recorded more than late_record_days (settings) after its date, by the process record''s own time.';

-- One row per complaint that justified unplanned inspections (INSP-3):
-- how many visits it justified, who recorded it and how late, and whether
-- that role also recorded the inspections.
CREATE VIEW enforcement.v_complaint_grounds WITH (security_invoker = true) AS
WITH entries AS (
    SELECT DISTINCT ON (pl.table_name, pl.row_id)
           pl.table_name, pl.row_id, pl.logged_at, pl.db_user
    FROM enforcement.process_log pl
    WHERE pl.operation = 'INSERT' AND pl.row_id IS NOT NULL
      AND pl.table_name IN ('complaints', 'inspections')
    ORDER BY pl.table_name, pl.row_id, pl.seq
), grounds AS (
    SELECT i.complaint_id,
           count(DISTINCT enforcement.visit(i.joint_inspection_id, i.id)) AS visits,
           pg_catalog.array_agg(DISTINCT e.db_user) AS inspectors
    FROM enforcement.inspections i
    LEFT JOIN entries e ON e.table_name = 'inspections' AND e.row_id = i.id
    WHERE i.exemption = 'complaint_report' AND i.complaint_id IS NOT NULL
    GROUP BY i.complaint_id
)
SELECT c.id AS complaint_id,
       c.agency_id,
       c.received_on,
       e.logged_at::date AS recorded_on,
       e.db_user AS recorded_by,
       g.visits,
       coalesce(e.db_user = ANY (g.inspectors), false) AS recorded_by_inspector
FROM grounds g
JOIN enforcement.complaints c ON c.id = g.complaint_id
LEFT JOIN entries e ON e.table_name = 'complaints' AND e.row_id = c.id;
COMMENT ON VIEW enforcement.v_complaint_grounds IS
    'Complaints that justified unplanned inspections (INSP-3): visits justified, who recorded the complaint and when, and whether that role also recorded the inspections.';

GRANT SELECT ON enforcement.v_late_records, enforcement.v_complaint_grounds
    TO enforcement_supervisor, enforcement_auditor;
