-- (CTEs after scope.sql, pairs.sql and carryover.sql) The 资金台账's lines (docs/ledger.md; ledger.sql selects them), by
-- row_kind:
--   fund         a catalog fund's indicators of the budget year: received (total), allocated, paid, the measures,
--                滞留余额 (pairs.stalled);
--   level_total  the 级次's funds together;  total  the year's budget, the overview's KPI figures (by_level.sql);
--   carryover    a fund's 上年结转: balance at the year's first day (total) and paid since (paid), never in total;
--   carryover_total  those together;  unmatched  payments of the year that name no known indicator (only when no
--                level, fund or 股室 narrows the ledger: such a payment belongs to none).
, fund_year AS (
  SELECT pi.fund_id,
         sum(pi.amount) AS total, sum(pi.allocated) AS allocated, sum(pi.paid) AS paid,
         coalesce(sum(st.stalled), 0) AS stalled
  FROM per_indicator pi
  LEFT JOIN (SELECT indicator_id, sum(stalled) AS stalled FROM pairs GROUP BY indicator_id) st ON st.indicator_id = pi.id
  GROUP BY pi.fund_id
),
year_lines AS (
  SELECT CASE WHEN GROUPING(f.level) = 1 THEN 'total' WHEN GROUPING(f.id) = 1 THEN 'level_total' ELSE 'fund' END AS row_kind,
         f.level, f.id AS fund_id, any_value(f.seq) AS seq, any_value(f.name) AS fund_name, any_value(f.section_id) AS section_id,
         sum(fy.total) AS total, sum(fy.allocated) AS allocated, sum(fy.paid) AS paid, sum(fy.stalled) AS stalled
  FROM fund_year fy JOIN funds f ON f.id = fy.fund_id
  GROUP BY GROUPING SETS ((f.level, f.id), (f.level), ())
),
carry_lines AS (
  SELECT CASE WHEN GROUPING(f.id) = 1 THEN 'carryover_total' ELSE 'carryover' END AS row_kind,
         f.level, f.id AS fund_id, any_value(f.seq) AS seq, any_value(f.name) AS fund_name,
         any_value(f.section_id) AS section_id, sum(cr.balance) AS total, sum(cr.paid) AS paid
  FROM carry_rows cr JOIN funds f ON f.id = cr.fund_id
  GROUP BY GROUPING SETS ((f.level, f.id), ())
  HAVING count(*) > 0
),
lines AS (
  SELECT row_kind, 0 AS block, level, fund_id, seq,
         CASE WHEN row_kind = 'fund' THEN fund_name END AS fund_name, CASE WHEN row_kind = 'fund' THEN section_id END AS section_id,
         total, allocated, paid, stalled
  FROM year_lines
  UNION ALL
  SELECT row_kind, 1, level, fund_id, seq, CASE WHEN row_kind = 'carryover' THEN fund_name END,
         CASE WHEN row_kind = 'carryover' THEN section_id END, total, NULL, paid, NULL FROM carry_lines
  UNION ALL
  SELECT 'unmatched', 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, paid, NULL FROM unmatched
  WHERE payments > 0 AND $level::VARCHAR IS NULL AND $fund::INTEGER IS NULL AND $section::INTEGER IS NULL
)
