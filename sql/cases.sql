-- Cases and decisions (release 1.5): CASE-1..10 (EN301..EN309), SUBJ-1/2
-- and OFF-2/5/6 for cases (EN101, EN201, EN102, EN105, EN107), the
-- consistency and time rules around them (EN207), the append-only record
-- (EN501), the views of cases, the compliance scan, and row security.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS enforcement CASCADE;
DROP ROLE IF EXISTS en_test_cases_market;
DROP ROLE IF EXISTS en_test_cases_safety;
RESET client_min_messages;
CREATE EXTENSION enforcement;
\set QUIET on
\i test/fixtures/registry.sql
\i test/fixtures/inspections.sql
\i test/fixtures/cases.sql
\set QUIET off
-- Each refusal shows its detail, which names the reason; terse only where
-- the detail would name today's date or an id the extension generated.

-- ===========================================================================
-- 1. Opening a case (SUBJ-1/2 on opened_on, OFF-5/2/6 for the handlers,
--    EN207 dates and inspection, CASE-1 opens at filed)
-- ===========================================================================
-- lawful: on the day of its inspection, by two certified handlers
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id,
    legal_basis_id, opened_on, violation_on, discovered_on, handler_ids)
VALUES (2001, 2, 501, 811, 21, '2025-04-01', '2025-03-20', '2025-04-01', '{101,102}');
SELECT id, stage FROM enforcement.cases WHERE id = 2001;
-- EN101: a justice bureau; an entrusted office before it was confirmed
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (1, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (4, 501, 22, '2024-02-28', '2024-02-01', '2024-02-20', '{106,108}');
\echo :LAST_ERROR_SQLSTATE
-- EN201: an inspection power is not a penalty power; a basis no longer in
-- force; a penalty power before it was published; a basis of another
-- agency
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (3, 501, 24, '2025-04-02', '2025-03-20', '2025-04-01', '{106,108}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (3, 501, 23, '2025-04-02', '2025-03-20', '2025-04-01', '{106,108}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2023-01-31', '2023-01-20', '2023-01-25', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 22, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
-- EN105: one handler, the same one twice, none
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,101}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{}');
\echo :LAST_ERROR_SQLSTATE
-- EN102: an auxiliary without a certificate; a reviewer without one;
-- another agency's officer
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,103}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{109,101}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,106}');
\echo :LAST_ERROR_SQLSTATE
-- EN107: a handler with a declared conflict with the enterprise
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 502, 24, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
-- EN207: the violation ends before it began; discovered before it began;
-- opened before it was discovered
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids)
VALUES (2901, 2, 501, 21, '2025-04-02', '2025-03-20', '2025-03-19', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2902, 2, 501, 21, '2025-04-02', '2025-03-20', '2025-03-19', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2903, 2, 501, 21, '2025-03-31', '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
-- EN207: another agency's inspection answers as one that does not exist;
-- an inspection of another enterprise; an inspection after the opening
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id,
    legal_basis_id, opened_on, violation_on, discovered_on, handler_ids)
VALUES (2904, 2, 501, 812, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id,
    legal_basis_id, opened_on, violation_on, discovered_on, handler_ids)
VALUES (2905, 2, 501, 999999, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id,
    legal_basis_id, opened_on, violation_on, discovered_on, handler_ids)
VALUES (2906, 2, 502, 811, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,111}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id,
    legal_basis_id, opened_on, violation_on, discovered_on, handler_ids)
VALUES (2907, 2, 501, 811, 21, '2025-03-31', '2025-03-20', '2025-03-30', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
-- EN301: a case opens at the stage filed, in every mode
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids, stage)
VALUES (2908, 2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}', 'decided');
\echo :LAST_ERROR_SQLSTATE
-- NULLs: a NULL handler, no handlers, no opening day (plain input errors)
\set VERBOSITY terse
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,NULL}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', NULL);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, NULL, '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- TIME-1: no date without end; TIME-2: no act in the future (terse: the
-- detail names today)
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, 'infinity', '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '-infinity', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', 'infinity', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, current_date + 1, '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', current_date + 1, '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
SELECT count(*) AS cases FROM enforcement.cases;

-- ===========================================================================
-- 2. The steps of a case (CASE-1, OFF-5/2/6 for the investigation)
-- ===========================================================================
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2002, 2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}'),
       (2003, 2, 502, 24, '2025-04-02', '2025-03-20', '2025-04-01', '{101,111}');
