-- The names behind the ids a filter sets, for the breadcrumbs (docs/navigation.md): one row, null where the field is
-- not set or names nothing. Each id is matched only against units of its own kind, so a 镇 id in `section` names nothing.
SELECT
  (SELECT name FROM units WHERE kind = 'section' AND id = $section::INTEGER)       AS section,
  (SELECT name FROM funds WHERE id = $fund::INTEGER)                                AS fund,
  (SELECT id FROM indicators WHERE id = $indicator::VARCHAR)                        AS indicator,
  (SELECT name FROM units WHERE kind = 'department' AND id = $department::INTEGER) AS department,
  (SELECT name FROM units WHERE kind = 'town' AND id = $town::INTEGER)             AS town,
  (SELECT name FROM units WHERE kind = 'village' AND id = $village::INTEGER)       AS village,
  (SELECT name FROM projects WHERE code = $project::VARCHAR)                        AS project
