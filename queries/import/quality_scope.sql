-- (shared prefix, not run alone) The payments the 数据质量 page looks at: $year (pay date's year, NULL = all),
-- $batch (one import batch, NULL = all) and the viewer's scope ($scope_kind, $scope_unit; a 股室 sees the payments
-- against its funds' indicators, a department or town the payments it made itself).
WITH p AS (
  SELECT p.* FROM payments p
  WHERE ($year::INTEGER IS NULL OR year(p.pay_date) = $year::INTEGER)
    AND ($batch::INTEGER IS NULL OR p.batch_id = $batch::INTEGER)
    AND CASE $scope_kind::VARCHAR
          WHEN 'all' THEN true
          WHEN 'section' THEN p.indicator_id IN (SELECT i.id FROM indicators i JOIN funds f ON f.id = i.fund_id
                                                 WHERE f.section_id = $scope_unit::INTEGER)
          ELSE p.unit_id = $scope_unit::INTEGER
        END
)
