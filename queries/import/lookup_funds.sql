-- 资金 lookup for the names found in the file (imp_names, field 'fund'). A cell may be: a name the user confirmed
-- ($choices: JSON {raw name: fund id}), a catalog code 'central-22' / '中央-22', a fund id, or a fund name. Names repeat
-- across 中央/省/市/县, so each cell gets every candidate (ids, levels); the importer picks with the row's 预算级次.
CREATE OR REPLACE TEMP TABLE imp_fund_lookup AS
WITH names AS (
  SELECT DISTINCT t, imp_name(t) AS n FROM imp_names WHERE field = 'fund'
),
chosen AS (
  SELECT imp_name(key) AS n, value::INTEGER AS id FROM json_each($choices::JSON)
),
code AS (
  SELECT t, imp_level(struct_extract(p, 'level')) AS level, TRY_CAST(struct_extract(p, 'seq') AS INTEGER) AS seq
  FROM (SELECT t, regexp_extract(n, '^([a-z]+|中央|省|市|县)[-_]?([0-9]+)$', ['level', 'seq']) AS p FROM names)
),
cand AS (
  SELECT n.t, 1 AS p, f.id, f.level FROM names n JOIN chosen c ON c.n = n.n JOIN funds f ON f.id = c.id
  UNION ALL
  SELECT c.t, 2, f.id, f.level FROM code c JOIN funds f ON f.level = c.level AND f.seq = c.seq
  UNION ALL
  SELECT n.t, 3, f.id, f.level FROM names n JOIN funds f ON f.id::VARCHAR = n.n
  UNION ALL
  SELECT n.t, 4, f.id, f.level FROM names n JOIN funds f ON imp_name(f.name) = n.n
),
best AS (
  SELECT t, list(id ORDER BY id) AS ids, list(level ORDER BY id) AS levels
  FROM (SELECT * FROM cand QUALIFY p = min(p) OVER (PARTITION BY t))
  GROUP BY t
),
suggestion AS (
  -- the closest catalog name, offered for the user to confirm (never applied silently)
  SELECT n.t, arg_max(f.name || '”（' || imp_level_label(f.level) || '，资金代码 ' || f.level || '-' || f.seq || '）',
                      jaro_winkler_similarity(n.n, imp_name(f.name))) AS label,
         max(jaro_winkler_similarity(n.n, imp_name(f.name))) AS score
  FROM names n CROSS JOIN funds f
  WHERE n.t NOT IN (SELECT t FROM best)
  GROUP BY n.t
)
SELECT n.t, coalesce(b.ids, []::INTEGER[]) AS ids, coalesce(b.levels, []::VARCHAR[]) AS levels,
  CASE WHEN b.t IS NULL THEN
    '资金不在目录中：' || n.t || CASE WHEN s.score >= 0.6 THEN '；最接近的是“' || s.label || '，请确认' ELSE '' END
  END AS reason,
  CASE WHEN len(b.ids) > 1 THEN
    '资金名称在多个预算级次下都有（' || array_to_string(list_transform(b.levels, l -> imp_level_label(l)), '、')
    || '），请填写预算级次或资金代码（如 ' || b.levels[1] || '-' || (SELECT seq FROM funds WHERE id = b.ids[1]) || '）'
  END AS ambiguous
FROM names n LEFT JOIN best b ON b.t = n.t LEFT JOIN suggestion s ON s.t = n.t;
