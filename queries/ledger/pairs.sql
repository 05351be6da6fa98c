-- (a CTE after scope.sql) Each indicator × unit the year's money was allocated to (docs/ledger.md): what was allocated
-- by the 截止日期, what that unit paid against that indicator (payments carry no allocation id, so a payment is matched
-- to its allocation by indicator_id and unit_id), the balance, and whether it is stalled: nothing paid for at least
-- 90 days before the 截止日期, counted from the last payment, or from the last allocation when never paid.
-- alloc and paid are scope.sql's, one line per indicator and unit, so a department or town sees its own pairs only.
, pair_dates AS (
  SELECT a.indicator_id, a.unit_id, max(a.alloc_date) AS last_alloc, min(a.alloc_date) AS first_alloc,
         count(DISTINCT a.project_code) AS projects, min(a.project_code) AS project_code
  FROM allocations a, params
  WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM ind)
  GROUP BY a.indicator_id, a.unit_id
),
pairs AS (
  SELECT a.indicator_id, a.unit_id, a.allocated::DECIMAL(18,2) AS allocated,
         coalesce(p.paid, 0)::DECIMAL(18,2) AS paid,
         (a.allocated - coalesce(p.paid, 0))::DECIMAL(18,2) AS balance,
         d.first_alloc, d.last_alloc, p.last_pay,
         -- one project code when every allocation of the pair names the same one
         CASE WHEN d.projects = 1 THEN d.project_code END AS project_code,
         (params.as_of - coalesce(p.last_pay, d.last_alloc))::INTEGER AS idle_days,
         CASE WHEN params.as_of - coalesce(p.last_pay, d.last_alloc) >= 90
              THEN greatest(a.allocated - coalesce(p.paid, 0), 0) ELSE 0 END::DECIMAL(18,2) AS stalled
  FROM alloc a CROSS JOIN params
  JOIN pair_dates d ON d.indicator_id = a.indicator_id AND d.unit_id = a.unit_id
  LEFT JOIN paid p ON p.indicator_id = a.indicator_id AND p.unit_id = a.unit_id
)
