-- SUBJ-1 agency_may_act() and OFF-2 officer_certified().
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION enforcement;
SET LOCAL client_min_messages = warning;

SELECT plan(57);

-- Agencies: one per way of failing SUBJ-1, and lawful ones.
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (1, 'SFJ', '司法局', 'justice_bureau', NULL, '371703',
     '山东省行政执法监督条例 第五条', '2023-01-01', '2023-01-05', NULL),
    (2, 'SCJG', '市场监督管理局', 'statutory', NULL, '371703',
     '食品安全法 第六条', '2023-01-01', '2023-01-10', NULL),
    (3, 'YJJ', '应急管理局', 'authorized', NULL, '371703',
     '安全生产法 第十条', '2023-01-01', '2023-01-10', NULL),
    (4, 'NOAUTH', '无依据', 'statutory', NULL, '371703',
     NULL, '2023-01-01', '2023-01-10', NULL),
    (5, 'BLANK', '空白依据', 'statutory', NULL, '371703',
     E'  \t\r\n ', '2023-01-01', '2023-01-10', NULL),
    (6, 'NOCONF', '未确认', 'statutory', NULL, '371703',
     '某法', NULL, '2023-01-10', NULL),
    (7, 'NODISC', '未公告', 'statutory', NULL, '371703',
     '某法', '2023-01-01', NULL, NULL),
    (8, 'DISS', '已撤销', 'statutory', NULL, '371703',
     '某法', '2023-01-01', '2023-01-10', '2024-06-30'),
    (9, 'WT', '受委托组织', 'entrusted', 2, '371703',
     '委托书', '2024-03-01', '2024-03-05', NULL),
    (10, 'WT-NONE', '无委托机关', 'entrusted', NULL, '371703',
     '委托书', '2024-03-01', '2024-03-05', NULL),
    (11, 'WT-WT', '转委托', 'entrusted', 9, '371703',
     '委托书', '2024-04-01', '2024-04-05', NULL),
    (12, 'WT-DISS', '委托机关已撤销', 'entrusted', 8, '371703',
     '委托书', '2024-03-01', '2024-03-05', NULL),
    (13, 'WT-SFJ', '司法局委托', 'entrusted', 1, '371703',
     '委托书', '2024-03-01', '2024-03-05', NULL),
    (14, 'WT-EARLY', '委托早于委托机关', 'entrusted', 2, '371703',
     '委托书', '2022-01-01', '2022-01-01', NULL);

-- ---------------------------------------------------------------------------
-- SUBJ-1: lawful (6)
-- ---------------------------------------------------------------------------
SELECT is(enforcement.agency_may_act(2, '2024-06-01'), true,
          'statutory agency, confirmed and disclosed, may act');
SELECT is(enforcement.agency_may_act(2, '2023-01-10'), true,
          'statutory agency may act on its disclosure day');
SELECT is(enforcement.agency_may_act(3, '2024-06-01'), true,
          'authorized organisation, confirmed and disclosed, may act');
SELECT is(enforcement.agency_may_act(9, '2024-06-01'), true,
          'entrusted agency whose entruster may act may act');
SELECT is(enforcement.agency_may_act(9, '2024-03-05'), true,
          'entrusted agency may act on its own disclosure day');
SELECT is(enforcement.agency_may_act(14, '2024-06-01'), true,
          'entrusted agency may act once its entruster may act');

-- ---------------------------------------------------------------------------
-- SUBJ-1: every failing case (22)
-- ---------------------------------------------------------------------------
SELECT is(enforcement.agency_may_act(1, '2024-06-01'), false,
          'a justice bureau may not act as an enforcer');
SELECT is(enforcement.agency_may_act(4, '2024-06-01'), false,
          'no legal authority (NULL): may not act');
SELECT is(enforcement.agency_may_act(5, '2024-06-01'), false,
          'blank legal authority: may not act');
SELECT is(enforcement.agency_may_act(6, '2024-06-01'), false,
          'never confirmed: may not act');
SELECT is(enforcement.agency_may_act(2, '2022-12-31'), false,
          'not confirmed yet on the day: may not act');
