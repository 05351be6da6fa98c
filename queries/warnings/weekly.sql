-- 预警总览's weekly trend (after visible.sql and the view's rows): over the last twelve weeks up to $today (China's), how many of
-- the viewer's warnings were first found each week and how many were settled (通过/销号 or 认定正常). A week without
-- either is a zero, so the axis always holds the twelve weeks. Weeks are China's, as the timestamps' days.
SELECT strftime(w.week, '%m-%d') AS week,
       (SELECT count(*) FROM warning_rows r WHERE date_trunc('week', china_day(r.first_seen)) = w.week)::INTEGER AS found,
       (SELECT count(*) FROM warning_events e JOIN warning_rows r ON r.id = e.warning_id
        WHERE e.to_status IN ('closed', 'dismissed') AND date_trunc('week', china_day(e.happened_at)) = w.week)::INTEGER AS settled
FROM (SELECT date_trunc('week', $today::DATE - (7 * k)::INTEGER)::DATE AS week FROM range(11, -1, -1) t(k)) w
ORDER BY w.week
