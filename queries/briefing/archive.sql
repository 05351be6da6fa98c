-- name: insert
INSERT INTO briefings (year, as_of, scope_kind, section_id, format, created_by, created_at, data_hash, file_sha256, size, file_name, path)
VALUES ($year, $as_of::DATE, $scope_kind, $section_id, $format, $created_by, current_timestamp, $data_hash, $file_sha256, $size, $file_name, $path)
RETURNING id;

-- name: same_data
-- The newest earlier 通报 of the same year, 截止日期 and scope that read the same data (in any format).
SELECT id FROM briefings
WHERE year = $year AND as_of = $as_of::DATE AND scope_kind = $scope_kind AND section_id IS NOT DISTINCT FROM $section_id
  AND data_hash = $data_hash
ORDER BY id DESC
LIMIT 1;

-- name: list
-- Newest first; $section NULL lists every 通报, a 股室's id only its own reports.
SELECT b.id, b.year, strftime(b.as_of, '%Y-%m-%d') AS as_of, b.scope_kind, b.section_id, u.name AS section_name, b.format,
  b.created_by, b.created_at::VARCHAR AS created_at, b.data_hash, b.file_sha256, b.size, b.file_name,
  -- an earlier 通报 of the same year, 截止日期 and scope on the same data: this one holds the same numbers
  (SELECT max(e.id) FROM briefings e
    WHERE e.id < b.id AND e.year = b.year AND e.as_of = b.as_of AND e.scope_kind = b.scope_kind
      AND e.section_id IS NOT DISTINCT FROM b.section_id AND e.data_hash = b.data_hash) AS same_data_as
FROM briefings b
LEFT JOIN units u ON u.id = b.section_id
WHERE $section IS NULL OR b.section_id = $section
ORDER BY b.id DESC
LIMIT $limit;

-- name: by_id
SELECT id, year, strftime(as_of, '%Y-%m-%d') AS as_of, scope_kind, section_id, format, created_by, data_hash, file_sha256, size, file_name, path
FROM briefings WHERE id = $id;
