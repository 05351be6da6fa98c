-- The 分配 view (after scope.sql and pairs.sql; docs/ledger.md): one line per indicator × receiving unit (pairs.sql:
-- payments match an allocation by indicator and unit), with the project when all its allocations name one, paid,
-- balance, last payment and the days since (idle). $department picks a unit's own lines; $town a town's and its own
-- bodies' (own_units, docs/units.md); $idle_days only lines idle at least that long (滞留资金).
SELECT
  concat(p.indicator_id, ':', p.unit_id) AS id, u.name, p.unit_id, u.kind AS unit_kind,
  p.indicator_id, f.name AS fund_name, p.project_code,
  p.allocated AS total, p.allocated, p.paid, p.balance,
  spend_rate(p.paid, p.allocated) AS spend_rate,
  gap_points(p.paid, p.allocated, params.tp) AS gap_points,
  gap_amount(p.paid, p.allocated, params.tp) AS gap_amount,
  gap_band(gap_points(p.paid, p.allocated, params.tp), $band_green, $band_blue, $band_yellow, $band_orange) AS band,
  p.first_alloc AS alloc_date, p.last_pay, p.idle_days, p.stalled
FROM pairs p CROSS JOIN params
JOIN ind ON ind.id = p.indicator_id
JOIN funds f ON f.id = ind.fund_id
JOIN units u ON u.id = p.unit_id
WHERE ($indicator::VARCHAR IS NULL OR p.indicator_id = $indicator::VARCHAR)
  AND ($department::INTEGER IS NULL OR p.unit_id = $department::INTEGER)
  AND ($town::INTEGER IS NULL OR p.unit_id IN (SELECT id FROM own_units($town::INTEGER)))
  AND ($idle_days::INTEGER IS NULL OR (p.balance > 0 AND p.idle_days >= $idle_days::INTEGER))
