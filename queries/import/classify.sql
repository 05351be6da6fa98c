-- Duplicates and conflicts among the rows that may be loaded, by key and content hash (h). Inside the file, a later
-- row with the first one's key is a duplicate when its content is the same, else a conflict. Against the database
-- (imp_existing: the target table's rows with the file's keys) the same applies to the first occurrence:
-- identical → duplicate (a re-import changes nothing), different → conflict, never an overwrite.
-- Content hashes are computed for the few rows whose key repeats (imp_cand), not for the whole file.
CREATE OR REPLACE TEMP TABLE imp_outcome AS
SELECT r.rn,
  CASE WHEN r.h = f.h THEN 'duplicate' ELSE 'conflict' END AS outcome,
  CASE WHEN r.h <> f.h THEN '与第 ' || f.rn || ' 行' || $key_label || '相同但内容不同' END AS reason
FROM imp_cand r
JOIN imp_first d ON d.key = r.key AND r.rn > d.first_rn
JOIN imp_cand f ON f.rn = d.first_rn
UNION ALL
SELECT r.rn,
  CASE WHEN list_contains(e.hs, r.h) THEN 'duplicate' ELSE 'conflict' END,
  CASE WHEN NOT list_contains(e.hs, r.h) THEN
    '与' || CASE WHEN e.batch_id IS NULL OR NOT own_batch THEN '库中已有数据' ELSE '已导入批次 #' || e.batch_id || ' ' END
    || '的' || $key_label || '相同但内容不同（未覆盖）'
    || CASE WHEN $section::INTEGER IS NOT NULL AND NOT coalesce(own_batch, false) THEN '；如需更正，请联系信息中心' ELSE '' END
  END
FROM imp_cand r
JOIN imp_existing e ON e.key = r.key
-- A 股室's import ($section) names only its own 股室's batches: another 股室's row is not described at all
-- (docs/import-limits.md), and the conflict goes to the admin.
LEFT JOIN (SELECT id, $section::INTEGER IS NULL OR try_cast(options->>'$.section_id' AS INTEGER) = $section::INTEGER AS own_batch FROM import_batches) ib
  ON ib.id = e.batch_id
LEFT JOIN imp_first d ON d.key = r.key
WHERE d.first_rn IS NULL OR r.rn = d.first_rn;
