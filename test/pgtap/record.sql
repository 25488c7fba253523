-- REC-1..3 (EN501): every INSERT and UPDATE of an enforcement table lands in
-- the append-only, hash-chained process record with the acting role, the
-- transaction and the time; the record itself is never changed; any later
-- edit, deletion, insertion or reordering is found by verify_process_log().
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

SELECT plan(98);

-- The entries appended after seq m, one line each, in the order appended.
CREATE FUNCTION pg_temp.log_since(m bigint) RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(string_agg(format('%s %s %s chain=%s', l.table_name, l.operation,
                                      coalesce(l.row_id::text, '-'), l.chain),
                               '; ' ORDER BY l.seq), '')
    FROM enforcement.process_log l WHERE l.seq > m
$$;

-- The tampering that verify_process_log() must find, as "ok first_bad_seq";
-- the change is undone afterwards (the block's subtransaction rolls back).
CREATE FUNCTION pg_temp.tampered(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    r text;
BEGIN
    BEGIN
        EXECUTE sql;
        SELECT format('%s %s', v.ok, coalesce(v.first_bad_seq::text, '-'))
          INTO r FROM enforcement.verify_process_log() v;
        RAISE EXCEPTION USING ERRCODE = 'TAPRB', MESSAGE = 'undo the tampering';
    EXCEPTION WHEN SQLSTATE 'TAPRB' THEN
        NULL;
    END;
    RETURN r;
END
$$;

SELECT max(seq) AS start FROM enforcement.process_log \gset

-- ---------------------------------------------------------------------------
-- REC-1: one entry per INSERT, in the right chain (19)
-- ---------------------------------------------------------------------------
SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.agencies
    (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (2, 'SCJG', '市场监督管理局', 'statutory', '371703', '食品安全法 第六条',
        '2023-01-01', '2023-01-10');
SELECT is(pg_temp.log_since(:m), 'agencies INSERT 2 chain=2',
    'REC-1: an INSERT into agencies appends one entry to the agency''s own chain');
SELECT is((SELECT row_data->>'name' FROM enforcement.process_log WHERE seq > :m),
    '市场监督管理局', 'REC-1: the entry holds the row as jsonb');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.agencies
    (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
VALUES (3, 'YJJ', '药品监督管理局', 'statutory', '371703', '药品管理法',
        '2023-01-01', '2023-01-10'),
       (4, 'SFJ', '司法局', 'justice_bureau', '371703', NULL, '2023-01-01', '2023-01-10');
SELECT is(pg_temp.log_since(:m), 'agencies INSERT 3 chain=3; agencies INSERT 4 chain=4',
    'REC-1: a two-row INSERT appends one entry per row, each in its agency''s chain');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.legal_bases (id, code, title, level, article, effective_from)
VALUES (11, 'FSL-2015', '中华人民共和国食品安全法', 'law', '第一百二十二条', '2015-10-01');
SELECT is(pg_temp.log_since(:m), 'legal_bases INSERT 11 chain=0',
    'REC-1: an INSERT into legal_bases appends one entry to chain 0');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES (2, 11, 'inspection', '2023-02-01');
SELECT is(pg_temp.log_since(:m), 'agency_powers INSERT - chain=2',
    'REC-1: an INSERT into agency_powers appends one entry to the agency''s chain (no row id)');
SELECT is((SELECT row_data->>'power' FROM enforcement.process_log WHERE seq > :m),
    'inspection', 'REC-1: the agency_powers entry holds the row');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (101, 2, '张伟', 'established', true, '2022-06-01');
SELECT is(pg_temp.log_since(:m), 'officers INSERT 101 chain=2',
    'REC-1: an INSERT into officers appends one entry to the agency''s chain');
SELECT is((SELECT row_data->>'name' FROM enforcement.process_log WHERE seq > :m),
    '张伟', 'REC-1: the officers entry holds the row');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (201, 3, '王芳', 'established', true, '2022-06-01');
SELECT is(pg_temp.log_since(:m), 'officers INSERT 201 chain=3',
    'REC-1: an officer of another agency goes to that agency''s chain');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1001, 101, 'N-1001', '2023-03-01', '2023-03-01', '2035-12-31');
SELECT is(pg_temp.log_since(:m), 'certificate_statuses INSERT 1 chain=2; certificates INSERT 1001 chain=2',
    'REC-1: a certificate, and the status history row the extension appends for it, go to its officer''s agency''s chain');
SELECT is((SELECT row_data->>'status_since' FROM enforcement.process_log
           WHERE seq > :m AND table_name = 'certificates'),
    '2023-03-01', 'REC-1: the entry holds the row as stored (status_since filled in by the extension)');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (2001, 201, 'N-2001', '2023-03-01', '2023-03-01', '2035-12-31');
SELECT is(pg_temp.log_since(:m), 'certificate_statuses INSERT 2 chain=3; certificates INSERT 2001 chain=3',
    'REC-1: a certificate of another agency''s officer goes to that agency''s chain');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (501, '91371703MA3C8KJ1XD', '山东定陶鲁味食品有限公司');
SELECT is(pg_temp.log_since(:m), 'enterprises INSERT 501 chain=0',
    'REC-1: an INSERT into enterprises appends one entry to chain 0');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on, reason)
VALUES (101, 501, '2024-01-01', '配偶在该企业任职'),
       (201, 501, '2024-01-02', '曾在该企业任职');
SELECT is(pg_temp.log_since(:m), 'conflicts INSERT - chain=2; conflicts INSERT - chain=3',
    'REC-1: conflicts go to their officer''s agency''s chain');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.settings SET value = 91 WHERE name = 'decision_deadline_days';
SELECT is(pg_temp.log_since(:m), 'settings UPDATE - chain=0',
    'REC-1: an UPDATE of settings appends one entry to chain 0');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.calendar (day, kind, source) VALUES ('2030-10-01', 'holiday', 'test');
SELECT is(pg_temp.log_since(:m), 'calendar INSERT - chain=0',
    'REC-1: an INSERT into calendar appends one entry to chain 0');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.violations (id, code, message, table_name, row_id)
VALUES (9001, 'EN000', 'a recorded violation for the test', 'enterprises', 501);
SELECT is(pg_temp.log_since(:m), 'violations INSERT 9001 chain=0',
    'REC-1: an INSERT into violations appends one entry to chain 0');

CREATE ROLE tap_rec_writer IN ROLE enforcement_writer;
SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('tap_rec_writer', 2);
SELECT is(pg_temp.log_since(:m), 'agency_members INSERT - chain=0',
    'REC-1: an INSERT into agency_members appends one entry to chain 0');

SELECT max(seq) AS m FROM enforcement.process_log \gset
SELECT enforcement.set_node_id(5) AS node \gset
SELECT is(pg_temp.log_since(:m) || ' node_id=' ||
          (SELECT row_data->>'node_id' FROM enforcement.process_log WHERE seq > :m),
    'installation INSERT - chain=0 node_id=5',
    'REC-1: setting the node id appends one entry for installation to chain 0');

-- ---------------------------------------------------------------------------
-- REC-1: one entry per UPDATE (13)
-- ---------------------------------------------------------------------------
SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.agencies SET name = '药品监督管理局（更名）' WHERE id = 3;
SELECT is(pg_temp.log_since(:m) || ' ' ||
          (SELECT row_data->>'name' FROM enforcement.process_log WHERE seq > :m),
    'agencies UPDATE 3 chain=3 药品监督管理局（更名）',
    'REC-1: an UPDATE of agencies appends one entry with the new row');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.legal_bases SET article = '第一百二十三条' WHERE id = 11;
SELECT is(pg_temp.log_since(:m), 'legal_bases UPDATE 11 chain=0',
    'REC-1: an UPDATE of legal_bases appends one entry to chain 0');

SELECT throws_ok($$UPDATE enforcement.agency_powers SET published_on = '2023-02-02' WHERE agency_id = 2$$,
    'EN501', NULL, 'REC-2: a published power is fixed once written (1.4), so no UPDATE entry is appended');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.officers SET name = '王芳芳' WHERE id = 201;
SELECT is(pg_temp.log_since(:m) || ' ' ||
          (SELECT row_data->>'name' FROM enforcement.process_log WHERE seq > :m),
    'officers UPDATE 201 chain=3 王芳芳',
    'REC-1: an UPDATE of officers appends one entry with the new row');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2024-01-01',
       status_reason = '暂扣' WHERE id = 2001;
SELECT is((SELECT string_agg(format('%s %s %s chain=%s', table_name, operation,
                                     CASE WHEN table_name = 'certificates' THEN row_id::text
                                          ELSE row_data->>'certificate_id' END, chain),
                              '; ' ORDER BY seq)
           FROM enforcement.process_log WHERE seq > :m) || ' ' ||
          (SELECT row_data->>'status' FROM enforcement.process_log
           WHERE seq > :m AND table_name = 'certificates'),
    'certificate_statuses INSERT 2001 chain=3; certificates UPDATE 2001 chain=3 suspended',
    'REC-1: an UPDATE of certificates appends one entry, and one for its status history row, to the officer''s agency''s chain');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.enterprises SET name = '鲁味食品' WHERE id = 501;
SELECT is(pg_temp.log_since(:m), 'enterprises UPDATE 501 chain=0',
    'REC-1: an UPDATE of enterprises appends one entry to chain 0');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.conflicts SET reason = '配偶持股' WHERE officer_id = 101;
SELECT is(pg_temp.log_since(:m), 'conflicts UPDATE - chain=2',
    'REC-1: an UPDATE of conflicts appends one entry to the officer''s agency''s chain');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.calendar SET source = 'test, corrected' WHERE day = '2030-10-01';
SELECT is(pg_temp.log_since(:m), 'calendar UPDATE - chain=0',
    'REC-1: an UPDATE of calendar appends one entry to chain 0');

SELECT throws_ok($$UPDATE enforcement.violations SET detail = 'noted' WHERE id = 9001$$,
    'EN501', NULL, 'REC-2: the warn-mode record is fixed once written');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.agency_members SET agency_id = agency_id WHERE role_name = 'tap_rec_writer';
SELECT is(pg_temp.log_since(:m), 'agency_members UPDATE - chain=0',
    'REC-1: an UPDATE that changes no value still appends one entry');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.officers SET legal_qualification = true WHERE id IN (101, 201);
SELECT is((SELECT string_agg(format('%s %s chain=%s', operation, row_id, chain), '; ' ORDER BY row_id)
           FROM enforcement.process_log WHERE seq > :m),
    'UPDATE 101 chain=2; UPDATE 201 chain=3',
    'REC-1: a two-row UPDATE appends one entry per row, each in its chain');

SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.officers SET name = 'nobody' WHERE id = -1;
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (501, '91371703MA3C8KJ1XD', 'duplicate') ON CONFLICT (id) DO NOTHING;
SELECT is(pg_temp.log_since(:m), '',
    'REC-1: an UPDATE of no row and an INSERT that does nothing append nothing');

SELECT max(seq) AS m FROM enforcement.process_log \gset
INSERT INTO enforcement.enterprises (id, credit_code, name)
VALUES (501, '91371703MA3C8KJ1XD', '鲁味食品有限公司')
ON CONFLICT (id) DO UPDATE SET name = excluded.name;
SELECT is(pg_temp.log_since(:m), 'enterprises UPDATE 501 chain=0',
    'REC-1: INSERT ... ON CONFLICT DO UPDATE appends one UPDATE entry');

-- ---------------------------------------------------------------------------
-- Refused and rolled-back writes leave nothing behind (4)
-- ---------------------------------------------------------------------------
SELECT max(seq) AS m FROM enforcement.process_log \gset
SELECT throws_ok($$UPDATE enforcement.installation SET node_id = 6$$, 'EN501', NULL,
    'EN501: the node id is fixed once written');
SELECT throws_ok($$INSERT INTO enforcement.officers
                     (id, agency_id, name, employment, on_enforcement_post)
                   VALUES (199, 2, 'x', 'no such employment', true)$$, '23514', NULL,
    'a write refused by a constraint ...');
SELECT is(pg_temp.log_since(:m), '', '... and a refused write append nothing');

SAVEPOINT rolled_back;
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (198, 2, '撤销的', 'established', true, '2022-06-01');
ROLLBACK TO SAVEPOINT rolled_back;
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (102, 2, '刘洋', 'established', true, '2022-06-01');
SELECT is(pg_temp.log_since(:m), 'officers INSERT 102 chain=2',
    'REC-1: a write rolled back to a savepoint leaves no entry; the next write chains on');

-- ---------------------------------------------------------------------------
-- REC-3: the acting role, the transaction and the time (8)
-- ---------------------------------------------------------------------------
SELECT max(seq) AS m FROM enforcement.process_log \gset
SET LOCAL ROLE tap_rec_writer;
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (103, 2, '陈静', 'established', true, '2022-06-01');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1003, 103, 'N-1003', '2023-03-01', '2023-03-01', '2035-12-31');
-- OFF-4: the departure revokes the certificate through the extension
UPDATE enforcement.officers SET left_on = '2024-05-01' WHERE id = 103;
RESET ROLE;
SELECT is((SELECT string_agg(format('%s %s %s chain=%s', table_name, operation,
                                     CASE WHEN table_name = 'certificate_statuses'
                                          THEN (row_data->>'certificate_id') || '/' || (row_data->>'status')
                                          ELSE row_id::text END, chain),
                             '; ' ORDER BY table_name, operation, seq)
           FROM enforcement.process_log WHERE seq > :m),
    'certificate_statuses INSERT 1003/active chain=2; certificate_statuses INSERT 1003/revoked chain=2; '
    'certificates INSERT 1003 chain=2; certificates UPDATE 1003 chain=2; '
    'officers INSERT 103 chain=2; officers UPDATE 103 chain=2',
    'REC-1: a writer''s writes, and the revocation they cause, are each recorded once');
SELECT is((SELECT string_agg(DISTINCT db_user, ',') FROM enforcement.process_log WHERE seq > :m),
    'tap_rec_writer',
    'REC-3: the entries name the writer, also for the revocation the extension made for it');
SELECT is((SELECT row_data->>'status' FROM enforcement.process_log
           WHERE seq > :m AND table_name = 'certificates' AND operation = 'UPDATE'),
    'revoked', 'REC-1: the revocation''s entry holds the revoked row');
SELECT is((SELECT count(*) FROM enforcement.process_log
           WHERE seq > :start AND seq <= :m AND db_user IS DISTINCT FROM current_user::text),
    0::bigint, 'REC-3: the entries of the superuser''s writes name the superuser');

SAVEPOINT inner_write;
SELECT max(seq) AS m FROM enforcement.process_log \gset
UPDATE enforcement.enterprises SET region_code = '371703' WHERE id = 501;
SELECT is((SELECT txid FROM enforcement.process_log WHERE seq > :m), txid_current(),
    'REC-3: a write inside a savepoint carries the top-level transaction id');
RELEASE SAVEPOINT inner_write;

SELECT is((SELECT count(*) FROM enforcement.process_log
           WHERE seq > :start AND txid IS DISTINCT FROM txid_current()), 0::bigint,
    'REC-3: every entry of this transaction carries txid_current()');
SELECT is((SELECT count(*) FROM enforcement.process_log
           WHERE seq > :start AND NOT (logged_at >= now() AND logged_at <= clock_timestamp())),
    0::bigint, 'REC-3: every entry carries the time it was written, within this transaction');
SELECT ok((SELECT bool_and(chain = 0 AND txid = txid_current())
                   AND array_agg(DISTINCT table_name) @> ARRAY['calendar', 'settings']
           FROM enforcement.process_log WHERE seq <= :start),
    'REC-1, REC-3: the data installed by CREATE EXTENSION (settings, calendar) is recorded in chain 0 by the installing transaction');

-- ---------------------------------------------------------------------------
-- The chains: prev_hash, heads, verification, chain_head() (9)
-- ---------------------------------------------------------------------------
SELECT is((SELECT count(*) FROM (
              SELECT prev_hash, lag(hash) OVER (PARTITION BY chain ORDER BY seq) AS before,
                     row_number() OVER (PARTITION BY chain ORDER BY seq) AS n
              FROM enforcement.process_log) e
           WHERE e.prev_hash IS DISTINCT FROM
                 CASE WHEN e.n = 1 THEN '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
                      ELSE e.before END),
    0::bigint, 'REC-1: each entry''s prev_hash is the hash of the previous entry of its chain (zeros first)');
SELECT is((SELECT count(*) FROM enforcement.process_log
           WHERE length(hash) <> 32 OR length(prev_hash) <> 32), 0::bigint,
    'REC-1: every hash is 32 bytes (SHA-256)');
SELECT is((SELECT count(DISTINCT hash) FROM enforcement.process_log),
          (SELECT count(*) FROM enforcement.process_log),
    'REC-1: no two entries have the same hash');
SELECT results_eq(
    $$SELECT h.chain, h.seq, h.hash FROM enforcement.chain_heads h ORDER BY h.chain$$,
    $$SELECT DISTINCT ON (l.chain) l.chain, l.seq, l.hash FROM enforcement.process_log l
      ORDER BY l.chain, l.seq DESC$$,
    'REC-1: each chain''s head names its last entry');
SELECT is((SELECT string_agg(chain::text, ',' ORDER BY chain) FROM enforcement.chain_heads),
    '0,2,3,4', 'REC-1: one chain per agency written, and chain 0');
SELECT results_eq(
    $$SELECT ok, entries, first_bad_seq FROM enforcement.verify_process_log()$$,
    $$SELECT true, count(*), NULL::bigint FROM enforcement.process_log$$,
    'REC-1: verify_process_log() finds every chain intact and counts every entry');

SELECT seq AS head_seq, encode(hash, 'hex') AS head_hash FROM enforcement.chain_head() \gset
SELECT results_eq(
    $$SELECT seq, length(hash) FROM enforcement.chain_head()$$,
    $$SELECT max(seq), 32 FROM enforcement.process_log$$,
    'chain_head() gives the newest seq and a 32-byte hash');
SELECT is((SELECT encode(hash, 'hex') FROM enforcement.chain_head()), :'head_hash',
    'chain_head() is the same when nothing was written');
UPDATE enforcement.enterprises SET region_code = '371700' WHERE id = 501;
SELECT ok((SELECT seq > :head_seq AND encode(hash, 'hex') <> :'head_hash'
           FROM enforcement.chain_head()),
    'chain_head() moves on after a write');

-- ---------------------------------------------------------------------------
-- Every table is recorded and kept: no table forgotten (3)
-- ---------------------------------------------------------------------------
SELECT is((SELECT string_agg(c.relname, ', ' ORDER BY c.relname)
           FROM pg_class c
           WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind IN ('r', 'p')
             AND c.relname NOT IN (SELECT d.table_name FROM enforcement.declared_tables d
                                   WHERE d.kind <> 'records')
             AND NOT EXISTS (
                 SELECT 1 FROM pg_trigger t
                 WHERE t.tgrelid = c.oid
                   AND t.tgfoid = 'enforcement.record_row()'::regprocedure
                   AND t.tgenabled IN ('O', 'A')
                   AND (t.tgtype & 1) = 1      -- FOR EACH ROW
                   AND (t.tgtype & 2) = 0      -- AFTER
                   AND (t.tgtype & 4) = 4      -- INSERT
                   AND (t.tgtype & 16) = 16)), -- UPDATE
    NULL, 'REC-1: every table of the schema but the record itself, the keys and the catalogs has the record_row trigger for INSERT and UPDATE');
SELECT is((SELECT string_agg(c.relname, ', ' ORDER BY c.relname)
           FROM pg_class c
           WHERE c.relnamespace = 'enforcement'::regnamespace AND c.relkind IN ('r', 'p')
             AND c.relname NOT IN ('process_log', 'chain_heads')
             AND (NOT EXISTS (SELECT 1 FROM pg_trigger t
                              WHERE t.tgrelid = c.oid AND t.tgenabled IN ('O', 'A')
                                AND t.tgfoid = 'enforcement.forbid_delete()'::regprocedure
                                AND (t.tgtype & 8) = 8)
                  OR NOT EXISTS (SELECT 1 FROM pg_trigger t
                                 WHERE t.tgrelid = c.oid AND t.tgenabled IN ('O', 'A')
                                   AND t.tgfoid = 'enforcement.forbid_delete()'::regprocedure
                                   AND (t.tgtype & 32) = 32))),
    NULL, 'REC-2: every table of the schema but the record itself refuses DELETE and TRUNCATE');
SELECT is((SELECT string_agg(c.relname || ':' || ops, ', ' ORDER BY c.relname)
           FROM pg_class c
           CROSS JOIN LATERAL (
               SELECT coalesce(bit_or(t.tgtype::int) FILTER (WHERE (t.tgtype & 1) = 1), 0) & (4 | 8 | 16) AS rowops,
                      coalesce(bit_or(t.tgtype::int) FILTER (WHERE (t.tgtype & 1) = 0), 0) & 32 AS stmtops
               FROM pg_trigger t
               WHERE t.tgrelid = c.oid AND t.tgenabled IN ('O', 'A')
                 AND t.tgfoid = 'enforcement.protect_record()'::regprocedure
                 AND (t.tgtype & 2) = 2) p
           CROSS JOIN LATERAL (SELECT (p.rowops | p.stmtops)::text AS ops) o
           WHERE c.relnamespace = 'enforcement'::regnamespace
             AND c.relname IN ('process_log', 'chain_heads')),
    'chain_heads:60, process_log:60',
    'REC-1: process_log and chain_heads refuse INSERT, UPDATE, DELETE and TRUNCATE before they happen');

-- ---------------------------------------------------------------------------
-- The record is written only by the extension and never changed: EN501 for
-- everyone, the superuser (owner) included, in enforce and in warn mode (21)
-- ---------------------------------------------------------------------------
SELECT throws_ok(s.sql, 'EN501', NULL, 'EN501 (enforce): ' || s.label)
FROM (VALUES
    (1, $$UPDATE enforcement.process_log SET row_data = '{}' WHERE seq = (SELECT max(seq) FROM enforcement.process_log)$$,
     'UPDATE of process_log by the owner'),
    (2, $$DELETE FROM enforcement.process_log WHERE seq = (SELECT max(seq) FROM enforcement.process_log)$$,
     'DELETE from process_log by the owner'),
    (3, $$TRUNCATE enforcement.process_log$$, 'TRUNCATE of process_log by the owner'),
    (4, $$INSERT INTO enforcement.process_log SELECT 999999, chain, logged_at, txid, db_user, table_name,
          operation, row_id, row_data, prev_hash, hash FROM enforcement.process_log ORDER BY seq DESC LIMIT 1$$,
     'INSERT into process_log by the owner'),
    (5, $$UPDATE enforcement.chain_heads SET seq = seq WHERE chain = 2$$, 'UPDATE of chain_heads by the owner'),
    (6, $$DELETE FROM enforcement.chain_heads WHERE chain = 2$$, 'DELETE from chain_heads by the owner'),
    (7, $$TRUNCATE enforcement.chain_heads$$, 'TRUNCATE of chain_heads by the owner'),
    (8, $$INSERT INTO enforcement.chain_heads (chain, seq, hash) VALUES (77, 0, '\x00')$$,
     'INSERT into chain_heads by the owner'),
    (9, $$INSERT INTO enforcement.chain_heads (chain, seq, hash) VALUES (2, 0, '\x00')
          ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash$$,
     'INSERT ... ON CONFLICT DO UPDATE of chain_heads by the owner'),
    (10, $$MERGE INTO enforcement.process_log l USING (SELECT max(seq) AS seq FROM enforcement.process_log) s
           ON l.seq = s.seq WHEN MATCHED THEN UPDATE SET db_user = 'nobody'$$,
     'MERGE into process_log by the owner')) AS s(n, sql, label)
ORDER BY s.n;

SET LOCAL client_min_messages = error;
SET LOCAL enforcement.mode = 'warn';
SELECT throws_ok(s.sql, 'EN501', NULL, 'EN501 (warn): ' || s.label)
FROM (VALUES
    (1, $$UPDATE enforcement.process_log SET row_data = '{}' WHERE seq = (SELECT max(seq) FROM enforcement.process_log)$$,
     'UPDATE of process_log'),
    (2, $$DELETE FROM enforcement.process_log WHERE seq = (SELECT max(seq) FROM enforcement.process_log)$$,
     'DELETE from process_log'),
    (3, $$TRUNCATE enforcement.process_log$$, 'TRUNCATE of process_log'),
    (4, $$INSERT INTO enforcement.process_log SELECT 999999, chain, logged_at, txid, db_user, table_name,
          operation, row_id, row_data, prev_hash, hash FROM enforcement.process_log ORDER BY seq DESC LIMIT 1$$,
     'INSERT into process_log'),
    (5, $$UPDATE enforcement.chain_heads SET seq = seq WHERE chain = 2$$, 'UPDATE of chain_heads'),
    (6, $$DELETE FROM enforcement.chain_heads WHERE chain = 2$$, 'DELETE from chain_heads'),
    (7, $$TRUNCATE enforcement.chain_heads$$, 'TRUNCATE of chain_heads'),
    (8, $$INSERT INTO enforcement.chain_heads (chain, seq, hash) VALUES (77, 0, '\x00')$$,
     'INSERT into chain_heads')) AS s(n, sql, label)
ORDER BY s.n;
SELECT max(seq) AS m FROM enforcement.process_log \gset
SELECT lives_ok($$UPDATE enforcement.officers SET name = '刘洋（警告模式）' WHERE id = 102$$,
    'warn: a lawful write goes through ...');
SELECT is(pg_temp.log_since(:m), 'officers UPDATE 102 chain=2',
    '... and is recorded as in enforce mode');
RESET enforcement.mode;
SET LOCAL client_min_messages = warning;

SELECT results_eq(
    $$SELECT ok, entries, first_bad_seq FROM enforcement.verify_process_log()$$,
    $$SELECT true, count(*), NULL::bigint FROM enforcement.process_log$$,
    'after every refused change the record is intact');

-- ---------------------------------------------------------------------------
-- Tampering behind the triggers' back is found (21)
-- ---------------------------------------------------------------------------
-- chain 2's entries, oldest first, and the other chains' last entries
SELECT (array_agg(seq ORDER BY seq))[2] AS c2_second,
       (array_agg(seq ORDER BY seq))[3] AS c2_third,
       (array_agg(seq ORDER BY seq))[4] AS c2_fourth,
       (array_agg(seq ORDER BY seq DESC))[1] AS c2_last,
       (array_agg(seq ORDER BY seq DESC))[2] AS c2_before_last
FROM enforcement.process_log WHERE chain = 2 \gset
SELECT max(seq) AS c3_last FROM enforcement.process_log WHERE chain = 3 \gset
SELECT seq AS published_seq, encode(hash, 'hex') AS published_hash FROM enforcement.chain_head() \gset

SET LOCAL session_replication_role = replica;  -- triggers off: the superuser tampers
SAVEPOINT good_chain;

-- (a) an entry's content edited
UPDATE enforcement.process_log SET row_data = jsonb_set(row_data, '{name}', '"张三"')
WHERE seq = :c2_third;
SELECT results_eq(
    $$SELECT ok, first_bad_seq FROM enforcement.verify_process_log()$$,
    format($$VALUES (false, %s::bigint)$$, :c2_third),
    'tamper (a): an edited entry is found, and named');
ROLLBACK TO SAVEPOINT good_chain;

-- (b) a middle entry deleted
DELETE FROM enforcement.process_log WHERE seq = :c2_third;
SELECT results_eq(
    $$SELECT ok, first_bad_seq FROM enforcement.verify_process_log()$$,
    format($$VALUES (false, %s::bigint)$$, :c2_fourth),
    'tamper (b): a deleted middle entry is found at the next entry of its chain');
ROLLBACK TO SAVEPOINT good_chain;

-- (c) forged entries inserted
INSERT INTO enforcement.process_log
SELECT :c2_last + 100000, l.chain, l.logged_at, l.txid, l.db_user, l.table_name, 'UPDATE',
       l.row_id, jsonb_set(l.row_data, '{name}', '"伪造"'), h.hash, sha256(h.hash)
FROM enforcement.process_log l JOIN enforcement.chain_heads h USING (chain)
WHERE l.seq = :c2_last;
SELECT is((SELECT ok FROM enforcement.verify_process_log()), false,
    'tamper (c): a forged entry appended after the head is found');
SELECT ok((SELECT first_bad_seq IN (:c2_last, :c2_last + 100000) FROM enforcement.verify_process_log()),
    'tamper (c): ... at the end of its chain');
ROLLBACK TO SAVEPOINT good_chain;

INSERT INTO enforcement.process_log
SELECT -1, l.chain, l.logged_at, l.txid, l.db_user, l.table_name, l.operation,
       l.row_id, l.row_data, l.prev_hash, sha256(l.hash)
FROM enforcement.process_log l WHERE l.seq = (SELECT min(seq) FROM enforcement.process_log WHERE chain = 2);
SELECT results_eq(
    $$SELECT ok, first_bad_seq FROM enforcement.verify_process_log()$$,
    $$VALUES (false, -1::bigint)$$,
    'tamper (c): a forged entry put before the first one is found, and named');
ROLLBACK TO SAVEPOINT good_chain;

-- an entry replayed into another chain, hashes and all
INSERT INTO enforcement.process_log
SELECT :c3_last + 200000, 3, l.logged_at, l.txid, l.db_user, l.table_name, l.operation,
       l.row_id, l.row_data, h.hash, l.hash
FROM enforcement.process_log l, enforcement.chain_heads h
WHERE l.seq = :c2_second AND h.chain = 3;
SELECT is((SELECT ok FROM enforcement.verify_process_log()), false,
    'tamper (c): an entry copied from another chain is found');
ROLLBACK TO SAVEPOINT good_chain;

-- (d) two entries swapped
UPDATE enforcement.process_log SET seq = -1 WHERE seq = :c2_second;
UPDATE enforcement.process_log SET seq = :c2_second WHERE seq = :c2_third;
UPDATE enforcement.process_log SET seq = :c2_third WHERE seq = -1;
SELECT results_eq(
    $$SELECT ok, first_bad_seq FROM enforcement.verify_process_log()$$,
    format($$VALUES (false, %s::bigint)$$, :c2_second),
    'tamper (d): two entries of a chain swapped are found at the first of them');
ROLLBACK TO SAVEPOINT good_chain;

-- (e) the last entry of a chain deleted
DELETE FROM enforcement.process_log WHERE seq = :c2_last;
SELECT is((SELECT ok FROM enforcement.verify_process_log()), false,
    'tamper (e): a deleted last entry is found (its head names it)');
SELECT ok((SELECT first_bad_seq IN (:c2_before_last, :c2_last) FROM enforcement.verify_process_log()),
    'tamper (e): ... at the end of its chain');
ROLLBACK TO SAVEPOINT good_chain;

-- a whole chain deleted; a head deleted; a head rewritten
DELETE FROM enforcement.process_log WHERE chain = 3;
SELECT results_eq(
    $$SELECT ok, first_bad_seq FROM enforcement.verify_process_log()$$,
    format($$VALUES (false, %s::bigint)$$, :c3_last),
    'tamper: a chain deleted entirely is found by its head');
ROLLBACK TO SAVEPOINT good_chain;
DELETE FROM enforcement.chain_heads WHERE chain = 3;
SELECT is((SELECT ok FROM enforcement.verify_process_log()), false,
    'tamper: a chain whose head was deleted is found');
ROLLBACK TO SAVEPOINT good_chain;
UPDATE enforcement.chain_heads SET hash = sha256(hash) WHERE chain = 3;
SELECT is((SELECT ok FROM enforcement.verify_process_log()), false,
    'tamper: a rewritten head is found');
ROLLBACK TO SAVEPOINT good_chain;

-- every field of an entry is covered by its hash
SELECT is(pg_temp.tampered(format('UPDATE enforcement.process_log SET %s WHERE seq = %s', f.change, :c2_third)),
          'f ' || :c2_third,
          'tamper: changing ' || f.field || ' of an entry is found, and named')
FROM (VALUES
    (1, 'db_user', $$db_user = 'someone_else'$$),
    (2, 'txid', 'txid = txid + 1'),
    (3, 'logged_at', $$logged_at = logged_at - interval '1 day'$$),
    (4, 'table_name', $$table_name = 'enterprises'$$),
    (5, 'operation', $$operation = CASE operation WHEN 'INSERT' THEN 'UPDATE' ELSE 'INSERT' END$$),
    (6, 'row_id', 'row_id = coalesce(row_id, 0) + 1'),
    (7, 'hash', 'hash = sha256(hash)')) AS f(n, field, change)
ORDER BY f.n;

-- everything deleted: only the published chain_head() can tell
DELETE FROM enforcement.process_log;
DELETE FROM enforcement.chain_heads;
SELECT ok((SELECT encode(hash, 'hex') <> :'published_hash' FROM enforcement.chain_head()),
    'tamper: a wiped record no longer matches the chain_head() published before');
ROLLBACK TO SAVEPOINT good_chain;
RESET session_replication_role;

SELECT results_eq(
    $$SELECT ok, entries, first_bad_seq FROM enforcement.verify_process_log()$$,
    $$SELECT true, count(*), NULL::bigint FROM enforcement.process_log$$,
    'after the rollbacks the record is intact again');

SELECT * FROM finish();
ROLLBACK;
