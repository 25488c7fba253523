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
-- since 1.6: social supervisors' group, and the owner of the supervision views
SELECT enforcement.create_role('enforcement_observer');
SELECT enforcement.create_role('enforcement_view_owner');
DROP FUNCTION enforcement.create_role(text);

-- Which roles act for which agency.
CREATE TABLE enforcement.agency_members (
    role_name text NOT NULL,
    agency_id bigint NOT NULL,
    ended_on date,
    PRIMARY KEY (role_name, agency_id)
);
COMMENT ON TABLE enforcement.agency_members IS
    'A member of role role_name acts for agency agency_id (row security, EN503), until ended_on.';
COMMENT ON COLUMN enforcement.agency_members.ended_on IS
    'From this day on the role no longer acts for the agency; set once, to a day not before the day it is set.';

-- An existing role and agency; only ended_on changes, once (src/scope.c).
CREATE FUNCTION enforcement.agency_members_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_agency_members_check' LANGUAGE C;
CREATE TRIGGER agency_members_check BEFORE INSERT OR UPDATE
    ON enforcement.agency_members
    FOR EACH ROW EXECUTE FUNCTION enforcement.agency_members_check();

CREATE FUNCTION enforcement.acts_for(agency_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_acts_for' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.acts_for(bigint) IS
    'Whether the current role acts for the agency (enforcement.agency_members).';

-- The row scope of the supervision views, which run as enforcement_view_owner
-- (src/scope.c): its row-security policy on every table with an agency.
CREATE FUNCTION enforcement.view_sees(agency_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_view_sees' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.view_sees(bigint) IS
    'The row scope of the supervision views: a writer sees its own agencies'' rows, a supervisor or an auditor all, an observer all while its supervisor''s term runs, and any other role none.';
