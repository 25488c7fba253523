-- ---------------------------------------------------------------------------
-- The rules table (src/rules.h): every way a rule can be refused, with its
-- SQLSTATE, rule, message, hint and detail, in English and in the
-- session's language.  docs/errors.md is checked against it.
-- ---------------------------------------------------------------------------
CREATE FUNCTION enforcement.rule_entries(
    OUT code text, OUT rule text, OUT name text, OUT column_name text,
    OUT kind text, OUT message text, OUT hint text, OUT detail text,
    OUT message_local text, OUT hint_local text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'en_rules' LANGUAGE C STABLE;

CREATE VIEW enforcement.rules AS
SELECT r.code, r.rule, r.name, r.message, r.hint, r.detail, r.column_name,
       r.kind, r.message_local, r.hint_local
FROM enforcement.rule_entries() r;
COMMENT ON VIEW enforcement.rules IS
    'Every refusal of a rule: code (SQLSTATE), rule (invariants), a unique name, message, hint and detail format; kind says how warn mode and restores treat it.';

GRANT SELECT ON enforcement.rules
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
GRANT EXECUTE ON FUNCTION enforcement.rule_entries()
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
