-- The projects view (after scope.sql and queries/projects/money.sql): the viewer's projects of the budget year, and
-- earlier years' projects still open in it (not 完工/验收, finished in it, or with money moving in it), with their
-- money to the 截止日期 and 支付进度 = paid / allocated, or paid / planned while nothing is allocated
-- (docs/villages-and-projects.md). $fund lists only the projects with money of that fund and measures them on it.
SELECT
  p.code AS id, p.code, p.name, p.town_id, t.name AS town_name, p.village_id, v.name AS village_name, p.status,
  p.planned_amount::DECIMAL(18,2)             AS planned_amount,
  coalesce(m.allocated, 0)::DECIMAL(18,2)     AS allocated,
  coalesce(m.paid, 0)::DECIMAL(18,2)          AS paid,
  spend_rate(m.paid, CASE WHEN coalesce(m.allocated, 0) <> 0 THEN m.allocated ELSE p.planned_amount END) AS progress,
  p.planned_end,
  CASE WHEN p.overdue THEN '逾期' END          AS overdue
FROM params, scope_projects p
LEFT JOIN project_money m ON m.project_code = p.code
LEFT JOIN units t ON t.id = p.town_id
LEFT JOIN units v ON v.id = p.village_id
WHERE (p.year = params.budget_year
       OR (p.year < params.budget_year
           AND (p.status NOT IN ('completed', 'accepted') OR p.actual_end >= make_date(params.budget_year, 1, 1)
                OR coalesce(m.moved_in_year, false))))
  AND ($fund::INTEGER IS NULL OR m.project_code IS NOT NULL)
  AND ($town::INTEGER IS NULL OR p.town_id = $town::INTEGER)
  AND ($village::INTEGER IS NULL OR p.village_id = $village::INTEGER)
  AND ($status::VARCHAR IS NULL OR p.status = $status::VARCHAR)
  AND (NOT coalesce($overdue::BOOLEAN, false) OR p.overdue)
  AND ($project::VARCHAR IS NULL OR p.code = $project::VARCHAR)
