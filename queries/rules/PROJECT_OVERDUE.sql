-- 项目逾期 (docs/rules.md), after scope.sql and queries/projects/money.sql: a project past its planned end on the
-- 截止日期 and not finished by then (scope_projects.overdue: neither 完工 nor 验收, or finished only after that date).
-- Amount: its money allocated by then and not yet paid; planned_amount while nothing is allocated. Answerable: the
-- implementing unit, else the town. Severity by the days past the planned end: over 180 red, over 90 orange, else yellow.
SELECT 'project' AS subject_type, p.code AS subject_id, coalesce(p.unit_id, p.town_id) AS unit_id,
       CASE WHEN coalesce(m.allocated, 0) > 0 THEN greatest(m.allocated - m.paid, 0) ELSE p.planned_amount END AS amount,
       CASE WHEN params.as_of - p.planned_end > 180 THEN 'red'
            WHEN params.as_of - p.planned_end > 90 THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('name', p.name, 'status', p.status, 'planned_end', p.planned_end,
                   'days_overdue', (params.as_of - p.planned_end)::INTEGER, 'planned_amount', p.planned_amount,
                   'allocated', coalesce(m.allocated, 0), 'paid', coalesce(m.paid, 0)) AS evidence
FROM params, scope_projects p
LEFT JOIN project_money m ON m.project_code = p.code
WHERE p.overdue
