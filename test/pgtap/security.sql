-- Adversarial tests: (a) a hostile search_path, with functions, aggregates,
-- operators and casts planted, cannot capture what the extension runs, on
-- any table's INSERT or UPDATE or in any function or view; (b) a writer gains nothing through the extension's
-- functions and triggers; (c) a writer cannot forge another agency's rows
-- or the process record (EN503, 42501).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
SET LOCAL client_min_messages = error;
SET LOCAL lc_messages = 'C';

SELECT plan(130);

-- ---------------------------------------------------------------------------
-- (a) Objects planted in schema public that shadow pg_catalog once
-- search_path = public, pg_catalog: each one raises when called.
-- ---------------------------------------------------------------------------
CREATE FUNCTION public.tap_trip_int8eq(bigint, bigint) RETURNS boolean
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.=(bigint,bigint)'; END$$;
CREATE FUNCTION public.tap_trip_texteq(text, text) RETURNS boolean
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.=(text,text)'; END$$;
CREATE FUNCTION public.tap_trip_textne(text, text) RETURNS boolean
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.<>(text,text)'; END$$;
CREATE FUNCTION public.tap_trip_datele(date, date) RETURNS boolean
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.<=(date,date)'; END$$;
CREATE FUNCTION public.tap_trip_datege(date, date) RETURNS boolean
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.>=(date,date)'; END$$;
CREATE OPERATOR public.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = public.tap_trip_int8eq);
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.tap_trip_texteq);
CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.tap_trip_textne);
CREATE OPERATOR public.<= (LEFTARG = date, RIGHTARG = date, FUNCTION = public.tap_trip_datele);
CREATE OPERATOR public.>= (LEFTARG = date, RIGHTARG = date, FUNCTION = public.tap_trip_datege);
CREATE FUNCTION public.nextval(regclass) RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.nextval()'; END$$;
CREATE FUNCTION public.now() RETURNS timestamptz
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.now()'; END$$;
CREATE FUNCTION public.clock_timestamp() RETURNS timestamptz
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.clock_timestamp()'; END$$;
CREATE FUNCTION public.txid_current() RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.txid_current()'; END$$;
CREATE FUNCTION public.lower(text) RETURNS text
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.lower()'; END$$;
CREATE FUNCTION public.current_setting(text) RETURNS text
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.current_setting()'; END$$;

-- More: aggregates, functions and operators a query could call by an
-- unqualified name, and casts (global, whatever the search_path) that a
-- query relying on "::" would pick up.  The casts are dropped before any
-- pgTAP function runs again.
CREATE FUNCTION public.tap_trip_sfunc(bigint, bigint) RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: a public aggregate'; END$$;
CREATE FUNCTION public.tap_trip_sfunc0(bigint) RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$BEGIN RAISE EXCEPTION USING ERRCODE = 'TRIP0', MESSAGE = 'tripwire: public.count(*)'; END$$;
CREATE AGGREGATE public.count(bigint) (SFUNC = public.tap_trip_sfunc, STYPE = bigint);
CREATE AGGREGATE public.max(bigint) (SFUNC = public.tap_trip_sfunc, STYPE = bigint);
CREATE AGGREGATE public.sum(bigint) (SFUNC = public.tap_trip_sfunc, STYPE = bigint);
CREATE AGGREGATE public.count(*) (SFUNC = public.tap_trip_sfunc0, STYPE = bigint);
DO $$
DECLARE
    f text[];
BEGIN
    FOREACH f SLICE 1 IN ARRAY ARRAY[
        ['sha256', 'bytea', 'bytea'],
        ['encode', 'bytea, text', 'text'],
        ['decode', 'text, text', 'bytea'],
        ['convert_to', 'text, name', 'bytea'],
        ['make_date', 'integer, integer, integer', 'date'],
        ['isfinite', 'date', 'boolean'],
        ['array_length', 'anyarray, integer', 'integer'],
        ['cardinality', 'anyarray', 'integer'],
        ['array_position', 'anycompatiblearray, anycompatible', 'integer'],
        ['pg_advisory_xact_lock', 'bigint', 'void'],
        ['pg_advisory_xact_lock', 'integer, integer', 'void'],
        ['set_config', 'text, text, boolean', 'text'],
        ['length', 'text', 'integer'],
        ['btrim', 'text', 'text'],
        ['upper', 'text', 'text'],
        ['to_jsonb', 'anyelement', 'jsonb'],
        ['row_to_json', 'record', 'json'],
        ['jsonb_typeof', 'jsonb', 'text'],
        ['gen_random_uuid', '', 'uuid'],
        ['hashtext', 'text', 'integer'],
        ['date_part', 'text, date', 'double precision'],
        ['tap_trip_int8int4eq', 'bigint, integer', 'boolean'],
        ['tap_trip_datelt', 'date, date', 'boolean'],
        ['tap_trip_dategt', 'date, date', 'boolean'],
        ['tap_trip_dateeq', 'date, date', 'boolean'],
        ['tap_trip_arraycontains', 'anyarray, anyarray', 'boolean'],
        ['tap_trip_arrayoverlap', 'anyarray, anyarray', 'boolean'],
        ['tap_trip_cast_int8_text', 'bigint', 'text'],
        ['tap_trip_cast_date_text', 'date', 'text'],
        ['tap_trip_cast_text_int8', 'text', 'bigint'],
        ['tap_trip_cast_text_date', 'text', 'date'],
        ['tap_trip_cast_jsonb_text', 'jsonb', 'text'],
        ['tap_trip_cast_bytea_text', 'bytea', 'text']]
    LOOP
        EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS %s LANGUAGE plpgsql '
                       'SET search_path = pg_catalog AS %L',
                       f[1], f[2], f[3],
                       format('BEGIN RAISE EXCEPTION USING ERRCODE = %L, MESSAGE = %L; END',
                              'TRIP0', 'tripwire: public.' || f[1] || '(' || f[2] || ')'));
    END LOOP;
