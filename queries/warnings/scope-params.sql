-- (shared prefix, not run alone) The viewer's scope as visible.sql reads it, for statements outside the views (a
-- warning's page, the header's 待办 count), which need no budget year or 截止日期.
WITH params AS (
  SELECT $scope_kind::VARCHAR AS scope_kind, $scope_unit::INTEGER AS scope_unit,
         $scope_kind::VARCHAR IN ('department', 'town') AS unit_scoped
)
