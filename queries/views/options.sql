-- The choices of a view page's filter bar (docs/navigation.md), limited to the viewer's scope ($scope_kind,
-- $scope_unit): a scoped viewer is offered only its own unit among units of its kind (a 镇 its town and that town's
-- villages, a 部门 itself, a 股室 itself and the funds it manages); other kinds are offered whole, since the rows
-- themselves stay within the scope whatever is chosen (docs/roles.md: a filter naming another unit only narrows).
-- Departments are the county's own: a town's body is counted in its town (measured_units, docs/units.md).
-- Villages only of the chosen town ($town), so the list stays short; a 镇's own villages whatever is chosen.
SELECT 'section' AS field, id, name, NULL AS level FROM units
WHERE kind = 'section' AND ($scope_kind <> 'section' OR id = $scope_unit::INTEGER)
UNION ALL
SELECT 'fund', id, name, level FROM funds
WHERE $scope_kind <> 'section' OR section_id = $scope_unit::INTEGER
UNION ALL
SELECT 'town', id, name, NULL FROM units
WHERE kind = 'town' AND ($scope_kind <> 'town' OR id = $scope_unit::INTEGER)
UNION ALL
SELECT 'village', id, name, NULL FROM units
WHERE kind = 'village' AND parent_id = CASE WHEN $scope_kind = 'town' THEN $scope_unit::INTEGER ELSE $town::INTEGER END
UNION ALL
SELECT 'department', u.id, u.name, NULL FROM units u JOIN measured_units() m ON m.id = u.id
WHERE u.kind = 'department' AND m.measured_id = u.id AND ($scope_kind <> 'department' OR u.id = $scope_unit::INTEGER)
ORDER BY field, id
