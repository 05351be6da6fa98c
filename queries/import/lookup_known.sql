-- The names the database knows, exactly as stored, for the importer's first pass: a cell equal to one of them is
-- resolved there and then (a hash lookup); any other text goes through lookup_funds.sql / lookup_units.sql.
-- Villages are keyed by 乡镇 + chr(31) + 村, or chr(31) + 村 for a village name found in one town only.
-- A unit's aliases are names of it too (unit_names); in a 乡镇 field a unit that belongs to a town names the town
-- (docs/units.md).
WITH unit_names AS (
  SELECT id, kind, name, parent_id FROM units
  UNION ALL
  SELECT u.id, u.kind, a.alias, u.parent_id FROM unit_aliases a JOIN units u ON u.id = a.unit_id
)
SELECT 'unit' AS field, name AS k, min(id) AS id, NULL::VARCHAR AS level FROM unit_names WHERE kind IN ('department', 'town') GROUP BY name
UNION ALL
SELECT 'town', n.name, min(CASE WHEN n.kind = 'town' THEN n.id ELSE p.id END), NULL
FROM unit_names n LEFT JOIN units p ON p.id = n.parent_id AND p.kind = 'town'
WHERE n.kind = 'town' OR (n.kind = 'department' AND p.id IS NOT NULL) GROUP BY n.name
UNION ALL
SELECT 'village', t.name || chr(31) || v.name, min(v.id), NULL
FROM unit_names v JOIN units t ON t.id = v.parent_id AND t.kind = 'town' WHERE v.kind = 'village' GROUP BY t.name, v.name
UNION ALL
SELECT 'village', chr(31) || name, min(id), NULL FROM units WHERE kind = 'village' GROUP BY name HAVING count(*) = 1
UNION ALL
-- A fund name as the catalog writes it, without its category prefix, or as an alias writes it: every fund whose name
-- or alias has the same comparable form (so the set equals what lookup_funds.sql finds for the same text).
SELECT DISTINCT 'fund', s.text, i.fund_id, i.level
FROM (SELECT name AS text FROM funds
      UNION SELECT regexp_replace(name, '^[^:：]{1,6}[:：]', '') FROM funds
      UNION SELECT alias FROM fund_aliases) s
JOIN fund_name_index() i ON i.k = imp_fund_key(s.text)
UNION ALL
SELECT 'fund', level || '-' || seq, id, level FROM funds
ORDER BY field, k, id;
