-- For enforcement--1.3--1.4.sql (issue 8, branch issue8-record).  The
-- lead deletes this file after merging.  C entry points are new in the
-- module: en_verify_rows, en_agency_members_check.

-- agency_members: ended_on, and the trigger that checks the role, the
-- agency, ended_on (set once) and the fixed columns (src/scope.c).
ALTER TABLE enforcement.agency_members ADD COLUMN ended_on date;
COMMENT ON TABLE enforcement.agency_members IS
    'A member of role role_name acts for agency agency_id (row security, EN503), until ended_on.';
COMMENT ON COLUMN enforcement.agency_members.ended_on IS
    'From this day on the role no longer acts for the agency; set once, to a day not before the day it is set.';
CREATE FUNCTION enforcement.agency_members_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_agency_members_check' LANGUAGE C;
CREATE TRIGGER agency_members_check BEFORE INSERT OR UPDATE
    ON enforcement.agency_members
    FOR EACH ROW EXECUTE FUNCTION enforcement.agency_members_check();
-- as a fresh install leaves it (src/sql/finish.sql revokes from PUBLIC)
REVOKE ALL ON FUNCTION enforcement.agency_members_check() FROM PUBLIC;

-- verify_rows() (src/record.c)
CREATE FUNCTION enforcement.verify_rows(
    OUT table_name text, OUT row_id bigint, OUT problem text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'en_verify_rows' LANGUAGE C STABLE;
COMMENT ON FUNCTION enforcement.verify_rows() IS
    'Rows of the declared tables of records that are not in the process record, differ from their last entry, or whose entry has no row left; row_id is NULL for a table keyed by other columns, whose key the problem names.';
REVOKE ALL ON FUNCTION enforcement.verify_rows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enforcement.verify_rows()
    TO enforcement_supervisor, enforcement_auditor;

-- Nothing else: enforcement.restoring() keeps its signature (it now
-- answers "is this a restore session", which is what the scripts ask);
-- the mode and restore changes are C only.
-- Existing memberships naming a role or agency that does not exist are
-- not touched by the update (the trigger checks new rows only); the
-- update may list them with a NOTICE if wanted:
--   SELECT m.* FROM enforcement.agency_members m
--   WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) m.role_name)
--      OR NOT EXISTS (SELECT FROM enforcement.agencies a WHERE a.id OPERATOR(pg_catalog.=) m.agency_id);