-- EN301: a step skipped (notified before investigated; decided, served
-- or closed from filed)
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2001, 'notified', '2025-04-10', '告知-2001');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'served', '2025-04-10');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'closed', '2025-04-10');
\echo :LAST_ERROR_SQLSTATE
-- EN301: dated before the opening
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2001, 'investigated', '2025-03-31', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
-- EN105, EN102, EN107: the investigation's officers (OFF-5, OFF-2, OFF-6)
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2001, 'investigated', '2025-04-08', '{101}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2001, 'investigated', '2025-04-08', '{102,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'investigated', '2025-04-08');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2001, 'investigated', '2025-04-08', '{101,105}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2001, 'investigated', '2025-04-08', '{101,108}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2003, 'investigated', '2025-04-08', '{111,102}');
\echo :LAST_ERROR_SQLSTATE
-- lawful: the investigation on the opening day, by officers other than the handlers
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2001, 'investigated', '2025-04-01', '{102,111}', '调查-2001');
SELECT id, stage FROM enforcement.cases WHERE id = 2001;
-- EN301: repeated; a hearing without a notice
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2001, 'investigated', '2025-04-09', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'hearing', '2025-04-10');
\echo :LAST_ERROR_SQLSTATE
-- EN301: dated backwards, one day before the last step
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'notified', '2025-03-31');
\echo :LAST_ERROR_SQLSTATE
-- lawful: the notice on the day of the investigation (no hearing offered)
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2001, 'notified', '2025-04-01', '告知-2001');
-- EN301: a hearing the notice did not offer; a notice twice; dismissal
-- after the notice; the step decided written by anyone but the decision
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'hearing', '2025-04-10');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'notified', '2025-04-10');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'dismissed', '2025-04-10');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2001, 'decided', '2025-04-10', '决定-2001');
\echo :LAST_ERROR_SQLSTATE
-- EN301: the stage is written by the steps only, even by a superuser,
-- and in warn mode too (strict)
UPDATE enforcement.cases SET stage = 'decided' WHERE id = 2001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.cases SET stage = 'filed' WHERE id = 2001;
\echo :LAST_ERROR_SQLSTATE
SET enforcement.mode = 'warn';
SET client_min_messages = error;
UPDATE enforcement.cases SET stage = 'closed' WHERE id = 2001;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids, stage)
VALUES (2909, 2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}', 'closed');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2001, 'decided', '2025-04-10');
\echo :LAST_ERROR_SQLSTATE
RESET client_min_messages;
RESET enforcement.mode;
-- EN501: a case's facts and its steps are fixed, never deleted
UPDATE enforcement.cases SET opened_on = '2025-04-02' WHERE id = 2001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.cases SET corrected = true WHERE id = 2001;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.case_events SET occurred_on = '2025-04-02' WHERE case_id = 2001;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
DELETE FROM enforcement.case_events WHERE case_id = 2001;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
DELETE FROM enforcement.cases WHERE id = 2001;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE enforcement.case_events;
\echo :LAST_ERROR_SQLSTATE
-- TIME-1, TIME-2 for a step
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2002, 'investigated', 'infinity', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2002, 'investigated', current_date + 1, '{101,102}');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- a step of a case that does not exist
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (999999, 'investigated', '2025-04-10', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
-- Dismissal: from filed; then only closed; nothing after closed
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2002, 'dismissed', '2025-04-05', '撤案-2002');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2002, 'investigated', '2025-04-06', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2002, 'notified', '2025-04-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2002, 'closed', '2025-04-04');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2002, 'closed', '2025-04-05', '结案-2002');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2002, 'closed', '2025-04-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2002, 'dismissed', '2025-04-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2002, 'investigated', '2025-04-06', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
-- an investigated case may be dismissed too
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2003, 'investigated', '2025-04-08', '{101,111}');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2003, 'dismissed', '2025-04-09');
-- several steps in one statement are judged one after the other: a
-- repeated step is refused, the whole statement with it
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2005, 2, 501, 24, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2005, 'investigated', '2025-04-08', '{101,102}'),
       (2005, 'investigated', '2025-04-09', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2005, 'investigated', '2025-04-08', '{101,102}'),
       (2005, 'dismissed', '2025-04-09', NULL);
SELECT c.id, c.stage, array_agg(e.stage ORDER BY e.id) AS steps
FROM enforcement.cases c JOIN enforcement.case_events e ON e.case_id = c.id
GROUP BY c.id ORDER BY c.id;

