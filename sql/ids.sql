-- Ids: node id in the high bits, set once.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;

SELECT enforcement.node_id();
SELECT enforcement.next_id() AS first, enforcement.next_id() AS second;

-- the default of every id column
INSERT INTO enforcement.enterprises (credit_code, name)
VALUES ('91371703MA3C8KJ1XD', '山东定陶鲁味食品有限公司') RETURNING id;

-- out of range
SELECT enforcement.set_node_id(0);
\echo :LAST_ERROR_SQLSTATE
SELECT enforcement.set_node_id(1024);
\echo :LAST_ERROR_SQLSTATE

-- a node id set in a transaction that rolls back leaves nothing behind
BEGIN;
SELECT enforcement.set_node_id(9);
SELECT enforcement.next_id() >> 53 AS node_inside;
ROLLBACK;
SELECT enforcement.node_id(), enforcement.next_id() >> 53 AS node_after;

SELECT enforcement.set_node_id(7);
SELECT enforcement.node_id();
-- later ids carry the node in bits 53..62 and keep counting
SELECT enforcement.next_id() >> 53 AS node,
       enforcement.next_id() & ((1::bigint << 53) - 1) AS counter;

-- set once
SELECT enforcement.set_node_id(8);
\echo :LAST_ERROR_SQLSTATE
SELECT enforcement.node_id();
-- nor may it be changed by hand
UPDATE enforcement.installation SET node_id = 6;
\echo :LAST_ERROR_SQLSTATE
SELECT enforcement.node_id();

-- the counter stops before it reaches the node bits
BEGIN;
SELECT setval('enforcement.id_seq', (1::bigint << 53) - 1);
SELECT enforcement.next_id();
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- explicit ids are accepted too
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (42, '91371703MA3D2LQ4PB', '菏泽定陶安泰化工有限公司') RETURNING id;
