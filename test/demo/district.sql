-- test/demo/district.sql
--
-- Walkthrough: 菏泽市定陶区 (Heze, Dingtao District, region 371703) under
-- 菏定政办字〔2023〕6号.  Run by `make demo` with
--     psql -X -v ON_ERROR_STOP=0 -v VERBOSITY=verbose -f test/demo/district.sql
-- against a database where `CREATE EXTENSION enforcement;` has already been run.
-- Parts 8 ("Refused actions"), 11 ("Refused inspections") and 12c ("Refused case
-- actions"), and a few steps of the later parts (12b among them), are expected to
-- print ERRORs: each refused statement is preceded by an \echo naming the rule
-- (spec/invariants.md) and SQLSTATE.
--
-- Row ids used here (explicit, so the walkthrough can refer to them):
--   agencies 1..11, legal_bases 21..42, officers 101..135,
--   certificates 1000 + (officer id - 100), i.e. 1001..1035 (refused attempts 1101..),
--   enterprises 501..510 (refused attempts 511..513),
--   legal basis 43 (行政许可法 第六十二条, for agency 11), inspection caps 201..202,
--   inspection plans 301..306 (refused filing 307), complaint 601,
--   inspections 1101..1138 (refused attempts 1181..1193), joint inspections 1501..1503,
--   discretion benchmarks 910..922, no-penalty items 961..963, review catalogue 981..982,
--   cases 2001..2008 (refused attempt 2081), legal reviews 2101..2103 (refused 2181),
--   decisions 2201..2206 (refused attempts 2281..2288), payments 2302..2305 (refused
--   2382, 2385): a decision's and a payment's id ends like its case's.  Case steps
--   (case_events) take their ids from enforcement.next_id(), so that their order is
--   the order of the steps.
--
-- Names of officers and enterprises are invented; credit codes are synthetic but
-- valid under GB 32100-2015 (and their 9-character organisation part carries a
-- valid GB 11714 check digit).  Article numbers and effective dates come from the
-- texts under shared/seed/law/ unless a comment says otherwise.

\set VERBOSITY verbose
\pset null '(null)'

\echo
\echo '================================================================'
\echo ' Dingtao District walkthrough (菏泽市定陶区 菏定政办字〔2023〕6号)'
\echo '================================================================'

-- ---------------------------------------------------------------------------
\echo
\echo '== 1. The district: justice bureau and enforcement agencies (执法主体) =='
\echo '   Directive II.1: every subject confirmed and publicly disclosed; SUBJ-1'
-- ---------------------------------------------------------------------------

-- The justice bureau (司法行政机关): receives inspection plans, supervises; never
-- acts as an enforcer itself (SUBJ-1).
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (1, 'DT-SFJ', '菏泽市定陶区司法局', 'justice_bureau', NULL, '371703',
     '《山东省行政执法监督条例》第四条第三款（县级以上人民政府负责政府法制工作的部门负责行政执法监督的具体工作）',
     date '2023-02-20', date '2023-03-01', NULL);

-- Statutory enforcement agencies (法定行政机关).
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (2, 'DT-SJJ', '菏泽市定陶区市场监督管理局', 'statutory', NULL, '371703',
     '《中华人民共和国食品安全法》第六条、第一百一十条（县级以上人民政府食品安全监督管理部门）',
     date '2023-03-15', date '2023-03-31', NULL);

INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (3, 'DT-YJJ', '菏泽市定陶区应急管理局', 'statutory', NULL, '371703',
     '《中华人民共和国安全生产法》第十条、第六十五条（县级以上地方各级人民政府应急管理部门）',
     date '2023-03-15', date '2023-03-31', NULL);

-- The district's environment authority is a branch of the city bureau
-- (省以下生态环境机构垂直管理改革后为菏泽市生态环境局的派出分局).
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (4, 'DT-STHJ', '菏泽市生态环境局定陶区分局', 'statutory', NULL, '371703',
     '《中华人民共和国环境保护法》第十条、第二十四条、第二十五条',
     date '2023-03-15', date '2023-03-31', NULL);

-- 综合行政执法: relatively concentrated penalty power, 行政处罚法 第十八条.
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (5, 'DT-ZHZF', '菏泽市定陶区综合行政执法局', 'statutory', NULL, '371703',
     '《中华人民共和国行政处罚法》第十八条（相对集中行政处罚权）；省人民政府相对集中行政处罚权决定',
     date '2023-03-15', date '2023-03-31', NULL);

INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (6, 'DT-WJJ', '菏泽市定陶区卫生健康局', 'statutory', NULL, '371703',
     '《中华人民共和国职业病防治法》第九条（县级以上地方人民政府卫生健康主管部门）',
     date '2023-03-15', date '2023-03-31', NULL);

INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (7, 'DT-JTJ', '菏泽市定陶区交通运输局', 'statutory', NULL, '371703',
     '《中华人民共和国公路法》第八条；《中华人民共和国道路运输条例》第七条',
     date '2023-03-15', date '2023-03-31', NULL);

-- An organisation authorised by law (法律授权的组织, 行政处罚法 第十九条):
-- the fire and rescue brigade, authorised by 消防法 第四条、第五十三条.
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (8, 'DT-XFJY', '菏泽市定陶区消防救援大队', 'authorized', NULL, '371703',
     '《中华人民共和国消防法》第四条、第五十三条（消防救援机构实施消防监督检查）；《中华人民共和国行政处罚法》第十九条',
     date '2023-06-10', date '2023-06-20', NULL);

-- An entrusted organisation (受委托组织, 行政处罚法 第二十条): a township
-- comprehensive enforcement office, entrusted in writing by the district
-- emergency management bureau (id 3) with work-safety penalties.  It acts in the
-- entrusting bureau's name and cannot take coercive measures (行政强制法 第十七条:
-- 行政强制措施权不得委托).  Inserted after agency 3.
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (9, 'DT-CJZ-ZFB', '菏泽市定陶区陈集镇综合行政执法办公室', 'entrusted', 3, '371703',
     '《中华人民共和国行政处罚法》第二十条；《中华人民共和国安全生产法》第九条第二款；区应急管理局行政处罚委托书（委托事项、权限、期限已向社会公布）',
     date '2024-03-01', date '2024-03-08', NULL);

-- Confirmed after a reorganisation but NOT yet publicly disclosed (未经公示):
-- may not act (directive II.1).
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (10, 'DT-RSJ', '菏泽市定陶区人力资源和社会保障局', 'statutory', NULL, '371703',
     '《劳动保障监察条例》第三条（县级以上地方各级人民政府劳动保障行政部门）',
     date '2024-12-20', NULL, NULL);

-- Dissolved on 2025-06-30 (functions merged into 区综合行政执法局): may act
-- before that day, not from it.
INSERT INTO enforcement.agencies
    (id, code, name, kind, entrusted_by, region_code, legal_authority,
     confirmed_on, disclosed_on, dissolved_on)
VALUES
    (11, 'DT-CGJ', '菏泽市定陶区城市管理局', 'statutory', NULL, '371703',
     '《城市市容和环境卫生管理条例》；《中华人民共和国城乡规划法》',
     date '2023-03-15', date '2023-03-31', date '2025-06-30');

SELECT id, code, name, kind, entrusted_by, confirmed_on, disclosed_on, dissolved_on
  FROM enforcement.agencies ORDER BY id;

-- ---------------------------------------------------------------------------
\echo
\echo '== 2. Legal bases (执法依据) from the laws in seed/law =='
-- ---------------------------------------------------------------------------

-- 《中华人民共和国食品安全法》 as amended 2021-04-29 (the amending decision took
-- effect on promulgation; the 2015 revision itself took effect 2015-10-01, Art 154).
INSERT INTO enforcement.legal_bases
    (id, code, title, level, article, effective_from, effective_to)
VALUES
    (21, 'FSL-2021-087', '中华人民共和国食品安全法', 'law',
     '第八十七条 食品安全监督管理部门对食品进行定期或者不定期的抽样检验，不得免检，不得向生产经营者收取检验费',
     date '2021-04-29', NULL),
    (22, 'FSL-2021-110', '中华人民共和国食品安全法', 'law',
     '第一百一十条 监督检查措施：进入生产经营场所现场检查、抽样检验、查阅复制资料、查封扣押不安全食品、查封违法生产经营场所',
     date '2021-04-29', NULL),
    (23, 'FSL-2021-122', '中华人民共和国食品安全法', 'law',
     '第一百二十二条 未取得食品生产经营许可从事食品生产经营：没收违法所得和食品，货值不足一万元的并处五万元以上十万元以下罚款',
     date '2021-04-29', NULL),
    (24, 'FSL-2021-124', '中华人民共和国食品安全法', 'law',
     '第一百二十四条 生产经营致病性微生物、农药残留等超标食品等情形：没收，并处五万元以上十万元以下罚款或货值十倍以上二十倍以下罚款',
     date '2021-04-29', NULL),
    (25, 'FSL-2021-126', '中华人民共和国食品安全法', 'law',
     '第一百二十六条 未按规定检验原料、未建立进货查验记录等情形：责令改正，给予警告；拒不改正的处五千元以上五万元以下罚款',
     date '2021-04-29', NULL),
    (26, 'FSL-2021-132', '中华人民共和国食品安全法', 'law',
     '第一百三十二条 未按要求进行食品贮存、运输和装卸：责令改正，给予警告；拒不改正的责令停产停业，并处一万元以上五万元以下罚款',
     date '2021-04-29', NULL);

-- 《中华人民共和国安全生产法》 third amendment of 2021-06-10, in force 2021-09-01
-- (the original law: 2002-11-01, Art 119).
INSERT INTO enforcement.legal_bases
    (id, code, title, level, article, effective_from, effective_to)
VALUES
    (27, 'WSL-2021-065', '中华人民共和国安全生产法', 'law',
     '第六十五条 应急管理部门监督检查职权：进入生产经营单位检查、当场纠正或限期改正、责令排除事故隐患、查封扣押不符合标准的设施设备器材',
     date '2021-09-01', NULL),
    (28, 'WSL-2021-097', '中华人民共和国安全生产法', 'law',
     '第九十七条 未按规定设置安全生产管理机构或配备安全生产管理人员、未进行安全生产教育培训等：责令限期改正，处十万元以下罚款',
     date '2021-09-01', NULL),
    (29, 'WSL-2021-099', '中华人民共和国安全生产法', 'law',
     '第九十九条 未设置安全警示标志、安全设备不符合标准或未经常维护检测等：责令限期改正，处五万元以下罚款',
     date '2021-09-01', NULL),
    (30, 'WSL-2021-101', '中华人民共和国安全生产法', 'law',
     '第一百零一条 危险物品未建立专门安全管理制度、重大危险源未登记建档、未建立风险分级管控或隐患排查治理制度等：责令限期改正，处十万元以下罚款',
     date '2021-09-01', NULL),
    (31, 'WSL-2021-102', '中华人民共和国安全生产法', 'law',
     '第一百零二条 未采取措施消除事故隐患：责令立即消除或者限期消除，处五万元以下罚款',
     date '2021-09-01', NULL);

-- A superseded version: the same inspection powers were Art 62 of the 2014
-- amendment (in force 2014-12-01), replaced by Art 65 from 2021-09-01.  Kept for
-- facts that happened before; not in force on any 2025 date.
INSERT INTO enforcement.legal_bases
    (id, code, title, level, article, effective_from, effective_to)
VALUES
    (32, 'WSL-2014-062', '中华人民共和国安全生产法（2014年修正）', 'law',
     '第六十二条 安全生产监督管理部门监督检查职权（2021年修正后为第六十五条）',
     date '2014-12-01', date '2021-08-31');

-- Procedural and supervisory provisions.
INSERT INTO enforcement.legal_bases
    (id, code, title, level, article, effective_from, effective_to)
VALUES
    (33, 'APL-2021-033', '中华人民共和国行政处罚法', 'law',
     '第三十三条 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚',
     date '2021-07-15', NULL),
    (34, 'APL-2021-042', '中华人民共和国行政处罚法', 'law',
     '第四十二条 行政处罚应当由具有行政执法资格的执法人员实施，执法人员不得少于两人',
     date '2021-07-15', NULL),
    (35, 'APL-2021-055', '中华人民共和国行政处罚法', 'law',
     '第五十五条 执法人员调查或者检查时应当主动出示执法证件；不出示的，当事人有权拒绝接受调查或者检查',
     date '2021-07-15', NULL),
    (36, 'ACL-2011-017', '中华人民共和国行政强制法', 'law',
     '第十七条 行政强制措施由法律、法规规定的行政机关在法定职权范围内实施；行政强制措施权不得委托',
     date '2012-01-01', NULL),
    (37, 'SD-LES-010', '山东省行政执法监督条例', 'local_regulation',
     '第十条 行政执法人员持证上岗和资格管理制度：经培训考试合格取得执法证件方可执法；劳动合同制、劳务派遣、临时借调等人员不得从事行政执法',
     date '2015-05-01', NULL),
    (38, 'SD-BER-042', '山东省优化营商环境条例', 'local_regulation',
     '第四十二条 同一部门的多项执法检查应当合并进行；多个部门检查同一市场主体的，由同级司法行政部门协调组织联合检查；不得妨碍正常生产经营',
     date '2021-01-01', NULL),
    (39, 'BER-2019-059', '优化营商环境条例', 'administrative_regulation',
     '第五十九条 推广运用说服教育、劝导示范、行政指导等非强制性手段，依法慎重实施行政强制',
     date '2020-01-01', NULL);

