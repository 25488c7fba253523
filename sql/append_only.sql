-- REC-2, EN501: enforcement records are never deleted or truncated.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
INSERT INTO enforcement.legal_bases (id, code, title, level, article, effective_from)
VALUES (21, 'FSL-87', '中华人民共和国食品安全法', 'law', '第八十七条', '2015-10-01');
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES (2, 21, 'inspection', '2023-02-01');
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on, reason)
VALUES (102, 501, '2024-01-01', '配偶在该企业任职');

-- Every table refuses DELETE.
DELETE FROM enforcement.agencies WHERE id = 4;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.legal_bases WHERE id = 21;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.agency_powers;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.officers WHERE id = 103;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.certificates WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.enterprises WHERE id = 502;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.conflicts;
\echo :LAST_ERROR_SQLSTATE
-- (a change of mode puts a row into violations)
SET enforcement.mode = 'warn';
RESET enforcement.mode;
DELETE FROM enforcement.violations WHERE code = '00000';
\echo :LAST_ERROR_SQLSTATE
-- Deleting nothing is no violation.
DELETE FROM enforcement.officers WHERE id = 999;

-- Every table refuses TRUNCATE, including those others refer to and with
-- CASCADE.
TRUNCATE enforcement.conflicts;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE enforcement.enterprises;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE enforcement.agencies CASCADE;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE enforcement.officers, enforcement.certificates;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE enforcement.violations;
\echo :LAST_ERROR_SQLSTATE

-- Nothing was lost.
SELECT (SELECT count(*) FROM enforcement.agencies) AS agencies,
       (SELECT count(*) FROM enforcement.officers) AS officers,
       (SELECT count(*) FROM enforcement.certificates) AS certificates,
       (SELECT count(*) FROM enforcement.enterprises) AS enterprises,
       (SELECT count(*) FROM enforcement.conflicts) AS conflicts,
       (SELECT count(*) FROM enforcement.agency_powers) AS powers;

-- Every table in the schema refuses both (the process record through its
-- own trigger, which also refuses UPDATE).
SELECT c.relname,
       bool_or(t.tgtype & 8 <> 0) AS refuses_delete,
       bool_or(t.tgtype & 32 <> 0) AS refuses_truncate
FROM pg_class c
LEFT JOIN pg_trigger t ON t.tgrelid = c.oid
    AND t.tgfoid IN ('enforcement.forbid_delete'::regproc,
                     'enforcement.protect_record'::regproc)
WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind = 'r'
GROUP BY c.relname ORDER BY c.relname;

-- A table of the user's own is not touched.
CREATE TABLE scratch (id int);
INSERT INTO scratch VALUES (1);
TRUNCATE scratch;
DROP TABLE scratch;
