-- One batch's rejects, one line per problem, in file order.
SELECT row_no::INTEGER AS row, column_name AS "column", raw_value AS value, reason
FROM import_rejects
WHERE batch_id = $batch
ORDER BY row_no, rowid
LIMIT $limit OFFSET $offset;
