-- (a CTE after scope.sql) 上年结转 (docs/ledger.md): the indicators of earlier budget years with a balance left at
-- the budget year's first day (amount − payments against them before it), and what was paid against them from that
-- day to the 截止日期. Within the same scope and narrowing as the year's indicators (scope.sql's ind): a 股室 the
-- funds it manages; a department or town its own allocations of them (made by the 截止日期) and its own payments.
-- Never part of the year's budget: the ledger shows these as lines of their own.
, carry_ind AS (
  SELECT i.id, i.level, i.fund_id, i.amount
  FROM indicators i, params
  WHERE i.year < params.budget_year AND i.received_date <= params.as_of
    AND (params.scope_kind <> 'section' OR i.id IN (SELECT id FROM section_indicators($scope_unit::INTEGER)))
    AND ($level::VARCHAR IS NULL OR i.level = $level::VARCHAR)
    AND ($fund::INTEGER IS NULL OR i.fund_id = $fund::INTEGER)
    AND ($section::INTEGER IS NULL OR i.id IN (SELECT id FROM section_indicators($section::INTEGER)))
),
carry_alloc AS (
  SELECT a.indicator_id, sum(a.amount) AS allocated
  FROM allocations a, params
  WHERE params.unit_scoped AND a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM carry_ind)
    AND a.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER))
  GROUP BY a.indicator_id
),
carry_paid AS (
  SELECT p.indicator_id,
         sum(p.amount) FILTER (WHERE p.pay_date < make_date(params.budget_year, 1, 1)) AS paid_before,
         sum(p.amount) FILTER (WHERE p.pay_date >= make_date(params.budget_year, 1, 1)) AS paid_in_year
  FROM payment_days p, params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM carry_ind)
    AND (NOT params.unit_scoped OR p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY p.indicator_id, params.budget_year
),
carry_rows AS (
  SELECT * FROM (
    SELECT ci.id, ci.level, ci.fund_id,
           ((CASE WHEN params.unit_scoped THEN coalesce(ca.allocated, 0) ELSE ci.amount END)
             - coalesce(cp.paid_before, 0))::DECIMAL(18,2) AS balance,
           coalesce(cp.paid_in_year, 0)::DECIMAL(18,2) AS paid
    FROM carry_ind ci CROSS JOIN params
    LEFT JOIN carry_alloc ca ON ca.indicator_id = ci.id
    LEFT JOIN carry_paid cp ON cp.indicator_id = ci.id
  )
  WHERE balance > 0
),
-- 未匹配指标的支付: the payments of the year up to the 截止日期 that name no known indicator, as far as the viewer may
-- read them (visible_payment_days: the visibility rule on the per-day sums, docs/roles.md). They are nobody's
-- spending (docs/measures.md), so a line of their own.
unmatched AS (
  SELECT coalesce(sum(p.n), 0)::INTEGER AS payments, coalesce(sum(p.amount), 0)::DECIMAL(18,2) AS paid
  FROM visible_payment_days($scope_kind::VARCHAR, $scope_unit::INTEGER) p, params
  WHERE p.pay_date BETWEEN make_date(params.budget_year, 1, 1) AND params.as_of
    AND (p.indicator_id IS NULL OR p.indicator_id NOT IN (SELECT id FROM indicators))
)
