-- ---------------------------------------------------------------------------
-- Quotas, supervisors and accountability (src/quotas.c: QUOTA-1/2;
-- src/accountability.c: ACC-1/2): performance indicators and the banned
-- vocabulary, the social supervisors and enterprise commissioners who read
-- the supervision views, the outcomes of reconsideration and litigation,
-- the reverse investigations they open, and officers' sanctions.
-- ---------------------------------------------------------------------------

-- The banned vocabulary (QUOTA-2), kept as data: terms are added, never
-- removed or rewritten.
CREATE TABLE enforcement.quota_terms (
    term text PRIMARY KEY
);
COMMENT ON TABLE enforcement.quota_terms IS
    'QUOTA-2: words no performance indicator may use in its name or metric. A term of Chinese or other non-ASCII text matches as a substring; an ASCII term matches whole words, case-insensitively. Terms are added, never removed.';

CREATE TABLE enforcement.performance_indicators (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint REFERENCES enforcement.agencies (id),
    officer_id bigint REFERENCES enforcement.officers (id),
    name text NOT NULL,
    metric text NOT NULL,
    target numeric,
    year integer
);
CREATE INDEX performance_indicators_agency
    ON enforcement.performance_indicators (agency_id, year);
COMMENT ON TABLE enforcement.performance_indicators IS
    'Performance indicators of agencies and officers (QUOTA-1/2): none may measure fines, confiscations, penalty revenue, or counts of penalties or inspections (directive II.4).';
COMMENT ON COLUMN enforcement.performance_indicators.agency_id IS
    'The agency the indicator applies to; when not given, the officer''s.';

CREATE TABLE enforcement.supervisors (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    kind text NOT NULL,
    name text NOT NULL,
    enterprise_id bigint REFERENCES enforcement.enterprises (id),
    appointed_on date NOT NULL,
    term_ends_on date,
    role_name text UNIQUE
);
COMMENT ON TABLE enforcement.supervisors IS
    'SUP-2: social supervisors (社会监督员) and enterprise commissioners (企业监督员). The login role named in role_name, a member of enforcement_observer, reads the supervision views from appointed_on to term_ends_on.';
COMMENT ON COLUMN enforcement.supervisors.role_name IS
    'The supervisor''s login role; set once.';
COMMENT ON COLUMN enforcement.supervisors.term_ends_on IS
    'The last day of the term; set once. From the day after, the role reads nothing.';

CREATE TABLE enforcement.review_outcomes (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    decision_id bigint NOT NULL,
    venue text NOT NULL,
    result text NOT NULL,
    decided_on date NOT NULL,
    document_no text,
    agency_id bigint,
    CONSTRAINT review_outcomes_decision_id_fkey FOREIGN KEY (decision_id, agency_id)
        REFERENCES enforcement.decisions (id, agency_id) MATCH FULL
);
CREATE INDEX review_outcomes_decision ON enforcement.review_outcomes (decision_id);
CREATE INDEX review_outcomes_agency ON enforcement.review_outcomes (agency_id, decided_on);
COMMENT ON TABLE enforcement.review_outcomes IS
    'Outcomes of administrative reconsideration (复议) and litigation (诉讼) of decisions; a reversal opens a reverse investigation (ACC-1).';

CREATE TABLE enforcement.accountability_reviews (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    case_id bigint NOT NULL,
    review_outcome_id bigint REFERENCES enforcement.review_outcomes (id),
    officer_ids bigint[] NOT NULL,
    opened_on date NOT NULL,
    due_on date NOT NULL,
    status text NOT NULL DEFAULT 'open',
    finding text,
    concluded_on date,
    agency_id bigint,
    CONSTRAINT accountability_reviews_case_id_fkey FOREIGN KEY (case_id, agency_id)
        REFERENCES enforcement.cases (id, agency_id) MATCH FULL
);
CREATE UNIQUE INDEX accountability_reviews_outcome
    ON enforcement.accountability_reviews (review_outcome_id);
CREATE INDEX accountability_reviews_agency
    ON enforcement.accountability_reviews (agency_id, status);
CREATE INDEX accountability_reviews_case ON enforcement.accountability_reviews (case_id);
COMMENT ON TABLE enforcement.accountability_reviews IS
    'Reverse investigations (责任倒查, ACC-1) of a reversed decision''s handlers and legal reviewer, opened by the extension; a writer concludes one with its finding.';

