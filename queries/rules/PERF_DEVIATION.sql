-- 绩效偏差 (docs/rules.md), after scope.sql and queries/projects/money.sql: a 绩效目标 whose completion lags the
-- project's own time progress (scope_projects.time_progress: the elapsed share of start_date → planned_end) by more
-- than $points points. Completion: actual / target for a target to reach (>=, =); target / actual for an upper bound
-- (<=), which falls below 100 % only once the bound is exceeded. Only an actual reported by the 截止日期 counts (as on
-- the project page). One warning per project, on its most lagging target. Amount: the money allocated to the project.
-- Severity: a lag over 3 × $points red, over 2 × $points orange, else yellow.
, completions AS (
  SELECT t.project_code, t.name, t.comparator, t.target_value, t.actual_value, t.unit, p.time_progress,
         CASE WHEN t.comparator = '<=' THEN CASE WHEN t.actual_value <> 0 THEN t.target_value / t.actual_value END
              WHEN t.target_value <> 0 THEN t.actual_value / t.target_value END AS completion
  FROM perf_targets t JOIN scope_projects p ON p.code = t.project_code, params
  WHERE t.actual_value IS NOT NULL AND (t.as_of IS NULL OR t.as_of <= params.as_of) AND p.time_progress IS NOT NULL
),
lagging AS (
  SELECT c.*, round((c.time_progress - c.completion) * 100, 2) AS lag_points,
         count(*) OVER (PARTITION BY c.project_code) AS lagging_targets
  FROM completions c
  WHERE round((c.time_progress - c.completion) * 100, 2) > $points
  QUALIFY row_number() OVER (PARTITION BY c.project_code ORDER BY c.time_progress - c.completion DESC, c.name) = 1
)
SELECT 'project' AS subject_type, p.code AS subject_id, coalesce(p.unit_id, p.town_id) AS unit_id,
       coalesce(m.allocated, 0) AS amount,
       CASE WHEN l.lag_points > 3 * $points THEN 'red' WHEN l.lag_points > 2 * $points THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('name', p.name, 'target', l.name, 'comparator', l.comparator, 'target_value', l.target_value,
                   'actual_value', l.actual_value, 'unit', l.unit, 'completion', l.completion,
                   'time_progress', l.time_progress, 'lag_points', l.lag_points,
                   'lagging_targets', l.lagging_targets) AS evidence
FROM lagging l JOIN scope_projects p ON p.code = l.project_code
LEFT JOIN project_money m ON m.project_code = p.code
