-- Restores (a superuser's COPY FROM with row_security off) and
-- verify_rows(): a restored row is not judged and not recorded, the
-- restore is recorded once per session, anything else the session writes
-- is judged and recorded, and every row written around the record is
-- found with its table and key.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
DROP ROLE IF EXISTS en_rs_auditor;
DROP ROLE IF EXISTS en_rs_writer;
DROP ROLE IF EXISTS en_rs_supervisor;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\set QUIET on
\i test/fixtures/registry.sql
\set QUIET off
CREATE ROLE en_rs_auditor IN ROLE enforcement_auditor;
CREATE ROLE en_rs_writer IN ROLE enforcement_writer;
CREATE ROLE en_rs_supervisor IN ROLE enforcement_supervisor;
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on, reason)
VALUES (102, 501, '2024-01-01', '配偶在该企业任职');
SELECT * FROM enforcement.verify_rows();

-- a superuser with row_security off: an INSERT is judged, not let through
SET row_security = off;
SELECT enforcement.restoring() AS restore_session;
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (801, '91371703MA3C8KJ1XE', '非法录入');
\echo :LAST_ERROR_SQLSTATE
-- and a lawful INSERT is recorded
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (802, '91371703MA3F9WN2KN', '合法录入');
SELECT count(*) FROM enforcement.process_log
WHERE table_name = 'enterprises' AND row_id = 802;
-- nor may it write the process record itself
INSERT INTO enforcement.chain_heads (chain, seq, hash) VALUES (99, 1, '\x00');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS restore_records FROM enforcement.violations
WHERE code = '00000' AND message = 'restore began';

-- COPY FROM is a restore: no rule runs, nothing is appended, and the
-- restore's start is recorded once
COPY enforcement.enterprises (id, credit_code, name) FROM stdin;
803	91371703MA3C8KJ1XE	恢复的企业
\.
COPY enforcement.agency_members (role_name, agency_id) FROM stdin;
en_rs_writer	3
\.
SELECT id FROM enforcement.enterprises WHERE id = 803;
SELECT count(*) FROM enforcement.process_log WHERE table_name = 'enterprises' AND row_id = 803;
SELECT code, db_user, rule IS NULL AS no_rule,
       regexp_replace(detail, ' at .*, first', ' at <time>, first') AS detail,
       id > (1::bigint << 52) AS id_apart
FROM enforcement.violations WHERE message = 'restore began';
RESET row_security;

-- COPY with row security on is no restore: judged (the SQLSTATE shown)
\set VERBOSITY sqlstate
COPY enforcement.enterprises (id, credit_code, name) FROM stdin;
804	91371703MA3C8KJ1XE	另一企业
\.
\set VERBOSITY default

-- rows written around the record
ALTER TABLE enforcement.officers DISABLE TRIGGER record_row;
UPDATE enforcement.officers SET name = '改名' WHERE id = 102;
ALTER TABLE enforcement.officers ENABLE TRIGGER record_row;
SET session_replication_role = replica;
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (805, '91371703MA3F9WN3KP', '复制模式录入');
DELETE FROM enforcement.certificates WHERE id = 1006;
DELETE FROM enforcement.conflicts WHERE officer_id = 102;
RESET session_replication_role;
ALTER TABLE enforcement.enterprises DISABLE TRIGGER forbid_delete;
DELETE FROM enforcement.enterprises WHERE id = 502;
ALTER TABLE enforcement.enterprises ENABLE TRIGGER forbid_delete;
SELECT * FROM enforcement.verify_rows() ORDER BY table_name, row_id, problem;

-- the same found read in another time zone
SET TimeZone = 'Asia/Tokyo';
SELECT count(*) FROM enforcement.verify_rows();
RESET TimeZone;

-- for auditors and supervisors, not writers
SET ROLE en_rs_auditor;
SELECT count(*) FROM enforcement.verify_rows();
RESET ROLE;
SET ROLE en_rs_writer;
SELECT count(*) FROM enforcement.verify_rows();
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SET ROLE en_rs_supervisor;
SELECT count(*) FROM enforcement.verify_rows();
RESET ROLE;

DROP EXTENSION enforcement CASCADE;
DROP ROLE en_rs_auditor;
DROP ROLE en_rs_writer;
DROP ROLE en_rs_supervisor;
