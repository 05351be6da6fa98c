-- 下达超时 (docs/rules.md): an indicator received more than $days days before the 截止日期 and not fully allocated
-- within $days days of its receipt. Allocated on the last day ($days after receipt) is on time. The amount is what was
-- not allocated in time: allocated late plus still unallocated, both as of the 截止日期. Answerable: the 股室 that
-- manages the fund (the catalog). Severity: blue once all of it has been allocated (late, for information); yellow
-- while some is still unallocated; orange when some is still unallocated 90 days after receipt.
WITH held AS (
  SELECT i.id, i.amount, i.received_date, f.section_id, f.name AS fund_name,
         ($as_of::DATE - i.received_date)::INTEGER AS days_held,
         coalesce(sum(a.amount) FILTER (WHERE a.alloc_date <= i.received_date + $days::INTEGER), 0) AS on_time,
         coalesce(sum(a.amount), 0) AS allocated
  FROM indicators i JOIN funds f ON f.id = i.fund_id
  LEFT JOIN allocations a ON a.indicator_id = i.id AND a.alloc_date <= $as_of::DATE
  WHERE i.received_date + $days::INTEGER < $as_of::DATE
  GROUP BY ALL
)
SELECT 'indicator' AS subject_type, id AS subject_id, section_id AS unit_id, amount - on_time AS amount,
       CASE WHEN allocated >= amount THEN 'blue' WHEN days_held > 90 THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('fund', fund_name, 'received_date', received_date, 'indicator_amount', amount,
                   'on_time', on_time, 'late', allocated - on_time, 'unallocated', greatest(amount - allocated, 0),
                   'days_held', days_held) AS evidence
FROM held
WHERE on_time < amount
