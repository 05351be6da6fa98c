-- The towns and departments views (after scope.sql and unit_rows.sql). The rank is taken over every row the viewer
-- may see, and only for a viewer who may see the whole ranking (docs/roles.md: a 镇 sees its own line, unranked);
-- $row_unit then narrows the rows, so a chosen unit keeps its rank.
SELECT * FROM (
  SELECT
    id, name, total, allocated, paid, spend_rate, gap_points, gap_amount,
    CASE WHEN $scope_kind = 'all' THEN rank() OVER (ORDER BY spend_rate DESC)::INTEGER END AS rank,
    gap_band(gap_points, $band_green, $band_blue, $band_yellow, $band_orange) AS band
  FROM unit_rows
)
WHERE $row_unit::INTEGER IS NULL OR id = $row_unit::INTEGER
