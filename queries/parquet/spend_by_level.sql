-- 支出进度 per county and 级次 over the province's Parquet (docs/province.md; its Trino and Spark SQL versions say the
-- same), with the site's own macros (time_progress, rate, spend_rate, gap_points, gap_amount): the year's indicators
-- received by the 截止日期, what was allocated and paid against them by then. $root is the folder the counties'
-- export-parquet output was gathered in. A county appears with its level lines and its total (level NULL), as 总览.
WITH params AS (
  SELECT $year::INTEGER AS budget_year, $as_of::DATE AS as_of, time_progress($as_of::DATE, $year::INTEGER, $tp_mode) AS tp
),
ind AS (
  SELECT i.county, i.id, i.level, i.amount
  FROM read_parquet($root || '/indicators/*/*/*.parquet', hive_partitioning = true, hive_types = {'county': VARCHAR, 'year': INTEGER}) i, params
  WHERE i.year = params.budget_year AND i.received_date <= params.as_of
),
alloc AS (
  SELECT a.county, a.indicator_id, sum(a.amount) AS allocated
  FROM read_parquet($root || '/allocations/*/*/*.parquet', hive_partitioning = true, hive_types = {'county': VARCHAR, 'year': INTEGER}) a, params
  WHERE a.year = params.budget_year AND a.alloc_date <= params.as_of
  GROUP BY a.county, a.indicator_id
),
-- Payments are partitioned by the year they were made: those by the 截止日期 lie in its year and the ones before.
paid AS (
  SELECT p.county, p.indicator_id, sum(p.amount) AS paid
  FROM read_parquet($root || '/payments/*/*/*.parquet', hive_partitioning = true, hive_types = {'county': VARCHAR, 'year': INTEGER}) p, params
  WHERE p.year <= year(params.as_of) AND p.pay_date <= params.as_of AND p.indicator_id IS NOT NULL
  GROUP BY p.county, p.indicator_id
),
per_indicator AS (
  SELECT ind.county, ind.level, ind.amount, coalesce(a.allocated, 0) AS allocated, coalesce(p.paid, 0) AS paid
  FROM ind
  LEFT JOIN alloc a ON a.county = ind.county AND a.indicator_id = ind.id
  LEFT JOIN paid p ON p.county = ind.county AND p.indicator_id = ind.id
)
SELECT
  county,
  level,
  coalesce(sum(amount), 0)::DECIMAL(18,2)    AS total,
  coalesce(sum(allocated), 0)::DECIMAL(18,2) AS allocated,
  coalesce(sum(paid), 0)::DECIMAL(18,2)      AS paid,
  rate(sum(allocated), sum(amount))          AS alloc_rate,
  spend_rate(sum(paid), sum(amount))         AS spend_rate,
  gap_points(sum(paid), sum(amount), any_value(params.tp)) AS gap_points,
  gap_amount(sum(paid), sum(amount), any_value(params.tp)) AS gap_amount
FROM per_indicator, params
GROUP BY GROUPING SETS ((county, level), (county))
ORDER BY county, level NULLS LAST
