-- ---------------------------------------------------------------------------
-- Cases and decisions (src/cases.c, src/decisions.c: CASE-1..10, SUBJ-1/2
-- and OFF-2/5/6 for handlers): the staged case record, what an agency
-- publishes for them (its review catalogue, discretion benchmarks and
-- no-penalty list), legal reviews, decisions and the payments of fines.
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.cases (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    enterprise_id bigint NOT NULL REFERENCES enforcement.enterprises (id),
    inspection_id bigint REFERENCES enforcement.inspections (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    opened_on date NOT NULL,
    violation_on date NOT NULL,
    violation_ended_on date,
    discovered_on date NOT NULL,
    handler_ids bigint[] NOT NULL,
    party_kind text NOT NULL DEFAULT 'organisation',
    harm text NOT NULL DEFAULT 'none',
    corrected boolean NOT NULL DEFAULT false,
    endangers_life_or_finance boolean NOT NULL DEFAULT false,
    public_interest boolean NOT NULL DEFAULT false,
    complex boolean NOT NULL DEFAULT false,
    stage text NOT NULL DEFAULT 'filed',
    CONSTRAINT cases_id_agency UNIQUE (id, agency_id)
);
CREATE INDEX cases_agency ON enforcement.cases (agency_id, opened_on);
CREATE INDEX cases_enterprise ON enforcement.cases (enterprise_id, legal_basis_id);
CREATE INDEX cases_handlers ON enforcement.cases USING gin (handler_ids);
COMMENT ON TABLE enforcement.cases IS
    'Penalty cases (立案): opened by two certified handlers under a penalty power; the stage moves only through enforcement.case_events.';
COMMENT ON COLUMN enforcement.cases.stage IS
    'The case''s last step, set by the extension from enforcement.case_events; never written directly.';

CREATE TABLE enforcement.case_events (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    case_id bigint NOT NULL,
    stage text NOT NULL,
    occurred_on date NOT NULL,
    officer_ids bigint[],
    hearing_offered boolean NOT NULL DEFAULT false,
    document_no text,
    note text,
    agency_id bigint,
    CONSTRAINT case_events_case_id_fkey FOREIGN KEY (case_id, agency_id)
        REFERENCES enforcement.cases (id, agency_id) MATCH FULL
);
CREATE INDEX case_events_case ON enforcement.case_events (case_id, id);
CREATE INDEX case_events_agency ON enforcement.case_events (agency_id);
CREATE INDEX case_events_officers ON enforcement.case_events USING gin (officer_ids);
COMMENT ON TABLE enforcement.case_events IS
    'The steps of each case, in order (CASE-1); inserting one validates and applies it. The event decided is written by the decision.';

CREATE TABLE enforcement.review_catalog (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    published_on date NOT NULL,
    fine_at_least numeric,
    decision_kinds text[],
    description text,
    effective_to date
);
CREATE INDEX review_catalog_agency ON enforcement.review_catalog (agency_id, published_on);
COMMENT ON TABLE enforcement.review_catalog IS
    'The agency''s published catalogue of major decisions (重大执法决定法制审核目录清单): a fine at or above fine_at_least, or a decision of a listed kind, needs a legal review.';
COMMENT ON COLUMN enforcement.review_catalog.effective_to IS
    'The last day the entry is in force; set once, never before today.';

CREATE TABLE enforcement.legal_reviews (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    case_id bigint NOT NULL,
    reviewer_id bigint NOT NULL REFERENCES enforcement.officers (id),
    submitted_on date NOT NULL,
    concluded_on date,
    result text,
    opinion text,
    agency_id bigint,
    CONSTRAINT legal_reviews_case_id_fkey FOREIGN KEY (case_id, agency_id)
        REFERENCES enforcement.cases (id, agency_id) MATCH FULL
);
CREATE INDEX legal_reviews_case ON enforcement.legal_reviews (case_id);
CREATE INDEX legal_reviews_agency ON enforcement.legal_reviews (agency_id);
COMMENT ON TABLE enforcement.legal_reviews IS
    'Legal reviews of decisions (法制审核, CASE-2): by a designated, qualified reviewer of the agency who is not a handler; fixed once concluded.';

CREATE TABLE enforcement.discretion_benchmarks (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint REFERENCES enforcement.agencies (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    circumstance text NOT NULL,
    fine_min numeric NOT NULL,
    fine_max numeric NOT NULL,
    published_on date NOT NULL,
    effective_to date
);
CREATE INDEX discretion_benchmarks_basis
    ON enforcement.discretion_benchmarks (legal_basis_id, circumstance, agency_id);
CREATE INDEX discretion_benchmarks_agency ON enforcement.discretion_benchmarks (agency_id);
COMMENT ON TABLE enforcement.discretion_benchmarks IS
    'Published discretion benchmarks (裁量基准, CASE-3): the fine range for a legal basis and circumstance; an agency''s own row hides the region-wide one (agency_id NULL) for the same circumstance.';

CREATE TABLE enforcement.leniency_items (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint REFERENCES enforcement.agencies (id),
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    kind text NOT NULL,
    lookback_years integer NOT NULL DEFAULT 1,
    description text,
    published_on date NOT NULL,
    effective_to date
);
CREATE INDEX leniency_items_basis ON enforcement.leniency_items (legal_basis_id, agency_id);
CREATE INDEX leniency_items_agency ON enforcement.leniency_items (agency_id);
COMMENT ON TABLE enforcement.leniency_items IS
    'Published no-penalty and lenient lists (不予处罚、从轻处罚清单, CASE-4); region-wide when agency_id is NULL.';

CREATE TABLE enforcement.decisions (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    case_id bigint NOT NULL UNIQUE,
    decided_on date NOT NULL,
    kind text NOT NULL,
    fine_amount numeric(14,2) NOT NULL DEFAULT 0,
    confiscation_amount numeric(14,2) NOT NULL DEFAULT 0,
    circumstance text NOT NULL,
    leniency_item_id bigint REFERENCES enforcement.leniency_items (id),
    document_no text,
    disclosed_on date,
    agency_id bigint,
    CONSTRAINT decisions_case_id_fkey FOREIGN KEY (case_id, agency_id)
        REFERENCES enforcement.cases (id, agency_id) MATCH FULL,
    CONSTRAINT decisions_id_agency UNIQUE (id, agency_id)
);
CREATE INDEX decisions_agency ON enforcement.decisions (agency_id, decided_on);
COMMENT ON TABLE enforcement.decisions IS
    'Decisions (决定): inserting one runs every CASE check and decides the case; fixed but for disclosed_on, set once.';
COMMENT ON COLUMN enforcement.decisions.leniency_item_id IS
    'The no-penalty item applied, filled in by the extension.';

CREATE TABLE enforcement.payments (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    decision_id bigint NOT NULL,
    amount numeric(14,2) NOT NULL,
    paid_on date NOT NULL,
    collector text NOT NULL,
    onsite_reason text,
    receipt_no text,
    agency_id bigint,
    CONSTRAINT payments_decision_id_fkey FOREIGN KEY (decision_id, agency_id)
        REFERENCES enforcement.decisions (id, agency_id) MATCH FULL
);
CREATE INDEX payments_decision ON enforcement.payments (decision_id);
CREATE INDEX payments_agency ON enforcement.payments (agency_id);
COMMENT ON TABLE enforcement.payments IS
    'Payments of fines (CASE-9): apart from the deciding agency, through a designated bank or e-payment; on site only within the limit or with its reason.';

CREATE FUNCTION enforcement.cases_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_cases_check' LANGUAGE C;
CREATE FUNCTION enforcement.case_events_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_case_events_check' LANGUAGE C;
CREATE FUNCTION enforcement.case_events_apply() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_case_events_apply' LANGUAGE C;
CREATE FUNCTION enforcement.published_entry_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_published_entry_check' LANGUAGE C;
CREATE FUNCTION enforcement.legal_reviews_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_legal_reviews_check' LANGUAGE C;
CREATE FUNCTION enforcement.decisions_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_decisions_check' LANGUAGE C;
CREATE FUNCTION enforcement.decisions_apply() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_decisions_apply' LANGUAGE C;
CREATE FUNCTION enforcement.payments_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_payments_check' LANGUAGE C;

SELECT enforcement.declare_table('enforcement.cases',
    agency_column => 'agency_id',
    mutable_columns => '{stage}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.cases_check()',
    act_columns => '{opened_on, violation_on, violation_ended_on, discovered_on}',
    vocabulary => '{"party_kind": ["individual", "organisation"], "harm": ["none", "minor", "serious"], "stage": ["filed", "investigated", "notified", "hearing", "reviewed", "decided", "served", "executed", "dismissed", "closed"]}');
SELECT enforcement.declare_table('enforcement.case_events',
    agency_column => 'agency_id',
    parent_table => 'cases', parent_column => 'case_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.case_events_check()',
    act_columns => '{occurred_on}',
    vocabulary => '{"stage": ["investigated", "notified", "hearing", "reviewed", "decided", "served", "executed", "dismissed", "closed"]}');
SELECT enforcement.declare_table('enforcement.review_catalog',
    agency_column => 'agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.published_entry_check()',
    once_columns => '{effective_to}',
    act_columns => '{published_on}');
SELECT enforcement.declare_table('enforcement.legal_reviews',
    agency_column => 'agency_id',
    parent_table => 'cases', parent_column => 'case_id',
    mutable_columns => '{opinion}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.legal_reviews_check()',
    once_columns => '{concluded_on, result}',
    act_columns => '{submitted_on, concluded_on}',
    vocabulary => '{"result": ["approved", "rejected", "returned"]}');
SELECT enforcement.declare_table('enforcement.discretion_benchmarks',
    agency_column => 'agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.published_entry_check()',
    once_columns => '{effective_to}',
    act_columns => '{published_on}',
    vocabulary => '{"circumstance": ["mitigated", "lenient", "ordinary", "severe"]}');
SELECT enforcement.declare_table('enforcement.leniency_items',
    agency_column => 'agency_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.published_entry_check()',
    once_columns => '{effective_to}',
    act_columns => '{published_on}',
    vocabulary => '{"kind": ["minor_exempt", "first_offense_exempt", "lenient"]}');
SELECT enforcement.declare_table('enforcement.decisions',
    agency_column => 'agency_id',
    parent_table => 'cases', parent_column => 'case_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.decisions_check()',
    once_columns => '{disclosed_on}',
    act_columns => '{decided_on, disclosed_on}',
    vocabulary => '{"kind": ["no_penalty", "warning", "fine", "confiscation", "suspend_license", "revoke_license", "order_closure", "restrict_practice", "lower_qualification"], "circumstance": ["exempt", "mitigated", "lenient", "ordinary", "severe"]}');
SELECT enforcement.declare_table('enforcement.payments',
    agency_column => 'agency_id',
    parent_table => 'decisions', parent_column => 'decision_id',
    mutable_columns => '{}',
    writer_privileges => '{SELECT, INSERT}',
    check_function => 'enforcement.payments_check()',
    act_columns => '{paid_on}',
    vocabulary => '{"collector": ["designated_bank", "e_payment", "onsite"]}');

-- A step applied: cases.stage follows the case's last event.
CREATE TRIGGER case_events_apply
    AFTER INSERT ON enforcement.case_events
    FOR EACH ROW EXECUTE FUNCTION enforcement.case_events_apply();
-- A decision decides its case: the event decided, written by the extension.
CREATE TRIGGER decisions_apply
    AFTER INSERT ON enforcement.decisions
    FOR EACH ROW EXECUTE FUNCTION enforcement.decisions_apply();

-- What the region publishes for every agency (agency_id NULL) is read by
-- every writer; only the DBA writes it.
CREATE POLICY region_wide_read ON enforcement.discretion_benchmarks FOR SELECT
    TO enforcement_writer USING (agency_id IS NULL);
CREATE POLICY region_wide_read ON enforcement.leniency_items FOR SELECT
    TO enforcement_writer USING (agency_id IS NULL);

-- The facts the decision checks read, for the views (src/decisions.c):
-- the same code as the trigger.
CREATE FUNCTION enforcement.decision_major(decision_id bigint) RETURNS text
    AS 'MODULE_PATHNAME', 'en_decision_major' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.decision_major(bigint) IS
    'CASE-2: why a decision is major (public_interest, complex, hearing, review_catalog), or NULL when it is not; NULL for a decision the caller may not see.';
CREATE FUNCTION enforcement.decision_review(decision_id bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_decision_review' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.decision_review(bigint) IS
    'CASE-2: the approved legal review, concluded on or before the decision by a qualified reviewer, that the decision rests on; NULL when there is none.';

GRANT EXECUTE ON FUNCTION enforcement.decision_major(bigint),
    enforcement.decision_review(bigint)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
