-- The import history, newest first (数据导入 page, `fund-monitor batches`).
SELECT id, kind, file_name, sha256, encoding, rows_read, accepted, rejected, duplicates, subtotal_rows_skipped,
       totals_reconciled, amount_total, matched_indicator, matched_project, raw_path, created_by,
       strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at, status, rolled_back_by,
       strftime(rolled_back_at, '%Y-%m-%d %H:%M:%S') AS rolled_back_at, mapping, options
FROM import_batches
WHERE ($kind IS NULL OR kind = $kind) AND ($id IS NULL OR id = $id)
ORDER BY id DESC
LIMIT $limit OFFSET $offset;
