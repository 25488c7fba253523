-- enforcement.agency_members: an existing role (42704) and agency (23503),
-- ended_on set once to a day not before today (23514, EN501), role_name
-- and agency_id fixed (EN501); from ended_on on the role no longer acts
-- for the agency; every change is recorded.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
DROP ROLE IF EXISTS en_mb_app;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\set QUIET on
\i test/fixtures/registry.sql
\set QUIET off
CREATE ROLE en_mb_app IN ROLE enforcement_writer;

INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('en_mb_nobody', 2);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('en_mb_app', 99);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.agency_members (role_name, agency_id, ended_on)
VALUES ('en_mb_app', 2, current_date - 1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('en_mb_app', 2);
INSERT INTO enforcement.agency_members (role_name, agency_id, ended_on)
VALUES ('en_mb_app', 3, current_date + 30);

-- a membership ending later still acts
SET ROLE en_mb_app;
SELECT enforcement.acts_for(2) AS acts_2, enforcement.acts_for(3) AS acts_3;
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post)
VALUES (181, 2, '在任', 'established', true);
RESET ROLE;

-- what never changes
UPDATE enforcement.agency_members SET role_name = 'enforcement_writer'
WHERE role_name = 'en_mb_app' AND agency_id = 2;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.agency_members SET agency_id = 4
WHERE role_name = 'en_mb_app' AND agency_id = 2;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.agency_members SET ended_on = current_date - 1
WHERE role_name = 'en_mb_app' AND agency_id = 2;
\echo :LAST_ERROR_SQLSTATE

-- the end, in the same transaction as the writer's next command
BEGIN;
SET LOCAL ROLE en_mb_app;
SELECT enforcement.acts_for(2) AS acts_before;
RESET ROLE;
UPDATE enforcement.agency_members SET ended_on = current_date
WHERE role_name = 'en_mb_app' AND agency_id = 2;
SET LOCAL ROLE en_mb_app;
SELECT enforcement.acts_for(2) AS acts_after;
COMMIT;
SET ROLE en_mb_app;
SELECT count(*) AS officers_seen FROM enforcement.officers WHERE agency_id = 2;
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post)
VALUES (182, 2, '离任后', 'established', true);
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

-- set once: neither changed nor taken back
UPDATE enforcement.agency_members SET ended_on = current_date + 1
WHERE role_name = 'en_mb_app' AND agency_id = 2;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.agency_members SET ended_on = NULL
WHERE role_name = 'en_mb_app' AND agency_id = 2;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.agency_members WHERE role_name = 'en_mb_app';
\echo :LAST_ERROR_SQLSTATE

-- every change is in the record
SELECT operation, row_id, row_data->>'role_name' AS role_name,
       row_data->>'agency_id' AS agency_id,
       row_data->>'ended_on' = current_date::text AS ended_today
FROM enforcement.process_log WHERE table_name = 'agency_members'
ORDER BY seq;
SELECT * FROM enforcement.verify_rows();

DROP EXTENSION enforcement CASCADE;
DROP ROLE en_mb_app;
