-- The 滞留资金 chart (after the stalled view's rows, view_rows): per aging bucket at or above the view's threshold,
-- how many balances and how much money; a bucket without balances is a zero, so the chart's axis never changes.
SELECT b.floor, idle_bucket(b.floor) AS bucket, count(v.id)::INTEGER AS balances,
       coalesce(sum(v.balance), 0)::DECIMAL(18,2) AS balance
FROM (VALUES (30), (90), (180), (365)) b(floor)
LEFT JOIN view_rows v ON idle_floor(v.idle_days) = b.floor
WHERE b.floor >= coalesce($idle_days::INTEGER, 30)
GROUP BY b.floor
ORDER BY b.floor
