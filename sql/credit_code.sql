-- EN205: unified social credit codes (GB 32100-2015).
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;

SELECT code, enforcement.credit_code_valid(code)
FROM (VALUES
    ('91371703MA3C8KJ1XD'),    -- valid
    ('92371703MA3E5RT7NH'),    -- valid, individual business
    ('91350100M000100Y43'),    -- valid, published example
    ('91371703MA3C8KJ1XE'),    -- wrong check character
    ('91371703MA3C8KJ1X'),     -- 17 characters
    ('91371703MA3C8KJ1XDD'),   -- 19 characters
    ('91371703MA3O8KJ1XD'),    -- letter O
    ('91371703MA3I8KJ1XD'),    -- letter I
    ('91371703ma3c8kj1xd'),    -- lower case
    ('')) AS t(code);
SELECT enforcement.credit_code_valid(NULL);

-- the lawful case
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (501, '91371703MA3C8KJ1XD', '山东定陶鲁味食品有限公司');
-- broken: wrong check character, on insert and on update
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (502, '91371703MA3C8KJ1XE', '定陶区某商贸有限公司');
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.enterprises SET credit_code = '91371703MA3C8KJ1Y' WHERE id = 501;
\echo :LAST_ERROR_SQLSTATE
-- lawful update
UPDATE enforcement.enterprises SET credit_code = '91371703MA3D2LQ4PB' WHERE id = 501;
SELECT id, credit_code FROM enforcement.enterprises;
-- the vocabulary of kind
INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
VALUES (503, '92371703MA3E5RT7NH', '老王烧饼店', 'shop');
\echo :LAST_ERROR_SQLSTATE
