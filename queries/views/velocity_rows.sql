-- (a CTE after scope.sql) 资金流速 (docs/stalled-and-velocity.md): for each of the year's indicators within the scope
-- (scope.sql's ind), the days from its receipt to its first allocation, to its first payment and to the day the
-- payments against it first reach 80 % of its amount — each counted only if it happened by the 截止日期 (null: not yet).
-- Payments are summed per day first, so the 80 % day is a day, whatever the order of one day's vouchers.
, velocity_day AS (
  SELECT p.indicator_id, p.pay_date, sum(p.amount) AS amount
  FROM payments p CROSS JOIN params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
  GROUP BY p.indicator_id, p.pay_date
),
velocity_pay AS (
  SELECT d.indicator_id, min(d.pay_date) AS first_paid,
         min(d.pay_date) FILTER (WHERE d.cumulative >= 0.8 * ind.amount) AS paid_80
  FROM (SELECT *, sum(amount) OVER (PARTITION BY indicator_id ORDER BY pay_date) AS cumulative FROM velocity_day) d
  JOIN ind ON ind.id = d.indicator_id
  GROUP BY d.indicator_id
),
velocity_rows AS (
  SELECT ind.id, ind.fund_id, f.section_id, ind.amount, i.received_date, a.first_alloc, p.first_paid, p.paid_80,
         (a.first_alloc - i.received_date)::INTEGER AS days_to_alloc,
         (p.first_paid - i.received_date)::INTEGER  AS days_to_pay,
         (p.paid_80 - i.received_date)::INTEGER     AS days_to_80
  FROM ind
  JOIN indicators i ON i.id = ind.id
  LEFT JOIN funds f ON f.id = ind.fund_id
  LEFT JOIN (
    SELECT a.indicator_id, min(a.alloc_date) AS first_alloc
    FROM allocations a CROSS JOIN params
    WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM ind)
    GROUP BY a.indicator_id
  ) a ON a.indicator_id = ind.id
  LEFT JOIN velocity_pay p ON p.indicator_id = ind.id
)