END
$$;
CREATE OPERATOR public.= (LEFTARG = bigint, RIGHTARG = integer, FUNCTION = public.tap_trip_int8int4eq);
CREATE OPERATOR public.< (LEFTARG = date, RIGHTARG = date, FUNCTION = public.tap_trip_datelt);
CREATE OPERATOR public.> (LEFTARG = date, RIGHTARG = date, FUNCTION = public.tap_trip_dategt);
CREATE OPERATOR public.= (LEFTARG = date, RIGHTARG = date, FUNCTION = public.tap_trip_dateeq);
CREATE OPERATOR public.@> (LEFTARG = anyarray, RIGHTARG = anyarray, FUNCTION = public.tap_trip_arraycontains);
CREATE OPERATOR public.&& (LEFTARG = anyarray, RIGHTARG = anyarray, FUNCTION = public.tap_trip_arrayoverlap);
CREATE CAST (bigint AS text) WITH FUNCTION public.tap_trip_cast_int8_text(bigint);
CREATE CAST (date AS text) WITH FUNCTION public.tap_trip_cast_date_text(date);
CREATE CAST (text AS bigint) WITH FUNCTION public.tap_trip_cast_text_int8(text);
CREATE CAST (text AS date) WITH FUNCTION public.tap_trip_cast_text_date(text);
CREATE CAST (jsonb AS text) WITH FUNCTION public.tap_trip_cast_jsonb_text(jsonb);
CREATE CAST (bytea AS text) WITH FUNCTION public.tap_trip_cast_bytea_text(bytea);

