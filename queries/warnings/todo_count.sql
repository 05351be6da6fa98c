-- The header's 待办 count (docs/workflow.md): the doubts sent or returned to the viewer's unit (a 镇: to it or one of
-- its bodies) — the rows todo.sql lists, counted on the warnings table alone, since every page's header asks.
SELECT count(*)::INTEGER AS n
FROM warnings
WHERE status IN ('sent', 'returned')
  AND (assigned_unit_id = $unit OR assigned_unit_id IN (SELECT id FROM own_units($unit)))