-- Two statutes NOT among seed/law, needed so the environment branch and the fire
-- brigade have a published power each (quoted from the official texts):
-- 环境保护法 (revised 2014-04-24, in force 2015-01-01) and 消防法 (amended
-- 2021-04-29, in force on promulgation).
INSERT INTO enforcement.legal_bases
    (id, code, title, level, article, effective_from, effective_to)
VALUES
    (40, 'EPL-2014-024', '中华人民共和国环境保护法', 'law',
     '第二十四条 环境保护主管部门及其委托的环境监察机构有权对排放污染物的企业事业单位和其他生产经营者进行现场检查',
     date '2015-01-01', NULL),
    (41, 'EPL-2014-025', '中华人民共和国环境保护法', 'law',
     '第二十五条 违法排放污染物，造成或者可能造成严重污染的，可以查封、扣押造成污染物排放的设施、设备',
     date '2015-01-01', NULL),
    (42, 'FPL-2021-053', '中华人民共和国消防法', 'law',
     '第五十三条 消防救援机构应当对机关、团体、企业、事业等单位遵守消防法律、法规的情况依法进行监督检查',
     date '2021-04-29', NULL);

SELECT id, code, level, effective_from, effective_to FROM enforcement.legal_bases ORDER BY id;

-- ---------------------------------------------------------------------------
\echo
\echo '== 3. Published powers (权责清单 / 检查事项清单), SUBJ-2 =='
-- ---------------------------------------------------------------------------

-- 区市场监督管理局: food-safety inspection, sampling, seizure and penalties.
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES
    (2, 21, 'inspection', date '2023-04-10'),   -- 食品安全法 第八十七条
    (2, 22, 'inspection', date '2023-04-10'),   -- 食品安全法 第一百一十条（一）至（三）
    (2, 22, 'coercion',   date '2023-04-10'),   -- 食品安全法 第一百一十条（四）（五）查封扣押
    (2, 23, 'penalty',    date '2023-04-10'),   -- 食品安全法 第一百二十二条
    (2, 24, 'penalty',    date '2023-04-10'),   -- 食品安全法 第一百二十四条
    (2, 25, 'penalty',    date '2023-04-10'),   -- 食品安全法 第一百二十六条
    (2, 26, 'penalty',    date '2023-04-10');   -- 食品安全法 第一百三十二条

-- 区应急管理局: work-safety inspection, seizure and penalties.
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES
    (3, 27, 'inspection', date '2023-04-10'),   -- 安全生产法 第六十五条（一）（二）
    (3, 27, 'coercion',   date '2023-04-10'),   -- 安全生产法 第六十五条（四）查封扣押
    (3, 28, 'penalty',    date '2023-04-10'),   -- 安全生产法 第九十七条
    (3, 29, 'penalty',    date '2023-04-10'),   -- 安全生产法 第九十九条
    (3, 30, 'penalty',    date '2023-04-10'),   -- 安全生产法 第一百零一条
    (3, 31, 'penalty',    date '2023-04-10');   -- 安全生产法 第一百零二条

-- 生态环境局定陶区分局: on-site inspection and seizure.
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES
    (4, 40, 'inspection', date '2023-04-10'),   -- 环境保护法 第二十四条
    (4, 41, 'coercion',   date '2023-04-10');   -- 环境保护法 第二十五条

-- 消防救援大队: fire-safety inspection.
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES
    (8, 42, 'inspection', date '2023-06-20');   -- 消防法 第五十三条

-- 陈集镇综合行政执法办公室 (entrusted by 区应急管理局): inspection (安全生产法
-- 第九条第二款) and two entrusted penalty items; no coercion (行政强制法 第十七条).
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES
    (9, 27, 'inspection', date '2024-03-08'),   -- 安全生产法 第六十五条
    (9, 29, 'penalty',    date '2024-03-08'),   -- 安全生产法 第九十九条
    (9, 31, 'penalty',    date '2024-03-08');   -- 安全生产法 第一百零二条

-- (区综合行政执法局, 区卫生健康局, 区交通运输局 act under statutes outside
--  seed/law — 城乡规划、职业病防治、道路运输 — whose lists are not loaded here.)

SELECT p.agency_id, a.name, b.code, p.power, p.published_on
  FROM enforcement.agency_powers p
  JOIN enforcement.agencies a ON a.id = p.agency_id
  JOIN enforcement.legal_bases b ON b.id = p.legal_basis_id
 ORDER BY p.agency_id, b.code, p.power;

-- ---------------------------------------------------------------------------
\echo
\echo '== 4. Officers (执法人员) =='
\echo '   OFF-1: certificates only for established staff on an enforcement post'
\echo '   who passed the exam (在职在编、执法岗位、考试合格; 山东省行政执法监督条例 第十条)'
-- ---------------------------------------------------------------------------

-- 区市场监督管理局 (agency 2).  105 is an auxiliary (协管员): he passed the
-- auxiliary-staff training exam but, not being established staff, may not hold a
-- certificate (条例 第十条第三款).  104 is the agency's legal reviewer
-- (法制审核人员, 行政处罚法 第五十八条: 法律职业资格).
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (101, 2, '张建国', 'established', true,  date '2023-05-20', false, false, NULL),
    (102, 2, '李秀英', 'established', true,  date '2023-05-20', false, false, NULL),
    (103, 2, '王海涛', 'established', true,  date '2023-05-20', false, false, NULL),
    (104, 2, '刘静',   'established', true,  date '2023-05-20', true,  true,  NULL),
    (105, 2, '赵磊',   'auxiliary',   true,  date '2024-05-18', false, false, NULL);

-- 区应急管理局 (agency 3).  109 is contract staff (劳动合同制人员).
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (106, 3, '陈志强', 'established', true,  date '2023-05-20', false, false, NULL),
    (107, 3, '杨帆',   'established', true,  date '2023-05-20', false, false, NULL),
    (108, 3, '黄丽娟', 'established', true,  date '2023-05-20', true,  true,  NULL),
    (109, 3, '周明',   'contract',    true,  date '2024-05-18', false, false, NULL);

-- 生态环境局定陶区分局 (agency 4).  113 is established staff in the general
-- office, not on an enforcement post.
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (110, 4, '吴刚',   'established', true,  date '2023-05-20', false, false, NULL),
    (111, 4, '徐燕',   'established', true,  date '2023-05-20', false, false, NULL),
    (112, 4, '孙立新', 'established', true,  date '2023-05-20', false, false, NULL),
    (113, 4, '马超',   'established', false, date '2023-05-20', false, false, NULL);

-- 区综合行政执法局 (agency 5).  117 was recruited in 2025 and has not passed the
-- exam yet.  116 is the legal reviewer.
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (114, 5, '朱文博', 'established', true,  date '2023-05-20', false, false, NULL),
    (115, 5, '胡晓东', 'established', true,  date '2023-05-20', false, false, NULL),
    (116, 5, '郭玉兰', 'established', true,  date '2023-05-20', true,  true,  NULL),
    (117, 5, '何亮',   'established', true,  NULL,              false, false, NULL);

-- 区卫生健康局 (agency 6).  120's certificate expired on 2024-12-31.
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (118, 6, '高峰',   'established', true,  date '2023-05-20', false, false, NULL),
    (119, 6, '林慧',   'established', true,  date '2023-05-20', false, false, NULL),
    (120, 6, '罗建华', 'established', true,  date '2019-10-19', false, false, NULL);

-- 区交通运输局 (agency 7).
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (121, 7, '梁晨',   'established', true,  date '2023-05-20', false, false, NULL),
    (122, 7, '宋宏伟', 'established', true,  date '2023-05-20', false, false, NULL),
    (123, 7, '郑丽',   'established', true,  date '2023-05-20', false, false, NULL);

-- 区消防救援大队 (agency 8).
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (124, 8, '谢振华', 'established', true,  date '2023-07-15', false, false, NULL),
    (125, 8, '韩冰',   'established', true,  date '2023-07-15', false, false, NULL),
    (126, 8, '唐亮',   'established', true,  date '2023-07-15', false, false, NULL);

-- 陈集镇综合行政执法办公室 (agency 9, entrusted).
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (127, 9, '冯涛',   'established', true,  date '2024-03-23', false, false, NULL),
    (128, 9, '于洋',   'established', true,  date '2024-03-23', false, false, NULL),
    (129, 9, '董建军', 'established', true,  date '2024-03-23', false, false, NULL);

-- 区人力资源和社会保障局 (agency 10, not yet disclosed).
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (130, 10, '袁国平', 'established', true,  date '2024-11-16', false, false, NULL),
    (131, 10, '程雪',   'established', true,  date '2024-11-16', false, false, NULL),
    (132, 10, '邓志伟', 'established', true,  date '2024-11-16', false, false, NULL);

-- 区城市管理局 (agency 11, dissolved 2025-06-30).
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
     legal_qualification, legal_reviewer, left_on)
VALUES
    (133, 11, '曹德胜', 'established', true,  date '2023-05-20', false, false, NULL),
    (134, 11, '彭晓梅', 'established', true,  date '2023-05-20', false, false, NULL),
    (135, 11, '蒋文斌', 'established', true,  date '2023-05-20', false, false, NULL);

SELECT id, agency_id, name, employment, on_enforcement_post, exam_passed_on,
       legal_qualification, legal_reviewer
  FROM enforcement.officers ORDER BY id;

-- ---------------------------------------------------------------------------
\echo
\echo '== 5. Certificates (行政执法证件), five-year validity =='
\echo '   Certificate id = 1000 + (officer id - 100); none for 105, 109, 113, 117'
-- ---------------------------------------------------------------------------

-- status defaults to 'active'; status_since defaults to issued_on.
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1001, 101, '鲁菏定2023-0001', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1002, 102, '鲁菏定2023-0002', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1003, 103, '鲁菏定2023-0003', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1004, 104, '鲁菏定2023-0004', date '2023-06-16', date '2023-06-16', date '2028-06-15');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1006, 106, '鲁菏定2023-0006', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1007, 107, '鲁菏定2023-0007', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1008, 108, '鲁菏定2023-0008', date '2023-06-16', date '2023-06-16', date '2028-06-15');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1010, 110, '鲁菏定2023-0010', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1011, 111, '鲁菏定2023-0011', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1012, 112, '鲁菏定2023-0012', date '2023-06-16', date '2023-06-16', date '2028-06-15');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1014, 114, '鲁菏定2023-0014', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1015, 115, '鲁菏定2023-0015', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1016, 116, '鲁菏定2023-0016', date '2023-06-16', date '2023-06-16', date '2028-06-15');

-- 120's certificate is from the 2019 batch and expired on 2024-12-31 (renewal
-- pending): it stays 'active' in status but is no longer valid by date.
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1018, 118, '鲁菏定2023-0018', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1019, 119, '鲁菏定2023-0019', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1020, 120, '鲁菏定2019-0035', date '2019-12-20', date '2020-01-01', date '2024-12-31');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1021, 121, '鲁菏定2023-0021', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1022, 122, '鲁菏定2023-0022', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1023, 123, '鲁菏定2023-0023', date '2023-06-16', date '2023-06-16', date '2028-06-15');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1024, 124, '鲁菏定2023-0124', date '2023-08-01', date '2023-08-01', date '2028-07-31'),
    (1025, 125, '鲁菏定2023-0125', date '2023-08-01', date '2023-08-01', date '2028-07-31'),
    (1026, 126, '鲁菏定2023-0126', date '2023-08-01', date '2023-08-01', date '2028-07-31');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1027, 127, '鲁菏定2024-0027', date '2024-04-15', date '2024-04-15', date '2029-04-14'),
    (1028, 128, '鲁菏定2024-0028', date '2024-04-15', date '2024-04-15', date '2029-04-14'),
    (1029, 129, '鲁菏定2024-0029', date '2024-04-15', date '2024-04-15', date '2029-04-14');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1030, 130, '鲁菏定2025-0030', date '2025-01-20', date '2025-01-20', date '2030-01-19'),
    (1031, 131, '鲁菏定2025-0031', date '2025-01-20', date '2025-01-20', date '2030-01-19'),
    (1032, 132, '鲁菏定2025-0032', date '2025-01-20', date '2025-01-20', date '2030-01-19');

INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1033, 133, '鲁菏定2023-0033', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1034, 134, '鲁菏定2023-0034', date '2023-06-16', date '2023-06-16', date '2028-06-15'),
    (1035, 135, '鲁菏定2023-0035', date '2023-06-16', date '2023-06-16', date '2028-06-15');

SELECT id, officer_id, number, issued_on, valid_from, valid_to, status, status_since
  FROM enforcement.certificates ORDER BY id;

-- ---------------------------------------------------------------------------
\echo
\echo '== 6. Enterprises (涉企: enterprises and 个体工商户) and a declared conflict =='
\echo '   Unified social credit codes checked against GB 32100-2015 (EN205)'
-- ---------------------------------------------------------------------------

