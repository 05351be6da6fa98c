-- name: insert
-- Timestamps arrive as UTC ISO texts from the caller, which timed the run.
INSERT INTO backup_runs (started_at, finished_at, trigger, actor, name, folder, ok, error, bytes, pruned)
VALUES ($started_at::TIMESTAMPTZ::TIMESTAMP, $finished_at::TIMESTAMPTZ::TIMESTAMP, $trigger, $actor, $name, $folder, $ok, $error, $bytes, $pruned);

-- name: last_started
SELECT strftime(max(started_at), '%Y-%m-%dT%H:%M:%S.%fZ') AS started_at FROM backup_runs WHERE trigger = $trigger;

-- name: recent
SELECT id, started_at::VARCHAR AS started_at, finished_at::VARCHAR AS finished_at, trigger, actor, name, folder, ok, error,
       bytes::VARCHAR AS bytes, pruned
FROM backup_runs ORDER BY id DESC LIMIT $limit;
