-- name: insert
INSERT INTO sessions (token_hash, user_id, expires_at)
VALUES ($token_hash, $user_id, current_localtimestamp() + to_minutes($absolute_minutes::BIGINT));

-- name: viewer
-- A session is alive until its absolute expiry and while it has been used within the idle limit.
-- valid_until_ms: when the session ends unless used again (UTC, as every timestamp is stored: queries/db.ts).
SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name,
       coalesce(u.must_change_password, false) AS must_change_password,
       epoch_ms(least(s.expires_at, s.last_seen + to_minutes($idle_minutes::BIGINT))) AS valid_until_ms
FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN units un ON un.id = u.unit_id
WHERE s.token_hash = $token_hash AND NOT u.disabled
  AND s.expires_at > current_localtimestamp()
  AND s.last_seen > current_localtimestamp() - to_minutes($idle_minutes::BIGINT);

-- name: viewer_of_user
-- The same, for a session kept in memory on a read-only database (memory-sessions.ts), which checked the limits.
SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name,
       coalesce(u.must_change_password, false) AS must_change_password
FROM users u LEFT JOIN units un ON un.id = u.unit_id
WHERE u.id = $user_id AND NOT u.disabled;

-- name: touch
-- $token_hashes: the sessions used lately, their digests joined by commas (sessions.ts markUsed).
UPDATE sessions SET last_seen = current_localtimestamp()
WHERE token_hash IN (SELECT unnest(string_split($token_hashes, ',')))
  AND last_seen < current_localtimestamp() - INTERVAL 1 MINUTE;

-- name: delete
DELETE FROM sessions WHERE token_hash = $token_hash;

-- name: delete_for_user
DELETE FROM sessions WHERE user_id = $user_id;

-- name: delete_others_for_user
DELETE FROM sessions WHERE user_id = $user_id AND token_hash <> $keep_hash;

-- name: purge_expired
DELETE FROM sessions WHERE expires_at < current_localtimestamp();
