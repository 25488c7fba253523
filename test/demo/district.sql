-- test/demo/district.sql
--
-- Walkthrough: 菏泽市定陶区 (Heze, Dingtao District, region 371703) under
-- 菏定政办字〔2023〕6号.  Run by `make demo` with
--     psql -X -v ON_ERROR_STOP=0 -v VERBOSITY=verbose -f test/demo/district.sql
-- against a database where `CREATE EXTENSION enforcement;` has already been run.
-- Part 8 ("Refused actions") is expected to print ERRORs: each refused statement
-- is preceded by an \echo naming the rule (spec/invariants.md) and SQLSTATE.
--
-- Row ids used here (explicit, so the walkthrough can refer to them):
--   agencies 1..11, legal_bases 21..42, officers 101..135,
--   certificates 1000 + (officer id - 100), i.e. 1001..1035 (refused attempts 1101..),
--   enterprises 501..510 (refused attempts 511..513).
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

\echo
\echo '== 10. The same refusal in Chinese (lc_messages = zh_CN.UTF-8) =='
\echo '-- 10.1 Certificate for 赵磊 (105), auxiliary staff -> EN103, 中文提示'
SET lc_messages = 'zh_CN.UTF-8';
INSERT INTO enforcement.certificates (id, officer_id, number, issued_on, valid_from, valid_to)
VALUES (1105, 105, '鲁菏定2025-0105', '2025-03-05', '2025-03-05', '2030-03-04');
RESET lc_messages;

\echo
\echo '== 11. Rolling out on an existing database: warn mode (试运行) =='
\echo '-- 11.1 In warn mode the same violation is let through with a WARNING'
\echo '--      and recorded in enforcement.violations; the mode change is recorded too'
SET enforcement.mode = 'warn';
INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
VALUES (514, '91371703MA3C4KJ19H', '菏泽定陶历史遗留数据有限公司', 'enterprise');
RESET enforcement.mode;
SELECT code, rule, table_name, row_id, db_user, message
FROM enforcement.violations ORDER BY occurred_at, id;
\echo '-- 11.2 Back in enforce mode (the default) it is refused again'
INSERT INTO enforcement.enterprises (id, credit_code, name, kind)
VALUES (515, '91371703MA3C4KJ19H', '菏泽定陶另一家有限公司', 'enterprise');

\echo
\echo '== 12. Applications see and write only their own agency (行政执法主体范围, EN503) =='
\echo '-- The market-regulation bureau''s case-handling app connects as a writer for agency 2.'
\echo '-- (Roles belong to the whole server: this section runs in a transaction that is rolled back.)'
\set ON_ERROR_ROLLBACK on
BEGIN;
CREATE ROLE dt_scjg_app IN ROLE enforcement_writer;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('dt_scjg_app', 2);
SET LOCAL ROLE dt_scjg_app;
\echo '-- 12.1 It sees its own officers only'
SELECT o.id, o.name, o.agency_id FROM enforcement.officers o ORDER BY o.id;
\echo '-- 12.2 It registers an officer of its own bureau: accepted'
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (140, 2, '田新民', 'established', true, '2025-05-17');
\echo '-- 12.3 It tries to register an officer for the emergency-management bureau (3) -> EN503'
INSERT INTO enforcement.officers (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (141, 3, '越权录入', 'established', true, '2025-05-17');
\echo '-- 12.4 It cannot read the process record -> 42501'
SELECT count(*) FROM enforcement.process_log;
ROLLBACK;
\set ON_ERROR_ROLLBACK off

\echo
\echo '== 13. The process record (执法全过程记录): every write above, hash-chained =='
\echo '-- 13.1 Entries per chain (one chain per agency; chain 0: data without an agency)'
SELECT l.chain, a.name AS agency, count(*) AS entries
FROM enforcement.process_log l LEFT JOIN enforcement.agencies a ON a.id = l.chain
GROUP BY l.chain, a.name ORDER BY l.chain;
\echo '-- 13.2 The latest entries'
SELECT seq, chain, table_name, operation, row_id, db_user,
       left(row_data::text, 50) AS row_data, left(encode(hash, 'hex'), 16) AS hash
FROM enforcement.process_log ORDER BY seq DESC LIMIT 5;
\echo '-- 13.3 An auditor verifies the whole record'
SELECT * FROM enforcement.verify_process_log();
\echo '-- 13.4 ... and publishes the head outside the database (e.g. to the justice bureau)'
SELECT seq, encode(hash, 'hex') AS head_hash FROM enforcement.chain_head();
\echo '-- 13.5 Nobody, the owner included, can change an entry -> EN501'
UPDATE enforcement.process_log SET row_data = row_data || '{"name": "篡改"}'
WHERE seq = (SELECT max(seq) FROM enforcement.process_log WHERE table_name = 'officers');
\echo '-- 13.6 A superuser who switches triggers off can; the verification finds the entry'
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
\echo '-- 13.7 (rolled back) The record verifies again'
SELECT * FROM enforcement.verify_process_log();
