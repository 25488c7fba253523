-- ---------------------------------------------------------------------------
-- The report for other authorities (SUP-3): every supervision view for a
-- period, in one JSON document (its schema: docs/supervision-report.schema.json).
-- It runs with the caller's privileges, through the views: a supervisor,
-- an auditor or an observer in office reports on every agency, a writer on
-- its own.  Dated rows are those of the period; standing lists (the
-- officers' certification, what is overdue or open, the three systems)
-- are as they stand today, for what began by the period's end.
-- ---------------------------------------------------------------------------
CREATE FUNCTION enforcement.supervision_report(from_day date, to_day date)
    RETURNS jsonb
    LANGUAGE sql STABLE
AS $$
SELECT enforcement.check_period(from_day, to_day);
WITH views (name, rows) AS (
    SELECT 'v_officer_certification',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.officer_id), '[]')
            FROM enforcement.v_officer_certification v)
    UNION ALL
    SELECT 'v_inspection_ledger',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.inspected_on, v.inspection_id), '[]')
            FROM enforcement.v_inspection_ledger v
            WHERE v.inspected_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_unplanned_inspections',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.inspected_on, v.inspection_id), '[]')
            FROM enforcement.v_unplanned_inspections v
            WHERE v.inspected_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_inspection_frequency',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.year, v.agency_id, v.enterprise_id), '[]')
            FROM enforcement.v_inspection_frequency v
            WHERE v.year BETWEEN pg_catalog.date_part('year', from_day)
                             AND pg_catalog.date_part('year', to_day))
    UNION ALL
    SELECT 'v_enterprise_burden',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.year, v.enterprise_id), '[]')
            FROM enforcement.v_enterprise_burden v
            WHERE v.year BETWEEN pg_catalog.date_part('year', from_day)
                             AND pg_catalog.date_part('year', to_day))
    UNION ALL
    SELECT 'v_legal_review_register',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.decided_on, v.decision_id), '[]')
            FROM enforcement.v_legal_review_register v
            WHERE v.decided_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_leniency_ledger',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.decided_on, v.decision_id), '[]')
            FROM enforcement.v_leniency_ledger v
            WHERE v.decided_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_overdue_cases',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.opened_on, v.case_id), '[]')
            FROM enforcement.v_overdue_cases v
            WHERE v.opened_on <= to_day)
    UNION ALL
    SELECT 'v_overdue_disclosures',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.decided_on, v.decision_id), '[]')
            FROM enforcement.v_overdue_disclosures v
            WHERE v.decided_on BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_overdue_complaints',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.received_on, v.complaint_id), '[]')
            FROM enforcement.v_overdue_complaints v
            WHERE v.received_on <= to_day)
    UNION ALL
    SELECT 'v_three_systems',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.agency_id), '[]')
            FROM enforcement.v_three_systems v)
    UNION ALL
    SELECT 'v_accountability',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.opened_on, v.kind, v.id), '[]')
            FROM enforcement.v_accountability v
            WHERE v.opened_on <= to_day)
    UNION ALL
    SELECT 'v_late_records',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.act_date, v.table_name, v.row_id), '[]')
            FROM enforcement.v_late_records v
            WHERE v.act_date BETWEEN from_day AND to_day)
    UNION ALL
    SELECT 'v_complaint_grounds',
           (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(v) ORDER BY v.received_on, v.complaint_id), '[]')
            FROM enforcement.v_complaint_grounds v
            WHERE v.received_on BETWEEN from_day AND to_day)
)
SELECT pg_catalog.jsonb_build_object(
    'report', 'enforcement supervision report',
    'version', (SELECT e.extversion FROM pg_catalog.pg_extension e
                WHERE e.extname = 'enforcement'),
    'node_id', enforcement.node_id(),
    'period', pg_catalog.jsonb_build_object('from', from_day, 'to', to_day),
    'generated_at', pg_catalog.now(),
    'views', (SELECT pg_catalog.jsonb_object_agg(v.name, v.rows) FROM views v),
    'counts', (SELECT pg_catalog.jsonb_object_agg(v.name, pg_catalog.jsonb_array_length(v.rows))
               FROM views v));
$$;
COMMENT ON FUNCTION enforcement.supervision_report(date, date) IS
    'SUP-3: every supervision view for the period from_day..to_day, as one JSON document (docs/supervision-report.schema.json); the caller''s own scope, through the views.';

REVOKE ALL ON FUNCTION enforcement.supervision_report(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enforcement.supervision_report(date, date)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer;