SELECT is(enforcement.agency_may_act(7, '2024-06-01'), false,
          'never disclosed: may not act');
SELECT is(enforcement.agency_may_act(2, '2023-01-09'), false,
          'confirmed but not disclosed yet on the day: may not act');
SELECT is(enforcement.agency_may_act(8, '2024-06-29'), true,
          'the day before dissolution: may act');
SELECT is(enforcement.agency_may_act(8, '2024-06-30'), false,
          'on the dissolution day: may not act');
SELECT is(enforcement.agency_may_act(8, '2025-01-01'), false,
          'after dissolution: may not act');
SELECT is(enforcement.agency_may_act(10, '2024-06-01'), false,
          'entrusted agency without an entrusting agency: may not act');
SELECT is(enforcement.agency_may_act(11, '2024-06-01'), false,
          'entrusted by an entrusted agency: may not act');
SELECT is(enforcement.agency_may_act(12, '2024-06-29'), true,
          'entrusted by an agency the day before it is dissolved: may act');
SELECT is(enforcement.agency_may_act(12, '2024-06-30'), false,
          'entrusted by an agency dissolved on the day: may not act');
SELECT is(enforcement.agency_may_act(12, '2024-12-31'), false,
          'entrusted by an agency dissolved before the day: may not act');
SELECT is(enforcement.agency_may_act(13, '2024-06-01'), false,
          'entrusted by a justice bureau: may not act');
SELECT is(enforcement.agency_may_act(14, '2022-06-01'), false,
          'entrusted agency whose entruster is not confirmed yet: may not act');
SELECT is(enforcement.agency_may_act(9, '2024-03-04'), false,
          'entrusted agency not disclosed yet, though its entruster may act');
SELECT is(enforcement.agency_may_act(999999, '2024-06-01'), false,
          'unknown agency: may not act');
SELECT is(enforcement.agency_may_act(NULL, '2024-06-01'), NULL,
          'NULL agency: NULL (strict)');
SELECT is(enforcement.agency_may_act(2, NULL), NULL,
          'NULL date: NULL (strict)');

-- dissolving the entruster later takes the entrusted agency down with it
UPDATE enforcement.agencies SET dissolved_on = '2024-09-01' WHERE id = 2;
SELECT is(enforcement.agency_may_act(9, '2024-09-01'), false,
          'entrusted agency may not act once its entruster is dissolved');

-- ---------------------------------------------------------------------------
-- OFF-2 officer_certified (29)
-- ---------------------------------------------------------------------------
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES
    (101, 3, '张伟', 'established', true, '2022-06-01'),
    (102, 3, '王芳', 'established', true, '2022-06-01'),
    (103, 3, '李强', 'established', true, '2022-06-01'),
    (104, 3, '刘洋', 'established', true, '2022-06-01'),
    (105, 3, '陈静', 'established', true, '2022-06-01');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1001, 101, 'C-1001', '2023-03-01', '2023-03-01', '2028-12-31'),
    (1002, 102, 'C-1002', '2023-03-01', '2023-03-01', '2028-12-31'),
    (1003, 103, 'C-1003', '2023-03-01', '2023-03-01', '2028-12-31'),
    (1004, 104, 'C-1004', '2023-03-01', '2023-03-01', '2028-12-31');

-- suspended and revoked as of 2024-05-01
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2024-05-01'
WHERE id = 1002;
UPDATE enforcement.certificates SET status = 'revoked', status_since = '2024-05-01'
WHERE id = 1003;
-- officer 104 leaves on 2024-03-01 (OFF-4 revokes as of that day); a
-- departure is final: it is never moved or undone
UPDATE enforcement.officers SET left_on = '2024-03-01' WHERE id = 104;

SELECT is(enforcement.officer_certified(101, 3, '2024-06-01'), true,
          'officer of the agency with a valid certificate is certified');
SELECT is(enforcement.officer_certified(101, 2, '2024-06-01'), false,
          'not certified for another agency');
SELECT is(enforcement.officer_certified(101, 3, '2023-02-28'), false,
          'not certified before valid_from');
