-- Upgrades: from every shipped version, ALTER EXTENSION UPDATE reaches
-- exactly what a fresh install of the newest version creates.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;

SELECT version FROM pg_available_extension_versions
WHERE name = 'enforcement' ORDER BY version;
SELECT default_version FROM pg_available_extensions WHERE name = 'enforcement';

-- 1.0, then the updates
CREATE EXTENSION enforcement VERSION '1.0';
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
SELECT count(*) AS has_1_1_view FROM pg_class WHERE relname = 'v_violation_summary';
ALTER EXTENSION enforcement UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
\set shape_table updated_from_1_0
\set ECHO none
\i test/fixtures/shape.sql
\set ECHO all
SELECT ok FROM enforcement.verify_process_log();
DROP EXTENSION enforcement CASCADE;

-- 1.1, then the update
CREATE EXTENSION enforcement VERSION '1.1';
ALTER EXTENSION enforcement UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
\set shape_table updated_from_1_1
\set ECHO none
\i test/fixtures/shape.sql
\set ECHO all
DROP EXTENSION enforcement CASCADE;

-- the newest, fresh
CREATE EXTENSION enforcement;
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
\set shape_table fresh
\set ECHO none
\i test/fixtures/shape.sql
\set ECHO all

-- no difference either way, from either version
SELECT 'only after update from 1.0' AS side, * FROM (TABLE updated_from_1_0 EXCEPT TABLE fresh) x
UNION ALL
SELECT 'only when fresh (vs 1.0)', * FROM (TABLE fresh EXCEPT TABLE updated_from_1_0) y
UNION ALL
SELECT 'only after update from 1.1', * FROM (TABLE updated_from_1_1 EXCEPT TABLE fresh) z
UNION ALL
SELECT 'only when fresh (vs 1.1)', * FROM (TABLE fresh EXCEPT TABLE updated_from_1_1) w
ORDER BY 1, 2, 3;
SELECT count(*) > 100 AS compared_enough FROM fresh;
