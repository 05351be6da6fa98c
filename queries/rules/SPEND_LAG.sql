-- 支出进度滞后 (docs/rules.md), after scope.sql, unit_money.sql and section_rows.sql: the budget year's funds, 股室,
-- 部门 and 镇 measured exactly as the overview and the views measure them (docs/measures.md), whose gap — rounded to
-- the hundredth of a point a page shows — is below $gap points. Severity is the gap's band (the bureau's band bounds):
-- yellow, orange or red; blue if the admin sets $gap above the blue band's lower bound. Amount: the money behind 序时进度.
, fund_rows AS (
  SELECT pi.fund_id AS id, f.section_id, f.name, sum(pi.amount) AS total, sum(pi.paid) AS paid
  FROM per_indicator pi JOIN funds f ON f.id = pi.fund_id
  GROUP BY ALL
),
lag_rows AS (
  SELECT 'fund' AS subject_type, id, section_id AS unit_id, '资金' AS kind, name, total, paid FROM fund_rows
  UNION ALL
  SELECT 'unit', id, id, '股室', name, total, paid FROM section_rows
  UNION ALL
  SELECT 'unit', u.id, u.id, CASE u.kind WHEN 'town' THEN '镇(中心)' ELSE '部门' END, u.name, b.total, coalesce(up.paid, 0)
  FROM unit_budget b JOIN units u ON u.id = b.unit_id LEFT JOIN unit_paid up ON up.unit_id = b.unit_id
),
gaps AS (
  SELECT r.*, params.tp, round(gap_points(r.paid, r.total, params.tp), 2) AS gap
  FROM lag_rows r, params WHERE r.total > 0
)
SELECT subject_type, id AS subject_id, unit_id, -gap_amount(paid, total, tp) AS amount,
       CASE gap_band(gap, $band_green, $band_blue, $band_yellow, $band_orange)
         WHEN 'red' THEN 'red' WHEN 'orange' THEN 'orange' WHEN 'yellow' THEN 'yellow' ELSE 'blue' END AS severity,
       json_object('kind', kind, 'name', name, 'total', total::DECIMAL(18,2), 'paid', paid::DECIMAL(18,2),
                   'spend_rate', spend_rate(paid, total), 'time_progress', tp, 'gap_points', gap) AS evidence
FROM gaps
WHERE gap < $gap
