-- ---------------------------------------------------------------------------
-- Settings: the published thresholds and deadlines the rules and views use.
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.settings (
    name text PRIMARY KEY,
    value numeric NOT NULL
);
COMMENT ON TABLE enforcement.settings IS
    'Thresholds and deadlines: hearing thresholds, the on-site collection limit, and the days allowed for decisions, disclosure, complaints and accountability.';
SELECT enforcement.declare_table('enforcement.settings',
                                 writer_privileges => '{SELECT}');

-- Installed (not inserted again while a dump is restored: the dump brings
-- them back with any later changes).
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
    ('accountability_due_days', 30),
    ('late_record_days', 7)) AS v(name, value)
WHERE NOT enforcement.restoring();
