
-- ---------------------------------------------------------------------------
-- Every table that holds enforcement data is declared: process record, no
-- DELETE or TRUNCATE, agency row security where it has an agency, nothing
-- for PUBLIC, and its data in pg_dump.
-- ---------------------------------------------------------------------------
SELECT enforcement.declare_table('enforcement.installation');
SELECT enforcement.declare_table('enforcement.settings');
SELECT enforcement.declare_table('enforcement.calendar');
SELECT enforcement.declare_table('enforcement.violations');
SELECT enforcement.declare_table('enforcement.agency_members');
SELECT enforcement.declare_table('enforcement.agencies', 'id');
SELECT enforcement.declare_table('enforcement.legal_bases');
SELECT enforcement.declare_table('enforcement.agency_powers', 'agency_id');
SELECT enforcement.declare_table('enforcement.officers', 'agency_id');
SELECT enforcement.declare_table('enforcement.certificates', 'officer:officer_id');
SELECT enforcement.declare_table('enforcement.enterprises');
SELECT enforcement.declare_table('enforcement.conflicts', 'officer:officer_id');
SELECT pg_catalog.pg_extension_config_dump('enforcement.id_seq', '');
-- The node id is fixed once written.
CREATE TRIGGER fixed_once_written BEFORE UPDATE ON enforcement.installation
    FOR EACH ROW EXECUTE FUNCTION enforcement.forbid_delete();

-- ---------------------------------------------------------------------------
-- Privileges: nothing for PUBLIC; writers write their agencies' registry,
-- supervisors read, auditors verify.
-- ---------------------------------------------------------------------------
REVOKE ALL ON ALL TABLES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA enforcement FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enforcement FROM PUBLIC;

GRANT USAGE ON SCHEMA enforcement
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

GRANT SELECT ON enforcement.agencies, enforcement.legal_bases,
    enforcement.agency_powers, enforcement.officers, enforcement.certificates,
    enforcement.enterprises, enforcement.conflicts, enforcement.settings,
    enforcement.calendar, enforcement.v_officer_certification
    TO enforcement_writer;
GRANT INSERT, UPDATE ON enforcement.officers, enforcement.certificates,
    enforcement.enterprises, enforcement.conflicts
    TO enforcement_writer;
GRANT EXECUTE ON FUNCTION enforcement.next_id(), enforcement.node_id(),
    enforcement.agency_may_act(bigint, date),
    enforcement.officer_certified(bigint, bigint, date),
    enforcement.credit_code_valid(text), enforcement.is_working_day(date),
    enforcement.add_working_days(date, integer),
    enforcement.acts_for(bigint), enforcement.officer_agency(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;

GRANT SELECT ON enforcement.installation, enforcement.settings,
    enforcement.calendar, enforcement.violations, enforcement.agency_members,
    enforcement.agencies, enforcement.legal_bases, enforcement.agency_powers,
    enforcement.officers, enforcement.certificates, enforcement.enterprises,
    enforcement.conflicts, enforcement.process_log, enforcement.chain_heads,
    enforcement.v_officer_certification
    TO enforcement_supervisor, enforcement_auditor;
GRANT EXECUTE ON FUNCTION enforcement.verify_process_log(),
    enforcement.chain_head()
    TO enforcement_supervisor, enforcement_auditor;

-- ---------------------------------------------------------------------------
-- Installed data (not inserted again while a dump is restored: the dump
-- brings it back with any later changes).
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.settings (name, value)
SELECT v.name, v.value
FROM (VALUES
    ('hearing_threshold_individual', 5000),
    ('hearing_threshold_organisation', 100000),
    ('onsite_collection_limit', 100),
    ('decision_deadline_days', 90),
    ('disclosure_working_days', 7),
    ('complaint_accept_working_days', 5),
    ('complaint_answer_days', 30),
    ('accountability_due_days', 30)) AS v(name, value)
WHERE NOT enforcement.restoring();
