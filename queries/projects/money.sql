-- (a CTE after scope.sql) Projects and their money as of the 截止日期, read by the projects view and the project page
-- (docs/villages-and-projects.md). A project spans budget years, so its money is every allocation (project_code) made
-- and every payment (project_code) made by the 截止日期, whatever year's indicator it came from; within the viewer's
-- scope the money is the viewer's own, as the overview measures it (queries/overview/scope.sql: a 股室 its funds'
-- indicators, a 部门 its own, a 镇 its own and its sub-units'), never more than it may read (queries/visibility.sql).
, project_alloc AS (
  SELECT a.id, a.project_code, a.indicator_id, a.unit_id, a.amount, a.alloc_date, a.doc_no, i.fund_id, i.year AS indicator_year
  FROM allocations a LEFT JOIN indicators i ON i.id = a.indicator_id, params
  WHERE a.project_code IS NOT NULL AND a.alloc_date <= params.as_of
    AND (params.scope_kind = 'all'
      OR (params.scope_kind = 'section' AND a.indicator_id IN (SELECT id FROM section_indicators($scope_unit::INTEGER)))
      OR (params.unit_scoped AND a.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER))))
),
project_pay AS (
  SELECT p.voucher_no, p.project_code, p.indicator_id, p.unit_id, p.amount, p.pay_date, p.payee_name, p.purpose,
         i.fund_id, i.year AS indicator_year
  FROM payments p LEFT JOIN indicators i ON i.id = p.indicator_id, params
  WHERE p.project_code IS NOT NULL AND p.pay_date <= params.as_of
    AND (params.scope_kind = 'all'
      OR (params.scope_kind = 'section' AND p.indicator_id IN (SELECT id FROM section_indicators($scope_unit::INTEGER)))
      OR (params.unit_scoped AND p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER))))
),
-- The projects a viewer may read, whatever the date: a 镇 those in its town, implemented by it (or its sub-units) or
-- allocated to it; a 部门 those it implements or was allocated; a 股室 those its funds were allocated to. With each,
-- at the 截止日期: overdue (past its planned end and not finished by then: neither 完工 nor 验收, or finished only after
-- that date, so a past 截止日期 sees it as it was) and its own time progress (the elapsed share of start_date →
-- planned_end, which its 绩效目标 are measured against).
scope_projects AS (
  SELECT p.*,
         coalesce(p.planned_end < params.as_of
                  AND (p.status NOT IN ('completed', 'accepted') OR p.actual_end > params.as_of), false) AS overdue,
         CASE WHEN p.start_date IS NULL OR p.planned_end IS NULL THEN NULL
              WHEN params.as_of >= p.planned_end THEN 1.0
              WHEN params.as_of <= p.start_date THEN 0.0
              ELSE (params.as_of - p.start_date)::DOUBLE / (p.planned_end - p.start_date) END AS time_progress
  FROM projects p, params
  WHERE params.scope_kind = 'all'
    OR (params.scope_kind = 'town' AND p.town_id = params.scope_unit)
    OR (params.unit_scoped AND p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
    OR p.code IN (
      SELECT a.project_code FROM allocations a
      WHERE (params.scope_kind = 'section' AND a.indicator_id IN (SELECT id FROM section_indicators($scope_unit::INTEGER)))
         OR (params.unit_scoped AND a.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER))))
),
-- Each project's money: allocated and paid, narrowed by $fund (the allocation's or payment's indicator), and
-- whether any of it moved in the budget year (which lists an earlier year's project in this year's view).
project_money AS (
  SELECT project_code, sum(allocated) AS allocated, sum(paid) AS paid, bool_or(in_year) AS moved_in_year
  FROM (
    SELECT project_code, amount AS allocated, 0 AS paid, alloc_date >= make_date(params.budget_year, 1, 1) AS in_year
    FROM project_alloc, params WHERE $fund::INTEGER IS NULL OR fund_id = $fund::INTEGER
    UNION ALL
    SELECT project_code, 0, amount, pay_date >= make_date(params.budget_year, 1, 1)
    FROM project_pay, params WHERE $fund::INTEGER IS NULL OR fund_id = $fund::INTEGER
  )
  GROUP BY project_code
)
