-- The 资金流速 views per fund or per 股室 ($by, from the declaration: 'fund' | 'section'), after scope.sql and
-- velocity_rows.sql and velocity_80.sql: how many of the year's indicators, and the median days from receipt to the
-- first allocation, the first payment and 80 % paid. An indicator that has not reached a step by the 截止日期 is left
-- out of that step's median (a median over what has happened), and not_80 counts the indicators not yet 80 % paid.
SELECT
  g.id, g.name, g.level,
  count(*)::INTEGER AS indicators,
  median(v.days_to_alloc) AS median_to_alloc,
  median(v.days_to_pay)   AS median_to_pay,
  median(v.days_to_80)    AS median_to_80,
  count(*) FILTER (WHERE v.days_to_80 IS NULL)::INTEGER AS not_80
FROM velocity_rows_80 v
JOIN (
  SELECT 'fund' AS by, id, name, level FROM funds
  UNION ALL
  SELECT 'section' AS by, id, name, NULL FROM units WHERE kind = 'section'
) g ON g.by = $by::VARCHAR AND g.id = CASE WHEN $by::VARCHAR = 'fund' THEN v.fund_id ELSE v.section_id END
GROUP BY g.id, g.name, g.level
