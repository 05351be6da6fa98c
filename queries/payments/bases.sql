-- The same filter's sum and count on every basis (filtered.sql's flags), side by side on 支付明细: 本年度指标支出
-- (= 总览's 已支付), 上年结转支出, 未匹配指标的支付, all payments from the year's first day, and `other`: those of
-- all that are on none of the three lines (a county department's payments made for a town, an earlier indicator
-- already spent, a later year's indicator).
, b AS (SELECT *, is_all AND NOT (is_year OR is_carryover OR is_unmatched) AS is_other FROM based)
SELECT
  coalesce(sum(n) FILTER (WHERE is_year), 0) AS year_n, coalesce(sum(amount) FILTER (WHERE is_year), 0)::DECIMAL(18,2)::VARCHAR AS year_amount,
  coalesce(sum(n) FILTER (WHERE is_carryover), 0) AS carryover_n, coalesce(sum(amount) FILTER (WHERE is_carryover), 0)::DECIMAL(18,2)::VARCHAR AS carryover_amount,
  coalesce(sum(n) FILTER (WHERE is_unmatched), 0) AS unmatched_n, coalesce(sum(amount) FILTER (WHERE is_unmatched), 0)::DECIMAL(18,2)::VARCHAR AS unmatched_amount,
  coalesce(sum(n) FILTER (WHERE is_all), 0) AS all_n, coalesce(sum(amount) FILTER (WHERE is_all), 0)::DECIMAL(18,2)::VARCHAR AS all_amount,
  coalesce(sum(n) FILTER (WHERE is_other), 0) AS other_n, coalesce(sum(amount) FILTER (WHERE is_other), 0)::DECIMAL(18,2)::VARCHAR AS other_amount
FROM b
