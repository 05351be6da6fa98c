-- The 资金台账 view (after scope.sql, pairs.sql, carryover.sql and ledger_lines.sql; docs/ledger.md). `ord` is the
-- catalog order (级次, then the fund's number in its attachment, each 级次 closed by its subtotal; 上年结转 after the
-- year, unmatched payments last): the default sort, so the ledger reads like the bureau's master ledger.
SELECT
  row_number() OVER (ORDER BY block, list_position(['central', 'province', 'city', 'county'], l.level) NULLS LAST,
                     l.row_kind IN ('level_total', 'carryover_total'), seq)::INTEGER AS ord,
  concat_ws(':', l.row_kind, coalesce(l.fund_id::VARCHAR, l.level)) AS id,
  l.row_kind, l.level, l.fund_id, l.fund_name AS name, s.name AS section_name,
  l.total::DECIMAL(18,2) AS total,
  l.allocated::DECIMAL(18,2) AS allocated,
  CASE WHEN l.block = 0 THEN rate(l.allocated, l.total) END AS alloc_rate,
  (l.total - l.allocated)::DECIMAL(18,2) AS unallocated,
  l.paid::DECIMAL(18,2) AS paid,
  CASE WHEN l.row_kind <> 'unmatched' THEN spend_rate(l.paid, l.total) END AS spend_rate,
  CASE WHEN l.block = 0 THEN gap_points(l.paid, l.total, params.tp) END AS gap_points,
  CASE WHEN l.block = 0 THEN gap_amount(l.paid, l.total, params.tp) END AS gap_amount,
  l.stalled::DECIMAL(18,2) AS stalled,
  CASE WHEN l.block = 0 THEN gap_band(gap_points(l.paid, l.total, params.tp), $band_green, $band_blue, $band_yellow, $band_orange) END AS band
FROM lines l CROSS JOIN params
LEFT JOIN units s ON s.id = l.section_id
