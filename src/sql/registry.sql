
-- ---------------------------------------------------------------------------
-- Subjects, powers, officers, certificates, enterprises (SUBJ-1, OFF-1..4).
-- ---------------------------------------------------------------------------

CREATE TABLE enforcement.agencies (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    kind text NOT NULL
        CHECK (kind IN ('statutory', 'authorized', 'entrusted', 'justice_bureau')),
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
    level text NOT NULL
        CHECK (level IN ('law', 'administrative_regulation', 'local_regulation',
                         'department_rule', 'local_government_rule')),
    article text,
    effective_from date NOT NULL,
    effective_to date,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);

CREATE TABLE enforcement.agency_powers (
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    power text NOT NULL CHECK (power IN ('inspection', 'penalty', 'coercion')),
    published_on date NOT NULL,
    PRIMARY KEY (agency_id, legal_basis_id, power)
);
CREATE INDEX agency_powers_basis ON enforcement.agency_powers (legal_basis_id);

CREATE TABLE enforcement.officers (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    name text NOT NULL,
    employment text NOT NULL
        CHECK (employment IN ('established', 'contract', 'auxiliary', 'seconded')),
    on_enforcement_post boolean NOT NULL,
    exam_passed_on date,
    legal_qualification boolean NOT NULL DEFAULT false,
    legal_reviewer boolean NOT NULL DEFAULT false,
    left_on date
);
CREATE INDEX officers_agency ON enforcement.officers (agency_id);

CREATE TABLE enforcement.certificates (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    officer_id bigint NOT NULL REFERENCES enforcement.officers (id),
    number text NOT NULL UNIQUE,
    issued_on date NOT NULL,
    valid_from date NOT NULL,
    valid_to date NOT NULL,
    status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'suspended', 'revoked')),
    status_since date NOT NULL,
    status_reason text,
    CHECK (valid_to >= valid_from)
);
CREATE INDEX certificates_officer ON enforcement.certificates (officer_id);
COMMENT ON COLUMN enforcement.certificates.status_since IS
    'Defaults to issued_on; a status change sets it (to current_date unless given).';

CREATE TABLE enforcement.enterprises (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    credit_code text NOT NULL UNIQUE,
    name text NOT NULL,
    kind text NOT NULL DEFAULT 'enterprise'
        CHECK (kind IN ('enterprise', 'individual_business')),
    region_code text
);

CREATE TABLE enforcement.conflicts (
    officer_id bigint NOT NULL REFERENCES enforcement.officers (id),
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    declared_on date NOT NULL,
    reason text,
    PRIMARY KEY (officer_id, enterprise_id)
);
CREATE INDEX conflicts_enterprise ON enforcement.conflicts (enterprise_id);

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

CREATE FUNCTION enforcement.certificates_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_certificates_check' LANGUAGE C;
CREATE TRIGGER certificates_check
    BEFORE INSERT OR UPDATE ON enforcement.certificates
    FOR EACH ROW EXECUTE FUNCTION enforcement.certificates_check();

CREATE FUNCTION enforcement.officers_departure() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_officers_departure' LANGUAGE C;
CREATE TRIGGER officers_departure
    AFTER UPDATE OF left_on, on_enforcement_post, employment ON enforcement.officers
    FOR EACH ROW EXECUTE FUNCTION enforcement.officers_departure();

CREATE FUNCTION enforcement.enterprises_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_enterprises_check' LANGUAGE C;
CREATE TRIGGER enterprises_check
    BEFORE INSERT OR UPDATE OF credit_code ON enforcement.enterprises
    FOR EACH ROW EXECUTE FUNCTION enforcement.enterprises_check();
