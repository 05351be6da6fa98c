-- The choices of the views' filter bar (components/views/ViewFilterBar.tsx): towns, villages (with their town), funds
-- (with their level) and 股室. A 镇 is offered its own town and villages, a 股室 its own funds and itself; the views'
-- SQL restricts the rows to the scope whatever is chosen (docs/roles.md), so this only spares choices that show nothing.
SELECT 'town' AS kind, id, name, NULL::VARCHAR AS level, NULL::INTEGER AS parent_id FROM units
WHERE kind = 'town' AND ($scope_kind::VARCHAR <> 'town' OR id = $scope_unit::INTEGER)
UNION ALL
SELECT 'village', v.id, v.name, NULL, v.parent_id FROM units v
WHERE v.kind = 'village' AND ($scope_kind::VARCHAR <> 'town' OR v.parent_id = $scope_unit::INTEGER)
UNION ALL
SELECT 'fund', id, name, level, section_id FROM funds
WHERE $scope_kind::VARCHAR <> 'section' OR section_id = $scope_unit::INTEGER
UNION ALL
SELECT 'section', id, name, NULL, NULL FROM units
WHERE kind = 'section' AND ($scope_kind::VARCHAR <> 'section' OR id = $scope_unit::INTEGER)
ORDER BY kind, parent_id NULLS FIRST, level, id
