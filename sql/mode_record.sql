-- Every mode a write runs in is recorded, however enforcement.mode was
-- set: SET, set_config(), ALTER ROLE, ALTER DATABASE, ALTER SYSTEM with a
-- reload, and a SET before the library is loaded; a return to enforce is
-- recorded at the next write; a default-enforce session records nothing.
-- Warn-mode warnings say the row was let through, in Chinese too.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
DROP ROLE IF EXISTS en_md_admin;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\set QUIET on
\i test/fixtures/registry.sql
\set QUIET off
CREATE ROLE en_md_admin SUPERUSER LOGIN;
CREATE VIEW mode_record AS
SELECT message, db_user,
       regexp_replace(regexp_replace(detail, ' at .* by ', ' at <time> by '),
                      ' \(/.*, line [0-9]+\)', '') AS detail
FROM enforcement.violations WHERE code = '00000' ORDER BY id;

-- a write in the default enforce mode adds no record
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (901, '91371703MA3F9WN2KN', '默认模式');
SELECT count(*) FROM mode_record;

-- ALTER DATABASE, seen by a new session
ALTER DATABASE contrib_regression SET enforcement.mode = 'warn';
\c
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (902, 'BAD-902', '数据库设置');
-- RESET in the session: the return to enforce, then warn again from the
-- database's setting at the next write after RESET's revert
SET enforcement.mode = 'enforce';
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (903, '91371703MA3F9WN3KP', '会话设置');
ALTER DATABASE contrib_regression RESET enforcement.mode;

-- ALTER ROLE, seen by that role's new session
ALTER ROLE en_md_admin SET enforcement.mode = 'warn';
\c - en_md_admin
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (904, 'BAD-904', '角色设置');
\c - postgres
ALTER ROLE en_md_admin RESET enforcement.mode;

-- ALTER SYSTEM and a reload, seen by a new session
ALTER SYSTEM SET enforcement.mode = 'warn';
SELECT pg_reload_conf();
SELECT pg_sleep(0.5);
\c
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (905, 'BAD-905', '配置文件');
ALTER SYSTEM RESET enforcement.mode;
SELECT pg_reload_conf();
SELECT pg_sleep(0.5);
-- the reload is applied before the next command, and recorded after it
SELECT 1 AS reloaded;

-- SET before the library is loaded in a fresh session
\c
SET enforcement.mode = 'warn';
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (906, 'BAD-906', '加载前设置');
-- set_config(), then back: the return is recorded at the next write
SELECT set_config('enforcement.mode', 'enforce', false);
SELECT set_config('enforcement.mode', 'warn', false);
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (907, 'BAD-907', 'set_config');
RESET enforcement.mode;
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (908, '91371703MA3F9WN4KQ', '回到强制模式');

SELECT * FROM mode_record;
-- every let-through row follows a record of warn mode in its session
SELECT count(*) AS warn_rows FROM enforcement.violations WHERE code = 'EN205';

-- the warning in Chinese
SET enforcement.mode = 'warn';
SET lc_messages = 'zh_CN.UTF-8';
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1103, 103, 'X-103', '2025-01-02', '2025-01-02', '2030-01-01');
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (909, 'BAD-909', '中文');
RESET lc_messages;
RESET enforcement.mode;

DROP VIEW mode_record;
DROP EXTENSION enforcement CASCADE;
DROP ROLE en_md_admin;