-- What each statement run under the hostile search_path did: 'ok' and its
-- value, or its SQLSTATE and message.  pgTAP itself is not called while the
-- search_path is hostile (it calls nextval() unqualified).
CREATE TEMP TABLE outcome (n serial, label text, result text, value text);
GRANT ALL ON outcome TO PUBLIC;
GRANT ALL ON SEQUENCE outcome_n_seq TO PUBLIC;
CREATE FUNCTION pg_temp.try_do(p_label text, p_sql text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE p_sql;
        INSERT INTO pg_temp.outcome (label, result) VALUES (p_label, 'ok');
    EXCEPTION WHEN OTHERS THEN
        INSERT INTO pg_temp.outcome (label, result) VALUES (p_label, SQLSTATE OPERATOR(pg_catalog.||) ': ' OPERATOR(pg_catalog.||) SQLERRM);
    END;
END
$$;
CREATE FUNCTION pg_temp.try_get(p_label text, p_sql text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v text;
BEGIN
    BEGIN
        EXECUTE p_sql INTO v;
        INSERT INTO pg_temp.outcome (label, result, value) VALUES (p_label, 'ok', v);
    EXCEPTION WHEN OTHERS THEN
        INSERT INTO pg_temp.outcome (label, result) VALUES (p_label, SQLSTATE OPERATOR(pg_catalog.||) ': ' OPERATOR(pg_catalog.||) SQLERRM);
    END;
END
$$;
SET LOCAL search_path = public, pg_catalog;

-- the extension is installed, and used, under the hostile search_path
CREATE EXTENSION enforcement;
-- (its group roles exist from here on)
CREATE ROLE tap_sec_writer IN ROLE enforcement_writer;

SELECT pg_temp.try_do('insert agencies', $$
    INSERT INTO enforcement.agencies
        (id, code, name, kind, region_code, legal_authority, confirmed_on, disclosed_on)
    VALUES (1, 'SFJ', '司法局', 'justice_bureau', '371703', '山东省行政执法监督条例 第五条', '2023-01-01', '2023-01-05'),
           (2, 'SCJG', '市场监督管理局', 'statutory', '371703', '食品安全法 第六条', '2023-01-01', '2023-01-10'),
           (3, 'YJJ', '药品监督管理局', 'statutory', '371703', '药品管理法', '2023-01-01', '2023-01-10')$$);
-- 1.4: an agency row is fixed once written (EN501), so the entrusted agency
-- is inserted already entrusted to agency 2
SELECT pg_temp.try_do('entrust agency 4 to agency 2', $$
    INSERT INTO enforcement.agencies
        (id, code, name, kind, entrusted_by, region_code, legal_authority, confirmed_on, disclosed_on)
    VALUES (4, 'WT', '受委托组织', 'entrusted', 2, '371703', '委托书', '2023-01-01', '2023-01-10')$$);
SELECT pg_temp.try_do('insert legal_bases and agency_powers', $$
    WITH b AS (INSERT INTO enforcement.legal_bases (id, code, title, level, effective_from)
               VALUES (11, 'FSL-2015', '中华人民共和国食品安全法', 'law', '2015-10-01') RETURNING id)
    INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
    SELECT 2, b.id, 'inspection', '2023-02-01' FROM b$$);
SELECT pg_temp.try_do('insert officers', $$
    INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
    VALUES (101, 2, '张伟', 'established', true, '2022-06-01'),
           (102, 2, '刘洋', 'established', true, '2022-06-01'),
           (103, 2, '辅助', 'auxiliary', true, NULL),
           (201, 3, '王芳', 'established', true, '2022-06-01')$$);
SELECT pg_temp.try_do('insert an officer with a default id', $$
    INSERT INTO enforcement.officers (agency_id, name, employment, on_enforcement_post)
    VALUES (2, '默认编号', 'established', true)$$);
SELECT pg_temp.try_do('insert certificates', $$
    INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
    VALUES (1001, 101, 'N-1001', '2023-03-01', '2023-03-01', '2035-12-31'),
           (1002, 102, 'N-1002', '2023-03-01', '2023-03-01', '2035-12-31'),
           (2001, 201, 'N-2001', '2023-03-01', '2023-03-01', '2035-12-31')$$);
SELECT pg_temp.try_do('insert enterprise and conflict', $$
    WITH e AS (INSERT INTO enforcement.enterprises (id, credit_code, name)
               VALUES (501, '91371703MA3C8KJ1XD', '山东定陶鲁味食品有限公司') RETURNING id)
    INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on)
    SELECT 101, e.id, '2024-01-01' FROM e$$);
SELECT pg_temp.try_do('suspend a certificate', $$
    UPDATE enforcement.certificates SET status = 'suspended', status_since = '2024-01-01'
    WHERE id OPERATOR(pg_catalog.=) 2001$$);
SELECT pg_temp.try_do('OFF-4 departure', $$
    UPDATE enforcement.officers SET left_on = '2024-06-01' WHERE id OPERATOR(pg_catalog.=) 102$$);
SELECT pg_temp.try_do('EN104 second live certificate', $$
    INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
    VALUES (101, 'N-1001-2', '2024-03-01', '2024-03-01', '2035-12-31')$$);
SELECT pg_temp.try_do('EN103 certificate for auxiliary staff', $$
    INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
    VALUES (103, 'N-103', '2024-03-01', '2024-03-01', '2035-12-31')$$);
SELECT pg_temp.try_do('EN501 delete', $$DELETE FROM enforcement.officers WHERE id OPERATOR(pg_catalog.=) 101$$);
SELECT pg_temp.try_do('EN501 truncate', $$TRUNCATE enforcement.officers CASCADE$$);
SELECT pg_temp.try_do('EN501 update process_log', $$UPDATE enforcement.process_log SET db_user = 'x'$$);
SELECT pg_temp.try_get('agency_may_act', $$SELECT enforcement.agency_may_act(2, '2024-01-01')::text$$);
SELECT pg_temp.try_get('agency_may_act entrusted', $$SELECT enforcement.agency_may_act(4, '2024-01-01')::text$$);
SELECT pg_temp.try_get('officer_certified', $$SELECT enforcement.officer_certified(101, 2, '2024-01-01')::text$$);
SELECT pg_temp.try_get('officer_certified other agency', $$SELECT enforcement.officer_certified(201, 2, '2024-01-01')::text$$);
SELECT pg_temp.try_get('officer_certified after leaving', $$SELECT enforcement.officer_certified(102, 2, '2024-06-01')::text$$);
SELECT pg_temp.try_get('certificate_holds', $$SELECT enforcement.certificate_holds('2023-01-01', '2030-01-01', 'active', NULL, '2024-01-01')::text$$);
SELECT pg_temp.try_get('add_working_days', $$SELECT pg_catalog.format('%s', enforcement.add_working_days('2025-09-30', 1))$$);
SELECT pg_temp.try_get('is_working_day', $$SELECT enforcement.is_working_day('2025-10-01')::text$$);
SELECT pg_temp.try_get('credit_code_valid', $$SELECT enforcement.credit_code_valid('91371703MA3C8KJ1XD')::text$$);
SELECT pg_temp.try_get('next_id', $$SELECT (enforcement.next_id() OPERATOR(pg_catalog.>) 0)::text$$);
SELECT pg_temp.try_get('set_node_id', $$SELECT enforcement.set_node_id(4)::text$$);
SELECT pg_temp.try_get('node_id', $$SELECT enforcement.node_id()::text$$);
SELECT pg_temp.try_get('v_officer_certification', $$SELECT pg_catalog.format('%s', pg_catalog.count(*)) FROM enforcement.v_officer_certification$$);
SELECT pg_temp.try_do('warn mode on', $$SET LOCAL enforcement.mode = 'warn'$$);
SELECT pg_temp.try_do('warn: EN103 let through and recorded', $$
    INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
    VALUES (103, 'N-103-warn', '2024-03-01', '2024-03-01', '2035-12-31')$$);
SELECT pg_temp.try_do('warn mode off', $$SET LOCAL enforcement.mode = 'enforce'$$);
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('tap_sec_writer', 2);
SET LOCAL ROLE tap_sec_writer;
SELECT pg_temp.try_do('writer: insert own officer', $$
    INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
    VALUES (104, 2, '陈静', 'established', true, '2022-06-01')$$);
SELECT pg_temp.try_do('writer: issue own certificate', $$
    INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
    VALUES (1004, 104, 'N-1004', '2023-03-01', '2023-03-01', '2035-12-31')$$);
SELECT pg_temp.try_do('writer: EN503 other agency', $$
    INSERT INTO enforcement.officers (agency_id, name, employment, on_enforcement_post)
    VALUES (3, '越权', 'established', true)$$);
SELECT pg_temp.try_get('writer: officers seen', $$SELECT pg_catalog.format('%s', pg_catalog.count(*)) FROM enforcement.officers$$);
SELECT pg_temp.try_get('writer: acts_for', $$SELECT enforcement.acts_for(2)::text || ',' || enforcement.acts_for(3)::text$$);
RESET ROLE;
-- Inspections, plans, caps, complaints, joint inspections, signatures and
-- check-in: every other table's INSERT and UPDATE, lawful and refused.
SELECT pg_temp.try_do('insert enterprise 502', $$
    INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
    VALUES (502, '92371703MA3E5RT7NH', '定陶区老王烧饼店', 'individual_business')$$);
SELECT pg_temp.try_do('update enterprise', $$
    UPDATE enforcement.enterprises SET name = '定陶区老王烧饼店（更名）' WHERE id OPERATOR(pg_catalog.=) 502$$);
SELECT pg_temp.try_do('insert plan', $$
    INSERT INTO enforcement.inspection_plans (id, agency_id, year) VALUES (301, 2, 2025)$$);
SELECT pg_temp.try_do('insert plan item', $$
    INSERT INTO enforcement.plan_items (plan_id, legal_basis_id, matter)
    VALUES (301, 11, '食品生产企业监督抽检')$$);
SELECT pg_temp.try_do('EN206 file a plan with an agency not a justice bureau', $$
    UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-01-10', filed_with = 3
    WHERE id OPERATOR(pg_catalog.=) 301$$);
SELECT pg_temp.try_do('file the plan', $$
    UPDATE enforcement.inspection_plans SET status = 'filed', filed_on = '2025-01-10', filed_with = 1
    WHERE id OPERATOR(pg_catalog.=) 301$$);
SELECT pg_temp.try_do('EN206 change an item of a filed plan', $$
    UPDATE enforcement.plan_items SET matter = '改' WHERE plan_id OPERATOR(pg_catalog.=) 301$$);
SELECT pg_temp.try_do('publish a cap', $$
    INSERT INTO enforcement.inspection_limits (agency_id, year, max_per_enterprise, published_on)
    VALUES (2, 2025, 2, '2024-12-25')$$);
SELECT pg_temp.try_do('insert complaint', $$
    INSERT INTO enforcement.complaints (id, received_on, kind, enterprise_id, about_agency_id, complainant, summary)
    VALUES (601, '2025-03-01', 'violation_report', 502, 2, '王某（13800000000）', '举报无证经营')$$);
SELECT pg_temp.try_do('update complaint', $$
    UPDATE enforcement.complaints SET summary = '举报无证经营（补充）' WHERE id OPERATOR(pg_catalog.=) 601$$);
SELECT pg_temp.try_do('insert joint inspection', $$
    INSERT INTO enforcement.joint_inspections (id, lead_agency_id, enterprise_id, inspected_on)
    VALUES (701, 2, 502, '2025-05-10')$$);
SELECT pg_temp.try_do('EN101 joint inspection led by the justice bureau', $$
    INSERT INTO enforcement.joint_inspections (lead_agency_id, enterprise_id, inspected_on)
    VALUES (1, 502, '2025-05-12')$$);
SELECT pg_temp.try_do('routine inspection', $$
    INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, plan_id)
    VALUES (801, 2, 502, 11, '2025-04-01', '{101,104}', true, 301)$$);
