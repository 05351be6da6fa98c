-- One batch's rejected rows for download: the raw row (JSON array of the file's cells) and every reason, per row.
SELECT row_no::INTEGER AS row, any_value(raw_row) AS raw_row,
       string_agg(CASE WHEN column_name IS NULL THEN reason ELSE column_name || '：' || reason END, '；' ORDER BY rowid) AS reasons
FROM import_rejects
WHERE batch_id = $batch
GROUP BY row_no
ORDER BY row_no;
