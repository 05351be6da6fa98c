-- Every 小计 line of the file, checked against the data rows of its section (合计/总计 lines are checked in
-- summary.sql). Sections are delimited by the total lines. A 小计 heads its section (the rows after it) when no data
-- row comes before the file's first 小计, else it closes it (the rows since the previous total line): tables use both
-- layouts, and one table sticks to one. Data rows count with every amount that could be read, as for the 合计.
WITH r AS (
  SELECT rn, sub, total_kind, amount,
    count(*) FILTER (WHERE sub) OVER (ORDER BY rn ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto
  FROM imp_view
),
layout AS (
  SELECT coalesce(min(rn) FILTER (WHERE NOT sub) < min(rn) FILTER (WHERE total_kind = 'sub'), false) AS closing FROM r
),
sections AS (
  SELECT upto AS section, sum(amount) AS rows_sum FROM r WHERE NOT sub GROUP BY upto
)
SELECT r.rn::INTEGER AS row, r.amount::VARCHAR AS stated, coalesce(s.rows_sum, 0)::DECIMAL(38,2)::VARCHAR AS rows_sum,
  coalesce(r.amount = coalesce(s.rows_sum, 0), false) AS ok
FROM r CROSS JOIN layout l
LEFT JOIN sections s ON s.section = CASE WHEN l.closing THEN r.upto - 1 ELSE r.upto END
WHERE r.total_kind = 'sub'
ORDER BY r.rn;
