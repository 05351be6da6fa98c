-- 年底突击 (docs/rules.md): in a finished year (its 31 December on or before the 截止日期), December's payments are
-- more than $share % of the year's payments of a fund (against its indicators) or of a paying unit (a town's sub-units
-- counted as the town, docs/units.md). Years whose total is under $min_total 元 are ignored: a unit that paid twice
-- would otherwise show 50 %. The share is compared exactly (December × 100 > share × total). One warning per fund or
-- unit and year: subject id `<id>:<year>`. Severity: orange when December holds half the year or more, else yellow.
WITH paid AS (
  SELECT year(p.pay_date) AS pay_year, month(p.pay_date) = 12 AS december, i.fund_id, m.measured_id AS unit_id, p.amount
  FROM payment_days p
  LEFT JOIN indicators i ON i.id = p.indicator_id
  LEFT JOIN measured_units() m ON m.id = p.unit_id
  WHERE make_date(year(p.pay_date), 12, 31) <= $as_of::DATE
),
years AS (
  SELECT 'fund' AS subject_type, fund_id AS id, pay_year, sum(amount) AS total,
         coalesce(sum(amount) FILTER (WHERE december), 0) AS dec_total
  FROM paid WHERE fund_id IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT 'unit', unit_id, pay_year, sum(amount), coalesce(sum(amount) FILTER (WHERE december), 0)
  FROM paid WHERE unit_id IS NOT NULL GROUP BY ALL
)
SELECT y.subject_type, y.id || ':' || y.pay_year AS subject_id,
       CASE y.subject_type WHEN 'fund' THEN f.section_id ELSE y.id END AS unit_id, y.dec_total AS amount,
       CASE WHEN y.dec_total * 2 >= y.total THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('name', coalesce(f.name, u.name), 'year', y.pay_year, 'total', y.total, 'december', y.dec_total,
                   'share', rate(y.dec_total, y.total)) AS evidence
FROM years y
LEFT JOIN funds f ON y.subject_type = 'fund' AND f.id = y.id
LEFT JOIN units u ON y.subject_type = 'unit' AND u.id = y.id
WHERE y.total >= $min_total AND y.dec_total * 100 > $share::DECIMAL(9, 4) * y.total
