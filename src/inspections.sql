-- ---------------------------------------------------------------------------
-- Inspections (src/inspections.c: INSP-1..7, SUBJ-1/2, OFF-5/6), the
-- violation reports and complaints an unplanned one may rest on, joint
-- inspections, and the ledger's signatures.
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.joint_inspections (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    lead_agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    inspected_on date NOT NULL
);

CREATE TABLE enforcement.complaints (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    received_on date NOT NULL,
    kind text NOT NULL,
    enterprise_id bigint REFERENCES enforcement.enterprises (id),
    about_agency_id bigint REFERENCES enforcement.agencies (id),
    about_officer_id bigint REFERENCES enforcement.officers (id),
    complainant text,
    summary text,
    status text NOT NULL DEFAULT 'received',
    accepted_on date,
    answered_on date,
    reported_to_justice_on date,
    closed_on date,
    agency_id bigint REFERENCES enforcement.agencies (id)
);
CREATE INDEX complaints_enterprise ON enforcement.complaints (enterprise_id, received_on);
CREATE INDEX complaints_agency ON enforcement.complaints (agency_id);
COMMENT ON COLUMN enforcement.complaints.agency_id IS
    'The agency that handles the complaint; when not given, the agency it is about.';

CREATE TABLE enforcement.inspections (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    inspected_on date NOT NULL,
    officer_ids bigint[] NOT NULL,
    mode text NOT NULL DEFAULT 'onsite',
    certificates_shown boolean NOT NULL DEFAULT false,
    plan_id bigint REFERENCES enforcement.inspection_plans (id),
    exemption text,
    exemption_ref text,
    complaint_id bigint REFERENCES enforcement.complaints (id),
    joint_inspection_id bigint REFERENCES enforcement.joint_inspections (id),
    outcome text,
    ended_on date,
    CONSTRAINT inspections_id_agency UNIQUE (id, agency_id)
);
CREATE INDEX inspections_agency ON enforcement.inspections (agency_id, enterprise_id, inspected_on);
CREATE INDEX inspections_enterprise ON enforcement.inspections (enterprise_id, inspected_on);
CREATE INDEX inspections_joint ON enforcement.inspections (joint_inspection_id)
    WHERE joint_inspection_id IS NOT NULL;
CREATE INDEX inspections_officers ON enforcement.inspections USING gin (officer_ids);

CREATE TABLE enforcement.inspection_signatures (
    inspection_id bigint NOT NULL,
    officer_id bigint NOT NULL REFERENCES enforcement.officers (id),
    signed_on date NOT NULL,
    agency_id bigint,
    PRIMARY KEY (inspection_id, officer_id),
    CONSTRAINT inspection_signatures_inspection_id_fkey
        FOREIGN KEY (inspection_id, agency_id)
        REFERENCES enforcement.inspections (id, agency_id) MATCH FULL
);
CREATE INDEX inspection_signatures_agency ON enforcement.inspection_signatures (agency_id);
COMMENT ON COLUMN enforcement.inspection_signatures.agency_id IS
    'The inspection''s agency, filled in by the extension.';

CREATE FUNCTION enforcement.inspections_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_inspections_check' LANGUAGE C;
CREATE FUNCTION enforcement.joint_inspections_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_joint_inspections_check' LANGUAGE C;
CREATE FUNCTION enforcement.signatures_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_signatures_check' LANGUAGE C;
CREATE FUNCTION enforcement.complaints_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_complaints_check' LANGUAGE C;

SELECT enforcement.declare_table('enforcement.joint_inspections',
    agency_column => 'lead_agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.joint_inspections_check()',
    act_columns => '{inspected_on}');
-- the complainant's identity: its HMAC in the record, and never read by
-- supervisors and auditors
SELECT enforcement.declare_table('enforcement.complaints',
    agency_column => 'agency_id',
    private_columns => '{complainant}',
    mutable_columns => '{summary, status}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.complaints_check()',
    vocabulary => '{"kind": ["violation_report", "conduct_complaint"], "status": ["received", "accepted", "rejected", "verified", "answered", "closed"]}',
    once_columns => '{accepted_on, answered_on, reported_to_justice_on, closed_on}',
    act_columns => '{received_on, accepted_on, answered_on, reported_to_justice_on, closed_on}');
SELECT enforcement.declare_table('enforcement.inspections',
    agency_column => 'agency_id',
    mutable_columns => '{outcome}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.inspections_check()',
    once_columns => '{ended_on}',
    act_columns => '{inspected_on, ended_on}',
    vocabulary => '{"mode": ["onsite", "offsite"], "exemption": ["national_security", "public_safety", "food_drug_safety", "production_safety", "eco_environment", "superior_deployment", "complaint_report", "emergency"], "outcome": ["no_issue", "education", "warning", "guidance_interview", "order_to_correct", "case_opened"]}');
SELECT enforcement.declare_table('enforcement.inspection_signatures',
    agency_column => 'agency_id',
    parent_table => 'inspections', parent_column => 'inspection_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.signatures_check()',
    act_columns => '{signed_on}');
