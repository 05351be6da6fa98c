-- 预警总览 by rule, after visible.sql: how many warnings each rule raised and their amount, by severity and by where
-- they stand (open: neither 认定正常 nor 销号), and how many the data no longer shows (数据已消除).
SELECT
  r.rule_id AS id, r.rule_id AS name,
  count(*)::INTEGER AS warnings,
  count(*) FILTER (WHERE r.status NOT IN ('dismissed', 'closed'))::INTEGER AS open,
  coalesce(sum(r.amount), 0)::DECIMAL(18,2) AS amount,
  count(*) FILTER (WHERE r.severity = 'red')::INTEGER AS red,
  count(*) FILTER (WHERE r.severity = 'orange')::INTEGER AS orange,
  count(*) FILTER (WHERE r.severity = 'yellow')::INTEGER AS yellow,
  count(*) FILTER (WHERE r.severity = 'blue')::INTEGER AS blue,
  count(*) FILTER (WHERE r.status = 'sent' OR r.status = 'returned')::INTEGER AS waiting,
  count(*) FILTER (WHERE r.cleared)::INTEGER AS cleared
FROM warning_rows r
GROUP BY r.rule_id
