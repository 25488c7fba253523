-- warn mode: a violation is let through, raised as a WARNING with the same
-- SQLSTATE, and recorded in enforcement.violations.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
-- an application's role: a writer acting for agency 2
CREATE ROLE en_test_app IN ROLE enforcement_writer;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('en_test_app', 2);

SET enforcement.mode = 'warn';
SET ROLE en_test_app;
-- EN205 let through
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (503, '91371703MA3C8KJ1XE', '定陶区某商贸有限公司');
-- EN103 let through
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1103, 103, 'X-103', '2025-01-02', '2025-01-02', '2030-01-01');
-- the writer cannot read or forge the record of violations
SELECT count(*) FROM enforcement.violations;
RESET ROLE;
-- EN501 let through
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on, reason)
VALUES (102, 501, '2024-01-01', '配偶在该企业任职');
DELETE FROM enforcement.conflicts;
TRUNCATE enforcement.conflicts;
RESET enforcement.mode;

SELECT code, rule, message,
       regexp_replace(detail, ' at .* by ', ' at <time> by ') AS detail,
       table_name, row_id, db_user, txid IS NOT NULL AS has_txid
FROM enforcement.violations ORDER BY occurred_at, id;
SELECT id FROM enforcement.enterprises WHERE id = 503;
SELECT id, status FROM enforcement.certificates WHERE id = 1103;

-- back in enforce mode the same violation is refused and not recorded
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (504, '91371703MA3C8KJ1XE', '定陶区另一商贸有限公司');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM enforcement.violations WHERE code <> '00000';

-- a violation recorded in warn mode belongs to its transaction
BEGIN;
SET LOCAL enforcement.mode = 'warn';
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (505, 'BAD', '回滚的企业');
ROLLBACK;
SELECT count(*) FROM enforcement.violations WHERE code <> '00000';

-- settings for later sessions are recorded too
ALTER DATABASE contrib_regression SET enforcement.mode = 'warn';
ALTER ROLE en_test_app SET enforcement.mode = 'warn';
ALTER ROLE en_test_app RESET enforcement.mode;
ALTER DATABASE contrib_regression RESET enforcement.mode;
SELECT code, message, detail, db_user
FROM enforcement.violations WHERE message LIKE '%setting%' ORDER BY occurred_at, id;

DROP ROLE en_test_app;

-- Warn mode records every violation of a row, not only the first: an
-- inspection by an agency that may not act, under a basis not its power,
-- with one officer, not shown its certificate and outside any plan.
\i test/fixtures/inspections.sql
SET enforcement.mode = 'warn';
SELECT count(*) AS before FROM enforcement.violations WHERE code <> '00000' \gset
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown)
VALUES (890, 1, 501, 22, '2025-04-01', '{101}', false);
RESET enforcement.mode;
SELECT code, rule, row_id FROM enforcement.violations
WHERE code <> '00000' ORDER BY id OFFSET :before;
SELECT id FROM enforcement.inspections WHERE id = 890;
