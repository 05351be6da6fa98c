-- The fund catalog with its aliases (资金目录), and the alias edits (docs/fund-matching.md).

-- name: catalog
SELECT f.id, f.level, f.seq, f.name, f.source_division, f.section_id, u.name AS section,
  coalesce((SELECT list({'id': a.id, 'alias': a.alias, 'created_by': a.created_by,
                         'created_at': strftime(a.created_at, '%Y-%m-%d %H:%M')} ORDER BY a.id)
            FROM fund_aliases a WHERE a.fund_id = f.id), []) AS aliases
FROM funds f LEFT JOIN units u ON u.id = f.section_id
ORDER BY CASE f.level WHEN 'central' THEN 1 WHEN 'province' THEN 2 WHEN 'city' THEN 3 ELSE 4 END, f.seq;

-- name: fund
SELECT id, level, seq, name, section_id, imp_fund_label(name, level, seq) AS label FROM funds WHERE id = $id;

-- name: same_level_names
-- The funds of $level that the text already names (catalog name or alias), to refuse an alias that would make a
-- name mean two funds of one level.
SELECT DISTINCT i.fund_id, i.via, imp_fund_label(f.name, f.level, f.seq) AS label
FROM fund_name_index() i JOIN funds f ON f.id = i.fund_id
WHERE i.k = imp_fund_key($alias) AND i.level = $level;

-- name: insert
INSERT INTO fund_aliases (alias, fund_id, created_by) VALUES ($alias, $fund_id, $actor) RETURNING id;

-- name: alias
SELECT a.id, a.alias, a.fund_id, imp_fund_label(f.name, f.level, f.seq) AS fund
FROM fund_aliases a JOIN funds f ON f.id = a.fund_id WHERE a.id = $id;

-- name: delete
DELETE FROM fund_aliases WHERE id = $id;
