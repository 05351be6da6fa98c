-- The project page (docs/villages-and-projects.md), each statement after scope.sql and money.sql: one project within
-- the viewer's scope ($code), its allocations, its payments (a page of them, and their count and sum) and its 绩效目标,
-- all as of the 截止日期 and within the viewer's own money, so the page's sums are the projects view's line.

-- name: facts
SELECT
  p.code, p.name, p.year, p.type, p.status, p.town_id, t.name AS town_name, p.village_id, v.name AS village_name,
  u.name AS unit_name, p.planned_amount, p.content, p.start_date, p.planned_end, p.actual_end,
  p.beneficiaries, p.poor_beneficiaries, p.overdue, p.time_progress,
  coalesce(m.allocated, 0)::DECIMAL(18,2) AS allocated,
  coalesce(m.paid, 0)::DECIMAL(18,2)      AS paid,
  spend_rate(m.paid, CASE WHEN coalesce(m.allocated, 0) <> 0 THEN m.allocated ELSE p.planned_amount END) AS progress
FROM scope_projects p
LEFT JOIN project_money m ON m.project_code = p.code
LEFT JOIN units t ON t.id = p.town_id
LEFT JOIN units v ON v.id = p.village_id
LEFT JOIN units u ON u.id = p.unit_id
WHERE p.code = $code;

-- name: allocations
SELECT a.id, a.indicator_id, a.indicator_year, f.name AS fund_name, u.name AS unit_name, a.amount, a.alloc_date, a.doc_no
FROM project_alloc a
LEFT JOIN funds f ON f.id = a.fund_id
LEFT JOIN units u ON u.id = a.unit_id
WHERE a.project_code = $code
ORDER BY a.alloc_date, a.id;

-- name: payment_totals
SELECT count(*)::INTEGER AS count, coalesce(sum(amount), 0)::DECIMAL(18,2) AS amount
FROM project_pay WHERE project_code = $code;

-- name: payments
SELECT p.voucher_no, p.pay_date, p.payee_name, p.amount, p.purpose, p.indicator_id, u.name AS unit_name
FROM project_pay p LEFT JOIN units u ON u.id = p.unit_id
WHERE p.project_code = $code
ORDER BY p.pay_date DESC, p.voucher_no
LIMIT $limit OFFSET $offset;

-- name: targets
-- completion = actual / target. An actual reported after the 截止日期 was not known on it, so it does not count. A
-- target to reach (>=, =) lags when its completion is behind the project's time progress; an upper bound (<=) is
-- broken when the actual exceeds it, whatever the date.
SELECT id, level1, level2, name, comparator, target_value, unit, actual_value, reported, completion, time_progress,
  CASE WHEN actual_value IS NULL THEN 'unreported'
       WHEN comparator = '<=' THEN CASE WHEN actual_value > target_value THEN 'over' ELSE 'ok' END
       WHEN completion IS NULL OR time_progress IS NULL THEN NULL
       WHEN completion < time_progress THEN 'lagging'
       ELSE 'ok' END AS flag
FROM (
  SELECT id, level1, level2, name, comparator, target_value, unit, time_progress,
         CASE WHEN known AND actual_value IS NOT NULL THEN as_of END AS reported,
         CASE WHEN known THEN actual_value END AS actual_value,
         CASE WHEN known AND target_value <> 0 THEN actual_value / target_value END AS completion
  FROM (
    SELECT t.*, p.time_progress, t.as_of IS NULL OR t.as_of <= params.as_of AS known
    FROM params, perf_targets t JOIN scope_projects p ON p.code = t.project_code
    WHERE t.project_code = $code
  )
)
ORDER BY id;
