-- Ids: next_id() counts; the installation's node id, set once, goes in the
-- high bits (bits 53..62).
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

SELECT plan(31);

-- ---------------------------------------------------------------------------
-- Before a node id is set (7)
-- ---------------------------------------------------------------------------
SELECT is(enforcement.node_id(), 0, 'node_id() is 0 until set');
SELECT enforcement.next_id() AS id1 \gset
SELECT enforcement.next_id() AS id2 \gset
SELECT cmp_ok(:id1::bigint, '>', 0::bigint, 'next_id() is positive');
SELECT is(:id2::bigint, :id1::bigint + 1, 'next_id() increments by one');
SELECT is(:id1::bigint >> 53, 0::bigint, 'with node 0 the high bits are 0');
INSERT INTO enforcement.enterprises (credit_code, name) VALUES ('91371703MA3C8KJ1XD', '默认编号');
SELECT is((SELECT id FROM enforcement.enterprises WHERE credit_code = '91371703MA3C8KJ1XD'),
          :id2::bigint + 1, 'a row without an id gets the next id');
SELECT is((SELECT count(DISTINCT enforcement.next_id()) FROM generate_series(1, 1000)), 1000::bigint,
          'a thousand next_id() calls give a thousand distinct ids');
SELECT is(enforcement.set_node_id(NULL), NULL, 'set_node_id(NULL) is NULL (strict) and sets nothing');

-- ---------------------------------------------------------------------------
-- Out of range: 22023 (3), and nothing set (1)
-- ---------------------------------------------------------------------------
SELECT throws_ok('SELECT enforcement.set_node_id(0)', '22023', 'node id 0 is out of range',
                 'set_node_id(0) is refused');
SELECT throws_ok('SELECT enforcement.set_node_id(1024)', '22023', 'node id 1024 is out of range',
                 'set_node_id(1024) is refused');
SELECT throws_ok('SELECT enforcement.set_node_id(-1)', '22023', 'node id -1 is out of range',
                 'set_node_id(-1) is refused');
SELECT is(enforcement.node_id(), 0, 'refused node ids leave node_id() at 0');

-- ---------------------------------------------------------------------------
-- The top of the range, tried in a savepoint (2)
-- ---------------------------------------------------------------------------
SAVEPOINT node_1023;
SELECT enforcement.set_node_id(1023) AS n1023 \gset
SELECT enforcement.next_id() AS id1023 \gset
ROLLBACK TO SAVEPOINT node_1023;
SELECT is(:n1023::integer, 1023, 'set_node_id(1023) is accepted');
SELECT ok(:id1023::bigint > 0 AND :id1023::bigint >> 53 = 1023,
          'with node 1023 ids stay positive and carry 1023 in the high bits');

-- ---------------------------------------------------------------------------
-- Setting the node id (7)
-- ---------------------------------------------------------------------------
SELECT enforcement.next_id() AS before5 \gset
SAVEPOINT before_node;
SELECT is(enforcement.set_node_id(9), 9, 'set_node_id(9) inside a savepoint');
ROLLBACK TO SAVEPOINT before_node;
SELECT is(enforcement.node_id(), 0, 'a rolled-back set_node_id leaves the node id unset');
SELECT is(enforcement.next_id() >> 53, 0::bigint, 'and ids carry node 0 again');
SELECT is(enforcement.set_node_id(5), 5, 'set_node_id(5) returns 5');
SELECT is(enforcement.node_id(), 5, 'node_id() is 5');
SELECT enforcement.next_id() AS after5 \gset
SELECT is(:after5::bigint >> 53, 5::bigint, 'next_id() >> 53 is 5');
SELECT cmp_ok(:after5::bigint & ((1::bigint << 53) - 1), '>',
              :before5::bigint & ((1::bigint << 53) - 1),
              'the counter in the low bits goes on from where it was');
SELECT is(enforcement.next_id(), :after5::bigint + 1, 'next_id() still increments by one');
INSERT INTO enforcement.enterprises (credit_code, name) VALUES ('91371703MA3D2LQ4PB', '节点编号');
SELECT is((SELECT id >> 53 FROM enforcement.enterprises WHERE credit_code = '91371703MA3D2LQ4PB'),
          5::bigint, 'a row inserted after set_node_id carries node 5 in its id');
SELECT lives_ok($$INSERT INTO enforcement.enterprises (id, credit_code, name)
                  VALUES (42, '92371703MA3E5RT7NH', '显式编号')$$,
                'an explicit id may still be given');

-- ---------------------------------------------------------------------------
-- Set once: 55000 (3), EN501 (2)
-- ---------------------------------------------------------------------------
SELECT throws_ok('SELECT enforcement.set_node_id(6)', '55000', 'node id is already set to 5',
                 'a second set_node_id is refused');
SELECT throws_ok('SELECT enforcement.set_node_id(5)', '55000', 'node id is already set to 5',
                 'setting the same node id again is refused too');
SELECT is(enforcement.node_id(), 5, 'the node id is still 5');
SELECT throws_ok('DELETE FROM enforcement.installation', 'EN501', NULL,
                 'the node id cannot be unset by deleting it');
SELECT throws_ok('TRUNCATE enforcement.installation', 'EN501', NULL,
                 'the node id cannot be unset by truncating');
SELECT throws_ok('UPDATE enforcement.installation SET node_id = 6', 'EN501', NULL,
                 'the node id cannot be changed by hand');
SELECT is(enforcement.node_id(), 5, 'the node id is still 5 after the refused update');
SELECT throws_ok($$SELECT setval('enforcement.id_seq', (1::bigint << 53) - 1), enforcement.next_id()$$,
                 '2200H', NULL, 'the counter stops before it reaches the node bits');

SELECT * FROM finish();
ROLLBACK;
