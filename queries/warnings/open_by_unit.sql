-- (a CTE) The open warnings (neither 认定正常 nor 销号, docs/workflow.md) each 股室, 部门 or 镇 answers for: those it is
-- responsible for and those sent to it, a town's bodies counted as the town (measured_units, docs/units.md). The
-- 股室, 部门 and 镇 views show the count beside 支出进度; the count links to 预警列表 narrowed to the unit.
, open_warnings AS (
  SELECT unit_id, count(DISTINCT id)::INTEGER AS n
  FROM (
    SELECT w.id, coalesce(m.measured_id, w.unit_id) AS unit_id
    FROM warnings w LEFT JOIN measured_units() m ON m.id = w.unit_id
    WHERE w.status NOT IN ('dismissed', 'closed')
    UNION ALL
    SELECT w.id, coalesce(m.measured_id, w.assigned_unit_id)
    FROM warnings w LEFT JOIN measured_units() m ON m.id = w.assigned_unit_id
    WHERE w.status NOT IN ('dismissed', 'closed') AND w.assigned_unit_id IS NOT NULL
  )
  WHERE unit_id IS NOT NULL
  GROUP BY unit_id
)
