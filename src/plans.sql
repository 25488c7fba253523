-- ---------------------------------------------------------------------------
-- Annual inspection plans, their items and their filing with a justice
-- bureau (src/plans.c: INSP-2, EN206, EN201), and the published yearly
-- caps of routine inspections (INSP-5).
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement.inspection_limits (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint REFERENCES enforcement.agencies (id),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    max_per_enterprise integer NOT NULL CHECK (max_per_enterprise >= 0),
    published_on date NOT NULL
);
CREATE INDEX inspection_limits_year ON enforcement.inspection_limits (year, agency_id);
COMMENT ON TABLE enforcement.inspection_limits IS
    'Published yearly caps of routine inspections per enterprise; an agency''s own row beats a NULL (every agency) row.';

CREATE TABLE enforcement.inspection_plans (
    id bigint PRIMARY KEY DEFAULT enforcement.next_id(),
    agency_id bigint NOT NULL REFERENCES enforcement.agencies (id),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    status text NOT NULL DEFAULT 'draft',
    filed_on date,
    filed_with bigint REFERENCES enforcement.agencies (id),
    CONSTRAINT inspection_plans_id_agency UNIQUE (id, agency_id)
);
CREATE INDEX inspection_plans_agency ON enforcement.inspection_plans (agency_id, year);

CREATE TABLE enforcement.plan_items (
    plan_id bigint NOT NULL,
    legal_basis_id bigint NOT NULL REFERENCES enforcement.legal_bases (id),
    matter text,
    agency_id bigint,
    PRIMARY KEY (plan_id, legal_basis_id),
    CONSTRAINT plan_items_plan_id_fkey FOREIGN KEY (plan_id, agency_id)
        REFERENCES enforcement.inspection_plans (id, agency_id) MATCH FULL
);
CREATE INDEX plan_items_agency ON enforcement.plan_items (agency_id);
COMMENT ON COLUMN enforcement.plan_items.agency_id IS
    'The plan''s agency, filled in by the extension.';

CREATE FUNCTION enforcement.plans_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_plans_check' LANGUAGE C;
CREATE FUNCTION enforcement.plan_items_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'en_plan_items_check' LANGUAGE C;

SELECT enforcement.declare_table('enforcement.inspection_limits',
    mutable_columns => '{}',
    writer_privileges => '{SELECT}',
    act_columns => '{published_on}');
SELECT enforcement.declare_table('enforcement.inspection_plans',
    agency_column => 'agency_id',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.plans_check()',
    vocabulary => '{"status": ["draft", "filed"]}',
    act_columns => '{filed_on}');
SELECT enforcement.declare_table('enforcement.plan_items',
    agency_column => 'agency_id',
    parent_table => 'inspection_plans', parent_column => 'plan_id',
    writer_privileges => '{SELECT, INSERT, UPDATE}',
    check_function => 'enforcement.plan_items_check()');
