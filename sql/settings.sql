-- Settings, the schema, and enforcement.mode.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;

-- The extension lives in its own schema and cannot be moved.
SELECT e.extrelocatable, n.nspname
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'enforcement';
ALTER EXTENSION enforcement SET SCHEMA public;
\echo :LAST_ERROR_SQLSTATE

SELECT name, value FROM enforcement.settings ORDER BY name;

-- PUBLIC gets nothing.
SELECT count(*) AS public_grants
FROM pg_class c, aclexplode(c.relacl) a
WHERE c.relnamespace = 'enforcement'::regnamespace AND a.grantee = 0;
SELECT count(*) AS public_function_grants
FROM pg_proc p, aclexplode(p.proacl) a
WHERE p.pronamespace = 'enforcement'::regnamespace AND a.grantee = 0;
CREATE ROLE en_test_nobody;
SET ROLE en_test_nobody;
SELECT enforcement.credit_code_valid('91371703MA3C8KJ1XD');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM enforcement.settings;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

-- enforcement.mode: enforce by default, warn as the other value,
-- superuser only.
SHOW enforcement.mode;
SET enforcement.mode = 'lenient';
\echo :LAST_ERROR_SQLSTATE
SET ROLE en_test_nobody;
SET enforcement.mode = 'warn';
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
DROP ROLE en_test_nobody;

-- Every change of the mode is recorded with code 00000.
SET enforcement.mode = 'warn';
SHOW enforcement.mode;
RESET enforcement.mode;
SELECT set_config('enforcement.mode', 'warn', false);
SELECT set_config('enforcement.mode', 'enforce', false);
BEGIN;
SET LOCAL enforcement.mode = 'warn';
COMMIT;
SELECT code, message, db_user,
       regexp_replace(detail, ' at .* by ', ' at <time> by ') AS detail
FROM enforcement.violations ORDER BY occurred_at, id;
-- setting the same value again is not a change
SET enforcement.mode = 'enforce';
SELECT count(*) FROM enforcement.violations;
