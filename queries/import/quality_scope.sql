-- (shared prefix, not run alone) The payments the 数据质量 page looks at: those the viewer may read (visible_payments,
-- queries/visibility.sql, given $scope_kind and $scope_unit) paid from budget year $year's first day to the 截止日期
-- $as_of — the same payments as 支付明细's basis 'all' (queries/payments/filtered.sql), whatever indicator they name,
-- since what is wrong with them is the point — and of $batch (one import batch, NULL = all). $year NULL: every
-- date (an import batch checked whole).
WITH p AS (
  SELECT p.* FROM visible_payments($scope_kind::VARCHAR, $scope_unit::INTEGER) p
  WHERE ($year::INTEGER IS NULL OR p.pay_date BETWEEN make_date($year::INTEGER, 1, 1) AND $as_of::DATE)
    AND ($batch::INTEGER IS NULL OR p.batch_id = $batch::INTEGER)
)
