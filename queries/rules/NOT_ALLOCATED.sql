-- 已接收未分配 (docs/rules.md): an indicator received more than its fund's allocation limit (the fund's own 分配时限
-- in fund_risk_points, else $days) before the 截止日期 with nothing allocated by then; the whole indicator is the amount. Answerable: the fund's 股室. Severity by how long it has lain: more than
-- 180 days red, more than 90 orange, else yellow.
SELECT 'indicator' AS subject_type, i.id AS subject_id, f.section_id AS unit_id, i.amount,
       CASE WHEN $as_of::DATE - i.received_date > 180 THEN 'red'
            WHEN $as_of::DATE - i.received_date > 90 THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('fund', f.name, 'received_date', i.received_date, 'indicator_amount', i.amount,
                   'days_held', ($as_of::DATE - i.received_date)::INTEGER,
                   'limit_days', coalesce(r.alloc_days, $days::INTEGER)) AS evidence
FROM indicators i JOIN funds f ON f.id = i.fund_id
LEFT JOIN fund_risk_points r ON r.fund_id = i.fund_id
WHERE i.received_date + coalesce(r.alloc_days, $days::INTEGER) < $as_of::DATE
  AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.indicator_id = i.id AND a.alloc_date <= $as_of::DATE)
