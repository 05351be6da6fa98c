-- The fund names of a file that match no fund at the row's level, and why, with up to 3 candidates: those of the
-- row's level first, then by similarity (docs/fund-matching.md). Input imp_fund_pairs (t: the cell text, level: the
-- row's 预算级次 or NULL, ids/levels: the funds the text means, rows: how many rows), one row per distinct (t, level).
CREATE OR REPLACE TEMP TABLE imp_fund_misses AS
WITH miss AS (
  SELECT t, level, coalesce(ids, []) AS ids, coalesce(levels, []) AS levels, rows FROM imp_fund_pairs
  WHERE len(coalesce(ids, [])) = 0 OR (level IS NOT NULL AND NOT list_contains(levels, level))
),
scored AS (
  SELECT m.t, m.level, i.fund_id, max(imp_name_similarity(imp_fund_key(m.t), i.k)) AS score
  FROM miss m CROSS JOIN fund_name_index() i
  GROUP BY ALL
),
ranked AS (
  SELECT s.t, s.level, f.id, f.level AS fund_level, f.seq, imp_fund_label(f.name, f.level, f.seq) AS label,
    row_number() OVER (PARTITION BY s.t, s.level ORDER BY f.level IS NOT DISTINCT FROM s.level DESC, s.score DESC, f.id) AS r
  FROM scored s JOIN funds f ON f.id = s.fund_id
  WHERE s.score >= 0.5
),
proposals AS (
  SELECT t, level, list({'id': id, 'level': fund_level, 'code': fund_level || '-' || seq, 'label': label} ORDER BY r) AS candidates
  FROM ranked WHERE r <= 3
  GROUP BY t, level
)
SELECT m.t, m.level, m.rows, coalesce(p.candidates, []) AS candidates,
  CASE WHEN len(m.ids) = 0 AND m.level IS NULL THEN '资金不在目录中：' || m.t
       WHEN len(m.ids) = 0 THEN imp_level_label(m.level) || '级资金目录中没有：' || m.t
       ELSE '“' || m.t || '”不是' || imp_level_label(m.level) || '级资金（目录中是'
         || array_to_string(list_transform(list_filter(['central', 'province', 'city', 'county'], l -> list_contains(m.levels, l)),
              l -> imp_level_label(l) || '级'), '、') || '）'
  END
  || CASE WHEN len(p.candidates) > 0
       THEN '；可能是：' || array_to_string(list_transform(p.candidates, c -> c.label), '、') ELSE '' END
  || '。请改正资金名称或资金代码，或在导入页把它绑定为资金别名' AS reason
FROM miss m LEFT JOIN proposals p ON p.t = m.t AND p.level IS NOT DISTINCT FROM m.level;
