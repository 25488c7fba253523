
-- ---------------------------------------------------------------------------
-- Nothing for PUBLIC: every table, sequence and function of the schema is
-- granted to the roles above and to no one else; the schema to the roles.
-- ---------------------------------------------------------------------------
REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;
GRANT USAGE ON SCHEMA enforcement
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer, enforcement_view_owner;
