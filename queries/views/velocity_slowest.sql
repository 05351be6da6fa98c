-- The slowest of the year's indicators (after scope.sql, velocity_rows.sql and velocity_80.sql): each with its
-- steps' dates and days (docs/stalled-and-velocity.md) and `waiting`, the days it took to reach 80 % paid or, not
-- there yet, the days it has been waiting since its receipt — sorted by it, the slowest come first whether they have
-- arrived or not.
SELECT
  v.id, v.id AS name, f.name AS fund, sec.name AS section, v.amount::DECIMAL(18,2) AS amount,
  v.received_date, v.first_alloc, v.first_paid, v.paid_80,
  v.days_to_alloc, v.days_to_pay, v.days_to_80,
  coalesce(v.days_to_80, (params.as_of - v.received_date)::INTEGER) AS waiting,
  CASE WHEN v.days_to_80 IS NULL THEN '未达80%' END AS not_80
FROM velocity_rows_80 v CROSS JOIN params
LEFT JOIN funds f ON f.id = v.fund_id
LEFT JOIN units sec ON sec.id = v.section_id