SELECT is(enforcement.officer_certified(101, 3, '2023-03-01'), true,
          'certified on valid_from');
SELECT is(enforcement.officer_certified(101, 3, '2028-12-31'), true,
          'certified on valid_to');
SELECT is(enforcement.officer_certified(101, 3, '2029-01-01'), false,
          'not certified after valid_to');

SELECT is(enforcement.officer_certified(102, 3, '2024-04-30'), true,
          'suspension after the day: certified that day');
SELECT is(enforcement.officer_certified(102, 3, '2024-05-01'), false,
          'suspended on the day: not certified');
SELECT is(enforcement.officer_certified(102, 3, '2024-06-01'), false,
          'suspended before the day: not certified');

SELECT is(enforcement.officer_certified(103, 3, '2024-04-30'), true,
          'revocation after the day: certified that day');
SELECT is(enforcement.officer_certified(103, 3, '2024-05-01'), false,
          'revoked on the day: not certified');
SELECT is(enforcement.officer_certified(103, 3, '2024-06-01'), false,
          'revoked before the day: not certified');

SELECT is((SELECT status || ' ' || status_since FROM enforcement.certificates WHERE id = 1004),
          'revoked 2024-03-01', 'the departing officer''s certificate was revoked as of 2024-03-01');
SELECT throws_ok($$UPDATE enforcement.officers SET left_on = '2024-05-01' WHERE id = 104$$,
          'EN501', 'this value is set once and fixed after (REC-2)',
          'a departure is never moved');
SELECT throws_ok($$UPDATE enforcement.officers SET left_on = NULL WHERE id = 104$$,
          'EN501', 'this value is set once and fixed after (REC-2)',
          'a departure is never undone');
SELECT is(enforcement.officer_certified(104, 3, '2024-02-29'), true,
          'officer leaving after the day: certified that day');
SELECT is(enforcement.officer_certified(104, 3, '2024-03-01'), false,
          'officer left on the day: not certified');
SELECT is(enforcement.officer_certified(104, 3, '2024-04-01'), false,
          'officer left before the day: not certified');

SELECT is(enforcement.officer_certified(105, 3, '2024-06-01'), false,
          'officer without a certificate: not certified');
SELECT is(enforcement.officer_certified(999999, 3, '2024-06-01'), false,
          'unknown officer: not certified');
SELECT is(enforcement.officer_certified(101, 999999, '2024-06-01'), false,
          'unknown agency: not certified');
SELECT is(enforcement.officer_certified(NULL, 3, '2024-06-01'), NULL,
          'NULL officer: NULL (strict)');

-- a revoked certificate followed by a new one: certified again from its valid_from
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1013, 103, 'C-1013', '2024-07-01', '2024-07-01', '2029-06-30');
SELECT is(enforcement.officer_certified(103, 3, '2024-06-30'), false,
          'between revocation and the new certificate: not certified');
SELECT is(enforcement.officer_certified(103, 3, '2024-07-01'), true,
          'the new certificate certifies from its valid_from');
SELECT is(enforcement.officer_certified(103, 3, '2024-04-30'), true,
          'the old certificate still certifies the days before its revocation');

-- a suspension lifted: certified again
UPDATE enforcement.certificates SET status = 'active', status_since = '2024-08-01'
WHERE id = 1002;
SELECT is(enforcement.officer_certified(102, 3, '2024-08-01'), true,
          'reactivated certificate certifies from the reactivation day');

-- the look-up locks rows but changes nothing: a second call agrees
SELECT is(enforcement.officer_certified(101, 3, '2024-06-01'), true,
          'officer_certified is stable across repeated calls');

-- an officer never moves to another agency: the past inspections keep
-- their meaning; a transfer is a new officer row
SELECT throws_ok($$UPDATE enforcement.officers SET agency_id = 2 WHERE id = 101$$,
                 'EN501', NULL, 'an officer''s agency is fixed once written');
SELECT is(enforcement.officer_certified(101, 3, '2024-06-01'), true,
          'and the officer stays certified for the agency of the certificate');

SELECT * FROM finish();
ROLLBACK;
