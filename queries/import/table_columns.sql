-- The target table's columns: parsed values are cast to exactly these types, and NOT NULL columns are checked.
SELECT column_name, data_type, is_nullable FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $t;
