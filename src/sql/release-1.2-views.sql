
-- ---------------------------------------------------------------------------
-- 1.2: inspection supervision views (INSP-2/3/5/6, SUP-1).
--
-- Every view runs with the privileges and row security of the caller: a
-- writer sees what its agencies' rows add up to, a supervisor or an auditor
-- the whole.  Each one keeps its filters on inspections' own columns, so a
-- query for one agency or one enterprise is answered from the indexes
-- inspections_agency and inspections_enterprise (see docs/views.md).
-- ---------------------------------------------------------------------------

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
       l.cap,
       coalesce(f.routine_visits > l.cap, false) AS over_cap
FROM (
    SELECT i.agency_id,
           i.enterprise_id,
           extract(year FROM i.inspected_on)::integer AS year,
           count(DISTINCT coalesce(i.joint_inspection_id, i.id))
               FILTER (WHERE i.plan_id IS NOT NULL) AS routine_visits,
           count(DISTINCT coalesce(i.joint_inspection_id, i.id))
               FILTER (WHERE i.exemption IS NOT NULL) AS exempt_visits
    FROM enforcement.inspections i
    GROUP BY i.agency_id, i.enterprise_id, extract(year FROM i.inspected_on)::integer
) f
LEFT JOIN LATERAL (
    SELECT l.max_per_enterprise AS cap
    FROM enforcement.inspection_limits l
    WHERE l.year = f.year
      AND (l.agency_id = f.agency_id OR l.agency_id IS NULL)
      AND l.published_on <= current_date
    ORDER BY l.agency_id IS NULL, l.published_on DESC, l.id DESC
    LIMIT 1
) l ON true;
COMMENT ON VIEW enforcement.v_inspection_frequency IS
    'Inspection frequency (INSP-5): one row per agency, enterprise and year; routine visits, a joint inspection once, against the published cap in force (the agency''s own beats the general one); exempt visits do not count.';

-- One row per enterprise and calendar year (INSP-5, 综合查一次): how many
-- agencies came and how many times, a joint inspection once across all its
-- agencies.
CREATE VIEW enforcement.v_enterprise_burden WITH (security_invoker = true) AS
SELECT i.enterprise_id,
       extract(year FROM i.inspected_on)::integer AS year,
       count(DISTINCT i.agency_id) AS agencies,
       count(DISTINCT coalesce(i.joint_inspection_id, i.id)) AS visits,
       count(DISTINCT coalesce(i.joint_inspection_id, i.id))
           FILTER (WHERE i.plan_id IS NOT NULL) AS routine_visits,
       count(DISTINCT coalesce(i.joint_inspection_id, i.id))
           FILTER (WHERE i.exemption IS NOT NULL) AS exempt_visits
FROM enforcement.inspections i
GROUP BY i.enterprise_id, extract(year FROM i.inspected_on)::integer;
COMMENT ON VIEW enforcement.v_enterprise_burden IS
    'Inspection burden (INSP-5): one row per enterprise and year; agencies that came and distinct visits, a joint inspection once across all its agencies.';

REVOKE ALL ON enforcement.v_inspection_ledger, enforcement.v_unplanned_inspections,
    enforcement.v_inspection_frequency, enforcement.v_enterprise_burden
    FROM PUBLIC;
GRANT SELECT ON enforcement.v_inspection_ledger, enforcement.v_unplanned_inspections,
    enforcement.v_inspection_frequency, enforcement.v_enterprise_burden
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
