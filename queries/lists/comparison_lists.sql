-- 比对名单 page (docs/data-model.md): every list with its rows and, for an imported list, its batch (file, who, when);
-- newest first. A list is removed with its batch (撤销), so a listed batch is never rolled back.
SELECT l.id, l.label, l.department, l.kind, l.holds, l.imported_at::VARCHAR AS imported_at,
       coalesce(b.created_by, l.imported_by) AS imported_by, l.batch_id, b.file_name,
       (SELECT count(*) FROM comparison_list_rows r WHERE r.list_id = l.id) AS rows
FROM comparison_lists l
LEFT JOIN import_batches b ON b.id = l.batch_id
ORDER BY l.imported_at DESC, l.id DESC