SELECT pg_temp.try_do('exempt part of a joint inspection', $$
    INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, exemption, exemption_ref, joint_inspection_id)
    VALUES (805, 2, 502, 11, '2025-05-10', '{101,104}', true, 'superior_deployment',
            '菏市监发〔2025〕12号', 701)$$);
SELECT pg_temp.try_do('inspection on a complaint', $$
    INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, exemption, exemption_ref, complaint_id)
    VALUES (806, 2, 502, 11, '2025-03-05', '{101,104}', true, 'complaint_report', '举报 601', 601)$$);
SELECT pg_temp.try_do('EN107 inspection by a recused officer', $$
    INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, plan_id)
    VALUES (2, 501, 11, '2025-04-02', '{101,104}', true, 301)$$);
SELECT pg_temp.try_do('EN102 inspection by a revoked officer', $$
    INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, plan_id)
    VALUES (2, 502, 11, '2025-04-03', '{101,102}', true, 301)$$);
SELECT pg_temp.try_do('second routine inspection', $$
    INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, plan_id)
    VALUES (802, 2, 502, 11, '2025-06-01', '{101,104}', true, 301)$$);
SELECT pg_temp.try_do('EN204 third routine inspection over the cap', $$
    INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, plan_id)
    VALUES (2, 502, 11, '2025-07-01', '{101,104}', true, 301)$$);
SELECT pg_temp.try_do('record the outcome', $$
    UPDATE enforcement.inspections SET outcome = 'guidance_interview', ended_on = '2025-04-01'
    WHERE id OPERATOR(pg_catalog.=) 801$$);
SELECT pg_temp.try_do('EN501 move an inspection', $$
    UPDATE enforcement.inspections SET inspected_on = '2025-04-03' WHERE id OPERATOR(pg_catalog.=) 801$$);
SELECT pg_temp.try_do('EN501 move a joint inspection', $$
    UPDATE enforcement.joint_inspections SET inspected_on = '2025-05-11' WHERE id OPERATOR(pg_catalog.=) 701$$);
SELECT pg_temp.try_do('sign', $$
    INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
    VALUES (801, 101, '2025-04-01')$$);
SELECT pg_temp.try_do('EN207 signed by an officer not on the inspection', $$
    INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
    VALUES (801, 105, '2025-04-01')$$);
SELECT pg_temp.try_do('EN501 move a signature', $$
    UPDATE enforcement.inspection_signatures SET signed_on = '2025-04-02'
    WHERE inspection_id OPERATOR(pg_catalog.=) 801 AND officer_id OPERATOR(pg_catalog.=) 101$$);
