-- ---------------------------------------------------------------------------
-- Subjects, powers, officers, certificates, enterprises (src/registry.c:
-- SUBJ-1, SUBJ-2, OFF-1..4, EN205).  A certificate and a conflict carry
-- their officer's agency, filled in by the check and kept consistent by a
-- composite foreign key; officers never change agency.
-- ---------------------------------------------------------------------------

CREATE TABLE enforcement.agencies (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    kind text NOT NULL,
    entrusted_by bigint REFERENCES enforcement.agencies (id),
    region_code text NOT NULL,
    legal_authority text,
    confirmed_on date,
    disclosed_on date,
    dissolved_on date,
    CHECK (entrusted_by IS DISTINCT FROM id)
);
COMMENT ON TABLE enforcement.agencies IS
    'Enforcement subjects (执法主体) and justice bureaus.';

CREATE TABLE enforcement.legal_bases (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    code text NOT NULL UNIQUE,
    title text NOT NULL,
    level text NOT NULL,
    article text,
    effective_from date NOT NULL,
    effective_to date,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);

CREATE TABLE enforcement.agency_powers (
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    power text NOT NULL,
    published_on date NOT NULL,
    PRIMARY KEY (agency_id, legal_basis_id, power)
);
CREATE INDEX agency_powers_basis ON enforcement.agency_powers (legal_basis_id);

CREATE TABLE enforcement.officers (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    name text NOT NULL,
    employment text NOT NULL,
    on_enforcement_post boolean NOT NULL,
    exam_passed_on date,
    legal_qualification boolean NOT NULL DEFAULT false,
    legal_reviewer boolean NOT NULL DEFAULT false,
    left_on date,
    CONSTRAINT officers_id_agency UNIQUE (id, agency_id)
);
CREATE INDEX officers_agency ON enforcement.officers (agency_id);

CREATE TABLE enforcement.certificates (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    officer_id bigint NOT NULL,
    number text NOT NULL UNIQUE,
    issued_on date NOT NULL,
    valid_from date NOT NULL,
    valid_to date NOT NULL,
    status text NOT NULL DEFAULT 'active',
    status_since date NOT NULL,
    status_reason text,
    agency_id bigint,
    CHECK (valid_to >= valid_from),
    CONSTRAINT certificates_id_agency UNIQUE (id, agency_id),
    CONSTRAINT certificates_officer_id_fkey FOREIGN KEY (officer_id, agency_id)
        REFERENCES enforcement.officers (id, agency_id) MATCH FULL
);
CREATE INDEX certificates_officer ON enforcement.certificates (officer_id);
CREATE INDEX certificates_agency ON enforcement.certificates (agency_id);
COMMENT ON COLUMN enforcement.certificates.status_since IS
    'Defaults to issued_on; a status change sets it (to current_date unless given).';
COMMENT ON COLUMN enforcement.certificates.agency_id IS
    'The officer''s agency, filled in by the extension.';

-- OFF-2, OFF-3: a certificate's statuses, each from its day, in the order
-- recorded; written by the extension on each status of a certificate.
CREATE TABLE enforcement.certificate_statuses (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    certificate_id bigint NOT NULL,
    status text NOT NULL,
    since date NOT NULL,
    reason text,
    agency_id bigint,
    CONSTRAINT certificate_statuses_certificate_id_fkey
        FOREIGN KEY (certificate_id, agency_id)
        REFERENCES enforcement.certificates (id, agency_id) MATCH FULL
);
CREATE INDEX certificate_statuses_certificate
    ON enforcement.certificate_statuses (certificate_id, since);
CREATE INDEX certificate_statuses_agency ON enforcement.certificate_statuses (agency_id);
COMMENT ON TABLE enforcement.certificate_statuses IS
    'Every status a certificate had, from its day (since), in the order recorded; written by the extension when a certificate is issued or its status changes.';

CREATE TABLE enforcement.enterprises (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    credit_code text NOT NULL UNIQUE,
    name text NOT NULL,
    kind text NOT NULL DEFAULT 'enterprise',
    region_code text
);

CREATE TABLE enforcement.conflicts (
    officer_id bigint NOT NULL,
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    declared_on date NOT NULL,
    reason text,
    agency_id bigint,
    PRIMARY KEY (officer_id, enterprise_id),
    CONSTRAINT conflicts_officer_id_fkey FOREIGN KEY (officer_id, agency_id)
        REFERENCES enforcement.officers (id, agency_id) MATCH FULL
);
CREATE INDEX conflicts_enterprise ON enforcement.conflicts (enterprise_id);
CREATE INDEX conflicts_agency ON enforcement.conflicts (agency_id);
COMMENT ON COLUMN enforcement.conflicts.agency_id IS
    'The officer''s agency, filled in by the extension.';

