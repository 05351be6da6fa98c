-- name: insert
INSERT INTO audit_log (id, actor, action, target, detail, ip)
VALUES (nextval('audit_seq'), $actor, $action, $target, $detail, $ip);

-- name: list
SELECT id, happened_at::VARCHAR AS happened_at, actor, action, target, detail, ip
FROM audit_log
WHERE ($actor = '' OR actor = $actor)
  AND ($action = '' OR action = $action)
  AND ($from = '' OR happened_at >= $from::DATE)
  AND ($to = '' OR happened_at < $to::DATE + 1)
ORDER BY id DESC
LIMIT $limit;

-- name: actions
SELECT DISTINCT action FROM audit_log ORDER BY action;
