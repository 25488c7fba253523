-- A NULL written into the process record by a superuser (its NOT NULL
-- dropped, its protection disabled): verify_process_log() reports that
-- entry as bad, and neither it nor chain_head() crashes.  Each write is
-- rolled back.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\set QUIET on
\i test/fixtures/registry.sql
\set QUIET off
SELECT ok FROM enforcement.verify_process_log();
SELECT max(seq) AS target FROM enforcement.process_log \gset
\set QUIET on
\set col hash
\i test/fixtures/record_null.sql
\set col prev_hash
\i test/fixtures/record_null.sql
\set col row_data
\i test/fixtures/record_null.sql
\set col logged_at
\i test/fixtures/record_null.sql
\set col txid
\i test/fixtures/record_null.sql
\set col db_user
\i test/fixtures/record_null.sql
\set col table_name
\i test/fixtures/record_null.sql
\set col operation
\i test/fixtures/record_null.sql
\set col chain
\i test/fixtures/record_null.sql
-- the chain heads' seq and hash
BEGIN;
ALTER TABLE enforcement.chain_heads DISABLE TRIGGER USER;
ALTER TABLE enforcement.chain_heads ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE enforcement.chain_heads ALTER COLUMN hash DROP NOT NULL;
UPDATE enforcement.chain_heads SET seq = NULL WHERE chain = 2;
UPDATE enforcement.chain_heads SET hash = NULL WHERE chain = 0;
\set QUIET off
SELECT ok, first_bad_seq IS NOT NULL AS names_bad FROM enforcement.verify_process_log();
SELECT seq IS NOT NULL AS seq, length(hash) AS hash FROM enforcement.chain_head();
ROLLBACK;
SELECT ok FROM enforcement.verify_process_log();
DROP EXTENSION enforcement CASCADE;
