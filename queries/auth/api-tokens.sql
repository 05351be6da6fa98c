-- name: live_count
SELECT count(*) AS n FROM api_tokens
WHERE user_id = $user_id AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > current_localtimestamp());

-- name: insert
-- expires_on is a day in China (UTC+8, no daylight saving): the token works to the end of that day.
INSERT INTO api_tokens (user_id, name, token_hash, expires_at)
VALUES ($user_id, $name, $token_hash,
        CASE WHEN $expires_on::VARCHAR IS NULL THEN NULL
             ELSE $expires_on::DATE + INTERVAL 1 DAY - INTERVAL 8 HOUR END)
RETURNING id;

-- name: viewer
-- The same user row a session reads (sessions.sql viewer), through a live token: not revoked, not expired, its user
-- not disabled.
SELECT t.id AS token_id, t.name AS token_name,
       u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name,
       coalesce(u.must_change_password, false) AS must_change_password
FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN units un ON un.id = u.unit_id
WHERE t.token_hash = $token_hash AND t.revoked_at IS NULL AND NOT u.disabled
  AND (t.expires_at IS NULL OR t.expires_at > current_localtimestamp());

-- name: touch
-- To the minute: a script calling many times a minute writes once.
UPDATE api_tokens SET last_used_at = current_localtimestamp()
WHERE id = $id AND (last_used_at IS NULL OR last_used_at < current_localtimestamp() - INTERVAL 1 MINUTE);

-- name: list
-- A user's tokens, or everyone's (user_id NULL), live first, newest first.
SELECT t.id, t.user_id, u.username, t.name, t.created_at::VARCHAR AS created_at,
       -- the last day it works, in China (insert's expires_on)
       (t.expires_at + INTERVAL 8 HOUR - INTERVAL 1 DAY)::DATE::VARCHAR AS expires_on,
       t.last_used_at::VARCHAR AS last_used_at, t.revoked_at::VARCHAR AS revoked_at, t.revoked_by,
       (t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > current_localtimestamp())) AS live
FROM api_tokens t JOIN users u ON u.id = t.user_id
WHERE $user_id::INTEGER IS NULL OR t.user_id = $user_id
ORDER BY live DESC, t.created_at DESC, t.id DESC;

-- name: get
SELECT t.id, t.user_id, u.username, t.name, t.revoked_at::VARCHAR AS revoked_at
FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $id;

-- name: revoke
UPDATE api_tokens SET revoked_at = current_localtimestamp(), revoked_by = $revoked_by
WHERE id = $id AND revoked_at IS NULL
RETURNING id;
