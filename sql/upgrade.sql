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

-- 1.2, then the update
CREATE EXTENSION enforcement VERSION '1.2';
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
ALTER EXTENSION enforcement UPDATE;
\set shape_table updated_from_1_2
\set ECHO none
\i test/fixtures/shape.sql
\set ECHO all
DROP EXTENSION enforcement CASCADE;

-- 1.3, then the update
CREATE EXTENSION enforcement VERSION '1.3';
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
ALTER EXTENSION enforcement UPDATE;
\set shape_table updated_from_1_3
\set ECHO none
\i test/fixtures/shape.sql
\set ECHO all
DROP EXTENSION enforcement CASCADE;

-- 1.4, then the update
CREATE EXTENSION enforcement VERSION '1.4';
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
ALTER EXTENSION enforcement UPDATE;
\set shape_table updated_from_1_4
\set ECHO none
\i test/fixtures/shape.sql
\set ECHO all
DROP EXTENSION enforcement CASCADE;

-- 1.5, then the update
CREATE EXTENSION enforcement VERSION '1.5';
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
ALTER EXTENSION enforcement UPDATE;
\set shape_table updated_from_1_5
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
UNION ALL
SELECT 'only after update from 1.2', * FROM (TABLE updated_from_1_2 EXCEPT TABLE fresh) v
UNION ALL
SELECT 'only when fresh (vs 1.2)', * FROM (TABLE fresh EXCEPT TABLE updated_from_1_2) u
UNION ALL
SELECT 'only after update from 1.3', * FROM (TABLE updated_from_1_3 EXCEPT TABLE fresh) t
UNION ALL
SELECT 'only when fresh (vs 1.3)', * FROM (TABLE fresh EXCEPT TABLE updated_from_1_3) s
UNION ALL
SELECT 'only after update from 1.4', * FROM (TABLE updated_from_1_4 EXCEPT TABLE fresh) r
UNION ALL
SELECT 'only when fresh (vs 1.4)', * FROM (TABLE fresh EXCEPT TABLE updated_from_1_4) q
UNION ALL
SELECT 'only after update from 1.5', * FROM (TABLE updated_from_1_5 EXCEPT TABLE fresh) p
UNION ALL
SELECT 'only when fresh (vs 1.5)', * FROM (TABLE fresh EXCEPT TABLE updated_from_1_5) o
ORDER BY 1, 2, 3;
SELECT count(*) > 100 AS compared_enough FROM fresh;
DROP EXTENSION enforcement CASCADE;

-- A district written under 1.2, then updated.  This release's library does
-- not run 1.2's objects (a write is refused until the update), so the rows
-- are written with the triggers off, as a restore of a 1.2 dump would;
-- after the update the rows and the record carry over, the new agency
-- columns are filled from the rows they belong to, and writing goes on.
CREATE EXTENSION enforcement VERSION '1.2';
INSERT INTO enforcement.agencies (id, code, name, kind, region_code, legal_authority,
    confirmed_on, disclosed_on)
VALUES (9, 'X', 'x', 'statutory', '371703', 'x', '2023-01-01', '2023-01-10');
\echo :LAST_ERROR_SQLSTATE
SET session_replication_role = replica;
-- (what 1.2's certificate trigger would fill in)
ALTER TABLE enforcement.certificates ALTER COLUMN status_since SET DEFAULT '2023-03-01';
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (801, 2, 501, 21, '2025-04-01', '{101,102}', true, 301);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (805, 3, 501, 22, '2025-05-10', '{106,108}', true, 'production_safety',
        '菏定安委〔2025〕3号', 701);
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (801, 101, '2025-04-01'), (805, 106, '2025-05-10');
ALTER TABLE enforcement.certificates ALTER COLUMN status_since DROP DEFAULT;
RESET session_replication_role;
SELECT count(*) AS entries_under_1_2 FROM enforcement.process_log \gset
SELECT md5(string_agg(seq || ':' || encode(hash, 'hex'), ',' ORDER BY seq)) AS log_under_1_2
FROM enforcement.process_log \gset
ALTER EXTENSION enforcement UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'enforcement';
SELECT ok FROM enforcement.verify_process_log();
-- the entries of 1.2 are kept as they were; the update appends its own
SELECT md5(string_agg(seq || ':' || encode(hash, 'hex'), ',' ORDER BY seq)) = :'log_under_1_2' AS entries_kept
FROM (SELECT seq, hash FROM enforcement.process_log ORDER BY seq LIMIT :entries_under_1_2) l;
SELECT table_name, operation, count(*) AS appended_by_the_update
FROM enforcement.process_log l
WHERE l.seq > (SELECT seq FROM enforcement.process_log ORDER BY seq OFFSET :entries_under_1_2 - 1 LIMIT 1)
GROUP BY 1, 2 ORDER BY 1, 2;
-- 1.4 keeps each certificate's statuses: those before it come from the
-- record's entries of each certificate
SELECT certificate_id, status, since, agency_id
FROM enforcement.certificate_statuses ORDER BY certificate_id, since, id;
-- the carried-over rows as the rules now stand
SELECT code, table_name, row_id FROM enforcement.v_standing_violations
ORDER BY 2, 3, 1;
SELECT count(*) AS entries_after_update FROM enforcement.process_log \gset
SELECT 'certificates' AS t, id, agency_id FROM enforcement.certificates
UNION ALL SELECT 'conflicts', officer_id, agency_id FROM enforcement.conflicts
UNION ALL SELECT 'plan_items', plan_id, agency_id FROM enforcement.plan_items
UNION ALL SELECT 'inspection_signatures', inspection_id, agency_id FROM enforcement.inspection_signatures
UNION ALL SELECT 'complaints', id, agency_id FROM enforcement.complaints
ORDER BY 1, 2, 3;
-- the agency of a row is its parent's: another is refused (EN207)
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on, agency_id)
VALUES (801, 102, '2025-04-01', 3);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (801, 102, '2025-04-01');
-- the rules judge the carried-over rows: over agency 2's cap of 2 for 2025
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-06-01', '{101,102}', true, 301);
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (2, 501, 21, '2025-07-01', '{101,102}', true, 301);
\echo :LAST_ERROR_SQLSTATE
SELECT ok, entries = :entries_after_update + 2 AS two_more FROM enforcement.verify_process_log();
