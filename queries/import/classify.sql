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
    '与' || CASE WHEN e.batch_id IS NULL THEN '库中已有数据' ELSE '已导入批次 #' || e.batch_id || ' ' END
    || '的' || $key_label || '相同但内容不同（未覆盖）'
  END
FROM imp_cand r
JOIN imp_existing e ON e.key = r.key
LEFT JOIN imp_first d ON d.key = r.key
WHERE d.first_rn IS NULL OR r.rn = d.first_rn;
