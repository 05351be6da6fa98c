-- 总览's lines beside 已支付 (after scope.sql and carryover.sql; docs/ledger.md): the payments of the budget year up
-- to the 截止日期 that are not the year's budget spending — against 上年结转 indicators, and against no known
-- indicator — and every payment of that period the viewer may read (支付明细's `basis=all`).
SELECT
  (SELECT coalesce(sum(balance), 0) FROM carry_rows)::DECIMAL(18,2) AS carryover_balance,
  (SELECT coalesce(sum(paid), 0) FROM carry_rows)::DECIMAL(18,2)    AS carryover_paid,
  (SELECT spend_rate(sum(paid), sum(balance)) FROM carry_rows)       AS carryover_rate,
  u.paid                                                            AS unmatched_paid,
  u.payments                                                        AS unmatched_payments,
  (SELECT coalesce(sum(p.amount), 0) FROM visible_payments($scope_kind::VARCHAR, $scope_unit::INTEGER) p
   WHERE p.pay_date BETWEEN make_date(params.budget_year, 1, 1) AND params.as_of)::DECIMAL(18,2) AS all_paid
FROM unmatched u, params