-- ===========================================================================
-- 3. What an agency publishes: benchmarks, no-penalty items, the review
--    catalogue (EN207 published_entry_consistent, EN501)
-- ===========================================================================
-- EN207: bounds reversed, negative, not finite; an end before the
-- publication; published in the future or never; a look-back of 0 or 21
-- years; a negative threshold; a decision kind that does not exist
INSERT INTO enforcement.discretion_benchmarks (id, agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (971, NULL, 24, 'mitigated', 3000, 2000, '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.discretion_benchmarks (id, agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (972, NULL, 24, 'mitigated', -1, 2000, '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.discretion_benchmarks (id, agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (973, NULL, 24, 'mitigated', 1000, 'Infinity', '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.discretion_benchmarks (id, agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on, effective_to)
VALUES (974, NULL, 24, 'mitigated', 1000, 2000, '2024-01-01', '2023-12-31');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO enforcement.discretion_benchmarks (id, agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (975, NULL, 24, 'mitigated', 1000, 2000, current_date + 1);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
INSERT INTO enforcement.discretion_benchmarks (id, agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (976, NULL, 24, 'mitigated', 1000, 2000, 'infinity');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.leniency_items (id, agency_id, legal_basis_id, kind, lookback_years, published_on)
VALUES (977, 2, 24, 'first_offense_exempt', 0, '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.leniency_items (id, agency_id, legal_basis_id, kind, lookback_years, published_on)
VALUES (978, 2, 24, 'first_offense_exempt', 21, '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.review_catalog (id, agency_id, published_on, fine_at_least)
VALUES (979, 2, '2024-01-01', -1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.review_catalog (id, agency_id, published_on, decision_kinds)
VALUES (980, 2, '2024-01-01', '{revoke_license, demolish}');
\echo :LAST_ERROR_SQLSTATE
-- lawful: the bounds equal; a look-back of 20 years; the end set once, not
-- before today; then fixed
INSERT INTO enforcement.discretion_benchmarks (id, agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (906, NULL, 24, 'mitigated', 2000, 2000, '2024-01-01');
INSERT INTO enforcement.leniency_items (id, agency_id, legal_basis_id, kind, lookback_years, published_on)
VALUES (953, 3, 22, 'first_offense_exempt', 20, '2024-01-01');
UPDATE enforcement.discretion_benchmarks SET effective_to = current_date - 1 WHERE id = 906;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.discretion_benchmarks SET effective_to = current_date + 30 WHERE id = 906;
\set VERBOSITY terse
UPDATE enforcement.discretion_benchmarks SET effective_to = current_date + 60 WHERE id = 906;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
UPDATE enforcement.discretion_benchmarks SET fine_max = 200000 WHERE id = 906;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.leniency_items SET lookback_years = 3 WHERE id = 953;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.review_catalog SET fine_at_least = 1000000 WHERE id = 981;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.discretion_benchmarks WHERE id = 906;
\echo :LAST_ERROR_SQLSTATE

-- ===========================================================================
-- 4. Decisions.  The cases, each investigated and notified.
-- ===========================================================================
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids,
    party_kind, harm, corrected, endangers_life_or_finance, public_interest, complex)
VALUES
    -- benchmarks (CASE-3)
    (2010, 2, 501, 21, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2011, 2, 501, 21, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2012, 2, 501, 21, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2013, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2014, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2015, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2016, 2, 501, 21, '2024-05-02', '2024-05-01', NULL, '2024-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2017, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    -- what another agency publishes (9.)
    (2018, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2019, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', true, false, false, false),
    -- legal review (CASE-2)
    (2020, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, true, false),
    (2021, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, true),
    (2022, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, true, false),
    (2023, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2024, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,111}', 'organisation', 'none', false, false, true, false),
    (2025, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, true, false),
    (2026, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, true, false),
    -- limitation (CASE-5)
    (2030, 2, 501, 24, '2025-03-02', '2023-03-01', NULL, '2025-03-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2031, 2, 501, 24, '2025-03-02', '2023-03-01', NULL, '2025-03-02', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2032, 2, 501, 24, '2025-03-02', '2021-01-01', '2023-03-01', '2025-03-02', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2033, 2, 501, 24, '2025-03-02', '2021-01-01', '2023-03-02', '2025-03-02', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2034, 2, 501, 24, '2025-03-02', '2020-03-01', NULL, '2025-03-01', '{101,102}', 'organisation', 'minor', false, true, false, false),
    (2035, 2, 501, 24, '2025-03-02', '2020-03-01', NULL, '2025-03-02', '{101,102}', 'organisation', 'minor', false, true, false, false),
    (2036, 2, 501, 24, '2025-03-02', '2020-03-01', NULL, '2025-03-01', '{101,102}', 'organisation', 'none', false, true, false, false),
    (2037, 2, 501, 24, '2026-03-02', '2024-02-29', NULL, '2026-02-28', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2038, 2, 501, 24, '2026-03-02', '2024-02-29', NULL, '2026-03-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    -- no-penalty items (CASE-4)
    (2040, 2, 501, 21, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', true, false, false, false),
    (2041, 2, 501, 21, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'minor', true, false, false, false),
    (2050, 2, 503, 24, '2025-03-02', '2025-03-01', NULL, '2025-03-01', '{101,102}', 'organisation', 'serious', true, false, false, false),
    (2051, 2, 503, 24, '2025-03-02', '2025-03-01', NULL, '2025-03-01', '{101,102}', 'organisation', 'minor', true, false, false, false),
    (2052, 2, 503, 24, '2025-03-02', '2025-03-01', NULL, '2025-03-01', '{101,102}', 'organisation', 'none', true, false, false, false),
    -- hearings (CASE-6)
    (2060, 2, 502, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,111}', 'individual', 'none', false, false, false, false),
    (2061, 2, 502, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,111}', 'individual', 'none', false, false, false, false),
    (2062, 2, 501, 21, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2063, 2, 501, 21, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2064, 2, 501, 21, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false),
    -- disclosure (CASE-7)
    (2070, 2, 501, 24, '2025-09-01', '2025-08-20', NULL, '2025-08-30', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2071, 2, 501, 24, '2025-09-01', '2025-08-20', NULL, '2025-08-30', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2072, 2, 501, 24, '2025-09-01', '2025-08-20', NULL, '2025-08-30', '{101,102}', 'organisation', 'none', false, false, false, false),
    (2073, 2, 501, 24, '2025-09-01', '2025-08-20', NULL, '2025-08-30', '{101,102}', 'organisation', 'none', false, false, false, false),
    -- the compliance scan
    (2080, 2, 501, 24, '2025-05-02', '2025-05-01', NULL, '2025-05-01', '{101,102}', 'organisation', 'none', false, false, false, false);
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2101, 3, 501, 812, 22, '2025-04-02', '2025-03-20', '2025-04-01', '{106,108}');
-- the investigations (on the opening day), then the notices: a hearing
-- offered for 2023, 2061 and 2064
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
SELECT id, 'investigated', opened_on, handler_ids, '调查-' || id
FROM enforcement.cases WHERE stage = 'filed' AND id BETWEEN 2010 AND 2099 ORDER BY id;
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, hearing_offered, document_no)
SELECT id, 'notified', opened_on + 3, id IN (2023, 2061, 2064), '告知-' || id
FROM enforcement.cases WHERE stage = 'investigated' AND id BETWEEN 2010 AND 2099 ORDER BY id;
SELECT stage, count(*) FROM enforcement.cases GROUP BY stage ORDER BY stage;

-- ---------------------------------------------------------------------------
-- 4a. The stage and date of a decision (EN301); kind, circumstance and
--     amounts (EN207); time (EN207)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2004, 2, 501, 24, '2025-05-02', '2025-05-01', '2025-05-01', '{101,102}');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2004, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2004, 'investigated', '2025-05-02', '{101,102}');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2004, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2002, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2003, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- dated one day before the notice
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2017, '2025-05-04', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- EN207: a no-penalty decision with a fine, with a confiscation, not
-- exempt; a penalty exempt; a fine of nothing; negative or not a number
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2017, '2025-05-10', 'no_penalty', 100, 'exempt');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, confiscation_amount, circumstance)
VALUES (2017, '2025-05-10', 'no_penalty', 100, 'exempt');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2017, '2025-05-10', 'no_penalty', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2017, '2025-05-10', 'fine', 5000, 'exempt');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2017, '2025-05-10', 'fine', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2017, '2025-05-10', 'warning', -1, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2017, '2025-05-10', 'fine', 'NaN', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, confiscation_amount, circumstance)
VALUES (2017, '2025-05-10', 'confiscation', -100, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- NULLs, vocabulary, time
\set VERBOSITY terse
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2017, NULL, 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2017, '2025-05-10', 'fine', NULL, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2017, '2025-05-10', 'reprimand', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2017, 'infinity', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2017, current_date + 1, 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (999999, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- lawful: a warning on the day of the notice; it decides the case
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, document_no)
VALUES (3017, 2017, '2025-05-05', 'warning', 'ordinary', '定市监罚〔2025〕17号');
SELECT c.stage, e.occurred_on, e.document_no
FROM enforcement.cases c JOIN enforcement.case_events e ON e.case_id = c.id AND e.stage = 'decided'
WHERE c.id = 2017;
-- EN301: a second decision of the case (the unique key of case_id is
-- never reached: the case is decided)
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2017, '2025-05-06', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- 4b. Discretion benchmarks (CASE-3, EN304): bounds inclusive; the
--     agency's own benchmark hides the region's for its circumstance only
-- ---------------------------------------------------------------------------
-- basis 21 ordinary: the agency's own 903 (60000..90000) hides the
-- region's 901 (50000..100000)
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2010, '2025-05-10', 'fine', 59999.99, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2010, '2025-05-10', 'fine', 50000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3010, 2010, '2025-05-10', 'fine', 60000, 'ordinary');
-- the upper bound 90000 is in the review catalogue (from 80000): reviewed
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2011, '2025-05-10', 'fine', 90000.01, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2011, '2025-05-10', 'fine', 100000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result, opinion)
VALUES (4011, 2011, 109, '2025-05-06', '2025-05-08', 'approved', '事实清楚，证据确实充分，适用依据正确');
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3011, 2011, '2025-05-10', 'fine', 90000, 'ordinary');
-- basis 21 lenient: the agency publishes none, the region's 902
-- (50000..70000) holds
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2012, '2025-05-10', 'fine', 70000.01, 'lenient');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2012, '2025-05-10', 'fine', 49999.99, 'lenient');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3012, 2012, '2025-05-10', 'fine', 50000, 'lenient');
-- before the agency's own was published (2024-06-01) the region's holds
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3016, 2016, '2024-05-31', 'fine', 50000, 'ordinary');
-- basis 24 ordinary, the region's 904 (2000..20000) alone
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2013, '2025-05-10', 'fine', 1999.99, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3013, 2013, '2025-05-10', 'fine', 2000, 'ordinary');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2014, '2025-05-10', 'fine', 20000.01, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3014, 2014, '2025-05-10', 'fine', 20000, 'ordinary');
-- no benchmark for the circumstance (basis 24 lenient); 905 (severe)
-- ended on 2025-06-30; a warning needs none
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2015, '2025-05-10', 'fine', 5000, 'lenient');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2015, '2025-07-01', 'fine', 20000, 'severe');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3015, 2015, '2025-06-30', 'fine', 20000, 'severe');
-- another agency's case: no benchmark of its own, none of the region's
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2101, 'investigated', '2025-04-02', '{106,108}', '调查-2101');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2101, 'notified', '2025-04-05', '告知-2101');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2101, '2025-04-10', 'fine', 2000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, document_no)
VALUES (3101, 2101, '2025-04-10', 'warning', 'ordinary', '定应急罚〔2025〕1号');

