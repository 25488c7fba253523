-- ---------------------------------------------------------------------------
-- The facts the rules rely on, for the views (src/facts.c).  Each predicate
-- below is the SQL reading of the one the triggers judge in C; the rule_*
-- functions give the C reading to SQL, and a test proves the two agree.
-- ---------------------------------------------------------------------------

-- OFF-2: a certificate holds on a day: valid that day, and not suspended
-- or revoked on or before it.
CREATE FUNCTION enforcement.certificate_holds(valid_from date, valid_to date,
                                              status text, status_since date,
                                              on_date date)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(valid_from OPERATOR(pg_catalog.<=) on_date
                    AND valid_to OPERATOR(pg_catalog.>=) on_date
                    AND (status OPERATOR(pg_catalog.=) 'active'
                         OR (status IS NOT NULL
                             AND status_since OPERATOR(pg_catalog.>) on_date)),
                    false);
COMMENT ON FUNCTION enforcement.certificate_holds(date, date, text, date, date) IS
    'OFF-2: whether a certificate holds on a day (valid then, not suspended or revoked on or before it).';

-- INSP-5: the cap in force for an agency, year and day: the agency's own
-- beats the one for every agency; then the latest published; then the
-- latest written.
CREATE FUNCTION enforcement.cap_in_force(agency_id bigint, year integer,
                                         on_date date)
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
        SELECT l.max_per_enterprise
        FROM enforcement.inspection_limits l
        WHERE pg_catalog.isfinite(cap_in_force.on_date)
          AND l.year OPERATOR(pg_catalog.=) cap_in_force.year
          AND (l.agency_id OPERATOR(pg_catalog.=) cap_in_force.agency_id
               OR l.agency_id IS NULL)
          AND l.published_on OPERATOR(pg_catalog.<=) cap_in_force.on_date
        ORDER BY l.agency_id IS NULL, l.published_on DESC, l.id DESC
        LIMIT 1;
    END;
COMMENT ON FUNCTION enforcement.cap_in_force(bigint, integer, date) IS
    'INSP-5: the yearly cap of routine inspections in force for an agency on a day; NULL: no cap (or no finite day).';

-- INSP-5: the visit an inspection is part of: a joint inspection once for
-- all its parts, any other inspection by itself.  The two ids are of
-- different tables, so each is named with its kind.
CREATE FUNCTION enforcement.visit(joint_inspection_id bigint,
                                  inspection_id bigint)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN joint_inspection_id IS NOT NULL
                THEN 'joint '::pg_catalog.text OPERATOR(pg_catalog.||)
                     pg_catalog.textin(pg_catalog.int8out(joint_inspection_id))
                ELSE 'inspection '::pg_catalog.text OPERATOR(pg_catalog.||)
                     pg_catalog.textin(pg_catalog.int8out(inspection_id)) END;
COMMENT ON FUNCTION enforcement.visit(bigint, bigint) IS
    'INSP-5: the visit an inspection is part of: ''joint N'' once for all parts of joint inspection N, else ''inspection N''.';

-- INSP-5: the visit an inspection counts as against the cap, or NULL: a
-- routine one counts, a joint inspection once for all its parts, an exempt
-- one never.
CREATE FUNCTION enforcement.routine_visit(plan_id bigint,
                                          joint_inspection_id bigint,
                                          inspection_id bigint)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN plan_id IS NOT NULL
                THEN enforcement.visit(joint_inspection_id, inspection_id) END;
COMMENT ON FUNCTION enforcement.routine_visit(bigint, bigint, bigint) IS
    'INSP-5: the visit an inspection counts as against the cap (see visit()), or NULL for an exempt one.';

CREATE FUNCTION enforcement.routine_visits(agency_id bigint,
                                           enterprise_id bigint,
                                           year integer)
    RETURNS bigint
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
        SELECT pg_catalog.count(DISTINCT enforcement.routine_visit(
                   i.plan_id, i.joint_inspection_id, i.id))
        FROM enforcement.inspections i
        WHERE i.agency_id OPERATOR(pg_catalog.=) routine_visits.agency_id
          AND i.enterprise_id OPERATOR(pg_catalog.=) routine_visits.enterprise_id
          AND i.inspected_on OPERATOR(pg_catalog.>=)
              CASE WHEN routine_visits.year OPERATOR(pg_catalog.>=) 1
                    AND routine_visits.year OPERATOR(pg_catalog.<=) 9999
                   THEN pg_catalog.make_date(routine_visits.year, 1, 1) END
          AND i.inspected_on OPERATOR(pg_catalog.<)
              CASE WHEN routine_visits.year OPERATOR(pg_catalog.>=) 1
                    AND routine_visits.year OPERATOR(pg_catalog.<=) 9999
                   THEN pg_catalog.make_date(routine_visits.year OPERATOR(pg_catalog.+) 1, 1, 1) END;
    END;
COMMENT ON FUNCTION enforcement.routine_visits(bigint, bigint, integer) IS
    'INSP-5: the routine visits of an enterprise by an agency in a year that count against the cap.';

-- The same three, as the triggers judge them (src/facts.c).
CREATE FUNCTION enforcement.rule_certificate_holds(valid_from date, valid_to date,
                                                   status text, status_since date,
                                                   on_date date)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'en_rule_certificate_holds' LANGUAGE C IMMUTABLE;
CREATE FUNCTION enforcement.rule_cap_in_force(agency_id bigint, year integer,
                                              on_date date)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'en_rule_cap_in_force' LANGUAGE C STABLE STRICT;
CREATE FUNCTION enforcement.rule_routine_visits(agency_id bigint,
                                                enterprise_id bigint,
                                                year integer)
    RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_rule_routine_visits' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION enforcement.rule_cap_in_force(bigint, integer, date) IS
    'The cap in force as the inspection trigger reads it; equals cap_in_force().';

GRANT EXECUTE ON FUNCTION
    enforcement.certificate_holds(date, date, text, date, date),
    enforcement.cap_in_force(bigint, integer, date),
    enforcement.visit(bigint, bigint),
    enforcement.routine_visit(bigint, bigint, bigint),
    enforcement.routine_visits(bigint, bigint, integer),
    enforcement.rule_certificate_holds(date, date, text, date, date),
    enforcement.rule_cap_in_force(bigint, integer, date),
    enforcement.rule_routine_visits(bigint, bigint, integer)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
