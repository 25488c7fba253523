-- GB 32100-2015 unified social credit codes: credit_code_valid() and EN205
-- on enterprises.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SET LOCAL client_min_messages = warning;
SET LOCAL lc_messages = 'C';

SELECT plan(41);

-- ---------------------------------------------------------------------------
-- Valid codes (9)
-- ---------------------------------------------------------------------------
SELECT is(enforcement.credit_code_valid(c), true, 'valid: ' || c)
FROM unnest(ARRAY[
    '91371703MA3C8KJ1XD', '91371703MA3D2LQ4PB', '92371703MA3E5RT7NH',
    '91371703MA3F9WN2KN',
    -- published codes of well-known companies (independent of the above)
    '914403001922038216', '9144030071526726XG', '91330100716105852F',
    -- check values 0 (sum ≡ 0 mod 31) and 30 (Y)
    '91371703MA3G000150', '91371703MA3G00005Y']) AS c;

-- ---------------------------------------------------------------------------
-- Invalid codes (20)
-- ---------------------------------------------------------------------------
SELECT is(enforcement.credit_code_valid(c), false, 'invalid (' || why || '): ' || quote_literal(c))
FROM (VALUES
    ('91371703MA3C8KJ1XE', 'wrong check character'),
    ('91371703MA3D2LQ4PC', 'wrong check character'),
    ('92371703MA3E5RT7N0', 'wrong check character'),
    ('91371703MA3F9WN2KM', 'wrong check character'),
    ('91371703MA3G000151', 'check 0 written as 1'),
    ('91371703MA3C8KJ1X',  '17 characters'),
    ('91371703MA3C8KJ1XDD', '19 characters'),
    ('91371703MA3C8KJ1XD ', 'trailing space'),
    (' 91371703MA3C8KJ1XD', 'leading space'),
    ('9I371703MA3C8KJ1XD', 'letter I for 1'),
    ('913717O3MA3C8KJ1XD', 'letter O for 0'),
    ('92371703MA3ES RT7NH', 'space inside'),
    ('92371703MA3ESRT7NH', 'letter S for 5'),
    ('91371703MA3C8KV1XD', 'letter V'),
    ('9Z371703MA3E5RT7NH', 'letter Z for 2'),
    ('91371703ma3c8kj1xd', 'lower case'),
    ('91371703MA3C8KJ1Xd', 'lower-case check character'),
    ('',                   'empty'),
    ('913717０3MA3C8KJ1XD', 'full-width digit'),
    ('91371703-MA3C8KJ1X', 'hyphen')) AS t(c, why);

SELECT is(enforcement.credit_code_valid(NULL), NULL, 'NULL -> NULL (strict)');

-- ---------------------------------------------------------------------------
-- enterprises: EN205 (5 refusals, 6 lawful)
-- ---------------------------------------------------------------------------
SELECT lives_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
                  VALUES (501, '91371703MA3C8KJ1XD', '山东定陶鲁味食品有限公司', 'enterprise')$$,
    'an enterprise with a valid code is stored');
SELECT lives_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
                  VALUES (502, '92371703MA3E5RT7NH', '定陶区老王烧饼店', 'individual_business')$$,
    'an individual business with a valid code is stored');
SELECT throws_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name)
                   VALUES (503, '91371703MA3C8KJ1XE', '某商贸有限公司')$$,
    'EN205', 'invalid unified social credit code (GB 32100-2015)',
    'EN205: an enterprise with a wrong check character is refused');
SELECT throws_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name)
                   VALUES (503, '91371703ma3d2lq4pb', '某商贸有限公司')$$,
    'EN205', 'invalid unified social credit code (GB 32100-2015)',
    'EN205: a lower-case code is refused');
SELECT throws_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name)
                   VALUES (503, '', '某商贸有限公司')$$,
    'EN205', 'invalid unified social credit code (GB 32100-2015)',
    'EN205: an empty code is refused');
SELECT throws_ok($$UPDATE enforcement.enterprises SET credit_code = '91371703MA3C8KJ1XE' WHERE id = 501$$,
    'EN205', 'invalid unified social credit code (GB 32100-2015)',
    'EN205: updating to an invalid code is refused');
SELECT throws_ok($$UPDATE enforcement.enterprises SET credit_code = credit_code || 'X' WHERE id = 502$$,
    'EN205', 'invalid unified social credit code (GB 32100-2015)',
    'EN205: updating to a 19-character code is refused');
SELECT is((SELECT count(*) FROM enforcement.enterprises), 2::bigint,
    'no refused enterprise was stored');
SELECT lives_ok($$UPDATE enforcement.enterprises SET credit_code = '91371703MA3D2LQ4PB' WHERE id = 501$$,
    'updating to another valid code is lawful');
SELECT lives_ok($$UPDATE enforcement.enterprises SET name = '鲁味食品' WHERE id = 501$$,
    'updating another column is lawful');
SELECT results_eq($$SELECT id, credit_code FROM enforcement.enterprises ORDER BY id$$,
    $$VALUES (501::bigint, '91371703MA3D2LQ4PB'::text), (502, '92371703MA3E5RT7NH')$$,
    'the stored codes are the lawful ones');

SELECT * FROM finish();
ROLLBACK;
