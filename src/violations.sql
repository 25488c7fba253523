-- ---------------------------------------------------------------------------
-- The warn-mode record (src/violations.c): violations let through in warn
-- mode, and every change of enforcement.mode (code 00000).
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.violations (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    occurred_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    code text NOT NULL,
    rule text,
    message text NOT NULL,
    detail text,
    hint text,
    table_name text,
    row_id bigint,
    db_user text,
    txid bigint NOT NULL DEFAULT pg_catalog.txid_current()
);
CREATE INDEX violations_code ON enforcement.violations (code, occurred_at);
COMMENT ON TABLE enforcement.violations IS
    'Violations let through in warn mode, and every change of enforcement.mode (code 00000).';
-- written by the extension only, and never changed
SELECT enforcement.declare_table('enforcement.violations',
                                 mutable_columns => '{}', strict => true);

-- A summary for the DBA rolling the extension out (docs/install.md).
CREATE VIEW enforcement.v_violation_summary WITH (security_invoker = true) AS
SELECT v.code, v.rule, v.table_name, count(*) AS violations,
       min(v.occurred_at) AS first_at, max(v.occurred_at) AS last_at
FROM enforcement.violations v
WHERE v.code <> '00000'
GROUP BY v.code, v.rule, v.table_name;
COMMENT ON VIEW enforcement.v_violation_summary IS
    'Violations let through in warn mode, by code, rule and table.';
GRANT SELECT ON enforcement.v_violation_summary
    TO enforcement_supervisor, enforcement_auditor;
