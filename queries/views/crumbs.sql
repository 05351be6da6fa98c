-- The names behind the ids a filter sets, for the breadcrumbs (docs/navigation.md): one row, null where the field is
-- not set or names nothing. Each id is matched only against units of its own kind, so a 镇 id in `section` names nothing.
-- Units, funds and villages are the county's public map; a project is named only to a viewer whose scope holds it (a
-- 镇 its town's projects, a 部门 those it implements, a 股室 those its funds pay for; $scope_kind, $scope_unit) —
-- to anyone else the crumb shows the code the URL already holds.
SELECT
  (SELECT name FROM units WHERE kind = 'section' AND id = $section::INTEGER)       AS section,
  (SELECT name FROM funds WHERE id = $fund::INTEGER)                                AS fund,
  (SELECT id FROM indicators WHERE id = $indicator::VARCHAR)                        AS indicator,
  (SELECT name FROM units WHERE kind = 'department' AND id = $department::INTEGER) AS department,
  (SELECT name FROM units WHERE kind = 'town' AND id = $town::INTEGER)             AS town,
  (SELECT name FROM units WHERE kind = 'village' AND id = $village::INTEGER)       AS village,
  (SELECT name FROM projects p WHERE code = $project::VARCHAR AND (
     $scope_kind = 'all'
     OR ($scope_kind = 'town' AND p.town_id = $scope_unit::INTEGER)
     OR ($scope_kind = 'department' AND p.unit_id = $scope_unit::INTEGER)
     OR ($scope_kind = 'section' AND EXISTS (
       SELECT 1 FROM allocations a WHERE a.project_code = p.code
         AND a.indicator_id IN (SELECT id FROM section_indicators($scope_unit::INTEGER))))))  AS project
