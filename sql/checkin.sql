-- QR check-in (扫码入企, INSP-8): checkin_token() and verify_checkin().
-- Nothing printed depends on the installation's random key: lengths and
-- booleans only, never a token.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql

-- Lawful: 801 of agency 2 (officers 101, 102), and agency 3's part 805 of
-- the joint inspection 701 (officers 106, 108), as in inspections.sql.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (801, 2, 501, 21, '2025-04-01', '{101,102}', true, 301);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref,
    joint_inspection_id)
VALUES (805, 3, 501, 22, '2025-05-10', '{106,108}', true, 'production_safety',
        '菏定安委〔2025〕3号', 701);

-- Tokens are made here by hand too, to check the documented format:
-- HMAC-SHA256 (checked against RFC 4231, test case 2) and base64url.
CREATE FUNCTION pg_temp.hmac_sha256(key bytea, msg bytea) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    k bytea := CASE WHEN length(key) > 64 THEN sha256(key) ELSE key END;
    ipad bytea := decode(repeat('36', 64), 'hex');
    opad bytea := decode(repeat('5c', 64), 'hex');
BEGIN
    FOR i IN 0 .. length(k) - 1 LOOP
        ipad := set_byte(ipad, i, get_byte(k, i) # 54);
        opad := set_byte(opad, i, get_byte(k, i) # 92);
    END LOOP;
    RETURN sha256(opad || sha256(ipad || msg));
END $$;
CREATE FUNCTION pg_temp.b64url(b bytea) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT translate(rtrim(encode(b, 'base64'), '='), E'+/\n', '-_')
$$;
CREATE FUNCTION pg_temp.unb64url(t text) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT decode(translate(t, '-_', '+/') || repeat('=', (4 - length(t) % 4) % 4),
                  'base64')
$$;
-- version, inspection id (8 bytes) and day (4 bytes, since 2000-01-01),
-- big-endian, then the MAC over them truncated to 16 bytes
CREATE FUNCTION pg_temp.token(key bytea, version integer, inspection_id bigint,
                              day date) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT pg_temp.b64url(p || substr(pg_temp.hmac_sha256(key, p), 1, 16))
    FROM (SELECT set_byte('\x00'::bytea, 0, version) || int8send(inspection_id) ||
                 int4send(day - date '2000-01-01') AS p) x
$$;
SELECT encode(pg_temp.hmac_sha256(convert_to('Jefe', 'UTF8'),
                                  convert_to('what do ya want for nothing?', 'UTF8')),
              'hex') = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
       AS rfc4231_case_2;

-- The installation's key: 32 random bytes, made at CREATE EXTENSION, kept
-- out of the process record, dumped with the data.
SELECT name, length(value) AS bytes FROM enforcement.secrets;
SELECT count(*) AS recorded FROM enforcement.process_log WHERE table_name = 'secrets';
SELECT count(*) AS dumped FROM pg_extension e, unnest(e.extconfig) AS x(oid)
WHERE e.extname = 'enforcement' AND x.oid = 'enforcement.secrets'::regclass;
-- it is never changed, deleted or truncated, by the owner either (EN501);
-- terse, since a refused DELETE names the row
UPDATE enforcement.secrets SET value = sha256(value);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
DELETE FROM enforcement.secrets;
\set VERBOSITY default
\echo :LAST_ERROR_SQLSTATE
TRUNCATE enforcement.secrets;
\echo :LAST_ERROR_SQLSTATE

-- A token: short enough for a QR code, base64url, the same every time,
-- and exactly the documented format.
SELECT length(enforcement.checkin_token(801)) AS length,
       length(enforcement.checkin_token(801)) <= 120 AS fits,
       enforcement.checkin_token(801) ~ '^[A-Za-z0-9_-]+$' AS base64url,
       enforcement.checkin_token(801) = enforcement.checkin_token(801) AS same;
SELECT enforcement.checkin_token(801) AS token \gset
SELECT enforcement.checkin_token(805) AS token805 \gset
SELECT pg_temp.token(value, 1, 801, '2025-04-01') = :'token' AS documented
FROM enforcement.secrets WHERE name = 'checkin';
-- no token for an inspection that does not exist
SELECT enforcement.checkin_token(999);
\echo :LAST_ERROR_SQLSTATE

-- A good token: the agency, the officers and the certificate each one
-- held on the day, in the order of officer_ids.
SELECT * FROM enforcement.verify_checkin(:'token');
SELECT * FROM enforcement.verify_checkin(:'token805');
-- a suspension after the day does not change what was shown on the day
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-06-01',
    status_reason = '暂扣'
WHERE id = 1002;
SELECT officer_names, certificate_numbers FROM enforcement.verify_checkin(:'token');

-- Any one character changed: refused, whichever it is.
SELECT count(*) AS changed, count(*) FILTER (WHERE v.valid) AS accepted,
       count(*) FILTER (WHERE v.inspection_id IS NOT NULL OR v.agency_name IS NOT NULL
                          OR v.officer_names IS NOT NULL
                          OR v.certificate_numbers IS NOT NULL
                          OR v.inspected_on IS NOT NULL) AS told_more
FROM generate_series(1, length(:'token')) AS p,
     LATERAL (SELECT overlay(:'token' PLACING
                             CASE WHEN substr(:'token', p, 1) = 'A' THEN 'B' ELSE 'A' END
                             FROM p FOR 1) AS t) x,
     LATERAL enforcement.verify_checkin(x.t) v;
SELECT * FROM enforcement.verify_checkin(overlay(:'token' PLACING
    CASE WHEN substr(:'token', 20, 1) = 'A' THEN 'B' ELSE 'A' END FROM 20 FOR 1));

-- Refused, one row each and nothing else told: garbage, empty, NULL,
-- truncated, too long, padded, not base64url, another installation's key,
-- the MAC of 801 on another day or for another inspection, and (with this
-- installation's key) another version, another day, an unknown inspection.
SELECT t.n, t.what, v.valid,
       v.inspection_id IS NULL AND v.agency_name IS NULL AND v.officer_names IS NULL
       AND v.certificate_numbers IS NULL AND v.inspected_on IS NULL AS nothing_else
FROM enforcement.secrets s,
     LATERAL (VALUES
        (1, 'garbage', 'not a token'),
        (2, 'empty', ''),
        (3, 'null', NULL),
        (4, 'truncated', left(:'token', -1)),
        (5, 'too long', :'token' || 'A'),
        (6, 'padded', :'token' || '='),
        (7, 'a "+"', overlay(:'token' PLACING '+' FROM 1 FOR 1)),
        (8, 'a space', ' ' || left(:'token', -1)),
        (9, 'non-ASCII', '扫码入企' || left(:'token', length(:'token') - 12)),
        (10, 'other key', pg_temp.token(sha256(convert_to('another installation', 'UTF8')),
                                        1, 801, '2025-04-01')),
        (11, 'MAC of 801, day moved', pg_temp.b64url(overlay(pg_temp.unb64url(:'token')
            PLACING int4send(date '2025-05-10' - date '2000-01-01') FROM 10 FOR 4))),
        (12, 'MAC of 801, id moved', pg_temp.b64url(overlay(pg_temp.unb64url(:'token')
            PLACING int8send(805) FROM 2 FOR 8))),
        (13, 'version 2', pg_temp.token(s.value, 2, 801, '2025-04-01')),
        (14, 'another day', pg_temp.token(s.value, 1, 801, '2025-04-02')),
        (15, 'unknown inspection', pg_temp.token(s.value, 1, 999, '2025-04-01')),
        (16, 'signed right', pg_temp.token(s.value, 1, 805, '2025-05-10'))
     ) AS t(n, what, token),
     LATERAL enforcement.verify_checkin(t.token) v
WHERE s.name = 'checkin'
ORDER BY t.n;
SELECT count(*) AS rows_for_null FROM enforcement.verify_checkin(NULL);

-- A writer makes tokens for its agencies' inspections only, and verifies
-- any; a supervisor or an auditor verifies; nobody reads the key.
CREATE ROLE en_test_checkin_market IN ROLE enforcement_writer;	-- agency 2
CREATE ROLE en_test_checkin_supervisor IN ROLE enforcement_supervisor;
CREATE ROLE en_test_checkin_auditor IN ROLE enforcement_auditor;
CREATE ROLE en_test_checkin_nobody;
INSERT INTO enforcement.agency_members (role_name, agency_id)
VALUES ('en_test_checkin_market', 2);

SET ROLE en_test_checkin_market;
SELECT enforcement.checkin_token(801) = :'token' AS same_token;
SELECT enforcement.checkin_token(805);
\echo :LAST_ERROR_SQLSTATE
SELECT valid, inspection_id, agency_name FROM enforcement.verify_checkin(:'token805');
SELECT * FROM enforcement.secrets;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

SET ROLE en_test_checkin_supervisor;
SELECT valid, inspection_id FROM enforcement.verify_checkin(:'token');
SELECT enforcement.checkin_token(801);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM enforcement.secrets;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

SET ROLE en_test_checkin_auditor;
SELECT valid, inspection_id FROM enforcement.verify_checkin(:'token805');
SELECT * FROM enforcement.secrets;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

SET ROLE en_test_checkin_nobody;
SELECT valid FROM enforcement.verify_checkin(NULL);
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

-- The process record still verifies.
SELECT ok FROM enforcement.verify_process_log();

DROP ROLE en_test_checkin_market, en_test_checkin_supervisor,
    en_test_checkin_auditor, en_test_checkin_nobody;
