-- name: by_username
SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, u.password_hash, u.disabled,
       u.failed_attempts, u.locked_until::VARCHAR AS locked_until, u.locked_until > current_localtimestamp() AS locked,
       coalesce(u.must_change_password, false) AS must_change_password
FROM users u LEFT JOIN units un ON un.id = u.unit_id
WHERE u.username = $username;

-- name: list
SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, u.disabled,
       u.failed_attempts, u.locked_until > current_localtimestamp() AS locked, u.created_at::VARCHAR AS created_at
FROM users u LEFT JOIN units un ON un.id = u.unit_id
ORDER BY u.id;

-- name: count
SELECT count(*) AS n FROM users;

-- name: insert
INSERT INTO users (id, username, display_name, role, unit_id, password_hash, must_change_password)
VALUES (nextval('user_seq'), $username, $display_name, $role, $unit_id, $password_hash, $must_change_password)
RETURNING id;

-- name: take_attempt
-- Counts a login attempt as failed before its password is checked, in one statement, so parallel attempts cannot get
-- past $max_attempts: the attempt that reaches it locks the account for $lock_minutes, and a locked account takes no
-- attempt (no row returned) until the lock expires; an expired lock starts the count again. A good password then
-- clears the count (good_login).
UPDATE users SET
  failed_attempts = CASE WHEN locked_until <= current_localtimestamp() THEN 1 ELSE failed_attempts + 1 END,
  locked_until = CASE
    WHEN (CASE WHEN locked_until <= current_localtimestamp() THEN 1 ELSE failed_attempts + 1 END) >= $max_attempts
      THEN current_localtimestamp() + to_minutes($lock_minutes::BIGINT)
    ELSE NULL END
WHERE id = $id AND NOT coalesce(locked_until > current_localtimestamp(), false)
RETURNING failed_attempts, locked_until IS NOT NULL AS locked;

-- name: good_login
UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $id;

-- name: set_password
-- $must_change: whether the password was chosen by someone else; the user's own choice clears the flag.
UPDATE users SET password_hash = $password_hash, failed_attempts = 0, locked_until = NULL,
  must_change_password = $must_change, updated_at = current_localtimestamp()
WHERE id = $id;

-- name: update
UPDATE users SET display_name = $display_name, role = $role, unit_id = $unit_id, disabled = $disabled,
  updated_at = current_localtimestamp()
WHERE id = $id;

-- name: unit_of_kind
SELECT id, name FROM units WHERE id = $unit_id AND kind = $kind;

-- name: bindable_units
-- The units a scoped role can be bound to: 股室 (section), 预算单位 (department), 镇(中心) (town).
SELECT id, kind, name FROM units WHERE kind IN ('section', 'department', 'town') ORDER BY kind, id;

-- name: active_admins
SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled;

-- name: unit_name
SELECT name FROM units WHERE id = $unit_id;
