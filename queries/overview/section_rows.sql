-- (a CTE after scope.sql) A 股室 is measured on the indicators of the funds it manages (catalog): received (total),
-- allocated and paid against them. Read by the sections view (docs/views.md), which is also the overview's ranking;
-- prev_spend_rate is for 环比.
, section_rows AS (
  SELECT
    u.id, u.name,
    coalesce(sum(pi.amount), 0)::DECIMAL(18,2)    AS total,
    coalesce(sum(pi.allocated), 0)::DECIMAL(18,2) AS allocated,
    coalesce(sum(pi.paid), 0)::DECIMAL(18,2)      AS paid,
    spend_rate(sum(pi.paid), sum(pi.amount))      AS spend_rate,
    gap_points(sum(pi.paid), sum(pi.amount), any_value(params.tp)) AS gap_points,
    gap_amount(sum(pi.paid), sum(pi.amount), any_value(params.tp)) AS gap_amount,
    prev_spend_rate(sum(pi.paid_prev), sum(pi.amount_prev)) AS prev_spend_rate
  FROM params, units u
  JOIN funds f ON f.section_id = u.id
  LEFT JOIN per_indicator pi ON pi.fund_id = f.id
  WHERE u.kind = 'section'
  GROUP BY u.id, u.name
  HAVING sum(pi.amount) > 0
)