SELECT pg_temp.try_get('checkin round trip', $$
    SELECT ((enforcement.verify_checkin(enforcement.checkin_token(801))).inspection_id OPERATOR(pg_catalog.=) 801)::text$$);
SELECT pg_temp.try_get('rule_certificate_holds', $$
    SELECT enforcement.rule_certificate_holds('2023-01-01', '2030-01-01', 'active', NULL, '2024-01-01')::text$$);
SELECT pg_temp.try_get('cap_in_force', $$
    SELECT pg_catalog.format('%s %s', enforcement.cap_in_force(2, 2025, '2025-06-01'),
                             enforcement.rule_cap_in_force(2, 2025, '2025-06-01'))$$);
SELECT pg_temp.try_get('routine_visits', $$
    SELECT pg_catalog.format('%s %s', enforcement.routine_visits(2, 502, 2025),
                             enforcement.rule_routine_visits(2, 502, 2025))$$);
SELECT pg_temp.try_get('visit', $$
    SELECT pg_catalog.format('%s, %s', enforcement.visit(701, 805), enforcement.routine_visit(301, NULL, 801))$$);
SELECT pg_temp.try_get('search_path kept after a refusal', $$
    SELECT pg_catalog.current_setting('search_path')$$);
SELECT pg_temp.try_get('views', $$
    SELECT pg_catalog.format('%s/%s/%s/%s/%s/%s',
        (SELECT pg_catalog.count(*) FROM enforcement.v_inspection_ledger),
        (SELECT pg_catalog.count(*) FROM enforcement.v_unplanned_inspections),
        (SELECT pg_catalog.count(*) FROM enforcement.v_inspection_frequency),
        (SELECT pg_catalog.count(*) FROM enforcement.v_enterprise_burden),
        (SELECT pg_catalog.count(*) FROM enforcement.v_violation_summary),
        (SELECT pg_catalog.count(*) OPERATOR(pg_catalog.>) 20 FROM enforcement.rules))$$);
SET LOCAL ROLE tap_sec_writer;
SELECT pg_temp.try_do('writer: exempt inspection', $$
    INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
        inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
    VALUES (803, 2, 502, 11, '2025-08-01', '{101,104}', true, 'superior_deployment', '菏市监发〔2025〕20号')$$);
SELECT pg_temp.try_do('writer: sign', $$
    INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
    VALUES (801, 104, '2025-04-01')$$);
SELECT pg_temp.try_get('writer: checkin', $$
    SELECT ((enforcement.verify_checkin(enforcement.checkin_token(801))).inspection_id OPERATOR(pg_catalog.=) 801)::text$$);
RESET ROLE;
SELECT pg_temp.try_get('verify_process_log', $$SELECT ok::text FROM enforcement.verify_process_log()$$);
SELECT pg_temp.try_get('chain_head', $$SELECT (seq OPERATOR(pg_catalog.>) 0 AND pg_catalog.length(hash) OPERATOR(pg_catalog.>) 31)::text FROM enforcement.chain_head()$$);
-- controls: the planted objects are what unqualified names resolve to
SELECT pg_temp.try_get('control: bigint =', $$SELECT (1::bigint = 1::bigint)::text$$);
SELECT pg_temp.try_get('control: text =', $$SELECT ('a'::text = 'a'::text)::text$$);
SELECT pg_temp.try_get('control: date <=', $$SELECT (current_date <= current_date)::text$$);
SELECT pg_temp.try_get('control: now()', $$SELECT now()::text$$);
SELECT pg_temp.try_get('control: nextval()', $$SELECT nextval('enforcement.id_seq')::text$$);
SELECT pg_temp.try_get('control: count(bigint)', $$SELECT pg_catalog.format('%s', count(x)) FROM (VALUES (1::bigint)) v (x)$$);
SELECT pg_temp.try_get('control: count(*)', $$SELECT pg_catalog.format('%s', count(*)) FROM (VALUES (1)) v (x)$$);
SELECT pg_temp.try_get('control: bigint::text', $$SELECT 1::bigint::text$$);
SELECT pg_temp.try_get('control: make_date()', $$SELECT pg_catalog.format('%s', make_date(2025, 1, 1))$$);
SELECT pg_temp.try_get('control: bigint = integer', $$SELECT (1::bigint = 1)::text$$);

RESET search_path;
DROP CAST (bigint AS text);
DROP CAST (date AS text);
DROP CAST (text AS bigint);
DROP CAST (text AS date);
DROP CAST (jsonb AS text);
DROP CAST (bytea AS text);

