-- ---------------------------------------------------------------------------
-- The supervision dashboard (SUP-1, SUP-3): one self-contained HTML page
-- of the supervision views for a period, for a supervisor who would rather
-- look than read tables.  Inline SVG charts and inline CSS only: no script,
-- no font, image or style from anywhere else (the page's own
-- Content-Security-Policy forbids every request).  Labels in Chinese with
-- English beside them.  It runs with the caller's privileges, through the
-- views, as the report does.  It shows no fine amount and ranks no agency
-- or officer by fines or penalties (directive II.4).
-- ---------------------------------------------------------------------------

-- The names the dashboard shows beside the ids: what agencies and
-- enterprises are, as published (执法主体公示, the enterprise register).
CREATE VIEW enforcement.v_agency_directory AS
SELECT a.id AS agency_id, a.code, a.name, a.kind, a.entrusted_by, a.dissolved_on
FROM enforcement.agencies a;
COMMENT ON VIEW enforcement.v_agency_directory IS
    'The published register of enforcement subjects (执法主体): one row per agency, with its code, name and kind.';
CREATE VIEW enforcement.v_enterprise_directory AS
SELECT e.id AS enterprise_id, e.credit_code, e.name, e.kind
FROM enforcement.enterprises e;
COMMENT ON VIEW enforcement.v_enterprise_directory IS
    'The enterprise register: one row per enterprise, with its unified social credit code and name.';
ALTER VIEW enforcement.v_agency_directory OWNER TO enforcement_view_owner;
ALTER VIEW enforcement.v_enterprise_directory OWNER TO enforcement_view_owner;
GRANT SELECT ON enforcement.v_agency_directory, enforcement.v_enterprise_directory
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer;

