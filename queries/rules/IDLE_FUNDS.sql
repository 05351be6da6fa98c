-- 资金滞留 (docs/rules.md), after scope.sql and stalled_rows.sql: an allocated balance (indicator × recipient, a
-- town's sub-units counted as the town) idle for its fund's own 滞留天数 (fund_risk_points) or, when the 股室 set
-- none, $days days or more, idle days counted as the 滞留资金 view counts them (docs/stalled-and-velocity.md). The
-- subject is the pair's first allocation (earliest, then lowest id), so the warning keeps its key while more is
-- allocated or paid. Severity: 365 days or more red, 180 orange, else yellow; over
-- 730 days the evidence marks the balance 收回统筹.
, first_alloc AS (
  SELECT a.indicator_id, m.measured_id AS unit_id, first(a.id ORDER BY a.alloc_date, a.id) AS alloc_id
  FROM allocations a JOIN measured_units() m ON m.id = a.unit_id
  WHERE a.alloc_date <= $as_of::DATE
  GROUP BY ALL
)
SELECT 'allocation' AS subject_type, fa.alloc_id AS subject_id, s.unit_id, s.balance AS amount,
       CASE WHEN s.idle_days >= 365 THEN 'red' WHEN s.idle_days >= 180 THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('indicator_id', s.indicator_id, 'fund', f.name, 'first_alloc', s.first_alloc,
                   'last_paid', s.last_paid, 'allocated', s.allocated, 'paid', s.paid, 'balance', s.balance,
                   'idle_days', s.idle_days, 'limit_days', coalesce(r.idle_days, $days::INTEGER), 'reclaim', CASE WHEN s.idle_days > 730 THEN '收回统筹' END) AS evidence
FROM stalled_rows s
JOIN first_alloc fa ON fa.indicator_id = s.indicator_id AND fa.unit_id = s.unit_id
LEFT JOIN funds f ON f.id = s.fund_id
LEFT JOIN fund_risk_points r ON r.fund_id = s.fund_id
WHERE s.idle_days >= coalesce(r.idle_days, $days::INTEGER)
