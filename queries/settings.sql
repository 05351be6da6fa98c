-- name: all
SELECT key, value FROM settings;

-- name: upsert
INSERT INTO settings (key, value) VALUES ($key, $value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- name: get
SELECT value FROM settings WHERE key = $key;