-- ---------------------------------------------------------------------------
-- (a) results: everything worked and nothing planted was called (90)
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE expected (label text, outcome text);
INSERT INTO expected VALUES
    ('insert agencies', 'ok'),
    ('entrust agency 4 to agency 2', 'ok'),
    ('insert legal_bases and agency_powers', 'ok'),
    ('insert officers', 'ok'),
    ('insert an officer with a default id', 'ok'),
    ('insert certificates', 'ok'),
    ('insert enterprise and conflict', 'ok'),
    ('suspend a certificate', 'ok'),
    ('OFF-4 departure', 'ok'),
    ('EN104 second live certificate', 'EN104'),
    ('EN103 certificate for auxiliary staff', 'EN103'),
    ('EN501 delete', 'EN501'),
    ('EN501 truncate', 'EN501'),
    ('EN501 update process_log', 'EN501'),
    ('agency_may_act', 'ok true'),
    ('agency_may_act entrusted', 'ok true'),
    ('officer_certified', 'ok true'),
    ('officer_certified other agency', 'ok false'),
    ('officer_certified after leaving', 'ok false'),
    ('certificate_holds', 'ok true'),
    ('add_working_days', 'ok 2025-10-09'),
    ('is_working_day', 'ok false'),
    ('credit_code_valid', 'ok true'),
    ('next_id', 'ok true'),
    ('set_node_id', 'ok 4'),
    ('node_id', 'ok 4'),
    ('v_officer_certification', 'ok 5'),
    ('warn mode on', 'ok'),
    ('warn: EN103 let through and recorded', 'ok'),
    ('warn mode off', 'ok'),
    ('writer: insert own officer', 'ok'),
    ('writer: issue own certificate', 'ok'),
    ('writer: EN503 other agency', 'EN503'),
    ('writer: officers seen', 'ok 5'),
    ('writer: acts_for', 'ok true,false'),
    ('insert enterprise 502', 'ok'),
    ('update enterprise', 'ok'),
    ('insert plan', 'ok'),
    ('insert plan item', 'ok'),
    ('EN206 file a plan with an agency not a justice bureau', 'EN206'),
    ('file the plan', 'ok'),
    ('EN206 change an item of a filed plan', 'EN206'),
    ('publish a cap', 'ok'),
    ('insert complaint', 'ok'),
    ('update complaint', 'ok'),
    ('insert joint inspection', 'ok'),
    ('EN101 joint inspection led by the justice bureau', 'EN101'),
    ('routine inspection', 'ok'),
    ('exempt part of a joint inspection', 'ok'),
    ('inspection on a complaint', 'ok'),
    ('EN107 inspection by a recused officer', 'EN107'),
    ('EN102 inspection by a revoked officer', 'EN102'),
    ('second routine inspection', 'ok'),
    ('EN204 third routine inspection over the cap', 'EN204'),
    ('record the outcome', 'ok'),
    ('EN501 move an inspection', 'EN501'),
    ('EN501 move a joint inspection', 'EN501'),
    ('sign', 'ok'),
    ('EN207 signed by an officer not on the inspection', 'EN207'),
    ('EN501 move a signature', 'EN501'),
    ('checkin round trip', 'ok true'),
    ('rule_certificate_holds', 'ok true'),
    ('cap_in_force', 'ok 2 2'),
    ('routine_visits', 'ok 2 2'),
    ('visit', 'ok joint 701, inspection 801'),
    ('search_path kept after a refusal', 'ok public, pg_catalog'),
    ('views', 'ok 4/2/1/1/1/t'),
    ('writer: exempt inspection', 'ok'),
    ('writer: sign', 'ok'),
    ('writer: checkin', 'ok true'),
    ('verify_process_log', 'ok true'),
    ('chain_head', 'ok true'),
    ('control: bigint =', 'TRIP0'),
    ('control: text =', 'TRIP0'),
    ('control: date <=', 'TRIP0'),
    ('control: now()', 'TRIP0'),
    ('control: nextval()', 'TRIP0'),
    ('control: count(bigint)', 'TRIP0'),
    ('control: count(*)', 'TRIP0'),
    ('control: bigint::text', 'TRIP0'),
    ('control: make_date()', 'TRIP0'),
    ('control: bigint = integer', 'TRIP0');

SELECT is(
    CASE WHEN o.result = 'ok' THEN rtrim('ok ' || coalesce(o.value, ''))
         ELSE left(o.result, 5) END,
    e.outcome,
    'hostile search_path: ' || e.label ||
    CASE WHEN o.result IS NULL THEN ' (not run)'
         WHEN o.result <> 'ok' AND o.result NOT LIKE e.outcome || '%' THEN ' [' || o.result || ']'
         ELSE '' END)
FROM expected e LEFT JOIN outcome o USING (label)
ORDER BY coalesce(o.n, 0), e.label;

SELECT is((SELECT count(*) FROM outcome WHERE result LIKE 'TRIP0%' AND label NOT LIKE 'control:%'),
    0::bigint, 'hostile search_path: no planted object was called by the extension');
SELECT is((SELECT string_agg(label, ', ') FROM outcome WHERE label NOT IN (SELECT label FROM expected)),
    NULL, 'hostile search_path: every statement run is checked');
SELECT results_eq(
    $$SELECT id, status, status_since FROM enforcement.certificates WHERE id IN (1001, 1002, 2001) ORDER BY id$$,
    $$VALUES (1001::bigint, 'active'::text, '2023-03-01'::date), (1002, 'revoked', '2024-06-01'),
             (2001, 'suspended', '2024-01-01')$$,
    'hostile search_path: the certificates are as the rules made them (OFF-4 revoked 1002)');
SELECT is((SELECT count(*) FROM enforcement.violations WHERE code = 'EN103'), 1::bigint,
    'hostile search_path: the warn-mode violation was recorded');
SELECT is((SELECT count(*) FROM enforcement.violations WHERE code = '00000'), 2::bigint,
    'hostile search_path: both mode changes were recorded');
SELECT is((SELECT string_agg(DISTINCT db_user, ',') FROM enforcement.process_log WHERE row_id IN (104, 1004)),
    'tap_sec_writer', 'hostile search_path: the writer''s entries name the writer');
SELECT results_eq($$SELECT ok, entries, first_bad_seq FROM enforcement.verify_process_log()$$,
    $$SELECT true, count(*), NULL::bigint FROM enforcement.process_log$$,
    'hostile search_path: the process record is intact');