-- The checks (src/registry.c).
CREATE FUNCTION enforcement.certificates_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_certificates_check' LANGUAGE C;
CREATE FUNCTION enforcement.enterprises_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_enterprises_check' LANGUAGE C;
CREATE FUNCTION enforcement.officers_departure() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_officers_departure' LANGUAGE C;
CREATE FUNCTION enforcement.certificates_history() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_certificates_history' LANGUAGE C;
CREATE FUNCTION enforcement.conflicts_taint() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_conflicts_taint' LANGUAGE C;

-- The dated facts the rules rely on are fixed once written, or set once
-- (a date recorded when it happens), or change forward by a new dated fact
-- (a certificate's status; docs/rules.md).
SELECT enforcement.declare_table('enforcement.agencies',
    agency_column => 'id',
    mutable_columns => '{name, region_code, legal_authority}',
    once_columns => '{confirmed_on, disclosed_on, dissolved_on}',
    writer_privileges => '{SELECT}',
    vocabulary => '{"kind": ["statutory", "authorized", "entrusted", "justice_bureau"]}');
SELECT enforcement.declare_table('enforcement.legal_bases',
    mutable_columns => '{title, article}',
    once_columns => '{effective_to}',
    writer_privileges => '{SELECT}',
    vocabulary => '{"level": ["law", "administrative_regulation", "local_regulation", "department_rule", "local_government_rule"]}');
SELECT enforcement.declare_table('enforcement.agency_powers',
    agency_column => 'agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT}',
    vocabulary => '{"power": ["inspection", "penalty", "coercion"]}',
    act_columns => '{published_on}');
SELECT enforcement.declare_table('enforcement.officers',
    agency_column => 'agency_id',
    mutable_columns => '{name, employment, on_enforcement_post, legal_qualification, legal_reviewer}',
    once_columns => '{exam_passed_on, left_on}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    vocabulary => '{"employment": ["established", "contract", "auxiliary", "seconded"]}',
    act_columns => '{exam_passed_on, left_on}');
SELECT enforcement.declare_table('enforcement.certificates',
    agency_column => 'agency_id',
    parent_table => 'officers', parent_column => 'officer_id',
    mutable_columns => '{status, status_since, status_reason}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.certificates_check()',
    vocabulary => '{"status": ["active", "suspended", "revoked"]}',
    act_columns => '{issued_on, status_since}');
SELECT enforcement.declare_table('enforcement.certificate_statuses',
    agency_column => 'agency_id',
    parent_table => 'certificates', parent_column => 'certificate_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT}',
    vocabulary => '{"status": ["active", "suspended", "revoked"]}');
SELECT enforcement.declare_table('enforcement.enterprises',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.enterprises_check()',
    vocabulary => '{"kind": ["enterprise", "individual_business"]}');
SELECT enforcement.declare_table('enforcement.conflicts',
    agency_column => 'agency_id',
    parent_table => 'officers', parent_column => 'officer_id',
    mutable_columns => '{reason}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    act_columns => '{declared_on}');

-- OFF-4: a departure revokes the officer's certificates.
CREATE TRIGGER officers_departure
    AFTER UPDATE OF left_on, on_enforcement_post, employment ON enforcement.officers
    FOR EACH ROW EXECUTE FUNCTION enforcement.officers_departure();
-- OFF-2, OFF-3: each status of a certificate is kept with its day; a late
-- one lists the inspections it shows to be unlawful.
CREATE TRIGGER certificates_history
    AFTER INSERT OR UPDATE OF status, status_since ON enforcement.certificates
    FOR EACH ROW EXECUTE FUNCTION enforcement.certificates_history();
-- OFF-6: a conflict declared from a day before inspections already made
-- lists them.
CREATE TRIGGER conflicts_taint
    AFTER INSERT ON enforcement.conflicts
    FOR EACH ROW EXECUTE FUNCTION enforcement.conflicts_taint();

CREATE FUNCTION enforcement.agency_may_act(agency_id bigint, on_date date)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_agency_may_act' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION enforcement.agency_may_act(bigint, date) IS
    'SUBJ-1: whether the agency may act on the date; locks the agency rows it reads.';

CREATE FUNCTION enforcement.officer_certified(officer_id bigint, agency_id bigint,
                                              on_date date)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_officer_certified' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION enforcement.officer_certified(bigint, bigint, date) IS
    'OFF-2: whether the officer is certified for the agency on the date; locks the rows it reads.';

CREATE FUNCTION enforcement.credit_code_valid(text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_credit_code_valid'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION enforcement.credit_code_valid(text) IS
    'GB 32100-2015 unified social credit code: 18 characters and the check character.';

GRANT EXECUTE ON FUNCTION enforcement.agency_may_act(bigint, date),
    enforcement.officer_certified(bigint, bigint, date),
    enforcement.credit_code_valid(text), enforcement.acts_for(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