-- ---------------------------------------------------------------------------
-- 4c. Legal review of major decisions (CASE-2, EN302, EN303, EN207, EN309)
-- ---------------------------------------------------------------------------
-- EN303 when the review is recorded: no designation (110); no
-- qualification (104); another agency's designated
-- reviewer (113) answers as an officer who does not exist; a handler of
-- the case (111); a reviewer who had left (114, left 2025-06-30)
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on)
VALUES (2020, 110, '2025-05-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on)
VALUES (2020, 104, '2025-05-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on)
VALUES (2020, 113, '2025-05-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on)
VALUES (2020, 999999, '2025-05-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on)
VALUES (2024, 111, '2025-05-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on)
VALUES (2020, 114, '2025-06-30');
\echo :LAST_ERROR_SQLSTATE
-- EN207: submitted before the case was opened; concluded_on and result
-- apart; concluded before submitted
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on)
VALUES (4901, 2020, 109, '2025-05-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on)
VALUES (4902, 2020, 109, '2025-05-06', '2025-05-07');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, result)
VALUES (4903, 2020, 109, '2025-05-06', 'approved');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result)
VALUES (4904, 2020, 109, '2025-05-06', '2025-05-05', 'approved');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on)
VALUES (2020, 109, current_date + 1);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on)
VALUES (2020, 109, '-infinity');
\echo :LAST_ERROR_SQLSTATE
-- EN302: a major decision (public interest) without a review
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2020, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- a review open: the opinion changes until it is concluded; the conclusion
-- is set once, not in the future; then the review is closed (EN309)
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, opinion)
VALUES (4020, 2020, 109, '2025-05-06', '初审');
UPDATE enforcement.legal_reviews SET opinion = '同意' WHERE id = 4020;
UPDATE enforcement.legal_reviews SET reviewer_id = 112 WHERE id = 4020;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
UPDATE enforcement.legal_reviews SET concluded_on = current_date + 1, result = 'approved' WHERE id = 4020;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
UPDATE enforcement.legal_reviews SET concluded_on = '2025-05-10' WHERE id = 4020;
\echo :LAST_ERROR_SQLSTATE
-- EN302 while the review is open
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2020, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.legal_reviews SET concluded_on = '2025-05-10', result = 'approved' WHERE id = 4020;
UPDATE enforcement.legal_reviews SET opinion = '改' WHERE id = 4020;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.legal_reviews SET result = 'rejected' WHERE id = 4020;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.legal_reviews SET concluded_on = '2025-05-09' WHERE id = 4020;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.legal_reviews WHERE id = 4020;
\echo :LAST_ERROR_SQLSTATE
-- lawful: the review concluded on the decision day
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3020, 2020, '2025-05-10', 'warning', 'ordinary');
-- EN302: a complex case, its review concluded the day after the decision;
-- decided on the day of the conclusion it is lawful
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result)
VALUES (4021, 2021, 109, '2025-05-06', '2025-05-11', 'approved');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2021, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3021, 2021, '2025-05-11', 'warning', 'ordinary');
-- EN302: the last review concluded by then decides: approved, then
-- rejected, then returned; a later approval is the last on its day
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result)
VALUES (4022, 2022, 109, '2025-05-06', '2025-05-07', 'approved'),
       (4023, 2022, 109, '2025-05-08', '2025-05-09', 'rejected');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2022, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result)
VALUES (4024, 2022, 109, '2025-05-10', '2025-05-10', 'returned');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2022, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result)
VALUES (4025, 2022, 109, '2025-05-11', '2025-05-12', 'approved');
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3022, 2022, '2025-05-12', 'warning', 'ordinary');
-- a hearing held makes the decision major
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2023, 'hearing', '2025-05-08', '听证-2023');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2023, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result)
VALUES (4026, 2023, 109, '2025-05-09', '2025-05-09', 'approved');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2023, 'reviewed', '2025-05-09', '审核-2023');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2023, '2025-05-08', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, document_no)
VALUES (3023, 2023, '2025-05-10', 'warning', 'ordinary', '定市监罚〔2025〕23号');
-- EN303 again by the decision: the reviewer lost the designation after
-- the review (112), or left before the decision (114)
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result)
VALUES (4027, 2024, 112, '2025-05-06', '2025-05-07', 'approved'),
       (4028, 2025, 114, '2025-06-28', '2025-06-29', 'approved');
