-- The sections view (after scope.sql, section_rows.sql, velocity_rows.sql, stalled_rows.sql and open_by_unit.sql): a
-- 股室's received indicators (total), what was allocated of them and paid against them, 分配进度 and 未分配; beside 支出进度 how
-- fast its money moves (docs/stalled-and-velocity.md): 下达及时率 (the part of the received amount allocated within 30
-- days of each indicator's receipt), the median days from receipt to first payment, and its 滞留余额 (balances of its
-- funds, of any year up to this one, idle 90 days or more) and its open warnings. Ranked as in units.sql.
SELECT * FROM (
  SELECT
    s.id, s.name, s.total, s.allocated, s.paid, s.spend_rate, s.gap_points, s.gap_amount,
    rate(s.allocated, s.total) AS alloc_rate,
    (s.total - s.allocated)::DECIMAL(18,2) AS unallocated,
    rate(coalesce(sp.timely, 0), s.total) AS alloc_timely,
    sp.median_to_pay,
    coalesce(st.balance, 0)::DECIMAL(18,2) AS stalled_90,
    coalesce(ow.n, 0) AS open_warnings,
    CASE WHEN $scope_kind = 'all' THEN rank() OVER (ORDER BY s.spend_rate DESC)::INTEGER END AS rank,
    gap_band(s.gap_points, $band_green, $band_blue, $band_yellow, $band_orange) AS band,
    change_points(s.spend_rate, s.prev_spend_rate) AS change_points
  FROM section_rows s
  LEFT JOIN (
    SELECT v.section_id, median(v.days_to_pay) AS median_to_pay, sum(t.timely) AS timely
    FROM velocity_rows v
    LEFT JOIN (
      SELECT a.indicator_id, sum(a.amount) AS timely
      FROM allocations a CROSS JOIN params
      JOIN velocity_rows r ON r.id = a.indicator_id
      WHERE a.alloc_date <= params.as_of AND a.alloc_date - r.received_date <= 30
      GROUP BY a.indicator_id
    ) t ON t.indicator_id = v.id
    GROUP BY v.section_id
  ) sp ON sp.section_id = s.id
  LEFT JOIN (SELECT section_id, sum(balance) AS balance FROM stalled_rows WHERE idle_days >= 90 GROUP BY section_id) st
    ON st.section_id = s.id
  LEFT JOIN open_warnings ow ON ow.unit_id = s.id
)
WHERE $row_unit::INTEGER IS NULL OR id = $row_unit::INTEGER
