-- REC-1..3: the process record, its verification, and EN501 on the record.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql

-- Every INSERT and UPDATE appends one entry to its agency's chain, with
-- the acting role, the transaction and the time.
BEGIN;
UPDATE enforcement.officers SET name = '张伟（更名）' WHERE id = 101;
SELECT chain, table_name, operation, row_id, row_data->>'name' AS name,
       db_user = current_user AS by_me, txid = txid_current() AS this_txid,
       logged_at >= now() AS now, length(hash) AS hash_bytes
FROM enforcement.process_log ORDER BY seq DESC LIMIT 1;
COMMIT;
SELECT chain, count(*) FROM enforcement.process_log GROUP BY chain ORDER BY chain;
SELECT * FROM enforcement.verify_process_log();
SELECT seq, length(hash) FROM enforcement.chain_head();

-- Every table that holds enforcement data is declared as records and has
-- the record trigger; the record itself, the keys and the catalogs never
-- are in it.
SELECT c.relname, d.kind
FROM pg_class c
LEFT JOIN enforcement.declared_tables d ON d.table_name = c.relname
WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind = 'r'
  AND (d.kind = 'records') <> EXISTS (SELECT 1 FROM pg_trigger t
                                       WHERE t.tgrelid = c.oid
                                         AND t.tgfoid = 'enforcement.record_row'::regproc);

-- The record is never changed, removed or written by hand: EN501, for the
-- owner too, and in warn mode too.
UPDATE enforcement.process_log SET row_data = '{}' WHERE seq = 1;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.process_log WHERE seq = 1;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE enforcement.process_log;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.process_log SELECT * FROM enforcement.process_log WHERE seq = 1;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.chain_heads SET seq = 0;
\echo :LAST_ERROR_SQLSTATE
SET enforcement.mode = 'warn';
DELETE FROM enforcement.process_log WHERE seq = 1;
\echo :LAST_ERROR_SQLSTATE
RESET enforcement.mode;

-- What a superuser can still do, with the triggers off, is found.
SELECT max(seq) AS last FROM enforcement.process_log WHERE chain = 2 \gset
SELECT min(seq) AS first2 FROM enforcement.process_log WHERE chain = 2 \gset
SELECT min(seq) AS second2 FROM enforcement.process_log WHERE chain = 2 AND seq > :first2 \gset
BEGIN;
SET LOCAL session_replication_role = replica;
-- an edited entry
SAVEPOINT s;
UPDATE enforcement.process_log SET row_data = row_data || '{"name": "改"}'
WHERE seq = :second2;
SELECT ok, first_bad_seq = :second2 AS at_edited FROM enforcement.verify_process_log();
ROLLBACK TO SAVEPOINT s;
-- a deleted entry: the next one no longer links
DELETE FROM enforcement.process_log WHERE seq = :first2;
SELECT ok, first_bad_seq = :second2 AS at_next FROM enforcement.verify_process_log();
ROLLBACK TO SAVEPOINT s;
-- an entry appended without the extension (its head does not name it)
INSERT INTO enforcement.process_log
SELECT seq + 1000000, chain, logged_at, txid, db_user, table_name, operation,
       row_id, row_data, hash, hash
FROM enforcement.process_log WHERE seq = :first2;
SELECT ok, first_bad_seq = :first2 + 1000000 AS at_inserted FROM enforcement.verify_process_log();
ROLLBACK TO SAVEPOINT s;
-- two entries swapped
UPDATE enforcement.process_log SET seq = -seq WHERE seq IN (:first2, :second2);
UPDATE enforcement.process_log SET seq = CASE -seq WHEN :first2 THEN :second2 ELSE :first2 END
WHERE seq < 0;
SELECT ok, first_bad_seq = :first2 AS at_swapped FROM enforcement.verify_process_log();
ROLLBACK TO SAVEPOINT s;
-- the last entry of a chain removed: its head still names it
DELETE FROM enforcement.process_log WHERE seq = :last;
SELECT ok, first_bad_seq = :last AS at_last FROM enforcement.verify_process_log();
ROLLBACK TO SAVEPOINT s;
SELECT * FROM enforcement.verify_process_log();
COMMIT;
