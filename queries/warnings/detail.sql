-- name: events
-- A warning's history, oldest first, with the name of the unit a 下发核实 sent it to.
-- An 已整改's attachment shows by name and size, linked by its hash (never by its stored path).
SELECT e.happened_at::VARCHAR AS happened_at, e.actor, e.action, e.from_status, e.to_status, e.comment, u.name AS unit_name,
       e.attachment_name, e.attachment_size::INTEGER AS attachment_size, e.attachment_sha256
FROM warning_events e LEFT JOIN units u ON u.id = e.unit_id
WHERE e.warning_id = $id
ORDER BY e.happened_at, e.rowid;

-- name: targets
-- Where a doubt may be sent: every 股室, 部门 and 镇, by kind then name.
SELECT id, kind, name FROM units WHERE kind IN ('section', 'department', 'town') ORDER BY kind, name;

-- name: attachment
-- An attachment of a warning's history, by its content hash (the download link names it so).
SELECT attachment_name AS name, attachment_size::INTEGER AS size, attachment_sha256 AS sha256, attachment_path AS path
FROM warning_events
WHERE warning_id = $id AND attachment_sha256 = $sha256
ORDER BY happened_at DESC, rowid DESC
LIMIT 1;
