-- Cumulative 支出进度 at each month end of the budget year up to the as-of date, on the indicators received by
-- that month end; the last point is the as-of date itself, so it equals the KPI card.
, months AS (
  SELECT m::INTEGER AS month,
         least(last_day(make_date(params.budget_year, m::INTEGER, 1)), params.as_of) AS month_end
  FROM params, range(1, 13) r(m)
  WHERE make_date(params.budget_year, m::INTEGER, 1) <= params.as_of
),
received AS (
  -- The budget at each month end: indicators received by then, or for a department/town its allocations made by then.
  SELECT m.month, sum(i.amount) AS total
  FROM months m JOIN indicators i ON i.received_date <= m.month_end, params
  WHERE NOT params.unit_scoped AND i.id IN (SELECT id FROM ind)
  GROUP BY m.month
  UNION ALL
  SELECT m.month, sum(a.amount) AS total
  FROM months m JOIN allocations a ON a.alloc_date <= m.month_end, params
  WHERE params.unit_scoped AND a.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)) AND a.indicator_id IN (SELECT id FROM ind)
  GROUP BY m.month
),
paid_by_month AS (
  SELECT year(p.pay_date) AS y, month(p.pay_date) AS month, sum(p.amount) AS paid
  FROM payment_days p, params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
    AND (NOT params.unit_scoped OR p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY ALL
),
cumulative AS (
  SELECT
    m.month, m.month_end, coalesce(r.total, 0) AS total,
    coalesce((SELECT sum(pm.paid) FROM paid_by_month pm
              WHERE pm.y < params.budget_year OR (pm.y = params.budget_year AND pm.month <= m.month)), 0) AS paid,
    time_progress(m.month_end, params.budget_year, $tp_mode) AS tp
  FROM months m LEFT JOIN received r USING (month), params
)
SELECT
  month,
  month_end::VARCHAR       AS month_end,
  total::DECIMAL(18,2)     AS total,
  paid::DECIMAL(18,2)      AS paid,
  spend_rate(paid, total)  AS spend_rate,
  tp                       AS time_progress
FROM cumulative
ORDER BY month
