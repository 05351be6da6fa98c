-- name: events
-- A warning's history, oldest first, with the name of the unit a 下发核实 sent it to.
SELECT e.happened_at::VARCHAR AS happened_at, e.actor, e.action, e.from_status, e.to_status, e.comment, u.name AS unit_name
FROM warning_events e LEFT JOIN units u ON u.id = e.unit_id
WHERE e.warning_id = $id
ORDER BY e.happened_at, e.rowid;

-- name: targets
-- Where a doubt may be sent: every 股室, 部门 and 镇, by kind then name.
SELECT id, kind, name FROM units WHERE kind IN ('section', 'department', 'town') ORDER BY kind, name;
