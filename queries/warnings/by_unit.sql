-- 预警总览 by unit (docs/workflow.md: statistics per unit), after visible.sql: the doubts sent to each 股室, 部门 or
-- 镇 — 预警数; 处理率, the share it answered (核实无误 or 已整改, at least once); 整改率, the share whose last answer
-- was 已整改; 逾期, those answered after the deadline or still unanswered past it (counted from $today,
-- China's today; an answer counts on its day in China).
SELECT id, name, unit_kind, sent, answered, rate(answered, sent) AS answer_rate, rectified, rate(rectified, sent) AS rectify_rate,
       overdue, amount
FROM (
  SELECT r.assigned_unit_id AS id, any_value(r.assigned_name) AS name, any_value(r.assigned_kind) AS unit_kind,
         count(*)::INTEGER AS sent,
         count(a.warning_id)::INTEGER AS answered,
         count(*) FILTER (WHERE a.last_answer = 'rectify')::INTEGER AS rectified,
         count(*) FILTER (WHERE r.deadline < coalesce(a.first_answer, $today::DATE))::INTEGER AS overdue,
         coalesce(sum(r.amount), 0)::DECIMAL(18,2) AS amount
  FROM warning_rows r
  LEFT JOIN (
    SELECT e.warning_id, min(china_day(e.happened_at)) AS first_answer, arg_max(e.action, e.happened_at) AS last_answer
    FROM warning_events e WHERE e.action IN ('verify', 'rectify')
    GROUP BY e.warning_id
  ) a ON a.warning_id = r.id
  WHERE r.assigned_unit_id IS NOT NULL
  GROUP BY r.assigned_unit_id
)
