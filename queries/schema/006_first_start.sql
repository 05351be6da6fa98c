-- An account whose password someone else chose (the first admin, printed in the server log or set by environment)
-- must choose its own at its first login: until then every page leads to the change-password page (docs/security.md).
-- DuckDB cannot add a column with a NOT NULL constraint; NULL reads as false. migrate.ts checkpoints after this ALTER.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN DEFAULT false;