-- Prefix 91 = registered by market regulation, enterprise; 92 = 个体工商户;
-- then the administrative division 371703; 9-character organisation code; check char.
INSERT INTO enforcement.enterprises (id, credit_code, name, kind, region_code)
VALUES
    (501, '91371703MA3C4KJ19G', '山东定陶鑫源食品有限公司',       'enterprise',          '371703'),
    (502, '91371703MA3CB7N25B', '菏泽市定陶区华宇化工有限公司',   'enterprise',          '371703'),
    (503, '91371703MA3C0P8H1D', '山东定陶恒丰纺织有限公司',       'enterprise',          '371703'),
    (504, '91371703MA3CRT5D85', '菏泽定陶天润建材有限公司',       'enterprise',          '371703'),
    (505, '92371703MA3EHW6L5B', '菏泽市定陶区陈集王记山药加工坊', 'individual_business', '371703'),
    (506, '92371703MA3F2Q9U0M', '菏泽市定陶区李记烧饼店',         'individual_business', '371703'),
    (507, '91371703MA3CY2E70J', '山东定陶顺达物流有限公司',       'enterprise',          '371703'),
    (508, '91371703MA3D5G3K8F', '菏泽定陶明辉木业有限公司',       'enterprise',          '371703'),
    (509, '92371703MA3G7M1B1E', '菏泽市定陶区张姐家常菜馆',       'individual_business', '371703'),
    (510, '91371703MA3DN84FXU', '山东定陶绿源生物科技有限公司',   'enterprise',          '371703');

-- 行政处罚法 第四十三条 (回避): officer 111 徐燕 of the environment branch declares
-- that her elder brother is the legal representative of enterprise 510.
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on, reason)
VALUES
    (111, 510, date '2024-02-01', '其兄任该公司法定代表人（近亲属关系，申请回避）');

SELECT id, credit_code, name, kind FROM enforcement.enterprises ORDER BY id;
SELECT * FROM enforcement.conflicts;

-- ---------------------------------------------------------------------------
\echo
\echo '== 7. Accepted actions (合法行为) =='
-- ---------------------------------------------------------------------------

\echo
\echo '-- 7.1 Which agencies may act (SUBJ-1)?  Justice bureau: never; 10: not'
\echo '--     disclosed; 11: dissolved 2025-06-30; 9: entrusted, follows agency 3'
SELECT id, name, kind,
       enforcement.agency_may_act(id, date '2025-03-01') AS may_act_2025_03_01,
       enforcement.agency_may_act(id, date '2025-07-01') AS may_act_2025_07_01
  FROM enforcement.agencies
 ORDER BY id;

\echo
\echo '-- 7.2 Legal bases in force on 2025-03-01 (WSL-2014-062 superseded 2021-09-01)'
SELECT id, code, effective_from, effective_to,
       (effective_from <= date '2025-03-01'
        AND (effective_to IS NULL OR effective_to >= date '2025-03-01')) AS in_force_2025_03_01
  FROM enforcement.legal_bases
 ORDER BY id;

\echo
\echo '-- 7.3 Is the officer certified for the agency on the date (OFF-2)?'
SELECT o.id AS officer_id, o.name, t.agency_id, t.on_date, t.expected,
       enforcement.officer_certified(o.id, t.agency_id, t.on_date) AS certified
  FROM (VALUES
          (101::bigint, 2::bigint, date '2025-03-01', 'yes: own agency, valid certificate'),
          (101,         3,         date '2025-03-01', 'no: not an officer of agency 3'),
          (105,         2,         date '2025-03-01', 'no: auxiliary, no certificate'),
          (117,         5,         date '2025-03-01', 'no: no exam, no certificate'),
          (120,         6,         date '2024-06-01', 'yes: before expiry'),
          (120,         6,         date '2025-03-01', 'no: certificate expired 2024-12-31'),
          (127,         9,         date '2024-04-14', 'no: day before valid_from'),
          (127,         9,         date '2025-03-01', 'yes: entrusted office officer')
       ) AS t(officer_id, agency_id, on_date, expected)
  JOIN enforcement.officers o ON o.id = t.officer_id
 ORDER BY o.id, t.on_date;

\echo
\echo '-- 7.4 Credit code check (GB 32100-2015), as a query: no error, just true/false'
SELECT code, enforcement.credit_code_valid(code) AS valid
  FROM (VALUES ('91371703MA3C4KJ19G'),    -- enterprise 501
               ('92371703MA3EHW6L5B'),    -- 个体工商户 505
               ('91371703MA3C4KJ19H'),    -- last (check) character wrong
               ('91371703MA3COP8H1D'))    -- letter O where 0 belongs
       AS t(code);

\echo
\echo '-- 7.5 Suspending a certificate (暂扣执法证件): 杨帆 (107), certificate 1007,'
\echo '--     suspended from 2025-03-10 pending a conduct complaint'
UPDATE enforcement.certificates
   SET status = 'suspended',
       status_since = date '2025-03-10',
       status_reason = '因执法行为投诉待核查，暂扣行政执法证件'
 WHERE id = 1007;

SELECT id, officer_id, number, status, status_since, status_reason
  FROM enforcement.certificates WHERE id = 1007;

SELECT enforcement.officer_certified(107, 3, date '2025-03-01') AS certified_2025_03_01,
       enforcement.officer_certified(107, 3, date '2025-03-15') AS certified_2025_03_15;

\echo
\echo '-- 7.6 An officer leaves (调离): 王海涛 (103) leaves on 2025-02-28;'
\echo '--     OFF-4 revokes his certificate 1003 in the same transaction (及时收回执法证件)'
UPDATE enforcement.officers SET left_on = date '2025-02-28' WHERE id = 103;

SELECT id, officer_id, number, status, status_since, status_reason
  FROM enforcement.certificates WHERE officer_id = 103;

SELECT enforcement.officer_certified(103, 2, date '2025-02-27') AS certified_2025_02_27,
       enforcement.officer_certified(103, 2, date '2025-03-01') AS certified_2025_03_01;

-- ---------------------------------------------------------------------------
\echo
\echo '== 8. Refused actions (被拒绝的操作): each ERROR below is expected =='
-- ---------------------------------------------------------------------------

\echo
\echo '-- 8.1 Certificate for 赵磊 (105), an auxiliary 协管员 -> EN103 (OFF-1; 条例 第十条)'
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1105, 105, '鲁菏定2025-0105', date '2025-03-05', date '2025-03-05', date '2030-03-04');

\echo
\echo '-- 8.2 Certificate for 周明 (109), contract staff 劳动合同制 -> EN103 (OFF-1)'
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1109, 109, '鲁菏定2025-0109', date '2025-03-05', date '2025-03-05', date '2030-03-04');

\echo
\echo '-- 8.3 Certificate for 马超 (113), established but not on an enforcement post -> EN103 (OFF-1)'
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1113, 113, '鲁菏定2025-0113', date '2025-03-05', date '2025-03-05', date '2030-03-04');

\echo
\echo '-- 8.4 Certificate for 何亮 (117), who has not passed the exam -> EN103 (OFF-1)'
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1117, 117, '鲁菏定2025-0117', date '2025-03-05', date '2025-03-05', date '2030-03-04');

\echo
\echo '-- 8.5 New certificate for 王海涛 (103), who left on 2025-02-28 -> EN103 (OFF-1)'
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1103, 103, '鲁菏定2025-0103', date '2025-03-05', date '2025-03-05', date '2030-03-04');

\echo
\echo '-- 8.6 A second live certificate for 张建国 (101), whose 1001 is still active -> EN104 (OFF-3)'
INSERT INTO enforcement.certificates
    (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES
    (1101, 101, '鲁菏定2025-0101', date '2025-03-05', date '2025-03-05', date '2030-03-04');

\echo
\echo '-- 8.7 Reviving the revoked certificate 1003 (status -> active) -> EN104 (OFF-3: revoked is final)'
UPDATE enforcement.certificates
   SET status = 'active', status_reason = '复职'
 WHERE id = 1003;

\echo
\echo '-- 8.8 Changing the number of certificate 1001 -> EN104 (OFF-3: identity never changes)'
UPDATE enforcement.certificates
   SET number = '鲁菏定2023-9001'
 WHERE id = 1001;

\echo
\echo '-- 8.9 Enterprise whose credit code has a wrong check character -> EN205'
\echo '--     (91371703MA3C4KJ19H: the check character for these 17 is G)'
INSERT INTO enforcement.enterprises (id, credit_code, name, kind, region_code)
VALUES (511, '91371703MA3C4KJ19H', '山东定陶金穗粮油有限公司', 'enterprise', '371703');

\echo
\echo '-- 8.10 Enterprise whose credit code contains the letter O (not in the code alphabet) -> EN205'
INSERT INTO enforcement.enterprises (id, credit_code, name, kind, region_code)
VALUES (512, '91371703MA3COP8H1D', '菏泽定陶宏达机械有限公司', 'enterprise', '371703');

\echo
\echo '-- 8.11 Enterprise whose credit code has 17 characters -> EN205'
INSERT INTO enforcement.enterprises (id, credit_code, name, kind, region_code)
VALUES (513, '92371703MA3EHW6L5', '菏泽市定陶区刘记五金店', 'individual_business', '371703');

\echo
\echo '-- 8.12 Deleting an officer record (赵磊, 105) -> EN501 (REC-2: never deleted)'
DELETE FROM enforcement.officers WHERE id = 105;

\echo
\echo '-- 8.13 Truncating the enterprise register -> EN501 (REC-2)'
\echo '--      (enterprises is referenced by foreign keys; EN501 must come before'
\echo '--       PostgreSQL''s own "cannot truncate a table referenced" check)'
TRUNCATE enforcement.enterprises;

\echo
\echo '-- 8.14 Truncating the conflict declarations (no table references it) -> EN501 (REC-2)'
TRUNCATE enforcement.conflicts;

\echo
\echo '-- After the refusals: certificates of 101, 103, 105 unchanged; enterprises still 10'
SELECT id, officer_id, number, status, status_since
  FROM enforcement.certificates WHERE officer_id IN (101, 103, 105) ORDER BY id;
SELECT count(*) AS enterprises FROM enforcement.enterprises;

-- ---------------------------------------------------------------------------
\echo
\echo '== 9. Officer certification overview (执法人员资格一览, v_officer_certification) =='
-- ---------------------------------------------------------------------------

SELECT * FROM enforcement.v_officer_certification ORDER BY officer_id;

-- ---------------------------------------------------------------------------
\echo
\echo '== 10. A year of inspections (涉企行政检查, 2025): caps, plans, the year =='
\echo '   Directive II.7, II.8, III.9, III.10; INSP-1..7, SUBJ-1/2, OFF-5/6'
-- ---------------------------------------------------------------------------

-- The 城市管理局 (agency 11) inspects the holders of its licences (城市建筑垃圾
-- 处置核准 and the like) until it is dissolved; its inspection power comes from
-- 《中华人民共和国行政许可法》 as amended 2019-04-23 (in force on promulgation).
INSERT INTO enforcement.legal_bases
    (id, code, title, level, article, effective_from, effective_to)
VALUES
    (43, 'ALL-2019-062', '中华人民共和国行政许可法', 'law',
     '第六十二条 行政机关可以对被许可人生产经营的产品依法进行抽样检查、检验、检测，对其生产经营场所依法进行实地检查',
     date '2019-04-23', NULL);

INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES
    (11, 43, 'inspection', date '2023-04-10');  -- 行政许可法 第六十二条

\echo
\echo '-- 10.1 Published caps (检查频次上限, directive III.10): in the whole district'
\echo '--      2 routine inspections per agency and enterprise a year; the emergency'
\echo '--      management bureau (3) publishes its own cap of 3 for its risk-graded'
\echo '--      (分级分类) work-safety inspections, which beats the district-wide one'
INSERT INTO enforcement.inspection_limits (id, agency_id, year, max_per_enterprise, published_on)
VALUES
    (201, NULL, 2025, 2, date '2024-12-20'),   -- 区政府办公室: every agency
    (202, 3,    2025, 3, date '2024-12-25');   -- 区应急管理局: its own

SELECT l.id, l.agency_id, a.name, l.year, l.max_per_enterprise, l.published_on
  FROM enforcement.inspection_limits l
  LEFT JOIN enforcement.agencies a ON a.id = l.agency_id
 ORDER BY l.id;

\echo
\echo '-- 10.2 Annual inspection plans (年度检查计划), drafted with one item per'
\echo '--      published inspection power (检查事项清单) ...'
INSERT INTO enforcement.inspection_plans (id, agency_id, year)
VALUES
    (301, 2,  2025),   -- 区市场监督管理局
    (302, 3,  2025),   -- 区应急管理局
    (303, 4,  2025),   -- 生态环境局定陶区分局
    (304, 8,  2025),   -- 区消防救援大队
    (305, 9,  2025),   -- 陈集镇综合行政执法办公室 (stays a draft, see 11.13)
    (306, 11, 2025);   -- 区城市管理局 (until its dissolution on 2025-06-30)

INSERT INTO enforcement.plan_items (plan_id, legal_basis_id, matter)
VALUES
    (301, 21, '食品生产经营企业监督抽检（食品安全法 第八十七条）'),
    (301, 22, '食品生产经营场所现场检查（食品安全法 第一百一十条）'),
    (302, 27, '工贸、危险化学品企业安全生产监督检查（安全生产法 第六十五条）'),
    (303, 40, '排污单位现场检查（环境保护法 第二十四条）'),
    (304, 42, '消防安全重点单位、人员密集场所消防监督检查（消防法 第五十三条）'),
    (305, 27, '陈集镇小微企业、个体工商户安全生产检查（受区应急管理局委托）'),
    (306, 43, '建筑垃圾处置核准、户外广告设置等被许可人实地检查（行政许可法 第六十二条）');

\echo '--      ... and filed with the justice bureau (向区司法局备案) in January 2025'
UPDATE enforcement.inspection_plans
   SET status = 'filed', filed_on = date '2025-01-10', filed_with = 1 WHERE id = 301;
UPDATE enforcement.inspection_plans
   SET status = 'filed', filed_on = date '2025-01-15', filed_with = 1 WHERE id = 302;
UPDATE enforcement.inspection_plans
   SET status = 'filed', filed_on = date '2025-01-17', filed_with = 1 WHERE id = 303;
UPDATE enforcement.inspection_plans
   SET status = 'filed', filed_on = date '2025-01-24', filed_with = 1 WHERE id = 304;
UPDATE enforcement.inspection_plans
   SET status = 'filed', filed_on = date '2025-01-22', filed_with = 1 WHERE id = 306;

SELECT p.id, p.agency_id, a.name, p.year, p.status, p.filed_on, p.filed_with,
       (SELECT string_agg(b.code, ', ' ORDER BY b.code)
          FROM enforcement.plan_items i
          JOIN enforcement.legal_bases b ON b.id = i.legal_basis_id
         WHERE i.plan_id = p.id) AS items
  FROM enforcement.inspection_plans p
  JOIN enforcement.agencies a ON a.id = p.agency_id
 ORDER BY p.id;

\echo
\echo '-- 10.3 What may justify an unplanned inspection (INSP-3):'
\echo '--      a violation report (投诉举报) about 张姐家常菜馆 (509), received 2025-04-07'
\echo '--      (the complainant is kept; the process record holds only its SHA-256);'
\echo '--      superiors'' deployment documents (上级交办): 菏市监发〔2025〕12号 (city market'
\echo '--      regulation, food safety after the Spring Festival), 菏市监发〔2025〕45号'
\echo '--      (its share of the province-wide food sampling), 菏定安委〔2025〕3号 (district'
\echo '--      work-safety committee), 菏环发〔2025〕21号 (city ecology bureau).'
\echo '--      The declared conflict (徐燕 111 / 绿源生物 510) stands from part 6.'
INSERT INTO enforcement.complaints
    (id, received_on, kind, enterprise_id, about_agency_id, complainant, summary)
VALUES
    (601, date '2025-04-07', 'violation_report', 509, 2, '刘某（12345热线转办，手机尾号2210）',
     '举报该店后厨卫生脏乱、使用过期食材');

SELECT id, received_on, kind, enterprise_id, about_agency_id, summary, status
  FROM enforcement.complaints ORDER BY id;

\echo
\echo '-- 10.4 January-March: routine inspections under the filed plans (two certified'
\echo '--      officers, certificates shown: 亮证执法) and unplanned ones with their reference.'
\echo '--      王海涛 (103) still inspects in February: his certificate is judged on the day.'

-- 1101 区市场监管局 → 鑫源食品 (501): sampling under plan 301, 张建国 + 王海涛.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1101, 2, 501, 21, date '2025-02-11', '{101,103}', true, 301);

