-- name: latest_by_actor
SELECT id AS run_id, as_of::VARCHAR AS as_of, new, finished_at::VARCHAR AS finished_at
FROM rule_runs
WHERE actor = $actor
ORDER BY id DESC
LIMIT 1;
