-- The observer role (SUP-2) reads the supervision views and nothing else,
-- and the owner of the views reads what supervisors read, under its own
-- row security.  Every check is a generic query over the system catalogs,
-- so that it keeps holding as tables, columns and views are added.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SET LOCAL client_min_messages = warning;
SET LOCAL lc_messages = 'C';

SELECT plan(16);

-- The supervision views an observer reads: every view of the schema but
-- those that need the tables themselves.
CREATE TEMP VIEW observed (view_name) AS
VALUES ('v_officer_certification'), ('v_inspection_ledger'), ('v_unplanned_inspections'),
       ('v_inspection_frequency'), ('v_enterprise_burden'), ('v_late_records'),
       ('v_complaint_grounds'), ('v_legal_review_register'), ('v_leniency_ledger'),
       ('v_overdue_cases'), ('v_overdue_disclosures'), ('v_three_systems'),
       ('v_overdue_complaints'), ('v_accountability'),
       ('v_agency_directory'), ('v_enterprise_directory');

-- ===========================================================================
-- The roles
-- ===========================================================================
SELECT has_role('enforcement_observer', 'the group role enforcement_observer exists');
SELECT has_role('enforcement_view_owner', 'the role that owns the supervision views exists');
SELECT is((SELECT rolcanlogin OR rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb
           FROM pg_roles WHERE rolname = 'enforcement_view_owner'), false,
    'the owner of the views cannot log in, and has no attribute');
SELECT is_empty($$SELECT m.member::regrole FROM pg_auth_members m
                  WHERE m.roleid = 'enforcement_view_owner'::regrole$$,
    'no role is a member of the owner of the views');

-- ===========================================================================
-- The observer reads the views and nothing else
-- ===========================================================================
SELECT is_empty($$SELECT c.relname FROM pg_class c
                  WHERE c.relnamespace = 'enforcement'::regnamespace
                    AND c.relkind IN ('r', 'p', 'S', 'm', 'f')
                    AND (has_table_privilege('enforcement_observer', c.oid, 'SELECT')
                         OR has_any_column_privilege('enforcement_observer', c.oid, 'SELECT'))$$,
    'an observer reads no table, sequence or column of the schema');
SELECT is_empty($$SELECT c.relname, p.privilege
                  FROM pg_class c
                  CROSS JOIN (VALUES ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'),
                                     ('REFERENCES'), ('TRIGGER')) p (privilege)
                  WHERE c.relnamespace = 'enforcement'::regnamespace
                    AND has_table_privilege('enforcement_observer', c.oid, p.privilege)$$,
    'an observer writes nothing');
SELECT set_eq($$SELECT c.relname::text FROM pg_class c
                WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind = 'v'
                  AND has_table_privilege('enforcement_observer', c.oid, 'SELECT')$$,
    $$SELECT view_name FROM observed$$,
    'an observer reads exactly the supervision views');
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc p
                  WHERE p.pronamespace = 'enforcement'::regnamespace
                    AND has_function_privilege('enforcement_observer', p.oid, 'EXECUTE')
                    AND (p.prosecdef OR p.prorettype = 'trigger'::regtype
                         OR p.proname IN ('compliance_scan', 'verify_process_log',
                                          'verify_rows', 'set_node_id'))$$,
    'an observer runs no trigger, no scan, no verification and no definer''s function');

-- ===========================================================================
-- The views run as their owner; the owner reads what supervisors read
-- ===========================================================================
SELECT is_empty($$SELECT o.view_name FROM observed o
                  JOIN pg_class c ON c.relname = o.view_name
                                 AND c.relnamespace = 'enforcement'::regnamespace
                  WHERE pg_get_userbyid(c.relowner) <> 'enforcement_view_owner'
                     OR coalesce(c.reloptions::text, '') LIKE '%security_invoker=true%'$$,
    'each supervision view belongs to enforcement_view_owner and runs with its privileges');
SELECT is_empty($$SELECT c.relname, a.attname FROM pg_class c
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind = 'r'
                    AND has_column_privilege('enforcement_view_owner', c.oid, a.attnum, 'SELECT')
                        IS DISTINCT FROM
                        has_column_privilege('enforcement_supervisor', c.oid, a.attnum, 'SELECT')$$,
    'the owner of the views reads exactly the columns supervisors read');
SELECT is(has_table_privilege('enforcement_view_owner', 'enforcement.secrets', 'SELECT'), false,
    'the owner of the views reads no secret');
SELECT is(has_column_privilege('enforcement_view_owner', 'enforcement.complaints', 'complainant', 'SELECT'),
    false, 'the owner of the views never reads the complainant');
SELECT is_empty($$SELECT c.relname FROM enforcement.declared_tables d
                  JOIN pg_class c ON c.relname = d.table_name
                                 AND c.relnamespace = 'enforcement'::regnamespace
                  WHERE d.kind = 'records' AND d.agency_column IS NOT NULL
                    AND NOT EXISTS (SELECT FROM pg_policies p
                                    WHERE p.schemaname = 'enforcement'
                                      AND p.tablename = c.relname
                                      AND p.policyname = 'view_read'
                                      AND p.roles = '{enforcement_view_owner}'
                                      AND p.qual = format('enforcement.view_sees(%s)',
                                                          quote_ident(d.agency_column)))$$,
    'each table with an agency gives the owner of the views its rows through view_sees()');
SELECT is_empty($$SELECT o.view_name, a.attname FROM observed o
                  JOIN pg_class c ON c.relname = o.view_name
                                 AND c.relnamespace = 'enforcement'::regnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                  WHERE a.attname ~ '(complainant|secret|key|hmac)'$$,
    'no supervision view has a column of the complainant or of a secret');

-- ===========================================================================
-- No view ranks by fines (SUP-1)
-- ===========================================================================
SELECT is_empty($$SELECT c.relname FROM pg_class c
                  WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind = 'v'
                    AND pg_get_viewdef(c.oid) ~* '(rank|row_number|dense_rank|ntile)\s*\('$$,
    'no view ranks rows');
SELECT is_empty($$SELECT c.relname, a.attname FROM pg_class c
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                  WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind = 'v'
                    AND a.attname ~ '(fine|confiscation|revenue)'$$,
    'no view sums or shows fines, confiscations or revenue');

SELECT * FROM finish();
ROLLBACK;