-- 1102 区应急管理局 → 华宇化工 (502): routine, 陈志强 + 杨帆 (before the suspension).
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1102, 3, 502, 27, date '2025-02-12', '{106,107}', true, 302);

-- 1103 区消防救援大队 → 顺达物流 (507): routine warehouse fire inspection.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1103, 8, 507, 42, date '2025-02-19', '{124,125}', true, 304);

-- 1104 区市场监管局 → 李记烧饼店 (506): unplanned, deployed by the city bureau.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (1104, 2, 506, 22, date '2025-02-20', '{101,102}', true,
        'superior_deployment', '菏市监发〔2025〕12号');

-- 1105 生态环境分局 → 恒丰纺织 (503): routine on-site inspection.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1105, 4, 503, 40, date '2025-02-25', '{110,112}', true, 303);

-- 1106 陈集镇执法办 (entrusted) → 王记山药加工坊 (505): its plan is not filed, so
-- it inspects only where an exemption applies: the district work-safety campaign.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (1106, 9, 505, 27, date '2025-03-04', '{127,128}', true,
        'production_safety', '菏定安委〔2025〕3号');

-- 1107 区应急管理局 → 明辉木业 (508): wood-dust explosion risks, routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1107, 3, 508, 27, date '2025-03-06', '{106,108}', true, 302);

-- 1108 生态环境分局 → 绿源生物 (510): off site (在线监测数据核查, 非现场检查), so no
-- certificate to show; 徐燕 (111) stays out (her declared conflict).
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, mode, plan_id)
VALUES (1108, 4, 510, 40, date '2025-03-12', '{110,112}', 'offsite', 303);

-- 1109 区市场监管局 → 鑫源食品 (501): the second routine inspection of the year
-- (王海涛 has left; 刘静 goes instead).
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1109, 2, 501, 22, date '2025-03-18', '{101,104}', true, 301);

-- 1110 区消防救援大队 → 鑫源食品 (501): routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1110, 8, 501, 42, date '2025-03-20', '{125,126}', true, 304);

-- 1111 区城市管理局 → 天润建材 (504), holder of a 建筑垃圾处置核准: routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1111, 11, 504, 43, date '2025-03-26', '{133,134}', true, 306);

\echo
\echo '-- 10.5 April-June: a report followed up, and two joint inspections (综合查一次):'
\echo '--      a joint_inspections row, then each agency records its own part'

-- 1112 区市场监管局 → 张姐家常菜馆 (509): unplanned, on the report of 2025-04-07.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, complaint_id)
VALUES (1112, 2, 509, 22, date '2025-04-09', '{101,102}', true, 'complaint_report', 601);

-- 1113 区应急管理局 → 恒丰纺织 (503): routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1113, 3, 503, 27, date '2025-04-15', '{106,108}', true, 302);

-- 1114 生态环境分局 → 华宇化工 (502): routine; 徐燕 (111) may inspect here.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1114, 4, 502, 40, date '2025-04-17', '{111,112}', true, 303);

-- 1115 区消防救援大队 → 恒丰纺织 (503): routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1115, 8, 503, 42, date '2025-04-22', '{124,126}', true, 304);

-- 1116 区城市管理局 → 李记烧饼店 (506), 户外招牌设置许可: routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1116, 11, 506, 43, date '2025-05-13', '{134,135}', true, 306);

-- Joint inspection 1501: 张姐家常菜馆 (509), led by 区市场监管局, with the fire
-- brigade: food safety and fire safety in one visit.
INSERT INTO enforcement.joint_inspections (id, lead_agency_id, enterprise_id, inspected_on)
VALUES (1501, 2, 509, date '2025-05-20');
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (1117, 2, 509, 22, date '2025-05-20', '{101,104}', true, 301, 1501);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (1118, 8, 509, 42, date '2025-05-20', '{124,125}', true, 304, 1501);

-- 1119 区城市管理局 → 天润建材 (504): its second and last routine inspection there.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1119, 11, 504, 43, date '2025-06-10', '{133,135}', true, 306);

-- Joint inspection 1502: 华宇化工 (502) in the work-safety month (安全生产月), led
-- by 区应急管理局, with the environment branch and the fire brigade.
INSERT INTO enforcement.joint_inspections (id, lead_agency_id, enterprise_id, inspected_on)
VALUES (1502, 3, 502, date '2025-06-18');
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (1120, 3, 502, 27, date '2025-06-18', '{106,108}', true, 302, 1502);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (1121, 4, 502, 40, date '2025-06-18', '{110,112}', true, 303, 1502);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (1122, 8, 502, 42, date '2025-06-18', '{125,126}', true, 304, 1502);

\echo
\echo '-- 10.6 July-September: the city management bureau is gone (dissolved 2025-06-30);'
\echo '--      华宇化工 gets a third routine work-safety inspection, within agency 3''s'
\echo '--      own cap of 3; an exempt inspection does not count toward any cap'

-- 1123 区应急管理局 → 绿源生物 (510): routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1123, 3, 510, 27, date '2025-07-08', '{106,108}', true, 302);

-- 1124 区市场监管局 → 王记山药加工坊 (505): routine sampling.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1124, 2, 505, 21, date '2025-07-15', '{101,102}', true, 301);

-- 1125 生态环境分局 → 明辉木业 (508): unplanned, a transferred environmental case.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (1125, 4, 508, 40, date '2025-07-22', '{110,111}', true,
        'eco_environment', '菏环发〔2025〕21号');

-- 1126 区消防救援大队 → 明辉木业 (508): routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1126, 8, 508, 42, date '2025-08-12', '{124,126}', true, 304);

-- 1127 区应急管理局 → 华宇化工 (502): third routine inspection of the year (1102,
-- 1120): over the district's 2, within the bureau's own cap of 3.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1127, 3, 502, 27, date '2025-08-19', '{106,108}', true, 302);

-- 1128 区市场监管局 → 鑫源食品 (501): a third visit this year, but unplanned
-- (province-wide sampling deployed by the city bureau): no cap applies.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (1128, 2, 501, 21, date '2025-08-21', '{102,104}', true,
        'superior_deployment', '菏市监发〔2025〕45号');

-- 1129 生态环境分局 → 天润建材 (504): routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1129, 4, 504, 40, date '2025-09-09', '{110,112}', true, 303);

-- 1130 陈集镇执法办 → 李记烧饼店 (506): bottled-gas safety, an exempt campaign.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (1130, 9, 506, 27, date '2025-09-16', '{128,129}', true,
        'production_safety', '菏定安委〔2025〕3号');

\echo
\echo '-- 10.7 October-December: a third joint inspection, the year''s last visits'

-- Joint inspection 1503: 顺达物流 (507), led by the fire brigade, with 区应急管理局.
INSERT INTO enforcement.joint_inspections (id, lead_agency_id, enterprise_id, inspected_on)
VALUES (1503, 8, 507, date '2025-10-14');
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (1131, 8, 507, 42, date '2025-10-14', '{124,125}', true, 304, 1503);
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (1132, 3, 507, 27, date '2025-10-14', '{106,108}', true, 302, 1503);

-- 1133 区市场监管局 → 李记烧饼店 (506): off site, purchase records checked on the
-- 智慧监管 platform.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, mode, plan_id)
VALUES (1133, 2, 506, 22, date '2025-10-21', '{102,104}', 'offsite', 301);

-- 1134 区应急管理局 → 明辉木业 (508): re-inspection after the March warning.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1134, 3, 508, 27, date '2025-11-11', '{106,108}', true, 302);

-- 1135 生态环境分局 → 绿源生物 (510): unplanned and off site during the autumn
-- air-pollution campaign; again without 徐燕.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, mode, exemption, exemption_ref)
VALUES (1135, 4, 510, 40, date '2025-11-18', '{110,112}', 'offsite',
        'eco_environment', '菏环发〔2025〕21号');

-- 1136 区消防救援大队 → 张姐家常菜馆 (509): its second routine visit (the first was
-- its part of joint inspection 1501).
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1136, 8, 509, 42, date '2025-12-02', '{125,126}', true, 304);

-- 1137 区市场监管局 → 张姐家常菜馆 (509): routine, off site (sampling results
-- checked); its second routine visit after its part of 1501; 1112 was exempt.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, mode, plan_id)
VALUES (1137, 2, 509, 21, date '2025-12-09', '{101,102}', 'offsite', 301);

-- 1138 区应急管理局 → 天润建材 (504): routine.
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1138, 3, 504, 27, date '2025-12-16', '{106,108}', true, 302);

\echo
\echo '-- 10.8 Outcomes, recorded afterwards (INSP-7, 柔性执法: 说服教育、警示告诫、指导约谈);'
\echo '--      after insert only outcome and ended_on change'
UPDATE enforcement.inspections AS i
   SET outcome = v.outcome, ended_on = v.ended_on
  FROM (VALUES
          (1101::bigint, 'no_issue',           date '2025-02-11'),
          (1102, 'order_to_correct',   date '2025-02-12'),  -- 责令限期整改事故隐患
          (1103, 'education',          date '2025-02-19'),
          (1104, 'education',          date '2025-02-20'),
          (1105, 'no_issue',           date '2025-02-25'),
          (1106, 'education',          date '2025-03-04'),
          (1107, 'warning',            date '2025-03-06'),  -- 警示告诫: 除尘设施
          (1108, 'no_issue',           date '2025-03-14'),
          (1109, 'guidance_interview', date '2025-03-18'),  -- 指导约谈: 进货查验
          (1110, 'order_to_correct',   date '2025-03-20'),  -- 疏散通道堵塞
          (1111, 'education',          date '2025-03-26'),
          (1112, 'order_to_correct',   date '2025-04-09'),  -- 举报属实: 限期整改
          (1113, 'no_issue',           date '2025-04-15'),
          (1114, 'warning',            date '2025-04-17'),
          (1115, 'no_issue',           date '2025-04-22'),
          (1116, 'education',          date '2025-05-13'),
          (1117, 'no_issue',           date '2025-05-20'),  -- 整改到位
          (1118, 'education',          date '2025-05-20'),
          (1119, 'order_to_correct',   date '2025-06-10'),
          (1120, 'no_issue',           date '2025-06-18'),
          (1121, 'guidance_interview', date '2025-06-18'),
          (1122, 'no_issue',           date '2025-06-18'),
          (1123, 'no_issue',           date '2025-07-08'),
          (1124, 'education',          date '2025-07-15'),
          (1125, 'order_to_correct',   date '2025-07-23'),
          (1126, 'warning',            date '2025-08-12'),
          (1127, 'no_issue',           date '2025-08-19'),
          (1128, 'no_issue',           date '2025-08-21'),
          (1129, 'guidance_interview', date '2025-09-09'),
          (1130, 'order_to_correct',   date '2025-09-16'),  -- 液化气瓶违规存放
          (1131, 'order_to_correct',   date '2025-10-14'),
          (1132, 'no_issue',           date '2025-10-14'),
          (1133, 'education',          date '2025-10-23'),
          (1134, 'no_issue',           date '2025-11-11'),
          (1135, 'no_issue',           date '2025-11-19'),
          (1136, 'no_issue',           date '2025-12-02'),
          (1137, 'no_issue',           date '2025-12-10'),
          (1138, 'education',          date '2025-12-16')
       ) AS v(id, outcome, ended_on)
 WHERE i.id = v.id;

