-- (a CTE after visible.sql) One line per warning the viewer may read, as the lists show it, with whether its reply is
-- late (逾期: past the deadline unanswered, or answered after it; counted from today, since doubts are worked now
-- whatever 截止日期 the data is read at).
, warning_lines AS (
  SELECT
    r.id, r.id AS name, r.rule_id, r.severity, r.severity_rank, r.subject_type, r.subject_id, r.unit_name,
    r.amount::DECIMAL(18,2) AS amount, r.status, CASE WHEN r.cleared THEN '数据已消除' END AS cleared,
    r.assigned_name, r.deadline::VARCHAR AS deadline,
    CASE WHEN r.deadline IS NOT NULL
          AND coalesce((SELECT min(e.happened_at)::DATE FROM warning_events e
                        WHERE e.warning_id = r.id AND e.action IN ('verify', 'rectify')), current_date) > r.deadline
         THEN '逾期' END AS overdue,
    r.first_seen::DATE::VARCHAR AS first_seen, r.last_seen::DATE::VARCHAR AS last_seen, r.to_viewer
  FROM warning_rows r
)
