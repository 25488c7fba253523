-- enforcement 1.0 -> 1.1

\echo Use "ALTER EXTENSION enforcement UPDATE TO '1.1'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- 1.1: a summary of the violations let through in warn mode, for the DBA
-- rolling the extension out (docs/install.md).
-- ---------------------------------------------------------------------------
CREATE VIEW enforcement.v_violation_summary WITH (security_invoker = true) AS
SELECT v.code, v.rule, v.table_name, count(*) AS violations,
       min(v.occurred_at) AS first_at, max(v.occurred_at) AS last_at
FROM enforcement.violations v
WHERE v.code <> '00000'
GROUP BY v.code, v.rule, v.table_name;
COMMENT ON VIEW enforcement.v_violation_summary IS
    'Violations let through in warn mode, by code, rule and table.';
REVOKE ALL ON enforcement.v_violation_summary FROM PUBLIC;
GRANT SELECT ON enforcement.v_violation_summary
    TO enforcement_supervisor, enforcement_auditor;