UPDATE enforcement.officers SET legal_reviewer = false WHERE id = 112;
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2024, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2025, '2025-06-30', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3025, 2025, '2025-06-29', 'warning', 'ordinary');
UPDATE enforcement.officers SET legal_reviewer = true WHERE id = 112;
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3024, 2024, '2025-05-10', 'warning', 'ordinary');
-- the review catalogue (981): a fine from 80000 (79999.99 is not major,
-- 4f); a listed kind
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2063, '2025-05-10', 'fine', 80000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2063, '2025-05-10', 'revoke_license', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- reviewed, a revocation still needs the hearing offered (EN307 after EN302)
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result)
VALUES (4029, 2026, 109, '2025-05-06', '2025-05-06', 'approved');
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3926, 2026, '2025-05-10', 'revoke_license', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3026, 2026, '2025-05-10', 'warning', 'ordinary');

-- ---------------------------------------------------------------------------
-- 4d. Limitation (CASE-5, EN306): 2 years from the violation or its end
--     to its discovery, 5 where life or finance was endangered with harm
-- ---------------------------------------------------------------------------
-- exactly 2 years: lawful; 2 years and a day: EN306, but a no-penalty
-- decision is still made
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3030, 2030, '2025-03-10', 'fine', 5000, 'ordinary');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2031, '2025-03-10', 'fine', 5000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2031, '2025-03-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3031, 2031, '2025-03-10', 'no_penalty', 'exempt');
-- a continuing violation counts from its end
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2032, '2025-03-10', 'fine', 5000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3033, 2033, '2025-03-10', 'fine', 5000, 'ordinary');
-- endangering with harm: exactly 5 years lawful, 5 years and a day EN306;
-- endangering without harm: 2 years
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3034, 2034, '2025-03-10', 'fine', 5000, 'ordinary');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2035, '2025-03-10', 'fine', 5000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2036, '2025-03-10', 'fine', 5000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- from 29 February: 2 years end on 28 February
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3037, 2037, '2026-03-10', 'fine', 5000, 'ordinary');
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2038, '2026-03-10', 'fine', 5000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- 4e. No-penalty items (CASE-4, EN305); the applied item is filled in
-- ---------------------------------------------------------------------------
-- minor_exempt (952, agency 2, basis 21): no harm and corrected; a warning
-- is a penalty too
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2040, '2025-05-10', 'fine', 60000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2040, '2025-05-10', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- the writer's leniency_item_id is replaced by the item that applies
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, leniency_item_id)
VALUES (3040, 2040, '2025-05-10', 'no_penalty', 'exempt', 951);
-- minor harm: minor_exempt does not apply, a fine is lawful; a writer's
-- leniency_item_id on it is cleared
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance, leniency_item_id)
VALUES (3041, 2041, '2025-05-10', 'fine', 60000, 'ordinary', 952);
SELECT id, kind, leniency_item_id FROM enforcement.decisions
WHERE id IN (3031, 3040, 3041) ORDER BY id;
-- first_offense_exempt (951, region, basis 24, a look-back of 1 year), for
-- enterprise 503: an earlier penalty (2050, serious harm, no item applies)
-- on 2025-03-10
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3050, 2050, '2025-03-10', 'fine', 5000, 'ordinary');
-- just inside the look-back (exactly a year later): not a first offence,
-- the fine is lawful (rolled back)
BEGIN;
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2051, '2026-03-10', 'fine', 5000, 'ordinary');
SELECT kind, leniency_item_id FROM enforcement.decisions WHERE case_id = 2051;
ROLLBACK;
-- just outside (a year and a day): a first offence, EN305; not to
-- penalise is lawful, under item 951
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2051, '2026-03-11', 'fine', 5000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3051, 2051, '2026-03-11', 'no_penalty', 'exempt');
-- an earlier no-penalty decision is no earlier penalty: 2052 is a first
-- offence too
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance)
VALUES (2052, '2026-03-12', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3052, 2052, '2026-03-12', 'no_penalty', 'exempt');
SELECT decision_id, case_id, enterprise_id, legal_basis_id, leniency_item_id, kind, decided_on
FROM enforcement.v_leniency_ledger ORDER BY decision_id;

-- ---------------------------------------------------------------------------
-- 4f. Hearings (CASE-6, EN307): kinds, and fine plus confiscation at the
--     threshold of the party's kind (5000 individual, 100000 organisation)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3960, 2060, '2025-05-10', 'fine', 5000, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3060, 2060, '2025-05-10', 'fine', 4999.99, 'ordinary');
-- offered at notice, not held: lawful at the threshold
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3061, 2061, '2025-05-10', 'fine', 5000, 'ordinary');
-- an organisation: 70000 fine + 30000 confiscation reaches 100000
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, confiscation_amount, circumstance)
VALUES (3962, 2062, '2025-05-10', 'fine', 70000, 30000, 'lenient');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, confiscation_amount, circumstance)
VALUES (3062, 2062, '2025-05-10', 'fine', 70000, 29999.99, 'lenient');
-- a hearing-eligible kind, whatever the amount
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3963, 2063, '2025-05-10', 'suspend_license', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3964, 2063, '2025-05-10', 'restrict_practice', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3965, 2063, '2025-05-10', 'lower_qualification', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
-- a cent below the catalogue's 80000: neither major nor hearing-eligible
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3063, 2063, '2025-05-10', 'fine', 79999.99, 'ordinary');
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance)
VALUES (3064, 2064, '2025-05-10', 'suspend_license', 'ordinary');

