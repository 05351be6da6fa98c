-- 指标/已分配/已支付 per 级次, plus the grand total (level IS NULL) that feeds the KPI cards.
SELECT
  level,
  coalesce(sum(amount), 0)::DECIMAL(18,2)    AS total,
  coalesce(sum(allocated), 0)::DECIMAL(18,2) AS allocated,
  coalesce(sum(paid), 0)::DECIMAL(18,2)      AS paid,
  rate(sum(allocated), sum(amount))          AS alloc_rate,
  spend_rate(sum(paid), sum(amount))         AS spend_rate,
  gap_points(sum(paid), sum(amount), any_value(params.tp)) AS gap_points,
  gap_amount(sum(paid), sum(amount), any_value(params.tp)) AS gap_amount
FROM per_indicator, params
GROUP BY GROUPING SETS ((level), ())
ORDER BY level NULLS LAST