-- Text for HTML: the five characters that mean something there, escaped.
CREATE FUNCTION enforcement.html_escape(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
           pg_catalog.replace(pg_catalog.replace(t, '&', '&amp;'), '<', '&lt;'),
           '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION enforcement.html_escape(text) IS
    'The text with &, <, >, " and '' escaped for HTML.';

-- One chart: horizontal bars, one per row, each stacked from its series.
-- rows: [{"label": text, "values": [number, ...]}]; series: [{"name":
-- text, "color": "#rrggbb"}], one per value.  An empty chart says so.
CREATE FUNCTION enforcement.dashboard_bars(chart text, rows jsonb, series jsonb)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
WITH r AS (
    SELECT t.n, t.e OPERATOR(pg_catalog.->>) 'label' AS label,
           t.e OPERATOR(pg_catalog.->) 'values' AS vals
    FROM pg_catalog.jsonb_array_elements(coalesce(rows, '[]')) WITH ORDINALITY AS t(e, n)
), seg AS (
    SELECT r.n, s.j, s.v::numeric AS v,
           coalesce(pg_catalog.sum(s.v::numeric) OVER (PARTITION BY r.n ORDER BY s.j
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM r, pg_catalog.jsonb_array_elements_text(r.vals) WITH ORDINALITY AS s(v, j)
), tot AS (
    SELECT r.n, r.label, coalesce((SELECT pg_catalog.sum(seg.v) FROM seg WHERE seg.n = r.n), 0) AS total
    FROM r
), s AS (
    SELECT t.k, t.e OPERATOR(pg_catalog.->>) 'name' AS name,
           t.e OPERATOR(pg_catalog.->>) 'color' AS color
    FROM pg_catalog.jsonb_array_elements(coalesce(series, '[]')) WITH ORDINALITY AS t(e, k)
), scale AS (
    -- the legend takes a line for every three series; the bars start below it
    SELECT greatest(coalesce(pg_catalog.max(tot.total), 0), 1) AS mx,
           pg_catalog.count(*) AS nrows,
           14 + 18 * ((SELECT pg_catalog.count(*) FROM s) + 2) / 3 AS top
    FROM tot
), legend AS (
    SELECT coalesce(pg_catalog.string_agg(pg_catalog.format(
               '<rect x="%s" y="%s" width="12" height="12" rx="2" fill="%s"/><text x="%s" y="%s" class="legend">%s</text>',
               12 + ((s.k - 1) % 3) * 208, 4 + ((s.k - 1) / 3) * 18,
               enforcement.html_escape(s.color), 30 + ((s.k - 1) % 3) * 208,
               14 + ((s.k - 1) / 3) * 18,
               enforcement.html_escape(pg_catalog.left(s.name, 14))), '' ORDER BY s.k), '') AS svg
    FROM s
), bars AS (
    SELECT coalesce(pg_catalog.string_agg(pg_catalog.format(
               '<rect x="%s" y="%s" width="%s" height="18" fill="%s"><title>%s · %s: %s</title></rect>',
               pg_catalog.round(230 + 340 * seg.before / scale.mx, 1),
               scale.top + 8 + (seg.n - 1) * 26,
               pg_catalog.round(340 * seg.v / scale.mx, 1),
               enforcement.html_escape(coalesce(s.color, '#718096')),
               enforcement.html_escape(r.label), enforcement.html_escape(s.name), seg.v),
               '' ORDER BY seg.n, seg.j), '') AS svg
    FROM seg JOIN r ON r.n = seg.n LEFT JOIN s ON s.k = seg.j CROSS JOIN scale
    WHERE seg.v > 0
), labels AS (
    SELECT coalesce(pg_catalog.string_agg(pg_catalog.format(
               '<text x="222" y="%s" text-anchor="end" class="label">%s</text><text x="%s" y="%s" class="value">%s</text>',
               scale.top + 21 + (tot.n - 1) * 26, enforcement.html_escape(pg_catalog.left(tot.label, 20)),
               pg_catalog.round(236 + 340 * tot.total / scale.mx, 1), scale.top + 21 + (tot.n - 1) * 26,
               tot.total), '' ORDER BY tot.n), '') AS svg
    FROM tot CROSS JOIN scale
)
SELECT pg_catalog.format(
    '<svg class="chart" data-chart="%s" xmlns="http://www.w3.org/2000/svg" width="640" height="%s" viewBox="0 0 640 %s" role="img">',
    enforcement.html_escape(chart), scale.top + 20 + greatest(scale.nrows, 1) * 26,
    scale.top + 20 + greatest(scale.nrows, 1) * 26)
    || '<line x1="230" y1="' || (scale.top + 2)::text || '" x2="230" y2="'
    || (scale.top + 12 + greatest(scale.nrows, 1) * 26)::text || '" class="axis"/>'
    || legend.svg || bars.svg || labels.svg
    || CASE WHEN scale.nrows = 0
            THEN '<text x="400" y="' || (scale.top + 26)::text
                 || '" text-anchor="middle" class="empty">无数据 No data</text>'
            ELSE '' END
    || '</svg>'
FROM scale, legend, bars, labels;
$$;
COMMENT ON FUNCTION enforcement.dashboard_bars(text, jsonb, jsonb) IS
    'One chart of the dashboard: an inline SVG of horizontal bars, each row stacked from its series.';

-- The numbers of a chart, as a table under it.
CREATE FUNCTION enforcement.dashboard_table(rows jsonb, series jsonb, label_heading text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT '<table><thead><tr><th>' || enforcement.html_escape(label_heading) || '</th>'
    || coalesce((SELECT pg_catalog.string_agg('<th>' || enforcement.html_escape(e OPERATOR(pg_catalog.->>) 'name') || '</th>', '' ORDER BY k)
                 FROM pg_catalog.jsonb_array_elements(coalesce(series, '[]')) WITH ORDINALITY AS t(e, k)), '')
    || '</tr></thead><tbody>'
    || coalesce((SELECT pg_catalog.string_agg('<tr><td>' || enforcement.html_escape(e OPERATOR(pg_catalog.->>) 'label') || '</td>'
                        || (SELECT coalesce(pg_catalog.string_agg('<td class="n">' || v || '</td>', '' ORDER BY j), '')
                            FROM pg_catalog.jsonb_array_elements_text(e OPERATOR(pg_catalog.->) 'values') WITH ORDINALITY AS x(v, j))
                        || '</tr>', '' ORDER BY n)
                 FROM pg_catalog.jsonb_array_elements(coalesce(rows, '[]')) WITH ORDINALITY AS t(e, n)),
                '<tr><td colspan="9">无数据 No data</td></tr>')
    || '</tbody></table>';
$$;
COMMENT ON FUNCTION enforcement.dashboard_table(jsonb, jsonb, text) IS
    'The numbers of one chart of the dashboard, as an HTML table.';

CREATE FUNCTION enforcement.supervision_dashboard(from_day date, to_day date)
    RETURNS text
    LANGUAGE sql STABLE
AS $$
SELECT enforcement.check_period(from_day, to_day);
WITH palette (colors) AS (
    SELECT ARRAY['#2b6cb0', '#dd6b20', '#38a169', '#805ad5', '#d53f8c', '#319795',
                 '#b7791f', '#e53e3e', '#4a5568', '#00a3c4']
), dir AS (
    SELECT d.agency_id, d.name FROM enforcement.v_agency_directory d
), ledger AS (
    SELECT l.* FROM enforcement.v_inspection_ledger l
    WHERE l.inspected_on BETWEEN from_day AND to_day
), agencies AS (
    SELECT x.agency_id, pg_catalog.row_number() OVER (ORDER BY x.agency_id) AS k
    FROM (SELECT DISTINCT l.agency_id FROM ledger l) x
), agency_series AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'name', coalesce(d.name, '机关 Agency ' || a.agency_id),
               'color', p.colors[(a.k - 1) % 10 + 1]) ORDER BY a.k), '[]') AS series
    FROM agencies a LEFT JOIN dir d ON d.agency_id = a.agency_id CROSS JOIN palette p
), per_month AS (
    SELECT pg_catalog.to_char(l.inspected_on, 'YYYY-MM') AS month, l.agency_id,
           pg_catalog.count(*) AS n
    FROM ledger l GROUP BY 1, 2
), months AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', m.month,
               'values', (SELECT pg_catalog.jsonb_agg(coalesce(pm.n, 0) ORDER BY a.k)
                          FROM agencies a
                          LEFT JOIN per_month pm ON pm.agency_id = a.agency_id
                                                AND pm.month = m.month)) ORDER BY m.month), '[]') AS rows
    FROM (SELECT DISTINCT pm.month FROM per_month pm) m
), planned AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(d.name, '机关 Agency ' || x.agency_id),
               'values', pg_catalog.jsonb_build_array(x.planned, x.exempt)) ORDER BY x.agency_id), '[]') AS rows
    FROM (SELECT l.agency_id,
                 pg_catalog.count(*) FILTER (WHERE l.planned) AS planned,
                 pg_catalog.count(*) FILTER (WHERE l.exemption IS NOT NULL) AS exempt
          FROM ledger l GROUP BY l.agency_id) x
    LEFT JOIN dir d ON d.agency_id = x.agency_id
), visited AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(e.name, '企业 Enterprise ' || x.enterprise_id)
                        || '（' || x.agencies || '个机关）',
               'values', pg_catalog.jsonb_build_array(x.visits)) ORDER BY x.visits DESC, x.enterprise_id), '[]') AS rows
    FROM (SELECT l.enterprise_id,
                 pg_catalog.count(DISTINCT enforcement.visit(l.joint_inspection_id, l.inspection_id)) AS visits,
                 pg_catalog.count(DISTINCT l.agency_id) AS agencies
          FROM ledger l GROUP BY l.enterprise_id
          ORDER BY 2 DESC, 1 LIMIT 10) x
    LEFT JOIN enforcement.v_enterprise_directory e ON e.enterprise_id = x.enterprise_id
), decided AS (
    SELECT r.* FROM enforcement.v_legal_review_register r
    WHERE r.decided_on BETWEEN from_day AND to_day
), timely AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(d.name, '机关 Agency ' || x.agency_id) || w.what,
               'values', CASE WHEN w.k = 1
                              THEN pg_catalog.jsonb_build_array(x.disclosed_on_time, x.disclosed_late, 0, 0)
                              ELSE pg_catalog.jsonb_build_array(0, 0, x.reviewed, x.unreviewed) END)
               ORDER BY x.agency_id, w.k), '[]') AS rows
    FROM (VALUES (1, '·公示'), (2, '·审核')) AS w(k, what),
         (SELECT r.agency_id,
                 pg_catalog.count(*) FILTER (WHERE o.decision_id IS NULL) AS disclosed_on_time,
                 pg_catalog.count(*) FILTER (WHERE o.decision_id IS NOT NULL) AS disclosed_late,
                 pg_catalog.count(*) FILTER (WHERE r.major AND r.reviewed) AS reviewed,
                 pg_catalog.count(*) FILTER (WHERE r.major AND NOT r.reviewed) AS unreviewed
          FROM decided r
          LEFT JOIN enforcement.v_overdue_disclosures o ON o.decision_id = r.decision_id
          GROUP BY r.agency_id) x
    LEFT JOIN dir d ON d.agency_id = x.agency_id
), overdue AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(d.name, '机关 Agency ' || x.agency_id),
               'values', pg_catalog.jsonb_build_array(x.cases, x.complaints)) ORDER BY x.agency_id), '[]') AS rows
    FROM (SELECT u.agency_id, pg_catalog.sum(u.cases) AS cases, pg_catalog.sum(u.complaints) AS complaints
          FROM (SELECT c.agency_id, 1 AS cases, 0 AS complaints
                FROM enforcement.v_overdue_cases c WHERE c.opened_on <= to_day
                UNION ALL
                SELECT c.agency_id, 0, 1
                FROM enforcement.v_overdue_complaints c WHERE c.received_on <= to_day) u
          GROUP BY u.agency_id) x
    LEFT JOIN dir d ON d.agency_id = x.agency_id
), reverse AS (
    SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'label', coalesce(d.name, '机关 Agency ' || x.agency_id),
               'values', pg_catalog.jsonb_build_array(x.in_time, x.late)) ORDER BY x.agency_id), '[]') AS rows
    FROM (SELECT a.agency_id,
                 pg_catalog.count(*) FILTER (WHERE a.days_overdue = 0) AS in_time,
                 pg_catalog.count(*) FILTER (WHERE a.days_overdue > 0) AS late
          FROM enforcement.v_accountability a
          WHERE a.kind = 'reverse_investigation' AND a.opened_on <= to_day
          GROUP BY a.agency_id) x
    LEFT JOIN dir d ON d.agency_id = x.agency_id
), cards (n, chart, title, note, label_heading, rows, series) AS (
    SELECT 1, 'inspections_per_month', '每月检查 Inspections per month',
           '各执法机关每月入企检查次数（按检查日期）。 Inspections by each agency, per month of the inspection.',
           '月份 Month', m.rows, s.series
    FROM months m, agency_series s
    UNION ALL
    SELECT 2, 'planned_vs_exempt', '计划内与计划外 Planned against exempt',
           '按年度计划的检查与依例外事由的检查（涉企行政检查须有计划）。 Routine inspections under a filed plan and unplanned ones on an exemption.',
           '机关 Agency', p.rows,
           '[{"name": "计划内 Planned", "color": "#2b6cb0"}, {"name": "计划外 Exempt", "color": "#dd6b20"}]'
    FROM planned p
    UNION ALL
    SELECT 3, 'most_visited', '受检最多的企业 Enterprises most visited',
           '期间内入企次数最多的十家企业及前往检查的机关数；联合检查计一次（综合查一次）。 The ten enterprises visited most, with how many agencies came; a joint inspection counts once.',
           '企业 Enterprise', v.rows,
           '[{"name": "入企次数 Visits", "color": "#805ad5"}]'
    FROM visited v
    UNION ALL
    SELECT 4, 'timeliness', '公示与法制审核 Disclosure and legal review',
           '期间内作出的决定：按期公示与逾期公示（7个工作日）；重大执法决定已审核与未审核。 Decisions of the period: disclosed on time or late (7 working days); major decisions reviewed or not.',
           '机关 Agency', t.rows,
           '[{"name": "按期公示 On time", "color": "#38a169"}, {"name": "逾期公示 Late", "color": "#e53e3e"}, {"name": "已法制审核 Reviewed", "color": "#319795"}, {"name": "未审核 Unreviewed", "color": "#d53f8c"}]'
    FROM timely t
    UNION ALL
    SELECT 5, 'overdue', '超期案件与投诉 Overdue cases and complaints',
           '超过90日未作决定的案件，超过受理或答复期限的投诉举报。 Cases undecided after 90 days; complaints past their deadline to accept or answer.',
           '机关 Agency', o.rows,
           '[{"name": "超期案件 Cases", "color": "#dd6b20"}, {"name": "超期投诉 Complaints", "color": "#e53e3e"}]'
    FROM overdue o
    UNION ALL
    SELECT 6, 'reverse_investigations', '责任倒查 Open reverse investigations',
           '被复议、诉讼纠错的决定所启动、尚未办结的责任倒查。 Reverse investigations opened by reversed decisions, not yet concluded.',
           '机关 Agency', r.rows,
           '[{"name": "期限内 Within time", "color": "#4a5568"}, {"name": "已超期 Overdue", "color": "#e53e3e"}]'
    FROM reverse r
)
SELECT '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
    || '<meta http-equiv="Content-Security-Policy" content="default-src ''none''; style-src ''unsafe-inline''; img-src data:">'
    || '<meta name="viewport" content="width=device-width, initial-scale=1">'
    || '<title>行政执法监督 Enforcement supervision ' || from_day || ' – ' || to_day || '</title>'
    || '<style>'
    || 'body{margin:0;font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;color:#1a202c}'
    || 'header{background:#1f3a5f;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:6px 0 0;font-size:13px;opacity:.85}'
    || 'main{display:grid;grid-template-columns:repeat(auto-fill,minmax(680px,1fr));gap:18px;padding:18px 28px}'
    || 'section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:14px 18px}'
    || 'section h2{margin:0 0 4px;font-size:17px;color:#1f3a5f}section p{margin:0 0 8px;font-size:12px;color:#4a5568}'
    || 'svg text{font-size:12px;fill:#2d3748}svg .legend{font-size:11px}svg .value{fill:#4a5568}svg .empty{font-size:14px;fill:#a0aec0}svg .axis{stroke:#cbd5e0}'
    || 'table{border-collapse:collapse;width:100%;margin-top:8px;font-size:12px}th,td{border-bottom:1px solid #e2e8f0;padding:3px 6px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}'
    || 'footer{padding:0 28px 18px;font-size:11px;color:#718096}'
    || '</style></head><body>'
    || '<header><h1>行政执法监督 Enforcement supervision</h1>'
    || '<p>期间 Period: ' || from_day || ' – ' || to_day
    || ' · 生成时间 Generated: ' || pg_catalog.to_char(pg_catalog.now(), 'YYYY-MM-DD HH24:MI TZ')
    || ' · 依据 菏定政办字〔2023〕6号、国办发〔2024〕54号</p></header><main>'
    || (SELECT pg_catalog.string_agg(
               '<section><h2>' || enforcement.html_escape(c.title) || '</h2><p>'
               || enforcement.html_escape(c.note) || '</p>'
               || enforcement.dashboard_bars(c.chart, c.rows, c.series)
               || enforcement.dashboard_table(c.rows, c.series, c.label_heading)
               || '</section>', '' ORDER BY c.n)
        FROM cards c)
    || '</main><footer>不以罚没数额、处罚或检查数量排名或考核（菏定政办字〔2023〕6号 第二部分第四条）。'
    || ' No agency or officer is ranked by fines, penalties or inspection counts (directive II.4).'
    || ' enforcement ' || coalesce((SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'enforcement'), '')
    || '</footer></body></html>';
$$;
COMMENT ON FUNCTION enforcement.supervision_dashboard(date, date) IS
    'SUP-1, SUP-3: a self-contained HTML page of the supervision views for the period: inline SVG charts of inspections per month per agency, planned against exempt, the enterprises most visited, disclosure and legal-review timeliness, overdue cases and complaints, and open reverse investigations; no script, no request.';

REVOKE ALL ON FUNCTION enforcement.html_escape(text),
    enforcement.dashboard_bars(text, jsonb, jsonb),
    enforcement.dashboard_table(jsonb, jsonb, text),
    enforcement.supervision_dashboard(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enforcement.html_escape(text),
    enforcement.dashboard_bars(text, jsonb, jsonb),
    enforcement.dashboard_table(jsonb, jsonb, text),
    enforcement.supervision_dashboard(date, date)
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor,
    enforcement_observer;
