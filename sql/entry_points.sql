-- Every C entry point: the trigger protocol checked before anything is
-- read, and NULL in every argument and every column handled, never a
-- crash (defect 4 of 1.2).  Each call here is made through a declaration
-- of the superuser's own, as a hostile or mistaken declaration would.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql
\set VERBOSITY terse

-- Each trigger function called as a plain function: 39P01, nothing read.
CREATE FUNCTION pg_temp.call_as_function(symbol text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE OR REPLACE FUNCTION pg_temp.f() RETURNS void '
                   'AS %L, %L LANGUAGE C', '$libdir/enforcement', symbol);
    PERFORM pg_temp.f();
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;
SELECT s AS symbol, pg_temp.call_as_function(s) AS sqlstate
FROM unnest(ARRAY['en_check_row', 'en_record_row', 'en_forbid_delete',
                  'en_protect_record', 'en_certificates_check',
                  'en_enterprises_check', 'en_officers_departure',
                  'en_plans_check', 'en_plan_items_check',
                  'en_inspections_check', 'en_signatures_check',
                  'en_joint_inspections_check', 'en_complaints_check',
                  'en_agency_scope']) AS s
ORDER BY 1;

-- Each function that takes arguments, declared without STRICT and given
-- NULL in every argument: a NULL answer or an error, never a crash.
CREATE FUNCTION pg_temp.call_with_nulls(symbol text, args text, rettype text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    EXECUTE format('CREATE FUNCTION pg_temp.%I(%s) RETURNS %s '
                   'AS %L, %L LANGUAGE C', 'g_' || symbol, args, rettype,
                   '$libdir/enforcement', symbol);
    EXECUTE format('SELECT pg_temp.%I(%s)::text', 'g_' || symbol,
                   (SELECT string_agg('NULL::' || trim(t), ', ')
                    FROM unnest(string_to_array(args, ',')) AS t)) INTO result;
    RETURN coalesce(result, 'NULL');
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;
SELECT symbol, pg_temp.call_with_nulls(symbol, args, rettype) AS answer
FROM (VALUES
    ('en_acts_for', 'bigint', 'boolean'),
    ('en_agency_may_act', 'bigint, date', 'boolean'),
    ('en_officer_certified', 'bigint, bigint, date', 'boolean'),
    ('en_credit_code_valid', 'text', 'boolean'),
    ('en_is_working_day', 'date', 'boolean'),
    ('en_add_working_days', 'date, integer', 'date'),
    ('en_checkin_token', 'bigint', 'text'),
    ('en_set_node_id', 'integer', 'integer'),
    ('en_rule_certificate_holds', 'date, date, text, date, date', 'boolean'),
    ('en_rule_cap_in_force', 'bigint, integer, date', 'integer'),
    ('en_rule_routine_visits', 'bigint, bigint, integer', 'bigint'),
    ('en_officer_agency', 'bigint', 'bigint'),
    ('en_plan_agency', 'bigint', 'bigint'),
    ('en_inspection_agency', 'bigint', 'bigint'),
    ('en_create_role', 'text', 'void'),
    ('en_declare_table', 'regclass, text', 'void'),
    ('en_declare', 'regclass, text, name, name, name, text[], text[], text[], boolean, regprocedure, jsonb', 'void'))
    AS t(symbol, args, rettype)
ORDER BY 1;
SELECT count(*) AS rows FROM enforcement.verify_checkin(NULL);
SELECT * FROM enforcement.verify_checkin('');

-- NULL in a column a rule reads: the NOT NULL constraint's error, after
-- the check has let the row pass untouched.
UPDATE enforcement.certificates SET status = NULL WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to, status)
VALUES (104, 'N-NULL', '2024-01-01', '2024-01-01', '2030-01-01', NULL);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
VALUES (NULL, 'N-NULL', '2024-01-01', '2024-01-01', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
VALUES (104, 'N-NULL', NULL, '2024-01-01', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspection_plans (agency_id, year, status) VALUES (2, 2026, NULL);
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.inspection_plans SET status = NULL WHERE id = 302;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, mode)
VALUES (2, 501, 21, '2025-04-01', '{101,102}', true, 301, NULL);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, NULL, '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-04-01', NULL, true, 301);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (NULL, 501, 21, '2025-04-01', '{101,102}', NULL, 301);
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.officers SET employment = NULL, on_enforcement_post = NULL WHERE id = 101;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (NULL, 101, '2025-04-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.joint_inspections (lead_agency_id, enterprise_id, inspected_on)
VALUES (2, 501, NULL);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.enterprises (credit_code, name) VALUES (NULL, 'x');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.complaints (received_on, kind, status) VALUES ('2025-01-01', 'violation_report', NULL);
\echo :LAST_ERROR_SQLSTATE

-- Infinite and far dates do not crash either.
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, 'infinity', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (2, 501, 21, '-infinity', '{101,102}', true, 'public_safety', 'x');
\echo :LAST_ERROR_SQLSTATE
SELECT enforcement.officer_certified(101, 2, 'infinity'),
       enforcement.agency_may_act(2, '-infinity'),
       enforcement.rule_cap_in_force(2, 2025, 'infinity'),
       enforcement.rule_routine_visits(2, 501, 2147483647),
       enforcement.is_working_day('infinity'),
       enforcement.add_working_days('infinity', 5);
SELECT enforcement.add_working_days('5874890-12-01', 100);
\echo :LAST_ERROR_SQLSTATE

-- The server is still up, and the record verifies.
SELECT ok FROM enforcement.verify_process_log();
