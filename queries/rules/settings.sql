-- name: all
SELECT rule_id, enabled, params::VARCHAR AS params, updated_by, updated_at::VARCHAR AS updated_at
FROM rule_settings
ORDER BY rule_id;

-- name: save
INSERT INTO rule_settings (rule_id, enabled, params, updated_by, updated_at)
VALUES ($rule_id, $enabled, $params::JSON, $updated_by, current_timestamp)
ON CONFLICT (rule_id) DO UPDATE SET
  enabled = excluded.enabled, params = excluded.params, updated_by = excluded.updated_by, updated_at = excluded.updated_at;
