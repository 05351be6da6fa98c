-- (a CTE after visible.sql) One line per warning the viewer may read, as the lists show it, with whether its reply is
-- late (逾期: past the deadline unanswered, or answered after it; counted from $today, China's today, since doubts are
-- worked now whatever 截止日期 the data is read at, and by China's calendar, not the UTC one of DuckDB's current_date).
, warning_lines AS (
  SELECT
    r.id, r.id AS name, r.rule_id, r.severity, r.severity_rank, r.subject_type, r.subject_id, r.unit_name,
    r.amount::DECIMAL(18,2) AS amount, r.status, CASE WHEN r.cleared THEN '数据已消除' END AS cleared,
    r.assigned_name, r.deadline::VARCHAR AS deadline,
    CASE WHEN r.deadline IS NOT NULL
          AND coalesce((SELECT min(china_day(e.happened_at)) FROM warning_events e
                        WHERE e.warning_id = r.id AND e.action IN ('verify', 'rectify')), $today::DATE) > r.deadline
         THEN '逾期' END AS overdue,
    china_day(r.first_seen)::VARCHAR AS first_seen, china_day(r.last_seen)::VARCHAR AS last_seen, r.to_viewer
  FROM warning_rows r
)