SELECT outcome, count(*) AS inspections
  FROM enforcement.inspections GROUP BY outcome ORDER BY outcome;

\echo
\echo '-- 10.9 The inspection ledger (检查台账) is signed by each inspection''s officers'
\echo '--      (directive II.7, INSP-6); 徐燕 (111) has not signed inspection 1114 yet'
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
SELECT i.id, o.officer_id, i.ended_on
  FROM enforcement.inspections i
 CROSS JOIN LATERAL unnest(i.officer_ids) AS o(officer_id)
 WHERE i.id BETWEEN 1101 AND 1138
   AND NOT (i.id = 1114 AND o.officer_id = 111)
 ORDER BY i.id, o.officer_id;

SELECT count(*) AS signatures,
       count(DISTINCT inspection_id) AS inspections_signed
  FROM enforcement.inspection_signatures;

\echo
\echo '-- 10.10 The year in numbers: inspections per agency, routine and exempt'
SELECT i.agency_id, a.name,
       count(*) FILTER (WHERE i.plan_id IS NOT NULL)   AS routine,
       count(*) FILTER (WHERE i.exemption IS NOT NULL) AS exempt,
       count(*) FILTER (WHERE i.joint_inspection_id IS NOT NULL) AS joint_parts,
       count(*) FILTER (WHERE i.mode = 'offsite')      AS offsite,
       count(*) AS total
  FROM enforcement.inspections i
  JOIN enforcement.agencies a ON a.id = i.agency_id
 GROUP BY i.agency_id, a.name
 ORDER BY i.agency_id;

-- ---------------------------------------------------------------------------
\echo
\echo '== 11. Refused inspections (被拒绝的检查): each ERROR below is expected =='
-- ---------------------------------------------------------------------------

\echo
\echo '-- 11.1 The justice bureau (1) inspecting an enterprise itself -> EN101 (SUBJ-1:'
\echo '--      司法行政机关 supervises, it does not enforce; checked first)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (1181, 1, 501, 21, date '2025-04-01', '{101,102}', true,
        'superior_deployment', '菏市监发〔2025〕12号');

\echo
\echo '-- 11.2 区城市管理局 (11) inspecting 天润建材 on 2025-07-08, after its dissolution'
\echo '--      on 2025-06-30, under its filed plan -> EN101 (SUBJ-1)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1182, 11, 504, 43, date '2025-07-08', '{133,134}', true, 306);

\echo
\echo '-- 11.3 生态环境分局 (4) inspecting 华宇化工 under 安全生产法 第六十五条, the emergency'
\echo '--      management bureau''s power, not its own -> EN201 (SUBJ-2, INSP-1: 法无授权不可为)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption, exemption_ref)
VALUES (1183, 4, 502, 27, date '2025-05-15', '{110,112}', true,
        'production_safety', '菏定安委〔2025〕3号');

\echo
\echo '-- 11.4 The fire brigade sends one officer (谢振华 124) to 天润建材 -> EN105'
\echo '--      (OFF-5: 执法人员不得少于两人, 处罚法 第四十二条)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1184, 8, 504, 42, date '2025-06-03', '{124}', true, 304);

\echo
\echo '-- 11.5 杨帆 (107), whose certificate 1007 is suspended from 2025-03-10, inspects'
\echo '--      绿源生物 on 2025-03-20 -> EN102 (OFF-2, OFF-5)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1185, 3, 510, 27, date '2025-03-20', '{106,107}', true, 302);

\echo
\echo '-- 11.6 The auxiliary 赵磊 (105, 协管员) as the second officer -> EN102 (OFF-2, OFF-5)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1186, 2, 506, 22, date '2025-06-05', '{101,105}', true, 301);

\echo
\echo '-- 11.7 徐燕 (111) sent to 绿源生物 (510), her declared conflict -> EN107'
\echo '--      (OFF-6: 回避, 处罚法 第四十三条)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1187, 4, 510, 40, date '2025-06-12', '{110,111}', true, 303);

\echo
\echo '-- 11.8 On site at 恒丰纺织 without the certificates shown -> EN106'
\echo '--      (INSP-4: 亮证执法, 处罚法 第五十五条)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1188, 3, 503, 27, date '2025-09-23', '{106,108}', false, 302);

\echo
\echo '-- 11.9 陈集镇执法办 (9) inspects routinely under its plan 305, still a draft'
\echo '--      -> EN202 (INSP-2: 检查计划须向司法行政机关备案)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1189, 9, 505, 27, date '2025-05-27', '{127,128}', true, 305);

\echo
\echo '-- 11.10 The fire brigade inspects 鑫源食品 on 2025-01-21 under plan 304, filed'
\echo '--       only on 2025-01-24 -> EN202 (INSP-2)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1190, 8, 501, 42, date '2025-01-21', '{124,125}', true, 304);

\echo
\echo '-- 11.11 An unplanned work-safety inspection without its reference -> EN203 (INSP-3)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, exemption)
VALUES (1191, 3, 504, 27, date '2025-07-29', '{106,108}', true, 'production_safety');

\echo
\echo '-- 11.12 A third routine inspection of 鑫源食品 by 区市场监管局 (after 1101 and'
\echo '--       1109) under the district-wide cap of 2 -> EN204 (INSP-5)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id)
VALUES (1192, 2, 501, 21, date '2025-10-28', '{101,102}', true, 301);

\echo
\echo '-- 11.13 陈集镇执法办 files its plan 305 with its entrusting bureau (3) instead of'
\echo '--       the justice bureau -> EN206 (INSP-2: 向同级司法行政机关备案)'
UPDATE enforcement.inspection_plans
   SET status = 'filed', filed_on = date '2025-01-20', filed_with = 3
 WHERE id = 305;

\echo
\echo '-- 11.14 The fire brigade files a second plan for 2025 with no items -> EN206 (INSP-2)'
INSERT INTO enforcement.inspection_plans (id, agency_id, year) VALUES (307, 8, 2025);
UPDATE enforcement.inspection_plans
   SET status = 'filed', filed_on = date '2025-07-01', filed_with = 1
 WHERE id = 307;

\echo
\echo '-- 11.15 Back-dating the filing of plan 304 to 2025-01-20 (to cover 11.10)'
\echo '--       -> EN206 (INSP-2: a filed plan never changes)'
UPDATE enforcement.inspection_plans SET filed_on = date '2025-01-20' WHERE id = 304;

\echo
\echo '-- 11.16 李秀英 (102) signs inspection 1101 for 王海涛, who has left; she did not'
\echo '--       take part -> EN207 (INSP-6: 检查台账由检查人员签字)'
INSERT INTO enforcement.inspection_signatures (inspection_id, officer_id, signed_on)
VALUES (1101, 102, date '2025-03-03');

\echo
\echo '-- 11.17 生态环境分局 records a part of joint inspection 1503 (顺达物流, 2025-10-14)'
\echo '--       dated 2025-10-15 -> EN207 (INSP-6: the part must match the joint inspection)'
INSERT INTO enforcement.inspections (id, agency_id, enterprise_id, legal_basis_id,
    inspected_on, officer_ids, certificates_shown, plan_id, joint_inspection_id)
VALUES (1193, 4, 507, 40, date '2025-10-15', '{110,112}', true, 303, 1503);

\echo
\echo '-- 11.18 Moving inspection 1102 to another day after the fact -> EN501'
\echo '--       (REC-2: only outcome and ended_on change after insert)'
UPDATE enforcement.inspections SET inspected_on = date '2025-02-13' WHERE id = 1102;

\echo
\echo '-- After the refusals: still 38 inspections; plans 305 and 307 drafts; 304 as filed'
SELECT count(*) AS inspections,
       count(*) FILTER (WHERE id BETWEEN 1181 AND 1199) AS refused_ids_present
  FROM enforcement.inspections;
SELECT id, agency_id, status, filed_on, filed_with
  FROM enforcement.inspection_plans WHERE id IN (304, 305, 307) ORDER BY id;
SELECT id, inspected_on FROM enforcement.inspections WHERE id = 1102;

-- ---------------------------------------------------------------------------
\echo
\echo '== 12. Inspection supervision (检查监督): ledger, burden, frequency =='
-- ---------------------------------------------------------------------------

\echo
\echo '-- 12.1 The inspection ledger (检查台账, v_inspection_ledger): planned or exempt,'
\echo '--      officers and signatures (1114: one signature missing), outcome'
SELECT * FROM enforcement.v_inspection_ledger ORDER BY inspected_on, inspection_id;

\echo
\echo '-- 12.2 The burden on each enterprise (企业负担, v_enterprise_burden): a joint'
\echo '--      inspection (综合查一次) counts as one visit however many agencies took part'
SELECT * FROM enforcement.v_enterprise_burden ORDER BY enterprise_id, year;

\echo
\echo '-- 12.3 Routine inspection frequency against the published caps (检查频次,'
\echo '--      v_inspection_frequency): agency 3''s own cap of 3, everyone else''s 2'
SELECT * FROM enforcement.v_inspection_frequency WHERE routine_visits > 0 ORDER BY agency_id, enterprise_id;


\echo '-- 12.x QR check-in (扫码入企, INSP-8): the app prints a signed token for inspection 1101;'
\echo '--      the enterprise checks it without access to any other row'
SELECT enforcement.checkin_token(1101) AS token \gset
SELECT :'token' AS token, length(:'token') AS characters;
SELECT * FROM enforcement.verify_checkin(:'token');
\echo '--      one character changed: not valid (and no error)'
SELECT valid, inspection_id FROM enforcement.verify_checkin(
    overlay(:'token' placing (CASE WHEN substr(:'token', 10, 1) = 'A' THEN 'B' ELSE 'A' END) from 10 for 1));

-- ---------------------------------------------------------------------------
\echo
\echo '== 12b. Cases and decisions (行政处罚案件: 立案、调查、告知、听证、法制审核、决定、送达、执行、结案) =='
\echo '   Release 1.5: CASE-1..10.  Cases grow out of the inspections of part 10;'
\echo '   a case moves only by its steps (case_events); a decision decides it.'
\echo '   A few steps below are refused on purpose: each is announced by its rule.'
-- ---------------------------------------------------------------------------

\echo
\echo '-- 12b.1 What the agencies publish for their decisions (CASE-2, -3, -4):'
\echo '--       discretion benchmarks (裁量基准, 处罚法 第三十四条), the no-penalty list'
\echo '--       (不予处罚清单, 处罚法 第三十三条) and the catalogue of major decisions'
\echo '--       (重大执法决定法制审核目录, 处罚法 第五十八条)'

-- Region-wide rows (agency_id NULL, published for every agency of the district)
-- are written by the DBA; an agency's own row hides the region's for the same
-- legal basis and circumstance.
--
-- 食品安全法 第一百二十四条, goods worth under 10 000 yuan: 五万元以上十万元以下.
-- The benchmark of 2022 (one band, 60 000-90 000) was replaced on 2024-06-28 by
-- three bands.
INSERT INTO enforcement.discretion_benchmarks
    (id, agency_id, legal_basis_id, circumstance, fine_min, fine_max, published_on, effective_to)
VALUES
    (910, NULL, 24, 'ordinary', 60000, 90000,  date '2022-03-01', date '2024-06-27'),
    (911, NULL, 24, 'lenient',  50000, 65000,  date '2024-06-28', NULL),   -- 从轻
    (912, NULL, 24, 'ordinary', 65000, 85000,  date '2024-06-28', NULL),   -- 一般
    (913, NULL, 24, 'severe',   85000, 100000, date '2024-06-28', NULL);   -- 从重

-- 食品安全法 第一百二十六条 (拒不改正的，处五千元以上五万元以下罚款): the market
-- regulation bureau's own benchmark.
INSERT INTO enforcement.discretion_benchmarks
    (id, agency_id, legal_basis_id, circumstance, fine_min, fine_max, published_on)
VALUES
    (914, 2, 25, 'lenient',   5000, 15000, date '2024-07-15'),
    (915, 2, 25, 'ordinary', 15000, 35000, date '2024-07-15'),
    (916, 2, 25, 'severe',   35000, 50000, date '2024-07-15');

-- 安全生产法 第九十七条 (十万元以下) and 第一百零二条 (五万元以下): region-wide.
-- Neither article has a minimum, so no 减轻 (mitigated) band is published.
INSERT INTO enforcement.discretion_benchmarks
    (id, agency_id, legal_basis_id, circumstance, fine_min, fine_max, published_on)
VALUES
    (917, NULL, 31, 'lenient',   1000, 10000,  date '2024-05-20'),
    (918, NULL, 31, 'ordinary', 10000, 30000,  date '2024-05-20'),
    (919, NULL, 31, 'severe',   30000, 50000,  date '2024-05-20'),
    (920, NULL, 28, 'lenient',  10000, 30000,  date '2024-05-20'),
    (921, NULL, 28, 'ordinary', 30000, 70000,  date '2024-05-20'),
    (922, NULL, 28, 'severe',   70000, 100000, date '2024-05-20');

