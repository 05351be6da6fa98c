-- The villages view (after scope.sql, unit_money.sql, unit_rows.sql and village_lines.sql): each village line measured as a town's,
-- with its town; narrowed by $town and $village.
SELECT
  vl.village_id AS id,
  coalesce(v.name, '未落实到村') AS name,
  vl.town_id, vl.town_name,
  vl.total::DECIMAL(18,2)                  AS total,
  vl.total::DECIMAL(18,2)                  AS allocated,
  vl.paid::DECIMAL(18,2)                   AS paid,
  spend_rate(vl.paid, vl.total)            AS spend_rate,
  gap_points(vl.paid, vl.total, params.tp) AS gap_points,
  gap_amount(vl.paid, vl.total, params.tp) AS gap_amount,
  gap_band(gap_points(vl.paid, vl.total, params.tp), $band_green, $band_blue, $band_yellow, $band_orange) AS band
FROM params, village_lines vl
LEFT JOIN units v ON v.id = vl.village_id
WHERE (vl.total <> 0 OR vl.paid <> 0)
  AND ($town::INTEGER IS NULL OR vl.town_id = $town::INTEGER)
  AND ($village::INTEGER IS NULL OR vl.village_id = $village::INTEGER)