-- ---------------------------------------------------------------------------
-- 4g. Payments (CASE-9, EN308, EN207): decision 3030 fined 5000
-- ---------------------------------------------------------------------------
-- on site without a reason only a fine within the limit (处罚法 Art 68):
-- the fine of 5000 is not, however small the payment
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector, receipt_no)
VALUES (3030, 100, '2025-03-10', 'onsite', 'R-1');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector, receipt_no)
VALUES (3030, 100, '2025-03-10', 'e_payment', 'R-1');
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector, receipt_no)
VALUES (3030, 100.01, '2025-03-10', 'onsite', 'R-2');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector, onsite_reason, receipt_no)
VALUES (3030, 100.01, '2025-03-10', 'onsite', E' \u3000', 'R-2');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector, onsite_reason, receipt_no)
VALUES (3030, 100.01, '2025-03-10', 'onsite', '当事人在边远地区，事后缴纳确有困难', 'R-2');
-- EN207: nothing, a negative amount, paid before the decision
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector)
VALUES (5901, 3030, 0, '2025-03-11', 'designated_bank');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector)
VALUES (5902, 3030, -1, '2025-03-11', 'designated_bank');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector)
VALUES (5903, 3030, 100, '2025-03-09', 'designated_bank');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector)
VALUES (3030, 100, current_date + 1, 'designated_bank');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector)
VALUES (3030, 100, 'infinity', 'designated_bank');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector)
VALUES (3030, 100, '2025-03-11', 'cash_box');
\echo :LAST_ERROR_SQLSTATE
-- the sum at exactly twice the fine (10000) is lawful, a cent more is not
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector)
VALUES (3030, 9799.99, '2025-04-10', 'designated_bank');
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector)
VALUES (3030, 0.01, '2025-04-11', 'e_payment');
\echo :LAST_ERROR_SQLSTATE
-- two payments in one statement are summed one after the other
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector)
VALUES (3013, 2000, '2025-05-11', 'e_payment'), (3013, 2000.01, '2025-05-11', 'e_payment');
\echo :LAST_ERROR_SQLSTATE
SELECT decision_id, count(*), sum(amount) FROM enforcement.payments GROUP BY decision_id;
-- nothing is owed on a warning
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector)
VALUES (3017, 0.01, '2025-05-10', 'e_payment');
\echo :LAST_ERROR_SQLSTATE
-- EN501: fixed, never deleted
UPDATE enforcement.payments SET amount = 1 WHERE decision_id = 3030;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
DELETE FROM enforcement.payments WHERE decision_id = 3030;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default

-- ---------------------------------------------------------------------------
-- 4h. A decision is closed (CASE-10, EN309): only disclosed_on, set once,
--     on or after decided_on
-- ---------------------------------------------------------------------------
UPDATE enforcement.decisions SET disclosed_on = '2025-05-09' WHERE id = 3010;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
UPDATE enforcement.decisions SET disclosed_on = current_date + 1 WHERE id = 3010;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
UPDATE enforcement.decisions SET disclosed_on = 'infinity' WHERE id = 3010;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.decisions SET disclosed_on = '2025-05-10' WHERE id = 3010;
UPDATE enforcement.decisions SET disclosed_on = '2025-05-11' WHERE id = 3010;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.decisions SET disclosed_on = NULL WHERE id = 3010;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.decisions SET fine_amount = 60001 WHERE id = 3010;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.decisions SET kind = 'warning', fine_amount = 0 WHERE id = 3013;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.decisions SET decided_on = '2025-05-11' WHERE id = 3013;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.decisions SET leniency_item_id = 952 WHERE id = 3041;
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.decisions SET document_no = '改' WHERE id = 3017;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM enforcement.decisions WHERE id = 3013;
\echo :LAST_ERROR_SQLSTATE
-- disclosed at the insert: not before the decision
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, disclosed_on)
VALUES (3973, 2073, '2025-09-26', 'warning', 'ordinary', '2025-09-25');
\echo :LAST_ERROR_SQLSTATE
-- after the decision the case is served, then closed; nothing after
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2017, 'closed', '2025-05-06', '结案-2017');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2017, 'served', '2025-05-04', '送达-2017');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2017, 'served', '2025-05-06', '送达-2017');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2017, 'executed', '2025-05-07', '执行-2017');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2017, 'closed', '2025-05-08', '结案-2017');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2017, 'executed', '2025-05-09');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2017, 'closed', '2025-05-09');
\echo :LAST_ERROR_SQLSTATE

-- ===========================================================================
-- 5. Disclosure across the 2025 National Day holiday (CASE-7): decided
--    Friday 2025-09-26; working days 09-28 (make-up Sunday), 09-29, 09-30,
--    10-09, 10-10, 10-11 (make-up Saturday), 10-13: due on 2025-10-13
-- ===========================================================================
SELECT day, kind FROM enforcement.calendar
WHERE day BETWEEN '2025-09-26' AND '2025-10-13' ORDER BY day;
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, document_no, disclosed_on)
VALUES (3070, 2070, '2025-09-26', 'warning', 'ordinary', '定市监罚〔2025〕70号', '2025-09-26'),
       (3071, 2071, '2025-09-26', 'warning', 'ordinary', '定市监罚〔2025〕71号', NULL),
       (3072, 2072, '2025-09-26', 'warning', 'ordinary', '定市监罚〔2025〕72号', NULL),
       (3073, 2073, '2025-09-26', 'warning', 'ordinary', '定市监罚〔2025〕73号', NULL);
UPDATE enforcement.decisions SET disclosed_on = '2025-10-13' WHERE id = 3071;
UPDATE enforcement.decisions SET disclosed_on = '2025-10-14' WHERE id = 3072;
SELECT enforcement.add_working_days('2025-09-26', 7) AS due_on;
-- listed: disclosed the day after the due day, and never disclosed
SELECT decision_id, agency_id, decided_on, due_on, disclosed_on
FROM enforcement.v_overdue_disclosures
WHERE decision_id BETWEEN 3070 AND 3073 ORDER BY decision_id;

-- ===========================================================================
-- 6. The views of cases (no column depends on today: booleans, or the
--    rows filtered explicitly)
-- ===========================================================================
SELECT decision_id, case_id, agency_id, decided_on, kind, major_because, major,
       reviewed, reviewer_id, concluded_on
