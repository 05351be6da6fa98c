-- name: insert
INSERT INTO audit_log (id, actor, action, target, detail, ip)
VALUES (nextval('audit_seq'), $actor, $action, $target, $detail, $ip);

-- name: list
-- Newest first; the id breaks ties within one timestamp. The date range is inclusive of both days, China's days (the
-- log keeps UTC).
SELECT id, happened_at::VARCHAR AS happened_at, actor, action, target, detail, ip
FROM audit_log
WHERE ($actor = '' OR actor = $actor)
  AND ($action = '' OR action = $action)
  AND ($from = '' OR china_day(happened_at) >= TRY_CAST($from AS DATE))
  AND ($to = '' OR china_day(happened_at) <= TRY_CAST($to AS DATE))
ORDER BY happened_at DESC, id DESC
LIMIT $limit OFFSET $offset;

-- name: count
SELECT count(*) AS n
FROM audit_log
WHERE ($actor = '' OR actor = $actor)
  AND ($action = '' OR action = $action)
  AND ($from = '' OR china_day(happened_at) >= TRY_CAST($from AS DATE))
  AND ($to = '' OR china_day(happened_at) <= TRY_CAST($to AS DATE));

-- name: actions
SELECT DISTINCT action FROM audit_log ORDER BY action;

-- name: actors
-- The names that occur as actors, most active first (for the filter's suggestions).
SELECT actor FROM audit_log WHERE actor IS NOT NULL GROUP BY actor ORDER BY count(*) DESC, actor LIMIT 200;

-- name: unit_names
-- The units named by id in audit details ($ids: a JSON array of ids), so the log shows names.
SELECT id, name FROM units WHERE id IN (SELECT unnest(from_json($ids::JSON, '["INTEGER"]')));
