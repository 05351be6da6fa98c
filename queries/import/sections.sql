-- The sections of a table, cut by its 小计/合计/总计 lines (docs/project-lists.md): for every non-blank record its
-- Excel row (rn, with $first_row the row of the first record) and its section. A 小计 heads its section (the rows
-- after it) when no data row comes before the file's first 小计, else it closes it (the rows since the previous total
-- line): tables use both layouts, and one table sticks to one. Built only for files that have a 小计 line.
CREATE OR REPLACE TEMP TABLE imp_sections AS
WITH r AS (
  SELECT rowid + $first_row AS rn, sub, total_kind, raw,
    count(*) FILTER (WHERE sub) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto
  FROM imp_rows WHERE NOT blank
),
layout AS (
  SELECT coalesce(min(rn) FILTER (WHERE NOT sub) < min(rn) FILTER (WHERE total_kind = 'sub'), false) AS closing FROM r
)
SELECT rn, sub, total_kind, raw, CASE WHEN sub AND closing THEN upto - 1 ELSE upto END AS section
FROM r CROSS JOIN layout;