FROM enforcement.v_legal_review_register ORDER BY decision_id;
-- the functions agree with the register and with the trigger
SELECT d.id, enforcement.decision_major(d.id) AS major_because,
       enforcement.decision_review(d.id) AS review_id
FROM enforcement.decisions d
WHERE enforcement.decision_major(d.id) IS NOT NULL ORDER BY d.id;
SELECT enforcement.decision_major(999999) AS none, enforcement.decision_review(999999) AS none;
-- open cases past 90 days from their opening (all the open ones here)
SELECT case_id, agency_id, opened_on, stage, due_on, due_on = opened_on + 90 AS ninety,
       days_overdue = current_date - due_on AS days, days_overdue > 0 AS overdue
FROM enforcement.v_overdue_cases ORDER BY case_id;
-- no decided or dismissed case is listed
SELECT count(*) AS listed_closed FROM enforcement.v_overdue_cases o
JOIN enforcement.cases c ON c.id = o.case_id
WHERE c.stage NOT IN ('filed', 'investigated', 'notified', 'hearing', 'reviewed');
SELECT agency_id, decisions, disclosed_on_time, major_decisions, reviewed_major,
       cases, cases_with_full_record
FROM enforcement.v_three_systems ORDER BY agency_id;
-- every act here is dated long before it is recorded: all are late (the
-- step decided is its decision's)
SELECT table_name, count(*) AS late, bool_and(recorded_on = current_date) AS today,
       bool_and(lag_days = current_date - act_date) AS lag
FROM enforcement.v_late_records
WHERE table_name IN ('cases', 'case_events', 'legal_reviews', 'decisions', 'payments')
GROUP BY table_name ORDER BY table_name;
SELECT (SELECT count(*) FROM enforcement.case_events WHERE stage <> 'decided') AS steps,
       (SELECT count(*) FROM enforcement.legal_reviews) AS reviews;

-- ===========================================================================
-- 7. Warn mode: a decision let through is listed by the compliance scan
-- ===========================================================================
SET enforcement.mode = 'warn';
SET client_min_messages = error;
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3080, 2080, '2025-05-10', 'fine', 30000, 'ordinary');
RESET client_min_messages;
RESET enforcement.mode;
SELECT code, table_name, row_id FROM enforcement.violations
WHERE table_name = 'decisions' ORDER BY id;
SELECT code, rule, table_name, row_id, agency_id
FROM enforcement.compliance_scan()
WHERE table_name IN ('cases', 'case_events', 'legal_reviews', 'decisions', 'payments')
ORDER BY table_name, row_id, code;
-- the scan lists only what breaks a rule now: no lawful decision
SELECT count(*) AS lawful_listed FROM enforcement.compliance_scan()
WHERE table_name = 'decisions' AND row_id <> 3080;

-- ===========================================================================
-- 8. A handler's certificate suspended, dated back over a case already
--    opened: accepted, the case and its step are listed (a late fact), and
--    no new case or step in the suspended days is lawful, even after the
--    certificate is active again
-- ===========================================================================
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2090, 2, 502, 24, '2025-08-10', '2025-08-01', '2025-08-09', '{101,111}'),
       (2091, 2, 502, 24, '2025-07-31', '2025-07-01', '2025-07-30', '{101,111}');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2090, 'investigated', '2025-08-12', '{101,111}', '调查-2090');
\set VERBOSITY terse
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-08-01'
WHERE id = 1011;
\set VERBOSITY default
SELECT enforcement.officer_certified(111, 2, '2025-07-31') AS before,
       enforcement.officer_certified(111, 2, '2025-08-15') AS suspended;
SELECT v.code, v.table_name,
       coalesce((SELECT e.case_id FROM enforcement.case_events e WHERE e.id = v.row_id), v.row_id) AS case_id
