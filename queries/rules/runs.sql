-- name: latest_by_actor
SELECT id AS run_id, as_of::VARCHAR AS as_of, new, finished_at::VARCHAR AS finished_at
FROM rule_runs
WHERE actor = $actor
ORDER BY id DESC
LIMIT 1;

-- name: latest
-- The newest run of any kind (on demand, after an import, from the command line), for 预警总览.
SELECT id AS run_id, actor, as_of::VARCHAR AS as_of, finished_at::VARCHAR AS finished_at, len(rule_ids)::INTEGER AS rules,
       rows, new, cleared, ms
FROM rule_runs
ORDER BY id DESC
LIMIT 1;
