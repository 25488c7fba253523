-- Messages in Chinese: the same SQLSTATE, the text from the zh_CN catalog.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql

SET lc_messages = 'zh_CN.UTF-8';
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1103, 103, 'X-103', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.certificates SET number = 'X' WHERE id = 1001;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (503, '91371703MA3C8KJ1XE', '定陶区某商贸有限公司');
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.officers WHERE id = 103;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.officers SET left_on = '2025-06-30' WHERE id = 106;
SELECT enforcement.set_node_id(0);
\echo :LAST_ERROR_SQLSTATE

-- the same error in English
SET lc_messages = 'C';
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1103, 103, 'X-103', '2025-01-02', '2025-01-02', '2030-01-01');
\echo :LAST_ERROR_SQLSTATE