SELECT results_eq(
    $$SELECT table_name, count(*) FROM enforcement.process_log
      WHERE table_name NOT IN ('settings', 'calendar', 'quota_terms') GROUP BY table_name ORDER BY table_name$$,
    $$VALUES ('agencies'::text, 4::bigint),   -- 3 inserted + 1 inserted entrusted
             ('agency_members', 1), ('agency_powers', 1),
             ('certificate_statuses', 7),     -- 1.4: one status row per certificate write, by the extension
             ('certificates', 7),             -- 3 + 1 suspended + 1 revoked (OFF-4) + 1 in warn mode + 1 by the writer
             ('complaints', 2),               -- inserted, updated
             ('conflicts', 1), ('enterprises', 3), ('inspection_limits', 1),
             ('inspection_plans', 2),         -- inserted, filed
             ('inspection_signatures', 2),    -- 1 + 1 by the writer
             ('inspections', 6),              -- 4 + 1 outcome + 1 by the writer
             ('installation', 1), ('joint_inspections', 1), ('legal_bases', 1),
             ('officers', 7),                 -- 5 + 1 departure + 1 by the writer
             ('plan_items', 1),
             ('violations', 3)$$,             -- 2 mode changes + 1 EN103 in warn mode
    'hostile search_path: every write was recorded once, and only those');

-- ---------------------------------------------------------------------------
-- (b) No SECURITY DEFINER function without a safe search_path (2)
-- ---------------------------------------------------------------------------
SELECT is((SELECT count(*) FROM pg_proc WHERE pronamespace = 'enforcement'::regnamespace AND prosecdef),
    0::bigint, 'the schema has no SECURITY DEFINER function (look-ups switch to the owner inside C)');
SELECT is((SELECT string_agg(p.oid::regprocedure::text, ', ')
           FROM pg_proc p
           WHERE p.pronamespace = 'enforcement'::regnamespace AND p.prosecdef
             AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)),
    NULL, 'every SECURITY DEFINER function of the schema pins search_path=pg_catalog, pg_temp');

-- ---------------------------------------------------------------------------
-- (b) A writer gains nothing through the extension's functions (23)
-- ---------------------------------------------------------------------------
SET LOCAL client_min_messages = warning;
SELECT max(seq) AS m FROM enforcement.process_log \gset
SELECT a.xmin::text || '/' || o.xmin::text || '/' || c.xmin::text AS xmins
FROM enforcement.agencies a, enforcement.officers o, enforcement.certificates c
WHERE a.id = 3 AND o.id = 201 AND c.id = 2001 \gset
SET LOCAL ROLE tap_sec_writer;
SELECT is(enforcement.agency_may_act(2, '2024-01-01'), true,
    'a writer asks whether its agency may act');
SELECT is(enforcement.officer_certified(101, 2, '2024-01-01'), true,
    'a writer asks whether its officer is certified');
-- a writer's look-up of another agency (whatever it answers) ...
DO $$
BEGIN
    PERFORM enforcement.agency_may_act(3, '2024-01-01'),
            enforcement.officer_certified(201, 3, '2024-01-01');
EXCEPTION WHEN OTHERS THEN
    NULL;
END
$$;
RESET ROLE;
SELECT is((SELECT count(*) FROM enforcement.process_log WHERE seq > :m), 0::bigint,
    '... appends nothing to the process record');
SELECT is((SELECT a.xmin::text || '/' || o.xmin::text || '/' || c.xmin::text
           FROM enforcement.agencies a, enforcement.officers o, enforcement.certificates c
           WHERE a.id = 3 AND o.id = 201 AND c.id = 2001), :'xmins',
    '... and changes none of that agency''s rows');

SET LOCAL ROLE tap_sec_writer;
SELECT throws_ok(format('SELECT enforcement.%I()', f), '42501', NULL,
    'a writer may not call the trigger function ' || f || '()')
FROM unnest(ARRAY['record_row', 'check_row', 'forbid_delete', 'protect_record',
                  'certificates_check', 'officers_departure', 'enterprises_check']) AS f;
SELECT throws_ok($$SELECT enforcement.restoring()$$, '42501', NULL,
    'a writer may not call restoring()');
CREATE TEMP TABLE officers (id bigint PRIMARY KEY, agency_id bigint);
SELECT throws_ok($$CREATE TRIGGER forged AFTER INSERT ON pg_temp.officers
                   FOR EACH ROW EXECUTE FUNCTION enforcement.record_row('agency_id')$$,
    '42501', NULL, 'a writer may not attach record_row to a table of its own to write forged entries');
SELECT throws_ok($$SELECT enforcement.declare_table('pg_temp.officers', 'agency_id')$$,
    '42501', NULL, 'a writer may not declare a table of its own');
SELECT throws_ok($$ALTER TABLE enforcement.officers DISABLE TRIGGER check_row$$,
    '42501', NULL, 'a writer may not disable a trigger');
SELECT throws_ok($$SET session_replication_role = replica$$,
    '42501', NULL, 'a writer may not turn the triggers off with session_replication_role');
SELECT throws_ok($$ALTER ROLE tap_sec_writer SET enforcement.mode = 'warn'$$,
    '42501', NULL, 'a writer may not set enforcement.mode for its later sessions');
SELECT throws_ok($$GRANT enforcement_supervisor TO tap_sec_writer$$,
    '42501', NULL, 'a writer may not make itself a supervisor');
SET LOCAL row_security = off;
SELECT throws_ok($$SELECT count(*) FROM enforcement.officers$$,
    '42501', NULL, 'a writer may not read past row security with row_security = off');
