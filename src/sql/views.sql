
-- ---------------------------------------------------------------------------
-- Supervision views.
-- ---------------------------------------------------------------------------

-- One row per officer: the current (or, with none, the latest) certificate.
CREATE VIEW enforcement.v_officer_certification AS
SELECT o.id AS officer_id,
       o.agency_id,
       c.number AS certificate_number,
       c.status,
       c.valid_to,
       (c.id IS NOT NULL
        AND (o.left_on IS NULL OR o.left_on > current_date)
        AND c.valid_from <= current_date AND c.valid_to >= current_date
        AND NOT (c.status <> 'active' AND c.status_since <= current_date))
           AS certified_today,
       CASE
           WHEN o.left_on <= current_date THEN 'left'
           WHEN c.id IS NULL THEN 'no_certificate'
           WHEN c.status = 'revoked' AND c.status_since <= current_date THEN 'revoked'
           WHEN c.status = 'suspended' AND c.status_since <= current_date THEN 'suspended'
           WHEN c.valid_from > current_date THEN 'not_yet_valid'
           WHEN c.valid_to < current_date THEN 'expired'
           WHEN c.valid_to < current_date + 90 THEN 'expires_within_90_days'
       END AS problem
FROM enforcement.officers o
LEFT JOIN LATERAL (
    SELECT c.*
    FROM enforcement.certificates c
    WHERE c.officer_id = o.id
    ORDER BY c.status <> 'revoked' DESC, c.issued_on DESC, c.id DESC
    LIMIT 1
) c ON true;

-- ---------------------------------------------------------------------------
-- Records are never deleted or truncated (REC-2, EN501).
-- ---------------------------------------------------------------------------
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.settings
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.settings
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.calendar
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE UPDATE OR DELETE ON enforcement.installation
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.installation
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.violations
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.violations
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.agencies
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.agencies
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.legal_bases
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.legal_bases
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.agency_powers
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.agency_powers
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.officers
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.officers
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.certificates
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.certificates
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.enterprises
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.enterprises
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_delete BEFORE DELETE ON enforcement.conflicts
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();
CREATE TRIGGER forbid_truncate BEFORE TRUNCATE ON enforcement.conflicts
    FOR EACH STATEMENT EXECUTE FUNCTION enforcement.forbid_delete();

-- ---------------------------------------------------------------------------
-- pg_dump keeps the data of these tables (the extension re-creates the rest).
-- ---------------------------------------------------------------------------
SELECT pg_catalog.pg_extension_config_dump('enforcement.id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.installation', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.violations', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.agencies', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.legal_bases', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.agency_powers', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.officers', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.certificates', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.enterprises', '');
SELECT pg_catalog.pg_extension_config_dump('enforcement.conflicts', '');

-- Nothing for PUBLIC: access is granted to the extension's roles.
REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;
