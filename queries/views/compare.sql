-- 环比 (docs/navigation.md), after a view's SELECT taken as the CTE current_rows: each line's 支出进度 now minus the
-- same line's at the previous month-end, in percentage points. $previous is that earlier run's lines as JSON
-- ([{"id": …, "spend_rate": …}], aggregates, queries/views/run.ts); a line without a budget then has no change (null).
SELECT c.*, (c.spend_rate - p.spend_rate) * 100 AS change_points
FROM current_rows c
LEFT JOIN (
  SELECT unnest(from_json($previous::JSON, '[{"id": "INTEGER", "spend_rate": "DOUBLE"}]'), recursive := true)
) p ON p.id = c.id