-- The no-penalty list (不予处罚清单): two region-wide items for food safety, one
-- of the emergency management bureau's own.
INSERT INTO enforcement.leniency_items
    (id, agency_id, legal_basis_id, kind, lookback_years, description, published_on)
VALUES
    (961, NULL, 25, 'first_offense_exempt', 2,
     '初次违法（两年内未因同一违法行为受过行政处罚）：食品经营者未按规定建立并遵守进货查验记录制度，危害后果轻微并及时改正的，可以不予行政处罚（行政处罚法 第三十三条第一款）',
     date '2024-12-16'),
    (962, NULL, 26, 'minor_exempt', 1,
     '未按要求进行食品贮存，违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚（行政处罚法 第三十三条第一款）',
     date '2024-12-16'),
    (963, 3, 29, 'minor_exempt', 1,
     '未在有较大危险因素的生产经营场所设置明显的安全警示标志，当场改正，没有造成危害后果的，不予行政处罚（行政处罚法 第三十三条第一款）',
     date '2024-12-20');

-- The catalogues of major decisions of the two bureaus that decide cases here.
INSERT INTO enforcement.review_catalog
    (id, agency_id, published_on, fine_at_least, decision_kinds, description)
VALUES
    (981, 2, date '2024-03-29', 50000, '{suspend_license, revoke_license, order_closure}',
     '区市场监管局重大执法决定法制审核目录清单：罚款五万元以上；责令停产停业；吊销许可证'),
    (982, 3, date '2024-04-12', 30000, '{suspend_license, revoke_license, order_closure}',
     '区应急管理局重大执法决定法制审核目录清单：罚款三万元以上；责令停产停业整顿；吊销有关证照');

SELECT id, agency_id, legal_basis_id, circumstance, fine_min, fine_max, published_on, effective_to
  FROM enforcement.discretion_benchmarks ORDER BY legal_basis_id, agency_id NULLS FIRST, id;
SELECT id, agency_id, legal_basis_id, kind, lookback_years, published_on
  FROM enforcement.leniency_items ORDER BY id;
SELECT id, agency_id, published_on, fine_at_least, decision_kinds
  FROM enforcement.review_catalog ORDER BY id;

\echo
\echo '-- 12b.2 Eight cases are opened (立案) from inspections of part 10, each by two'
\echo '--       certified handlers under a published penalty power; the inspections'
\echo '--       record the outcome case_opened'

-- 2001 区市场监管局 → 鑫源食品 (501), from inspection 1109 (2025-03-18, 进货查验):
-- flour and cooking oil bought since January without purchase-inspection records
-- (食品安全法 第一百二十六条第一款第三项); records made up on 2025-03-20.  A first
-- offence, minor harm, corrected.
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids,
    party_kind, harm, corrected)
VALUES (2001, 2, 501, 1109, 25, date '2025-03-19', date '2025-01-06', date '2025-03-20',
        date '2025-03-18', '{101,102}', 'organisation', 'minor', true);

-- 2002 区市场监管局 → 鑫源食品 (501), from the province-wide sampling 1128
-- (2025-08-21): the test report of 2025-09-04 finds 菌落总数 above GB 7099 in a
-- batch of cakes produced on 2025-08-18 (第一百二十四条第一款第一项); goods worth
-- 3 720 yuan, illegal income 1 860 yuan.
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids,
    party_kind, harm, corrected, endangers_life_or_finance)
VALUES (2002, 2, 501, 1128, 24, date '2025-09-05', date '2025-08-18', date '2025-08-21',
        date '2025-09-04', '{101,102}', 'organisation', 'minor', true, true);

-- 2003 区市场监管局 → 王记山药加工坊 (505, 个体工商户), from the sampling 1124
-- (2025-07-15): sulphur-fumigated yam with 二氧化硫残留量 4.6 times the limit of
-- GB 2760 (第一百二十四条第一款第三项), several batches: 情节严重.
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids,
    party_kind, harm, corrected, endangers_life_or_finance)
VALUES (2003, 2, 505, 1124, 24, date '2025-07-29', date '2025-06-20', date '2025-07-15',
        date '2025-07-28', '{101,102}', 'individual', 'serious', false, true);

-- 2004 区应急管理局 → 华宇化工 (502), from inspection 1102 (2025-02-12): the tank
-- farm's combustible-gas alarms out of order and its fire dike broken, a hidden
-- danger not eliminated (安全生产法 第一百零二条); the farm borders a residential
-- quarter: 涉及重大公共利益.  杨帆 (107) still holds a valid certificate.
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids,
    party_kind, harm, corrected, public_interest)
VALUES (2004, 3, 502, 1102, 31, date '2025-02-14', date '2025-01-20', date '2025-02-21',
        date '2025-02-12', '{106,107}', 'organisation', 'minor', true, true);

-- 2005 陈集镇执法办 (9, entrusted by 区应急管理局, acting in its name) → 李记烧饼店
-- (506, 个体工商户), from inspection 1130 (2025-09-16): LPG cylinders stored in the
-- basement next to the stoves (第一百零二条), removed on 2025-09-18.
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids,
    party_kind, harm, corrected)
VALUES (2005, 9, 506, 1130, 31, date '2025-09-17', date '2025-09-16', date '2025-09-18',
        date '2025-09-16', '{128,129}', 'individual', 'minor', true);

-- 2006 区应急管理局 → 明辉木业 (508), from inspection 1107 (2025-03-06): the
-- training files show three carpenters hired in October 2022 working untrained
-- until 2022-12-20 (安全生产法 第九十七条第三项).
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, violation_ended_on, discovered_on, handler_ids,
    party_kind, harm, corrected)
VALUES (2006, 3, 508, 1107, 28, date '2025-03-07', date '2022-10-10', date '2022-12-20',
        date '2025-03-06', '{106,108}', 'organisation', 'none', true);

-- 2007 区市场监管局 → 张姐家常菜馆 (509), on the report of 2025-04-07 followed up by
-- inspection 1112: expired ingredients found in the kitchen (第一百二十四条第一款第二项: 用超过
-- 保质期的食品原料).
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids, party_kind)
VALUES (2007, 2, 509, 1112, 24, date '2025-04-10', date '2025-04-09',
        date '2025-04-09', '{101,102}', 'individual');

-- 2008 区市场监管局 → 李记烧饼店 (506), after the off-site check 1133 (2025-10-21):
-- no purchase-inspection records, and still none when the order to correct ran
-- out on 2025-10-31: 拒不改正 (第一百二十六条), so no first-offence exemption.
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, inspection_id, legal_basis_id,
    opened_on, violation_on, discovered_on, handler_ids, party_kind, harm, corrected)
VALUES (2008, 2, 506, 1133, 25, date '2025-11-04', date '2025-10-21',
        date '2025-10-21', '{101,102}', 'individual', 'minor', false);

UPDATE enforcement.inspections SET outcome = 'case_opened'
 WHERE id IN (1102, 1107, 1109, 1112, 1124, 1128, 1130, 1133);

SELECT c.id, c.agency_id, c.enterprise_id, e.name AS enterprise, c.inspection_id,
       b.code AS basis, c.opened_on, c.handler_ids, c.party_kind, c.harm, c.corrected, c.stage
  FROM enforcement.cases c
  JOIN enforcement.enterprises e ON e.id = c.enterprise_id
  JOIN enforcement.legal_bases b ON b.id = c.legal_basis_id
 ORDER BY c.id;

\echo
\echo '-- 12b.3 Case 2001, a first offence (初次违法): investigated, notified of the'
\echo '--       intended decision not to penalise, decided no_penalty'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no, note)
VALUES (2001, 'investigated', date '2025-03-26', '{101,102}', '定市监调终〔2025〕15号',
        '调查终结：2025年1月6日至3月18日购进面粉、食用油11批次未查验、未记录；3月20日已补建进货查验记录');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no, note)
VALUES (2001, 'notified', date '2025-03-28', '定市监不罚告〔2025〕3号',
        '拟不予行政处罚告知书：当事人未提出陈述、申辩');

\echo '--       A warning, where the published first-offence item 961 applies -> EN305'
\echo '--       (CASE-4: the no-penalty list binds the agency; expected ERROR)'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, document_no)
VALUES (2281, 2001, date '2025-04-03', 'warning', 'ordinary', '定市监罚〔2025〕4号');

\echo '--       Not to penalise (不予行政处罚) with education: accepted; the extension fills'
\echo '--       in leniency_item_id (961) and records the step decided'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, document_no)
VALUES (2201, 2001, date '2025-04-03', 'no_penalty', 'exempt', '定市监不罚〔2025〕3号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no, note)
VALUES (2001, 'served', date '2025-04-07', '定市监送〔2025〕21号', '不予行政处罚决定书直接送达；同时开展行政指导');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2001, 'closed', date '2025-04-09', '定市监结〔2025〕18号');
UPDATE enforcement.decisions SET disclosed_on = date '2025-04-10' WHERE id = 2201;

SELECT id, case_id, decided_on, kind, circumstance, leniency_item_id, document_no, disclosed_on
  FROM enforcement.decisions WHERE id = 2201;

\echo
\echo '-- 12b.4 Case 2002, a major case: a fine of 70 000 yuan reaches the bureau''s'
\echo '--       catalogue (五万元以上), so the decision needs a legal review (法制审核)'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2002, 'investigated', date '2025-09-12', '{101,102}', '定市监调终〔2025〕41号');
-- fine and confiscation 71 860 yuan, under the organisation threshold of 100 000:
-- no hearing need be offered
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no, note)
VALUES (2002, 'notified', date '2025-09-16', '定市监罚告〔2025〕38号',
        '行政处罚告知书：拟没收违法所得1860元，罚款70000元；当事人书面陈述、申辩，未提出新的事实');

\echo '--       A fine of 120 000 yuan, above the benchmark 912 (65 000-85 000) and the'
\echo '--       statute''s maximum -> EN304 (CASE-3; expected ERROR)'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount,
    confiscation_amount, circumstance, document_no)
VALUES (2282, 2002, date '2025-09-25', 'fine', 120000, 1860, 'ordinary', '定市监罚〔2025〕12号');

\echo '--       70 000 yuan, but before any legal review -> EN302 (CASE-2; expected ERROR)'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount,
    confiscation_amount, circumstance, document_no)
VALUES (2283, 2002, date '2025-09-25', 'fine', 70000, 1860, 'ordinary', '定市监罚〔2025〕12号');

\echo '--       The case sent for review to 张建国 (101), a handler without 法律职业资格'
\echo '--       -> EN303 (CASE-2; expected ERROR)'
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on)
VALUES (2181, 2002, 101, date '2025-09-22');

\echo '--       ... and to 刘静 (104), the designated reviewer: accepted; her opinion is'
\echo '--       a draft until she concludes'
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, opinion)
VALUES (2101, 2002, 104, date '2025-09-22', '审核中：核对检验报告及复检告知材料');
UPDATE enforcement.legal_reviews
   SET concluded_on = date '2025-09-24', result = 'approved',
       opinion = '主体适格，事实清楚，证据确凿，适用食品安全法第一百二十四条第一款第一项正确，程序合法，罚款处于裁量基准一般档，同意'
 WHERE id = 2101;
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2002, 'reviewed', date '2025-09-24', '定市监法审〔2025〕36号');

\echo '--       Decided after the approved review: accepted'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount,
    confiscation_amount, circumstance, document_no)
VALUES (2202, 2002, date '2025-09-26', 'fine', 70000, 1860, 'ordinary', '定市监罚〔2025〕12号');
-- served on Sunday 2025-09-28, a make-up working day (国办发明电〔2024〕12号)
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2002, 'served', date '2025-09-28', '定市监送〔2025〕67号');
UPDATE enforcement.decisions SET disclosed_on = date '2025-09-30' WHERE id = 2202;

\echo '--       Paid within 15 days at the designated bank (处罚法 第六十七条): fine and'
\echo '--       confiscated income on one 非税收入一般缴款书'
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector, receipt_no)
VALUES (2302, 2202, 71860, date '2025-10-10', 'designated_bank', '鲁非税 3717032510100038');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no, note)
VALUES (2002, 'executed', date '2025-10-13', '定市监执〔2025〕29号', '罚没款已缴入国库');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2002, 'closed', date '2025-10-17', '定市监结〔2025〕52号');

\echo
\echo '-- 12b.5 Case 2003, a licence revoked (吊销食品生产许可证): the notice offers a'
\echo '--       hearing (处罚法 第六十三条), the party asks for one, the hearing is held,'
\echo '--       the case reviewed, the decision made'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2003, 'investigated', date '2025-08-08', '{101,102}', '定市监调终〔2025〕33号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, hearing_offered, document_no, note)
VALUES (2003, 'notified', date '2025-08-12', true, '定市监罚听告〔2025〕6号',
        '行政处罚听证告知书：拟没收违法所得4300元，罚款90000元，吊销食品生产许可证；告知五日内可申请听证');
-- requested on 2025-08-14; notice of the hearing on 2025-08-18, seven days ahead
-- (处罚法 第六十四条)
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no, note)
VALUES (2003, 'hearing', date '2025-08-26', '定市监听〔2025〕4号',
        '公开举行听证，法规科负责人主持；当事人对检验结论无异议，请求从轻处罚');
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result, opinion)
VALUES (2102, 2003, 104, date '2025-08-28', date '2025-09-02', 'approved',
        '多批次二氧化硫残留量超标，情节严重；听证程序合法；同意吊销许可证并处罚款');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2003, 'reviewed', date '2025-09-02', '定市监法审〔2025〕31号');
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount,
    confiscation_amount, circumstance, document_no)
