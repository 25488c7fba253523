-- ---------------------------------------------------------------------------
-- The compliance scan (src/scan.c): every rule run against the data as it
-- stands, so that what warn mode let through, what a later fact showed to
-- be unlawful, and what was written around the checks is listed.
-- ---------------------------------------------------------------------------
CREATE FUNCTION enforcement.compliance_scan(
    OUT code text, OUT rule text, OUT table_name text, OUT row_id bigint,
    OUT agency_id bigint, OUT detail text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'en_compliance_scan' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.compliance_scan() IS
    'Every rule run against every row as the data stands: each row that breaks one, with the rule''s SQLSTATE (a writer sees its agencies'' rows only).';

CREATE VIEW enforcement.v_standing_violations WITH (security_invoker = true) AS
SELECT s.code, s.rule, s.table_name, s.row_id, s.agency_id, s.detail
FROM enforcement.compliance_scan() s;
COMMENT ON VIEW enforcement.v_standing_violations IS
    'The compliance scan: one row per rule a row breaks as the data stands (what warn mode let through, what a later fact showed to be unlawful).';

GRANT EXECUTE ON FUNCTION enforcement.compliance_scan()
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
GRANT SELECT ON enforcement.v_standing_violations
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
