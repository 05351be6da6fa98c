-- name: tables
-- The database's own tables (not the temporary ones of a connection), in a stable order.
SELECT table_name FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
ORDER BY table_name;

-- name: schema_version
SELECT coalesce(max(version), 0)::INTEGER AS version FROM schema_version;
