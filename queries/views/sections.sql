-- The sections view (after scope.sql and section_rows.sql): a 股室's received indicators (total), what was allocated
-- of them and paid against them, 分配进度 and 未分配; ranked as in units.sql.
SELECT * FROM (
  SELECT
    id, name, total, allocated, paid, spend_rate, gap_points, gap_amount,
    rate(allocated, total) AS alloc_rate,
    (total - allocated)::DECIMAL(18,2) AS unallocated,
    CASE WHEN $scope_kind = 'all' THEN rank() OVER (ORDER BY spend_rate DESC)::INTEGER END AS rank,
    gap_band(gap_points, $band_green, $band_blue, $band_yellow, $band_orange) AS band
  FROM section_rows
)
WHERE $row_unit::INTEGER IS NULL OR id = $row_unit::INTEGER
