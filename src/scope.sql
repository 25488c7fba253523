-- ---------------------------------------------------------------------------
-- Agency scope (src/scope.c): the group roles, which role acts for which
-- agency, and acts_for(), the one predicate of every row-security policy.
-- ---------------------------------------------------------------------------

-- The group roles (created if absent; roles belong to the cluster).
CREATE FUNCTION enforcement.create_role(text) RETURNS void
    AS 'MODULE_PATHNAME', 'en_create_role' LANGUAGE C STRICT;
SELECT enforcement.create_role('enforcement_writer');
SELECT enforcement.create_role('enforcement_supervisor');
SELECT enforcement.create_role('enforcement_auditor');
DROP FUNCTION enforcement.create_role(text);

-- Which roles act for which agency.
CREATE TABLE enforcement.agency_members (
    role_name text NOT NULL,
    agency_id bigint NOT NULL,
    PRIMARY KEY (role_name, agency_id)
);
COMMENT ON TABLE enforcement.agency_members IS
    'A member of role role_name acts for agency agency_id (row security, EN503).';

CREATE FUNCTION enforcement.acts_for(agency_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_acts_for' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.acts_for(bigint) IS
    'Whether the current role acts for the agency (enforcement.agency_members).';
