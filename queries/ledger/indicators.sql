-- The 指标 view (after scope.sql and pairs.sql; docs/ledger.md): one line per indicator of the budget year within the
-- scope and narrowing — received date, 文号, amount (a department's or town's: what was allocated to it), allocated,
-- paid, the measures, 滞留余额, and how many days passed from receipt to its first allocation.
SELECT
  i.id, i.id AS name, i.doc_no, i.received_date, i.level, f.name AS fund_name, s.name AS section_name,
  pi.amount::DECIMAL(18,2) AS total,
  pi.allocated::DECIMAL(18,2) AS allocated,
  rate(pi.allocated, pi.amount) AS alloc_rate,
  (pi.amount - pi.allocated)::DECIMAL(18,2) AS unallocated,
  pi.paid::DECIMAL(18,2) AS paid,
  spend_rate(pi.paid, pi.amount) AS spend_rate,
  gap_points(pi.paid, pi.amount, params.tp) AS gap_points,
  gap_amount(pi.paid, pi.amount, params.tp) AS gap_amount,
  gap_band(gap_points(pi.paid, pi.amount, params.tp), $band_green, $band_blue, $band_yellow, $band_orange) AS band,
  coalesce(st.stalled, 0)::DECIMAL(18,2) AS stalled,
  (st.first_alloc - i.received_date)::INTEGER AS days_to_alloc
FROM per_indicator pi CROSS JOIN params
JOIN indicators i ON i.id = pi.id
JOIN funds f ON f.id = i.fund_id
LEFT JOIN units s ON s.id = f.section_id
LEFT JOIN (SELECT indicator_id, sum(stalled) AS stalled, min(first_alloc) AS first_alloc FROM pairs GROUP BY indicator_id) st
  ON st.indicator_id = i.id
WHERE $indicator::VARCHAR IS NULL OR i.id = $indicator::VARCHAR
