-- name: by_username
SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, u.password_hash, u.disabled,
       u.failed_attempts, u.locked_until::VARCHAR AS locked_until, u.locked_until > current_localtimestamp() AS locked
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
INSERT INTO users (id, username, display_name, role, unit_id, password_hash)
VALUES (nextval('user_seq'), $username, $display_name, $role, $unit_id, $password_hash)
RETURNING id;

-- name: failed_login
-- Five wrong passwords in a row lock the account for $lock_minutes.
UPDATE users SET failed_attempts = failed_attempts + 1,
  locked_until = CASE WHEN failed_attempts + 1 >= $max_attempts
                      THEN current_localtimestamp() + to_minutes($lock_minutes::BIGINT) ELSE locked_until END
WHERE id = $id
RETURNING failed_attempts, locked_until > current_localtimestamp() AS locked;

-- name: good_login
UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $id;

-- name: set_password
UPDATE users SET password_hash = $password_hash, failed_attempts = 0, locked_until = NULL, updated_at = current_localtimestamp()
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
