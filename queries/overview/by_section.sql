-- A 股室 is measured on the indicators of the funds it manages (catalog).
SELECT
  u.id, u.name,
  coalesce(sum(pi.amount), 0)::DECIMAL(18,2) AS total,
  coalesce(sum(pi.paid), 0)::DECIMAL(18,2)   AS paid,
  rate(sum(pi.paid), sum(pi.amount))                                   AS spend_rate,
  (rate(sum(pi.paid), sum(pi.amount)) - any_value(params.tp)) * 100                   AS gap_points,
  ((rate(sum(pi.paid), sum(pi.amount)) - any_value(params.tp)) * sum(pi.amount))::DECIMAL(18,2) AS gap_amount
FROM params, units u
JOIN funds f ON f.section_id = u.id
LEFT JOIN per_indicator pi ON pi.fund_id = f.id
WHERE u.kind = 'section'
GROUP BY u.id, u.name
HAVING sum(pi.amount) > 0
