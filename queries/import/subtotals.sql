-- Every 小计 line of the file (imp_sections, sections.sql), checked against the data rows of its section; 合计/总计
-- lines are checked in summary.sql. Data rows count with every amount that could be read, as for the 合计.
WITH sums AS (
  SELECT s.section, sum(v.amount) AS rows_sum
  FROM imp_sections s JOIN imp_view v ON v.rn = s.rn
  WHERE NOT s.sub GROUP BY s.section
)
SELECT s.rn::INTEGER AS row, v.amount::VARCHAR AS stated, coalesce(m.rows_sum, 0)::DECIMAL(38,2)::VARCHAR AS rows_sum,
  coalesce(v.amount = coalesce(m.rows_sum, 0), false) AS ok
FROM imp_sections s
JOIN imp_view v ON v.rn = s.rn
LEFT JOIN sums m ON m.section = s.section
WHERE s.total_kind = 'sub'
ORDER BY s.rn;
