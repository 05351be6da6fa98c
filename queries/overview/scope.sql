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
-- Allocated and paid per indicator and unit (the recipient of an allocation, the 预算单位 of a payment): the indicator
-- rollup feeds levels, funds and sections; the unit rollup feeds towns and departments.
alloc AS (
  SELECT a.indicator_id, a.unit_id, sum(a.amount) AS allocated
  FROM allocations a, params
  WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM ind)
  GROUP BY a.indicator_id, a.unit_id
),
paid AS (
  SELECT p.indicator_id, p.unit_id, sum(p.amount) AS paid
  FROM payments p, params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
  GROUP BY p.indicator_id, p.unit_id
),
per_indicator AS (
  SELECT ind.*, coalesce(a.allocated, 0) AS allocated, coalesce(pd.paid, 0) AS paid
  FROM ind
  LEFT JOIN (SELECT indicator_id, sum(allocated) AS allocated FROM alloc GROUP BY indicator_id) a ON a.indicator_id = ind.id
  LEFT JOIN (SELECT indicator_id, sum(paid) AS paid FROM paid GROUP BY indicator_id) pd ON pd.indicator_id = ind.id
)
