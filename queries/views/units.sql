-- The towns and departments views (after scope.sql, unit_money.sql, unit_rows.sql, stalled_rows.sql and
-- open_by_unit.sql). The rank is taken over every row the viewer may see, and only for a viewer who may see the
-- whole ranking (docs/roles.md: a 镇 sees its own line, unranked); $row_unit then narrows the rows, so a chosen unit
-- keeps its rank. Beside 支出进度 (docs/stalled-and-velocity.md): the median days from an allocation to the unit's first
-- payment against it, and its 滞留余额 (its balances of any year up to this one idle 90 days or more), and its open
-- warnings.
SELECT * FROM (
  SELECT
    r.id, r.name, r.total, r.allocated, r.paid, r.spend_rate, r.gap_points, r.gap_amount,
    uv.median_to_pay,
    coalesce(st.balance, 0)::DECIMAL(18,2) AS stalled_90,
    coalesce(ow.n, 0) AS open_warnings,
    CASE WHEN $scope_kind = 'all' THEN rank() OVER (ORDER BY r.spend_rate DESC)::INTEGER END AS rank,
    gap_band(r.gap_points, $band_green, $band_blue, $band_yellow, $band_orange) AS band,
    change_points(r.spend_rate, r.prev_spend_rate) AS change_points
  FROM unit_rows r
  -- The year's pairs only, as in 资金流速 per town (unit_velocity_rows.sql): the same first allocation and first payment,
  -- read from the one scan of payments the 滞留余额 needs anyway.
  LEFT JOIN (
    SELECT unit_id, median(first_paid - first_alloc) AS median_to_pay
    FROM stalled_pairs CROSS JOIN params WHERE indicator_year = params.budget_year GROUP BY unit_id
  ) uv ON uv.unit_id = r.id
  LEFT JOIN (SELECT unit_id, sum(balance) AS balance FROM stalled_rows WHERE idle_days >= 90 GROUP BY unit_id) st
    ON st.unit_id = r.id
  LEFT JOIN open_warnings ow ON ow.unit_id = r.id
)
WHERE $row_unit::INTEGER IS NULL OR id = $row_unit::INTEGER
