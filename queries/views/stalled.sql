-- The 滞留资金 view (after scope.sql and stalled_rows.sql): the balances idle at least $idle_days days (30 when not
-- set: a balance idle less than 30 days is not stalled), with the unit, fund, 股室 and indicator behind each, its
-- aging bucket, and 收回统筹 for a balance idle over two years (730 days). $town and $department pick a unit.
SELECT
  s.indicator_id || '@' || s.unit_id AS id,
  u.name, u.kind AS unit_kind, s.unit_id,
  f.name AS fund, sec.name AS section,
  s.indicator_id AS indicator, s.indicator_year,
  s.first_alloc, s.last_alloc, s.allocated, s.paid, s.balance, s.last_paid, s.idle_days,
  idle_bucket(s.idle_days) AS bucket,
  CASE WHEN s.idle_days > 730 THEN '收回统筹' END AS reclaim
FROM stalled_rows s
JOIN units u ON u.id = s.unit_id
LEFT JOIN funds f ON f.id = s.fund_id
LEFT JOIN units sec ON sec.id = s.section_id
WHERE s.idle_days >= coalesce($idle_days::INTEGER, 30)
  AND ($town::INTEGER IS NULL OR (u.kind = 'town' AND s.unit_id = $town::INTEGER))
  AND ($department::INTEGER IS NULL OR (u.kind = 'department' AND s.unit_id = $department::INTEGER))