VALUES (2203, 2003, date '2025-09-04', 'revoke_license', 90000, 4300, 'severe', '定市监罚〔2025〕11号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2003, 'served', date '2025-09-05', '定市监送〔2025〕58号');
UPDATE enforcement.decisions SET disclosed_on = date '2025-09-10' WHERE id = 2203;
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector, receipt_no)
VALUES (2303, 2203, 94300, date '2025-09-18', 'e_payment', '鲁非税 3717032509180112');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no, note)
VALUES (2003, 'executed', date '2025-09-22', '定市监执〔2025〕25号', '许可证收回并公告注销；罚没款缴清');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2003, 'closed', date '2025-09-26', '定市监结〔2025〕47号');

\echo
\echo '-- 12b.6 Case 2004, 涉及重大公共利益: reviewed by 黄丽娟 (108), who is not a handler'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2004, 'investigated', date '2025-02-25', '{106,107}', '定应急调终〔2025〕4号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2004, 'notified', date '2025-03-04', '定应急罚告〔2025〕5号');
INSERT INTO enforcement.legal_reviews (id, case_id, reviewer_id, submitted_on, concluded_on, result, opinion)
VALUES (2103, 2004, 108, date '2025-03-07', date '2025-03-11', 'approved',
        '隐患已于2月21日整改完毕，罚款二万元处于裁量基准一般档，同意');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2004, 'reviewed', date '2025-03-11', '定应急法审〔2025〕3号');

\echo '--       A 减轻 (mitigated) fine of 8 000 yuan: no such band is published for'
\echo '--       第一百零二条 -> EN304 (CASE-3; expected ERROR)'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance, document_no)
VALUES (2284, 2004, date '2025-03-12', 'fine', 8000, 'mitigated', '定应急罚〔2025〕6号');

\echo '--       20 000 yuan in the ordinary band: accepted'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance, document_no)
VALUES (2204, 2004, date '2025-03-13', 'fine', 20000, 'ordinary', '定应急罚〔2025〕6号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2004, 'served', date '2025-03-14', '定应急送〔2025〕9号');
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector, receipt_no)
VALUES (2304, 2204, 20000, date '2025-03-27', 'designated_bank', '鲁非税 3717032503270021');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2004, 'executed', date '2025-03-28', '定应急执〔2025〕3号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2004, 'closed', date '2025-04-02', '定应急结〔2025〕5号');
-- disclosed on 2025-03-31, after its due day (7 working days: 2025-03-24)
UPDATE enforcement.decisions SET disclosed_on = date '2025-03-31' WHERE id = 2204;

\echo
\echo '-- 12b.7 Case 2005, decided by the entrusted 陈集镇执法办 in the name of 区应急管理局;'
\echo '--       the fine collected on site'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2005, 'investigated', date '2025-09-23', '{128,129}', '定应急调终〔2025〕37号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2005, 'notified', date '2025-09-24', '定应急罚告〔2025〕41号');

\echo '--       8 000 yuan on an individual (hearing threshold 5 000) after a notice that'
\echo '--       offered no hearing -> EN307 (CASE-6; expected ERROR)'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance, document_no)
VALUES (2285, 2005, date '2025-09-29', 'fine', 8000, 'lenient', '定应急罚〔2025〕43号');

\echo '--       3 000 yuan (从轻: removed the cylinders at once, 处罚法 第三十二条): accepted,'
\echo '--       the decision handed over on the spot (处罚法 第六十一条)'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance, document_no)
VALUES (2205, 2005, date '2025-09-29', 'fine', 3000, 'lenient', '定应急罚〔2025〕43号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2005, 'served', date '2025-09-29', '定应急送〔2025〕52号');

\echo '--       Collected on site without a reason, over the limit of 100 yuan'
\echo '--       -> EN308 (CASE-9; expected ERROR)'
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector, receipt_no)
VALUES (2385, 2205, 3000, date '2025-09-29', 'onsite', '鲁罚没收据 No.0012035');

\echo '--       ... with its reason (处罚法 第六十九条): accepted'
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector, onsite_reason, receipt_no)
VALUES (2305, 2205, 3000, date '2025-09-29', 'onsite',
        '陈集镇距指定代收银行网点较远、交通不便，当事人提出到银行缴纳确有困难，依照行政处罚法第六十九条当场收缴，出具省财政厅统一制发的罚没款收据',
        '鲁罚没收据 No.0012035');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no, note)
VALUES (2005, 'executed', date '2025-09-30', '定应急执〔2025〕31号', '当场收缴的罚款于次日交至区应急管理局并缴付指定银行（处罚法 第七十一条）');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2005, 'closed', date '2025-10-09', '定应急结〔2025〕44号');
-- (not disclosed: listed in v_overdue_disclosures, part 15c)

\echo
\echo '-- 12b.8 Case 2006: the violation ended on 2022-12-20 and was discovered on'
\echo '--       2025-03-06, more than two years later (处罚法 第三十六条)'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2006, 'investigated', date '2025-03-14', '{106,108}', '定应急调终〔2025〕7号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no, note)
VALUES (2006, 'notified', date '2025-03-18', '定应急罚告〔2025〕8号',
        '告知拟罚款三万元；当事人申辩：违法行为已于2022年12月20日终了，超过追责期限');

\echo '--       A fine all the same -> EN306 (CASE-5; expected ERROR)'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance, document_no)
VALUES (2286, 2006, date '2025-03-21', 'fine', 30000, 'ordinary', '定应急罚〔2025〕9号');

\echo '--       Not to penalise (超过追责期限): accepted, with no item of the list'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, document_no)
VALUES (2206, 2006, date '2025-03-21', 'no_penalty', 'exempt', '定应急不罚〔2025〕1号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2006, 'served', date '2025-03-24', '定应急送〔2025〕10号');
-- closed without its 结案审批表 number: the case lacks its full record (part 15c)
INSERT INTO enforcement.case_events (case_id, stage, occurred_on)
VALUES (2006, 'closed', date '2025-03-26');
UPDATE enforcement.decisions SET disclosed_on = date '2025-03-26' WHERE id = 2206;

\echo
\echo '-- 12b.9 Case 2007: the expired goods were labelled for return and not used;'
\echo '--       the case is dismissed (撤销立案) and closed'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no, note)
VALUES (2007, 'investigated', date '2025-04-17', '{101,102}', '定市监调终〔2025〕19号',
        '过期调味品已单独存放并标注“待退货”，未发现用于加工');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2007, 'dismissed', date '2025-04-18', '定市监撤〔2025〕2号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2007, 'closed', date '2025-04-21', '定市监结〔2025〕20号');

\echo
\echo '-- 12b.10 Case 2008: investigated and notified, but the notice left out the'
\echo '--        hearing right; it stays open (see 13.2 and v_overdue_cases)'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, officer_ids, document_no)
VALUES (2008, 'investigated', date '2025-11-12', '{101,102}', '定市监调终〔2025〕58号');
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2008, 'notified', date '2025-11-18', '定市监罚告〔2025〕55号');

\echo
\echo '-- 12b.11 The cases, their steps (the step decided written by the extension)'
\echo '--        and the decisions and payments'
SELECT id, agency_id, enterprise_id, opened_on, stage FROM enforcement.cases ORDER BY id;
SELECT case_id, stage, occurred_on, officer_ids, hearing_offered, document_no, agency_id
  FROM enforcement.case_events ORDER BY case_id, id;
SELECT id, case_id, agency_id, decided_on, kind, fine_amount, confiscation_amount,
       circumstance, leniency_item_id, document_no, disclosed_on
  FROM enforcement.decisions ORDER BY id;
SELECT id, decision_id, agency_id, amount, paid_on, collector, receipt_no,
       left(onsite_reason, 24) AS onsite_reason
  FROM enforcement.payments ORDER BY id;
SELECT id, case_id, reviewer_id, submitted_on, concluded_on, result
  FROM enforcement.legal_reviews ORDER BY id;

-- ---------------------------------------------------------------------------
\echo
\echo '== 12c. Refused case actions (被拒绝的案件操作): each ERROR below is expected =='
-- ---------------------------------------------------------------------------

\echo
\echo '-- 12c.1 Setting the stage of case 2008 directly -> EN301 (CASE-1: only its steps move it)'
UPDATE enforcement.cases SET stage = 'closed' WHERE id = 2008;

\echo
\echo '-- 12c.2 Opening a case at the stage decided -> EN301 (CASE-1: a case opens filed)'
INSERT INTO enforcement.cases (id, agency_id, enterprise_id, legal_basis_id, opened_on,
    violation_on, discovered_on, handler_ids, stage)
VALUES (2081, 2, 509, 25, date '2025-11-20', date '2025-11-18', date '2025-11-18',
        '{101,102}', 'decided');

\echo
\echo '-- 12c.3 Writing the step decided of case 2008 by hand -> EN301 (CASE-1: only a'
\echo '--       decision decides)'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2008, 'decided', date '2025-11-25', '定市监罚〔2025〕15号');

\echo
\echo '-- 12c.4 Closing case 2008 straight from notified -> EN301 (CASE-1: stage order)'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2008, 'closed', date '2025-11-25', '定市监结〔2025〕60号');

\echo
\echo '-- 12c.5 A hearing in case 2008, whose notice offered none -> EN301 (CASE-6)'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2008, 'hearing', date '2025-11-25', '定市监听〔2025〕9号');

\echo
\echo '-- 12c.6 A review step of case 2008 dated before its notice (2025-11-18)'
\echo '--       -> EN301 (CASE-1: steps in date order)'
INSERT INTO enforcement.case_events (case_id, stage, occurred_on, document_no)
VALUES (2008, 'reviewed', date '2025-11-14', '定市监法审〔2025〕50号');

\echo
\echo '-- 12c.7 A second decision of the closed case 2001 -> EN301 (CASE-1: decided once,'
\echo '--       after its notice)'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, circumstance, document_no)
VALUES (2287, 2001, date '2025-04-15', 'warning', 'ordinary', '定市监罚〔2025〕5号');

\echo
\echo '-- 12c.8 A 加处罚款 of 75 000 yuan on decision 2202, already paid: 146 860 yuan in'
\echo '--       all, beyond twice the fine -> EN308 (CASE-9; 处罚法 第七十二条)'
INSERT INTO enforcement.payments (id, decision_id, amount, paid_on, collector, receipt_no)
VALUES (2382, 2202, 75000, date '2025-10-20', 'designated_bank', '鲁非税 3717032510200007');

\echo
\echo '-- 12c.9 Lowering the fine of decision 2202 after the fact -> EN309 (CASE-10)'
UPDATE enforcement.decisions SET fine_amount = 50000 WHERE id = 2202;

\echo
\echo '-- 12c.10 Disclosing decision 2205 (decided 2025-09-29) on 2025-09-26 -> EN309'
\echo '--        (CASE-10: disclosed on or after the decision)'
UPDATE enforcement.decisions SET disclosed_on = date '2025-09-26' WHERE id = 2205;

\echo
\echo '-- 12c.11 Rewriting the opinion of the concluded review 2101 -> EN309 (CASE-10)'
UPDATE enforcement.legal_reviews SET opinion = '同意（补签）' WHERE id = 2101;

\echo
\echo '-- After the refusals: case 2008 still notified, decision 2202 unchanged, one payment'
SELECT id, stage FROM enforcement.cases WHERE id IN (2001, 2008) ORDER BY id;
SELECT id, fine_amount, disclosed_on FROM enforcement.decisions WHERE id IN (2202, 2205) ORDER BY id;
SELECT decision_id, sum(amount) AS paid, count(*) AS payments
  FROM enforcement.payments WHERE decision_id = 2202 GROUP BY decision_id;

\echo
\echo '== 13. The same refusal in Chinese (lc_messages = zh_CN.UTF-8) =='
\echo '-- 13.1 Certificate for 赵磊 (105), auxiliary staff -> EN103, 中文提示'
SET lc_messages = 'zh_CN.UTF-8';
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1105, 105, '鲁菏定2025-0105', '2025-03-05', '2025-03-05', '2030-03-04');
\echo '-- 13.2 Case 2008 (李记烧饼店, an individual): a fine of 8 000 yuan after a notice'
\echo '--      that offered no hearing -> EN307, 中文提示'
INSERT INTO enforcement.decisions (id, case_id, decided_on, kind, fine_amount, circumstance, document_no)
VALUES (2288, 2008, date '2025-11-27', 'fine', 8000, 'lenient', '定市监罚〔2025〕15号');
RESET lc_messages;

\echo
\echo '== 14. Rolling out on an existing database: warn mode (试运行) =='
\echo '-- 14.1 In warn mode the same violation is let through with a WARNING'
\echo '--      and recorded in enforcement.violations; the mode change is recorded too'
SET enforcement.mode = 'warn';
INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
VALUES (514, '91371703MA3C4KJ19H', '菏泽定陶历史遗留数据有限公司', 'enterprise');
RESET enforcement.mode;
SELECT code, rule, table_name, row_id, db_user, message
FROM enforcement.violations ORDER BY occurred_at, id;
\echo '-- 14.2 Back in enforce mode (the default) it is refused again'
INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
VALUES (515, '91371703MA3C4KJ19H', '菏泽定陶另一家有限公司', 'enterprise');

