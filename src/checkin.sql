-- ---------------------------------------------------------------------------
-- QR check-in (扫码入企, INSP-8, src/checkin.c): a signed token per
-- inspection that the enterprise verifies without access to other rows.
-- ---------------------------------------------------------------------------

-- The installation's secrets: the check-in key, and the key under which the
-- process record masks private columns.  Only the owner reads them; no
-- value reaches the process record; a dump carries them, so a restored
-- database verifies the tokens it issued.
CREATE TABLE enforcement.secrets (
    name text PRIMARY KEY,
    value bytea NOT NULL
);
COMMENT ON TABLE enforcement.secrets IS
    'Keys of this installation (the check-in key, the record''s key for private columns); read by the extension''s owner only, never changed.';
SELECT enforcement.declare_table('enforcement.secrets', kind => 'secret',
                                 mutable_columns => '{}', strict => true);

-- A new key of 32 random bytes (not made again while a dump is restored:
-- the dump brings the key back).
CREATE FUNCTION enforcement.new_secret() RETURNS bytea
    AS 'MODULE_PATHNAME', 'en_new_secret' LANGUAGE C VOLATILE;
INSERT INTO enforcement.secrets (name, value)
SELECT v.name, enforcement.new_secret()
FROM (VALUES ('checkin'), ('record')) AS v(name)
WHERE NOT enforcement.restoring();
DROP FUNCTION enforcement.new_secret();

CREATE FUNCTION enforcement.checkin_token(inspection_id bigint) RETURNS text
    AS 'MODULE_PATHNAME', 'en_checkin_token' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION enforcement.checkin_token(bigint) IS
    'INSP-8: the signed check-in token of an inspection, for its QR code.';
CREATE FUNCTION enforcement.verify_checkin(token text)
    RETURNS TABLE (valid boolean, inspection_id bigint, agency_name text,
                   officer_names text[], certificate_numbers text[],
                   inspected_on date)
    AS 'MODULE_PATHNAME', 'en_verify_checkin' LANGUAGE C STABLE ROWS 1;
COMMENT ON FUNCTION enforcement.verify_checkin(text) IS
    'INSP-8: whether a check-in token is this installation''s, and its inspection''s agency, officers and certificates; never an error.';

GRANT EXECUTE ON FUNCTION enforcement.checkin_token(bigint) TO enforcement_writer;
GRANT EXECUTE ON FUNCTION enforcement.verify_checkin(text)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