RESET row_security;
SELECT is((SELECT count(*) FROM enforcement.officers), 5::bigint,
    'with row security on, the writer reads its agency''s officers');
RESET ROLE;
SELECT is((SELECT count(*) FROM pg_extension e, unnest(e.extconfig) c
           WHERE e.extname = 'enforcement' AND c = 'pg_temp.officers'::regclass), 0::bigint,
    'the writer''s table was not made part of the extension''s dump');
SELECT throws_ok($$SELECT enforcement.record_row()$$, '39P01', NULL,
    'the superuser calling a trigger function directly gets an error');
CREATE TEMP TABLE misuse (id bigint, agency_id bigint);
CREATE TRIGGER misuse BEFORE INSERT ON misuse
    FOR EACH ROW EXECUTE FUNCTION enforcement.record_row('agency_id');
SELECT throws_ok($$INSERT INTO misuse VALUES (1, 2)$$, '39P01', NULL,
    'record_row fired other than AFTER INSERT OR UPDATE FOR EACH ROW is an error');
DROP TABLE misuse;

-- ---------------------------------------------------------------------------
-- (c) A writer cannot forge another agency's rows or the record (15)
-- ---------------------------------------------------------------------------
SELECT max(seq) AS m FROM enforcement.process_log \gset
SET LOCAL ROLE tap_sec_writer;
SELECT throws_ok($$INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post)
                   VALUES (201, 2, '冒名', 'established', true)$$,
    '23505', NULL, 'forge: an officer with another agency''s officer''s id is refused');
SELECT throws_ok($$INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post)
                   VALUES (201, 2, '冒名', 'established', true)
                   ON CONFLICT (id) DO UPDATE SET agency_id = excluded.agency_id, name = excluded.name$$,
    '42501', NULL, 'forge: taking over another agency''s officer by ON CONFLICT DO UPDATE is refused');
SELECT lives_ok($$INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post)
                  VALUES (201, 2, '冒名', 'established', true) ON CONFLICT (id) DO NOTHING$$,
    'forge: ON CONFLICT DO NOTHING on another agency''s officer does nothing');
SELECT throws_ok($$INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post)
                   VALUES (299, 3, '伪造', 'established', true)$$,
    'EN503', NULL, 'forge: an officer of another agency with an explicit id is refused (EN503)');
SELECT lives_ok($$INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
                  VALUES (105, 2, '合法', 'established', true, '2022-06-01')$$,
    'forge: its own agency''s officer with an explicit id is lawful');
SELECT throws_ok($$INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
                   VALUES (201, 'F-201', '2023-03-01', '2023-03-01', '2035-12-31')$$,
    '23503', NULL,
    'forge: a certificate for another agency''s officer is refused as for one that does not exist');
SELECT throws_ok($$INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
                   VALUES (2001, 105, 'F-2001', '2023-03-01', '2023-03-01', '2035-12-31')
                   ON CONFLICT (id) DO UPDATE SET status = 'revoked'$$,
    '42501', NULL, 'forge: revoking another agency''s certificate through ON CONFLICT is refused');
SELECT throws_ok($$UPDATE enforcement.certificates SET officer_id = 201 WHERE id = 1004$$,
    '23503', NULL, 'forge: handing its certificate to another agency''s officer is refused as for one that does not exist');
SELECT lives_ok($$INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
                  VALUES (1005, 105, 'N-1005', '2023-03-01', '2023-03-01', '2035-12-31')$$,
    'forge: a certificate for its own officer is lawful');
SELECT throws_ok($$INSERT INTO enforcement.process_log (seq, chain, logged_at, txid, db_user, table_name,
                       operation, row_id, row_data, prev_hash, hash)
                   VALUES (999999, 3, now(), 1, 'tap_sec_writer', 'officers', 'INSERT', 299, '{}', '\x00', '\x00')$$,
    '42501', NULL, 'forge: a writer may not insert into process_log');
SELECT throws_ok($$INSERT INTO enforcement.chain_heads (chain, seq, hash) VALUES (99, 0, '\x00')$$,
    '42501', NULL, 'forge: a writer may not insert into chain_heads');
SELECT throws_ok($$SELECT row_data FROM enforcement.process_log WHERE chain = 3$$,
    '42501', NULL, 'a writer may not read another agency''s process record entries');
RESET ROLE;
SELECT results_eq($$SELECT agency_id, name FROM enforcement.officers WHERE id = 201$$,
    $$VALUES (3::bigint, '王芳'::text)$$, 'forge: the other agency''s officer is unchanged');
SELECT results_eq($$SELECT status, officer_id FROM enforcement.certificates WHERE id = 2001$$,
    $$VALUES ('suspended'::text, 201::bigint)$$, 'forge: the other agency''s certificate is unchanged');
-- (1.4: the certificate's status row in certificate_statuses is written by the
--  extension with a generated id, so that table's entries are listed without it)
SELECT is((SELECT string_agg(CASE WHEN table_name = 'certificate_statuses'
                                  THEN format('%s %s chain=%s', table_name, operation, chain)
                                  ELSE format('%s %s %s chain=%s', table_name, operation, row_id, chain) END,
                             '; ' ORDER BY seq)
           FROM enforcement.process_log WHERE seq > :m),
    'officers INSERT 105 chain=2; certificate_statuses INSERT chain=2; certificates INSERT 1005 chain=2',
    'forge: only the lawful writes were recorded, in the writer''s own chain');

SELECT * FROM finish();
ROLLBACK;
