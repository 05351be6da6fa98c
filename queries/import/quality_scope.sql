-- (shared prefix, not run alone) The payments the 数据质量 page looks at: those the viewer may read (visible_payments,
-- queries/visibility.sql, given $scope_kind and $scope_unit), of $year (pay date's year, NULL = all) and
-- $batch (one import batch, NULL = all).
WITH p AS (
  SELECT p.* FROM visible_payments($scope_kind::VARCHAR, $scope_unit::INTEGER) p
  WHERE ($year::INTEGER IS NULL OR year(p.pay_date) = $year::INTEGER)
    AND ($batch::INTEGER IS NULL OR p.batch_id = $batch::INTEGER)
)
