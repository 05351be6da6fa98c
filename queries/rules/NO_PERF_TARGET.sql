-- 绩效目标缺失 (docs/rules.md), after scope.sql and queries/projects/money.sql: a project allocated money by the
-- 截止日期 (project_alloc) that has no 绩效目标 at all. Amount: the money allocated to it. Answerable: the implementing
-- unit, else the town. Severity: orange once some of the money has been paid out, yellow before.
SELECT 'project' AS subject_type, p.code AS subject_id, coalesce(p.unit_id, p.town_id) AS unit_id,
       m.allocated AS amount,
       CASE WHEN m.paid > 0 THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('name', p.name, 'status', p.status, 'allocated', m.allocated, 'paid', m.paid) AS evidence
FROM scope_projects p
JOIN project_money m ON m.project_code = p.code
WHERE p.code IN (SELECT project_code FROM project_alloc)
  AND NOT EXISTS (SELECT 1 FROM perf_targets t WHERE t.project_code = p.code)