CREATE TABLE enforcement.officer_sanctions (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    officer_id bigint NOT NULL,
    decided_on date NOT NULL,
    reason text NOT NULL,
    sanction text NOT NULL,
    accountability_review_id bigint REFERENCES enforcement.accountability_reviews (id),
    agency_id bigint,
    CONSTRAINT officer_sanctions_officer_id_fkey FOREIGN KEY (officer_id, agency_id)
        REFERENCES enforcement.officers (id, agency_id) MATCH FULL
);
CREATE INDEX officer_sanctions_officer ON enforcement.officer_sanctions (officer_id);
CREATE INDEX officer_sanctions_agency ON enforcement.officer_sanctions (agency_id, decided_on);
COMMENT ON TABLE enforcement.officer_sanctions IS
    'Sanctions of officers (ACC-2): suspend or revoke suspends or revokes the officer''s live certificate in the same transaction, through the certificate''s own rules.';

CREATE FUNCTION enforcement.quota_terms_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_quota_terms_check' LANGUAGE C;
CREATE FUNCTION enforcement.performance_indicators_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_performance_indicators_check' LANGUAGE C;
CREATE FUNCTION enforcement.supervisors_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_supervisors_check' LANGUAGE C;
CREATE FUNCTION enforcement.review_outcomes_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_review_outcomes_check' LANGUAGE C;
CREATE FUNCTION enforcement.review_outcomes_apply() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_review_outcomes_apply' LANGUAGE C;
CREATE FUNCTION enforcement.accountability_reviews_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_accountability_reviews_check' LANGUAGE C;
CREATE FUNCTION enforcement.officer_sanctions_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_officer_sanctions_check' LANGUAGE C;
CREATE FUNCTION enforcement.officer_sanctions_apply() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_officer_sanctions_apply' LANGUAGE C;

-- Only the DBA adds terms and registers supervisors.
SELECT enforcement.declare_table('enforcement.quota_terms',
    mutable_columns => '{}',
    writer_privileges => '{SELECT}',
    check_function => 'enforcement.quota_terms_check()');
SELECT enforcement.declare_table('enforcement.performance_indicators',
    agency_column => 'agency_id',
    mutable_columns => '{name, metric, target, year}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.performance_indicators_check()');
SELECT enforcement.declare_table('enforcement.supervisors',
    mutable_columns => '{name}',
    writer_privileges => '{}',
    check_function => 'enforcement.supervisors_check()',
    once_columns => '{term_ends_on, role_name}',
    act_columns => '{appointed_on}',
    vocabulary => '{"kind": ["social_supervisor", "enterprise_commissioner"]}');
SELECT enforcement.declare_table('enforcement.review_outcomes',
    agency_column => 'agency_id',
    parent_table => 'decisions', parent_column => 'decision_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.review_outcomes_check()',
    act_columns => '{decided_on}',
    vocabulary => '{"venue": ["reconsideration", "litigation"], "result": ["upheld", "revoked", "altered", "confirmed_unlawful", "ordered_to_perform", "dismissed"]}');
SELECT enforcement.declare_table('enforcement.accountability_reviews',
    agency_column => 'agency_id',
    parent_table => 'cases', parent_column => 'case_id',
    mutable_columns => '{status, finding}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.accountability_reviews_check()',
    once_columns => '{concluded_on}',
    act_columns => '{opened_on, concluded_on}',
    vocabulary => '{"status": ["open", "concluded"]}');
SELECT enforcement.declare_table('enforcement.officer_sanctions',
    agency_column => 'agency_id',
    parent_table => 'officers', parent_column => 'officer_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.officer_sanctions_check()',
    act_columns => '{decided_on}',
    vocabulary => '{"sanction": ["none", "suspend", "revoke"]}');

-- A reversal opens its reverse investigation (ACC-1); a sanction acts on
-- the officer's certificate (ACC-2).
CREATE TRIGGER review_outcomes_apply
    AFTER INSERT ON enforcement.review_outcomes
    FOR EACH ROW EXECUTE FUNCTION enforcement.review_outcomes_apply();
CREATE TRIGGER officer_sanctions_apply
    AFTER INSERT ON enforcement.officer_sanctions
    FOR EACH ROW EXECUTE FUNCTION enforcement.officer_sanctions_apply();

-- The installed vocabulary (contract.md): the words of fines and
-- confiscations, of revenue from penalties, and of counts of inspections,
-- penalties and cases.
-- Installed (not inserted again while a dump is restored: the dump brings
-- them back with the terms added later).
INSERT INTO enforcement.quota_terms (term)
SELECT v.term
FROM (VALUES
    ('罚款'), ('罚没'), ('没收'), ('创收'), ('罚金'), ('检查次数'), ('检查数量'),
    ('处罚数量'), ('办案数量'), ('处罚案件数'), ('罚没收入'), ('检查频次'),
    ('fine'), ('fines'), ('penalty revenue'), ('quota'), ('quotas'),
    ('confiscation'), ('confiscations'), ('penalty count'),
    ('number of penalties'), ('inspection count'), ('number of inspections'),
    ('case count'), ('number of cases')) AS v(term)
WHERE NOT enforcement.restoring();
