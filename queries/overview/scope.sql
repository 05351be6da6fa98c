-- (shared prefix, not run alone) The year's indicators received by the as-of date, with what was allocated and paid
-- against each by that date. Every overview query starts from these CTEs so all of them agree with the KPI cards.
WITH params AS (
  SELECT $year::INTEGER AS budget_year, $as_of::DATE AS as_of,
         time_progress($as_of::DATE, $year::INTEGER, $tp_mode) AS tp
),
ind AS (
  SELECT i.id, i.level, i.fund_id, i.amount
  FROM indicators i, params
  WHERE i.year = params.budget_year AND i.received_date <= params.as_of
),
alloc AS (
  SELECT a.indicator_id, sum(a.amount) AS allocated
  FROM allocations a, params
  WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM ind)
  GROUP BY a.indicator_id
),
paid AS (
  SELECT p.indicator_id, sum(p.amount) AS paid
  FROM payments p, params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
  GROUP BY p.indicator_id
),
per_indicator AS (
  SELECT ind.*, coalesce(alloc.allocated, 0) AS allocated, coalesce(paid.paid, 0) AS paid
  FROM ind LEFT JOIN alloc ON alloc.indicator_id = ind.id LEFT JOIN paid ON paid.indicator_id = ind.id
)
