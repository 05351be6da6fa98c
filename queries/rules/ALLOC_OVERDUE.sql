-- 下达超时 (docs/rules.md): an indicator received more than its fund's allocation limit before the 截止日期 and not
-- fully allocated within that limit of its receipt. The limit is the fund's own 分配时限 (fund_risk_points) when its
-- 股室 set one, else $days. Allocated on the last day (the limit after receipt) is on time. The amount is what was
-- not allocated in time: allocated late plus still unallocated, both as of the 截止日期. Answerable: the 股室 that
-- manages the fund (the catalog). Severity: blue once all of it has been allocated (late, for information); yellow
-- while some is still unallocated; orange when some is still unallocated 90 days after receipt.
WITH limits AS (
  SELECT i.id, i.amount, i.received_date, f.section_id, f.name AS fund_name,
         coalesce(r.alloc_days, $days::INTEGER) AS limit_days
  FROM indicators i JOIN funds f ON f.id = i.fund_id
  LEFT JOIN fund_risk_points r ON r.fund_id = i.fund_id
),
held AS (
  SELECT i.id, i.amount, i.received_date, i.section_id, i.fund_name, i.limit_days,
         ($as_of::DATE - i.received_date)::INTEGER AS days_held,
         coalesce(sum(a.amount) FILTER (WHERE a.alloc_date <= i.received_date + i.limit_days), 0) AS on_time,
         coalesce(sum(a.amount), 0) AS allocated
  FROM limits i
  LEFT JOIN allocations a ON a.indicator_id = i.id AND a.alloc_date <= $as_of::DATE
  WHERE i.received_date + i.limit_days < $as_of::DATE
  GROUP BY ALL
)
SELECT 'indicator' AS subject_type, id AS subject_id, section_id AS unit_id, amount - on_time AS amount,
       CASE WHEN allocated >= amount THEN 'blue' WHEN days_held > 90 THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('fund', fund_name, 'received_date', received_date, 'indicator_amount', amount,
                   'on_time', on_time, 'late', allocated - on_time, 'unallocated', greatest(amount - allocated, 0),
                   'days_held', days_held, 'limit_days', limit_days) AS evidence
FROM held
WHERE on_time < amount
