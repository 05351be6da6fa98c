-- 单位管理 (docs/units.md): the units an admin manages (departments, towns, villages), their parents and aliases.

-- name: list
-- Each unit with its parent, its aliases and how many allocations and payments name it (what a merge would move).
WITH alloc AS (SELECT unit_id AS id, count(*) AS n FROM allocations GROUP BY 1),
paid AS (
  SELECT id, count(*) AS n FROM (
    SELECT unit_id AS id FROM payments UNION ALL SELECT town_id FROM payments WHERE town_id IS DISTINCT FROM unit_id
    UNION ALL SELECT village_id FROM payments
  ) WHERE id IS NOT NULL GROUP BY id
),
aliases AS (SELECT unit_id AS id, list(alias ORDER BY alias) AS aliases FROM unit_aliases GROUP BY 1)
SELECT u.id, u.kind, u.name, u.parent_id, p.name AS parent_name,
       coalesce(a.aliases, []::VARCHAR[]) AS aliases,
       coalesce(al.n, 0) AS allocations, coalesce(pd.n, 0) AS payments
FROM units u
LEFT JOIN units p ON p.id = u.parent_id
LEFT JOIN aliases a ON a.id = u.id
LEFT JOIN alloc al ON al.id = u.id
LEFT JOIN paid pd ON pd.id = u.id
WHERE u.kind IN ('department', 'town', 'village')
ORDER BY CASE u.kind WHEN 'town' THEN 1 WHEN 'department' THEN 2 ELSE 3 END, coalesce(u.parent_id, u.id), u.parent_id NULLS FIRST, u.id;

-- name: by_id
SELECT id, kind, name, parent_id FROM units WHERE id = $id AND kind IN ('department', 'town', 'village');

-- name: name_clash
-- What a name would collide with, compared as the importer compares names (imp_name): another unit's name in the same
-- field (departments and towns share the 预算单位 field; a village's name only clashes within its town), or an alias.
SELECT coalesce(
  (SELECT '已有单位“' || min(u.name) || '”' FROM units u
   WHERE u.id <> $id AND imp_name(u.name) = imp_name($name)
     AND CASE WHEN $kind = 'village' THEN u.kind = 'village' AND u.parent_id IS NOT DISTINCT FROM $parent_id
              ELSE u.kind IN ('department', 'town') END),
  (SELECT '已是“' || min(u.name) || '”的别名' FROM unit_aliases a JOIN units u ON u.id = a.unit_id
   WHERE imp_name(a.alias) = imp_name($name) AND u.id <> $id)) AS clash;

-- name: rename
UPDATE units SET name = $name WHERE id = $id;

-- name: set_parent
UPDATE units SET parent_id = $parent_id WHERE id = $id;

-- name: add_alias
-- The old name of a renamed unit, or an alias the admin adds; a name that is an alias already stays as it is.
INSERT INTO unit_aliases (alias, unit_id, created_by) VALUES ($alias, $id, $actor) ON CONFLICT DO NOTHING;

-- name: remove_alias
DELETE FROM unit_aliases WHERE imp_name(alias) = imp_name($alias) AND unit_id = $id;

-- name: references
-- Every row that names a unit, by table and column: what a merge moves. One scan of each table.
WITH pay AS (
  SELECT count(*) FILTER (WHERE unit_id = $id) AS payments_unit, count(*) FILTER (WHERE town_id = $id) AS payments_town,
         count(*) FILTER (WHERE village_id = $id) AS payments_village FROM payments),
proj AS (
  SELECT count(*) FILTER (WHERE unit_id = $id) AS projects_unit, count(*) FILTER (WHERE town_id = $id) AS projects_town,
         count(*) FILTER (WHERE village_id = $id) AS projects_village FROM projects),
pout AS (
  SELECT count(*) FILTER (WHERE town_id = $id) AS payouts_town, count(*) FILTER (WHERE village_id = $id) AS payouts_village
  FROM payouts),
warn AS (
  SELECT count(*) FILTER (WHERE unit_id = $id) AS warnings_unit, count(*) FILTER (WHERE assigned_unit_id = $id) AS warnings_assigned
  FROM warnings)
SELECT (SELECT count(*) FROM allocations WHERE unit_id = $id) AS allocations, pay.*, proj.*, pout.*,
       (SELECT count(*) FROM users WHERE unit_id = $id) AS users, warn.*,
       (SELECT count(*) FROM units WHERE parent_id = $id) AS child_units,
       (SELECT count(*) FROM unit_aliases WHERE unit_id = $id) AS aliases
FROM pay, proj, pout, warn;

-- name: bound_users
-- Users whose role is bound to a kind of unit other than $kind: merging into a unit of that kind would break them.
SELECT username FROM users WHERE unit_id = $id AND role <> $kind ORDER BY username;
