-- (a CTE after scope.sql) 资金流速 (docs/stalled-and-velocity.md): for each of the year's indicators within the scope
-- (scope.sql's ind), the days from its receipt to its first allocation and to its first payment — each counted only
-- if it happened by the 截止日期 (null: not yet). The day 80 % was paid is velocity_80.sql's, for the views that show
-- it: its running sum is the dearest part, and the 股室 view does without it.
, velocity_first_paid AS (
  SELECT p.indicator_id, min(p.pay_date) AS first_paid
  FROM payment_days p CROSS JOIN params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
  GROUP BY p.indicator_id
),
velocity_rows AS (
  SELECT ind.id, ind.fund_id, f.section_id, ind.amount, i.received_date, a.first_alloc, p.first_paid,
         (a.first_alloc - i.received_date)::INTEGER AS days_to_alloc,
         (p.first_paid - i.received_date)::INTEGER  AS days_to_pay
  FROM ind
  JOIN indicators i ON i.id = ind.id
  LEFT JOIN funds f ON f.id = ind.fund_id
  LEFT JOIN (
    SELECT a.indicator_id, min(a.alloc_date) AS first_alloc
    FROM allocations a CROSS JOIN params
    WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM ind)
    GROUP BY a.indicator_id
  ) a ON a.indicator_id = ind.id
  LEFT JOIN velocity_first_paid p ON p.indicator_id = ind.id
)
