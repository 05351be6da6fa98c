-- 资金 lookup for the names the first pass could not resolve exactly (imp_names, field 'fund'; docs/fund-matching.md).
-- A cell may be: a name the user confirmed for this import ($choices: JSON {raw name: fund id}), a catalog code
-- 'central-22' / '中央-22', a fund id, or a fund name or alias in any spelling of the same comparable form
-- (imp_fund_key: no category prefix, half-width, no spaces). Names repeat across 中央/省/市/县, so each cell gets every
-- candidate (ids, levels); the row's 预算级次 picks one (view-sql.ts), and fund_misses.sql explains the rows it cannot.
CREATE OR REPLACE TEMP TABLE imp_fund_lookup AS
WITH names AS (
  SELECT DISTINCT t, imp_name(t) AS n, imp_fund_key(t) AS k FROM imp_names WHERE field = 'fund'
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
  SELECT DISTINCT n.t, 4, i.fund_id, i.level FROM names n JOIN fund_name_index() i ON i.k = n.k
)
SELECT t, list(id ORDER BY id) AS ids, list(level ORDER BY id) AS levels
FROM (SELECT * FROM cand QUALIFY p = min(p) OVER (PARTITION BY t))
GROUP BY t;