\echo
\echo '== 15. Applications see and write only their own agency (行政执法主体范围, EN503) =='
\echo '-- The market-regulation bureau''s case-handling app connects as a writer for agency 2.'
\echo '-- (Roles belong to the whole server: this section runs in a transaction that is rolled back.)'
\set ON_ERROR_ROLLBACK on
BEGIN;
CREATE ROLE dt_scjg_app IN ROLE enforcement_writer;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('dt_scjg_app', 2);
SET LOCAL ROLE dt_scjg_app;
\echo '-- 15.1 It sees its own officers only'
SELECT o.id, o.name, o.agency_id FROM enforcement.officers o ORDER BY o.id;
\echo '-- 15.2 It registers an officer of its own bureau: accepted'
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (140, 2, '田新民', 'established', true, '2025-05-17');
\echo '-- 15.3 It tries to register an officer for the emergency-management bureau (3) -> EN503'
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (141, 3, '越权录入', 'established', true, '2025-05-17');
\echo '-- 15.4 It cannot read the process record -> 42501'
SELECT count(*) FROM enforcement.process_log;
ROLLBACK;
\set ON_ERROR_ROLLBACK off

\echo
\echo '== 15b. Facts over time: what the database cannot judge alone, shown =='
\echo '-- 15b.1 A suspension dated back over an inspection already made: accepted, the inspection listed (EN102)'
UPDATE enforcement.certificates SET status = 'suspended', status_since = date '2025-03-01',
    status_reason = '涉嫌违规执法，暂扣证件'
WHERE id = (SELECT c.id FROM enforcement.certificates c
            JOIN enforcement.inspections i ON c.officer_id = i.officer_ids[1]
            WHERE c.status = 'active' AND i.inspected_on >= date '2025-03-01'
            ORDER BY i.inspected_on LIMIT 1);
\echo '-- 15b.2 An inspection dated after today -> EN207'
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id, inspected_on,
    officer_ids, certificates_shown, exemption, exemption_ref)
SELECT i.agency_id, i.enterprise_id, i.legal_basis_id, current_date + 30, i.officer_ids,
       true, 'public_safety', '定安委〔2025〕9号'
FROM enforcement.inspections i ORDER BY i.id LIMIT 1;
\echo '-- 15b.3 Standing violations: every rule run against the data as it stands'
SELECT code, rule, table_name, row_id, agency_id, left(detail, 60) AS detail
FROM enforcement.v_standing_violations ORDER BY table_name, row_id LIMIT 10;
\echo '-- 15b.4 Acts recorded late (more than late_record_days after their date)'
SELECT table_name, count(*) AS rows, min(lag_days) AS min_lag, max(lag_days) AS max_lag
FROM enforcement.v_late_records GROUP BY table_name ORDER BY table_name;
\echo '-- 15b.5 Complaints that justified unplanned inspections'
SELECT complaint_id, agency_id, received_on, recorded_by, visits, recorded_by_inspector
FROM enforcement.v_complaint_grounds ORDER BY complaint_id;
\echo '-- 15b.6 Every live row equals its last entry in the process record'
SELECT count(*) AS rows_not_matching_the_record FROM enforcement.verify_rows();

\echo
\echo '== 15c. Supervision of cases and decisions (三项制度, 菏定政办字〔2023〕6号) =='
\echo '-- 15c.1 The register of legal reviews (重大执法决定法制审核, v_legal_review_register):'
\echo '--       every decision, whether it is major and why, and the review it rests on'
SELECT * FROM enforcement.v_legal_review_register ORDER BY decision_id;
\echo '-- 15c.2 The ledger of decisions not to penalise under the published list'
\echo '--       (不予处罚台账, v_leniency_ledger); 2206 (time-barred) applies no item'
SELECT * FROM enforcement.v_leniency_ledger ORDER BY decision_id;
\echo '-- 15c.3 Open cases past the 90 days of 处罚法 第六十条 (v_overdue_cases; days_overdue'
\echo '--       grows with every day, so it is shown only as overdue)'
SELECT case_id, agency_id, opened_on, stage, due_on, days_overdue > 0 AS overdue
  FROM enforcement.v_overdue_cases ORDER BY case_id;
\echo '-- 15c.4 Decisions disclosed late or not at all (7 working days, by the calendar;'
\echo '--       v_overdue_disclosures)'
SELECT * FROM enforcement.v_overdue_disclosures ORDER BY decision_id;
\echo '-- 15c.5 The three systems per agency (行政执法公示、全过程记录、重大执法决定法制审核,'
\echo '--       v_three_systems): case 2006 was closed without a document number; decision'
\echo '--       2204 was disclosed late, 2205 not at all'
SELECT t.*, a.name
  FROM enforcement.v_three_systems t JOIN enforcement.agencies a ON a.id = t.agency_id
 WHERE t.cases > 0 OR t.decisions > 0
 ORDER BY t.agency_id;

\echo '== 15d. Supervision (监督, 菏定政办字〔2023〕6号 第二部分第四条、第四部分、第六部分) =='
\echo '-- 15d.1 A fine quota (罚没任务) for the market-regulation bureau -> EN401 (QUOTA-1:'
\echo '--       严格禁止以罚款数额进行排名或者作为绩效考核的指标; expected ERROR)'
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, target, year)
VALUES (2, '2026年度执法目标', 'fine_amount', 500000, 2026);
\echo '--       The same quota in other words: the banned vocabulary (QUOTA-2; expected ERRORs)'
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, target, year)
VALUES (2, '全年罚没收入任务', 'annual_target', 500000, 2026);
INSERT INTO enforcement.performance_indicators (agency_id, name, metric, target, year)
VALUES (2, 'Fine amount per officer', 'per_officer', 20000, 2026);
INSERT INTO enforcement.performance_indicators (agency_id, officer_id, name, metric, target, year)
VALUES (2, 101, '个人检查次数', 'visits', 200, 2026);
\echo '--       What may be measured: lawfulness and service (accepted)'
INSERT INTO enforcement.performance_indicators (id, agency_id, name, metric, target, year)
VALUES (2401, 2, '行政复议、诉讼纠错率', 'reversal_rate', 0.02, 2026),
       (2402, 2, '投诉举报按期答复率', 'complaints_answered_on_time', 0.98, 2026);
SELECT id, agency_id, name, metric, target FROM enforcement.performance_indicators ORDER BY id;

\echo '-- 15d.2 A conduct complaint (执法行为投诉) about 李秀英 (102), from its receipt to its close'
INSERT INTO enforcement.complaints (id, received_on, kind, about_agency_id, about_officer_id,
    complainant, summary)
VALUES (611, date '2025-10-09', 'conduct_complaint', 2, 102, '鑫源食品 法定代表人 孙某',
        '检查人员未出示执法证件即要求调取账簿');
UPDATE enforcement.complaints SET status = 'accepted', accepted_on = date '2025-10-10' WHERE id = 611;
UPDATE enforcement.complaints SET status = 'verified' WHERE id = 611;
UPDATE enforcement.complaints SET status = 'answered', answered_on = date '2025-10-30' WHERE id = 611;
\echo '--       Closed before it is reported to the justice bureau -> EN402 (CMP-1,'
\echo '--       意见 第四部分第十一条; expected ERROR)'
UPDATE enforcement.complaints SET status = 'closed', closed_on = date '2025-11-03' WHERE id = 611;
\echo '--       Reported to 定陶区司法局 and closed the same day: accepted'
UPDATE enforcement.complaints SET status = 'closed', closed_on = date '2025-11-03',
       reported_to_justice_on = date '2025-11-03' WHERE id = 611;
SELECT id, kind, status, received_on, accepted_on, answered_on, reported_to_justice_on, closed_on
  FROM enforcement.complaints WHERE id = 611;
\echo '--       Complaints past a deadline (5 working days to accept, 30 days to answer):'
\echo '--       the violation report 601 was never accepted'
SELECT complaint_id, agency_id, kind, status, received_on, due_on
  FROM enforcement.v_overdue_complaints ORDER BY complaint_id;

\echo '-- 15d.3 Reconsideration (行政复议) alters decision 2202 (the 70 000 yuan fine of case 2002):'
\echo '--       a reverse investigation (责任倒查, 第六部分第十八条) of the handlers 101, 102 and'
\echo '--       the reviewer 104 opens in the same transaction, due in accountability_due_days'
INSERT INTO enforcement.review_outcomes (id, decision_id, venue, result, decided_on, document_no)
VALUES (2451, 2202, 'reconsideration', 'altered', date '2025-12-15', '菏定政复决字〔2025〕17号');
SELECT id, case_id, review_outcome_id, officer_ids, opened_on, due_on, status
  FROM enforcement.accountability_reviews;
\echo '--       Nobody opens or rewrites one by hand -> EN207 (expected ERRORs)'
INSERT INTO enforcement.accountability_reviews (case_id, officer_ids, opened_on, due_on)
VALUES (2002, '{101}', date '2025-12-15', date '2026-12-31');
UPDATE enforcement.accountability_reviews SET officer_ids = '{104}' WHERE review_outcome_id = 2451;
\echo '--       It concludes with its finding'
UPDATE enforcement.accountability_reviews
   SET status = 'concluded', concluded_on = date '2026-01-10',
       finding = '主办人员未全面审查抽检复检材料，适用裁量档次错误；建议吊销李秀英执法证件'
 WHERE review_outcome_id = 2451;

\echo '-- 15d.4 The sanction revokes the officer''s certificate in the same transaction (ACC-2),'
\echo '--       through the certificate''s own rules'
INSERT INTO enforcement.officer_sanctions (id, officer_id, decided_on, reason, sanction,
    accountability_review_id)
SELECT 2461, 102, date '2026-01-15', '责任倒查：适用裁量档次错误', 'revoke', id
  FROM enforcement.accountability_reviews WHERE review_outcome_id = 2451;
SELECT id, officer_id, number, status, status_since, status_reason
  FROM enforcement.certificates WHERE officer_id = 102;
SELECT kind, case_id, officer_id, officer_ids, opened_on, due_on, status
  FROM enforcement.v_accountability ORDER BY kind, opened_on;

\echo '-- 15d.5 A social supervisor (社会监督员) reads the supervision views and nothing else'
\echo '--       (roles belong to the whole server: this part is rolled back)'
BEGIN;
CREATE ROLE dt_shjdy_wang LOGIN IN ROLE enforcement_observer;
INSERT INTO enforcement.supervisors (kind, name, appointed_on, term_ends_on, role_name)
VALUES ('social_supervisor', '王立群（区人大代表）', date '2025-06-01', date '2027-05-31', 'dt_shjdy_wang');
SET ROLE dt_shjdy_wang;
SELECT agency_id, decisions, disclosed_on_time, major_decisions, reviewed_major,
       cases, cases_with_full_record
  FROM enforcement.v_three_systems WHERE cases > 0 OR decisions > 0 ORDER BY agency_id;
\echo '--       ... but no table, and never a complainant -> 42501 (expected ERROR)'
SELECT complainant FROM enforcement.complaints;
ROLLBACK;

\echo '-- 15d.6 The report for other authorities (SUP-3): every supervision view for 2025,'
\echo '--       one JSON document (docs/supervision-report.schema.json); its rows per view'
SELECT key AS view, value AS rows
  FROM jsonb_each((enforcement.supervision_report(date '2025-01-01', date '2025-12-31'))->'counts')
 ORDER BY key;

\echo '== 16. The process record (执法全过程记录): every write above, hash-chained =='
\echo '-- 16.1 Entries per chain (one chain per agency; chain 0: data without an agency)'
SELECT l.chain, a.name AS agency, count(*) AS entries
FROM enforcement.process_log l LEFT JOIN enforcement.agencies a ON a.id = l.chain
GROUP BY l.chain, a.name ORDER BY l.chain;
\echo '-- 16.2 The latest entries'
SELECT seq, chain, table_name, operation, row_id, db_user,
       left(row_data::text, 50) AS row_data, left(encode(hash, 'hex'), 16) AS hash
FROM enforcement.process_log ORDER BY seq DESC LIMIT 5;
\echo '-- 16.3 An auditor verifies the whole record'
SELECT * FROM enforcement.verify_process_log();
\echo '-- 16.4 ... and publishes the head outside the database (e.g. to the justice bureau)'
SELECT seq, encode(hash, 'hex') AS head_hash FROM enforcement.chain_head();
\echo '-- 16.5 Nobody, the owner included, can change an entry -> EN501'
UPDATE enforcement.process_log SET row_data = row_data || '{"name": "篡改"}'
WHERE seq = (SELECT max(seq) FROM enforcement.process_log WHERE table_name = 'officers');
\echo '-- 16.6 A superuser who switches triggers off can; the verification finds the entry'
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE enforcement.process_log SET row_data = row_data || '{"name": "篡改"}'
WHERE seq = (SELECT max(seq) FROM enforcement.process_log WHERE table_name = 'officers');
SELECT seq, table_name, row_data->>'name' AS tampered_name
FROM enforcement.process_log
WHERE seq = (SELECT max(seq) FROM enforcement.process_log WHERE table_name = 'officers');
SELECT * FROM enforcement.verify_process_log();
\echo '--      The published head is unchanged: the altered entry no longer leads to it.'
SELECT seq, encode(hash, 'hex') AS head_hash FROM enforcement.chain_head();
ROLLBACK;
\echo '-- 16.7 (rolled back) The record verifies again'
SELECT * FROM enforcement.verify_process_log();
