\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

-- Agency scope at its edges: what a writer's look-ups may learn, row
-- security turned off by a role that is not restoring, what a restore may
-- not do, the node id in warn mode, and memberships that change inside a
-- transaction (EN503, EN501, OFF-1, OFF-3).  The locks a writer's look-ups
-- do or do not take are shown by the isolation spec writer_lookup_locks.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SELECT plan(15);

INSERT INTO enforcement.agencies (id, code, name, kind, region_code, legal_authority,
    confirmed_on, disclosed_on)
VALUES (2, 'SCJG', '市场监督管理局', 'statutory', '371703', '食品安全法 第六条', '2023-01-01', '2023-01-10'),
       (3, 'YJJ', '应急管理局', 'statutory', '371703', '安全生产法 第十条', '2023-01-01', '2023-01-10');
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (101, 2, '张伟', 'established', true, '2022-06-01'),
       (103, 2, '辅助', 'auxiliary', true, NULL),
       (201, 3, '王芳', 'established', true, '2022-06-01');
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1001, 101, 'N-1001', '2023-03-01', '2023-03-01', '2035-12-31'),
       (2001, 201, 'N-2001', '2023-03-01', '2023-03-01', '2035-12-31');
CREATE ROLE tap_scope_w IN ROLE enforcement_writer;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('tap_scope_w', 2);

-- A writer may ask about another agency, a public fact; it learns nothing
-- of another agency's officers: they answer as officers that do not exist.
SET LOCAL ROLE tap_scope_w;
SELECT is(enforcement.agency_may_act(3, '2024-01-01'), true,
          'a writer may ask whether another (disclosed) agency may act');
SELECT is(enforcement.officer_certified(201, 3, '2024-01-01'), false,
          'another agency''s certified officer answers as one that does not exist');
SELECT is(enforcement.officer_certified(201, 2, '2024-01-01'), false,
          'an officer of another agency is not certified for the writer''s own');
SELECT is(enforcement.officer_certified(101, 2, '2024-01-01'), true,
          'the writer''s own officer answers');
SELECT is((SELECT agency_id FROM enforcement.certificates WHERE id = 1001), 2::bigint,
          'a certificate carries its officer''s agency');
RESET ROLE;
SELECT is(enforcement.officer_certified(201, 3, '2024-01-01'), true,
          'an administrator learns about every agency''s officers');

-- row_security off is a restore only for a superuser: a BYPASSRLS writer
-- that turns it off is refused as anyone is.
CREATE ROLE tap_scope_bypass BYPASSRLS IN ROLE enforcement_writer;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('tap_scope_bypass', 2);
SET LOCAL ROLE tap_scope_bypass;
SET LOCAL row_security = off;
SELECT throws_ok($$INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
                   VALUES (103, 'N-1003', '2023-03-01', '2023-03-01', '2035-12-31')$$,
                 'EN103', NULL, 'OFF-1 holds for a BYPASSRLS writer with row_security off');
SELECT throws_ok($$INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
                   VALUES (101, 'N-1011', '2024-03-01', '2024-03-01', '2035-12-31')$$,
                 'EN104', NULL, 'and so does OFF-3');
RESET row_security;
RESET ROLE;

-- A superuser with row_security off is restoring: it may insert into the
-- record, but not remove records or change what was written.
SET LOCAL row_security = off;
SELECT throws_ok($$DELETE FROM enforcement.officers WHERE id = 103$$, 'EN501', NULL,
                 'a restore does not delete records');
SELECT throws_ok($$UPDATE enforcement.process_log SET db_user = 'x'$$, 'EN501', NULL,
                 'nor change the process record');
SELECT throws_ok($$DELETE FROM enforcement.chain_heads$$, 'EN501', NULL,
                 'nor remove chain heads');
RESET row_security;

-- The node id is fixed in every mode.
SELECT is(enforcement.set_node_id(4), 4, 'the node id is set');
SET LOCAL enforcement.mode = 'warn';
SELECT throws_ok($$UPDATE enforcement.installation SET node_id = 5$$, 'EN501', NULL,
                 'warn mode does not let the node id change');
RESET enforcement.mode;

-- A membership revoked in the transaction counts from the next command.
CREATE ROLE tap_scope_group3;
CREATE ROLE tap_scope_w3 IN ROLE enforcement_writer, tap_scope_group3;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('tap_scope_group3', 3);
SET LOCAL ROLE tap_scope_w3;
SELECT results_eq($$SELECT id FROM enforcement.officers$$, ARRAY[201::bigint],
                  'a member of the group for agency 3 sees its officer');
RESET ROLE;
REVOKE tap_scope_group3 FROM tap_scope_w3;
SET LOCAL ROLE tap_scope_w3;
SELECT is_empty($$UPDATE enforcement.officers SET name = 'x' WHERE id = 201 RETURNING id$$,
                'after the membership is revoked, the officer is out of reach');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