FROM enforcement.violations v
WHERE v.table_name IN ('cases', 'case_events') ORDER BY v.id;
-- the scan lists the case and its investigation (docs/rules.md, "Facts over
-- time": an investigation is listed by the scan, without a warning)
SELECT s.code, s.table_name,
       coalesce((SELECT e.case_id FROM enforcement.case_events e WHERE e.id = s.row_id), s.row_id) AS case_id
FROM enforcement.compliance_scan() s
WHERE s.table_name IN ('cases', 'case_events') ORDER BY 2, 3;
-- a new case and a step in those days: EN102
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 502, 24, '2025-08-15', '2025-08-01', '2025-08-10', '{101,111}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2091, 'investigated', '2025-08-20', '{101,111}');
\echo :LAST_ERROR_SQLSTATE
-- active again from 2025-09-01: the suspended days stay uncertified
UPDATE enforcement.certificates SET status = 'active', status_since = '2025-09-01'
WHERE id = 1011;
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 502, 24, '2025-08-15', '2025-08-01', '2025-08-10', '{101,111}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids)
VALUES (2091, 'investigated', '2025-08-31', '{101,111}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2091, 'investigated', '2025-09-01', '{101,111}', '调查-2091');
SELECT id, stage FROM enforcement.cases WHERE id IN (2090, 2091) ORDER BY id;

-- ===========================================================================
-- 9. Row security: a writer for agency 2 and one for agency 3
-- ===========================================================================
CREATE ROLE en_test_cases_market;
CREATE ROLE en_test_cases_safety;
GRANT enforcement_writer TO en_test_cases_market, en_test_cases_safety;
INSERT INTO enforcement.agency_members (role_name, agency_id)
VALUES ('en_test_cases_market', 2), ('en_test_cases_safety', 3);
SET ROLE en_test_cases_safety;
-- its own rows only; the region's benchmarks and items, not agency 2's
SELECT id, agency_id, stage FROM enforcement.cases ORDER BY id;
SELECT count(*) AS events, count(*) FILTER (WHERE agency_id <> 3) AS others
FROM enforcement.case_events;
SELECT id, agency_id FROM enforcement.decisions ORDER BY id;
SELECT count(*) AS reviews FROM enforcement.legal_reviews;
SELECT count(*) AS payments FROM enforcement.payments;
SELECT id, agency_id FROM enforcement.discretion_benchmarks ORDER BY id;
SELECT id, agency_id FROM enforcement.leniency_items ORDER BY id;
SELECT count(*) AS catalogue FROM enforcement.review_catalog;
SELECT decision_id, agency_id, major FROM enforcement.v_legal_review_register;
SELECT count(*) AS ledger FROM enforcement.v_leniency_ledger;
SELECT case_id FROM enforcement.v_overdue_cases;
SELECT count(*) AS overdue FROM enforcement.v_overdue_disclosures;
SELECT agency_id, decisions, cases FROM enforcement.v_three_systems;
SELECT enforcement.decision_major(3020) AS other_agency, enforcement.decision_review(3020) AS other_agency,
       enforcement.may_see_agency(2) AS sees_2, enforcement.may_see_agency(3) AS sees_3;
-- another agency's case, decision or reviewer answers as one that does
-- not exist
INSERT INTO enforcement.case_events (case_id, stage, occurred_on) VALUES (3023, 'served', '2025-05-12');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on) VALUES (2023, 'served', '2025-05-12');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on) VALUES (999999, 'served', '2025-05-12');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on) VALUES (2063, 113, '2025-05-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on) VALUES (999999, 113, '2025-05-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (case_id, decided_on, kind, circumstance) VALUES (2063, '2025-05-12', 'warning', 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector) VALUES (3010, 1, '2025-05-12', 'e_payment');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.payments (decision_id, amount, paid_on, collector) VALUES (999999, 1, '2025-05-12', 'e_payment');
\echo :LAST_ERROR_SQLSTATE
-- agency 2's reviewer on its own case (EN303), then its own reviewer
INSERT INTO enforcement.legal_reviews (case_id, reviewer_id, submitted_on) VALUES (2101, 109, '2025-04-06');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on) VALUES (4101, 2101, 113, '2025-04-06');
-- a case of another agency (EN503); the stage (no UPDATE on cases);
-- the region's lists are the DBA's (EN503)
INSERT INTO enforcement.cases (agency_id, enterprise_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids)
VALUES (2, 501, 21, '2025-04-02', '2025-03-20', '2025-04-01', '{101,102}');
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.cases SET stage = 'closed' WHERE id = 2101;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.discretion_benchmarks (agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (NULL, 22, 'ordinary', 1000, 5000, '2025-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.leniency_items (agency_id, legal_basis_id, kind, published_on)
VALUES (NULL, 22, 'minor_exempt', '2025-01-01');
\echo :LAST_ERROR_SQLSTATE
UPDATE enforcement.discretion_benchmarks SET effective_to = current_date + 10 WHERE id = 901;
SELECT count(*) AS region_rows_changed FROM enforcement.discretion_benchmarks
WHERE id = 901 AND effective_to IS NOT NULL;
-- what it publishes is its own: a benchmark, a no-penalty item and a
-- review catalogue under basis 24, which agency 2 decides under
INSERT INTO enforcement.discretion_benchmarks (id, agency_id, legal_basis_id, circumstance,
    fine_min, fine_max, published_on)
VALUES (907, 3, 24, 'lenient', 1000, 10000, '2025-01-01');
INSERT INTO enforcement.leniency_items (id, agency_id, legal_basis_id, kind, published_on)
VALUES (954, 3, 24, 'minor_exempt', '2025-01-01');
INSERT INTO enforcement.review_catalog (id, agency_id, published_on, fine_at_least)
VALUES (982, 3, '2025-01-01', 1);
-- agency_id is the parent's, not the writer's choice
INSERT INTO enforcement.case_events (case_id, agency_id, stage, occurred_on) VALUES (2101, 2, 'served', '2025-04-12');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SET ROLE en_test_cases_market;
SELECT count(*) FILTER (WHERE agency_id = 2) AS own, count(*) FILTER (WHERE agency_id <> 2) AS others
FROM enforcement.cases;
SELECT count(*) FILTER (WHERE agency_id <> 2) AS others FROM enforcement.decisions;
SELECT count(*) FILTER (WHERE agency_id <> 2) AS others FROM enforcement.legal_reviews;
SELECT id, agency_id FROM enforcement.discretion_benchmarks ORDER BY id;
SELECT id, agency_id FROM enforcement.leniency_items ORDER BY id;
SELECT count(*) FILTER (WHERE agency_id <> 2) AS others FROM enforcement.v_legal_review_register;
SELECT agency_id, decisions, cases FROM enforcement.v_three_systems;
SELECT count(*) FILTER (WHERE agency_id <> 2) AS others FROM enforcement.compliance_scan();
-- the writer records the steps of its own cases (a decision's id is no
-- case), never the step decided, never under another agency
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (3010, 'served', '2025-05-12', '送达-2010');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2010, 'served', '2025-05-12', '送达-2010');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2080, 'decided', '2025-05-12', '决定-2080');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.case_events (case_id, agency_id, stage, occurred_on) VALUES (2010, 3, 'executed', '2025-05-13');
\echo :LAST_ERROR_SQLSTATE
-- another agency's benchmark, no-penalty item and catalogue do not apply:
-- no benchmark for basis 24 lenient; a first offence it is not (3030),
-- and agency 3's minor_exempt is not agency 2's; not major
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2018, '2025-05-12', 'fine', 5000, 'lenient');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3018, 2018, '2025-05-12', 'fine', 5000, 'ordinary');
-- two decisions of a case in one statement: never both (the second meets
-- the unique key of case_id)
INSERT INTO enforcement.decisions (case_id, decided_on, kind, fine_amount, circumstance)
VALUES (2019, '2025-05-12', 'fine', 5000, 'ordinary'), (2019, '2025-05-13', 'warning', 0, 'ordinary');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance)
VALUES (3019, 2019, '2025-05-12', 'fine', 5000, 'ordinary');
SELECT id, agency_id, leniency_item_id, enforcement.decision_major(id) AS major_because
FROM enforcement.decisions WHERE id IN (3018, 3019) ORDER BY id;
RESET ROLE;
SELECT id, stage FROM enforcement.cases WHERE id IN (2010, 2101) ORDER BY id;

SELECT ok FROM enforcement.verify_process_log();
DROP OWNED BY en_test_cases_market, en_test_cases_safety;
DROP ROLE en_test_cases_market, en_test_cases_safety;
