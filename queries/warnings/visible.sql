-- (a CTE after scope.sql) The warnings a viewer may read (docs/workflow.md, docs/roles.md): the unscoped roles all of
-- them; a 股室 those on the funds it manages, those it answers for and those sent to it; a 部门 or 镇 only those sent
-- to it (a 镇: to it or one of its bodies), which it answers. Narrowed by $rule, $severity, $state ('open': neither
-- 认定正常 nor 销号), $section/$department/$town (the unit answerable, or the one a doubt was sent to) and $q (the
-- subject's id). Each row carries the names a list shows.
, warning_fund AS (
  -- The fund behind a warning's subject, for a 股室's reading: indicators, allocations and payments through their
  -- indicator, payouts their own fund, a fund (or fund:year) itself.
  SELECT w.id, i.fund_id FROM warnings w JOIN indicators i ON w.subject_type = 'indicator' AND i.id = w.subject_id
  UNION ALL
  SELECT w.id, i.fund_id FROM warnings w JOIN allocations a ON w.subject_type = 'allocation' AND a.id = w.subject_id
  JOIN indicators i ON i.id = a.indicator_id
  UNION ALL
  SELECT w.id, i.fund_id FROM warnings w JOIN payments p ON w.subject_type = 'payment' AND p.voucher_no = w.subject_id
  JOIN indicators i ON i.id = p.indicator_id
  UNION ALL
  SELECT w.id, po.fund_id FROM warnings w JOIN payouts po ON w.subject_type = 'payout' AND po.voucher_no = w.subject_id
  UNION ALL
  SELECT w.id, try_cast(split_part(w.subject_id, ':', 1) AS INTEGER) FROM warnings w WHERE w.subject_type = 'fund'
),
warning_rows AS (
  SELECT w.id, w.rule_id, w.subject_type, w.subject_id, w.unit_id, ru.name AS unit_name, w.amount, w.severity,
         CASE w.severity WHEN 'red' THEN 1 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 3 ELSE 4 END AS severity_rank,
         w.evidence, w.status, w.cleared_at IS NOT NULL AS cleared, w.assigned_unit_id, au.name AS assigned_name, au.kind AS assigned_kind,
         w.deadline, w.first_seen, w.last_seen,
         -- sent to the viewer's own unit (a 镇: or one of its bodies): what it has to answer (待办)
         (w.assigned_unit_id = params.scope_unit OR w.assigned_unit_id IN (SELECT id FROM own_units(params.scope_unit))) AS to_viewer
  FROM warnings w CROSS JOIN params
  LEFT JOIN units ru ON ru.id = w.unit_id
  LEFT JOIN units au ON au.id = w.assigned_unit_id
  WHERE (params.scope_kind = 'all'
         OR (params.scope_kind = 'section'
             AND (w.unit_id = params.scope_unit OR w.assigned_unit_id = params.scope_unit
                  OR w.id IN (SELECT wf.id FROM warning_fund wf JOIN funds f ON f.id = wf.fund_id
                              WHERE f.section_id = params.scope_unit)))
         OR (params.unit_scoped AND w.assigned_unit_id IN (SELECT id FROM own_units(params.scope_unit))))
    AND ($rule::VARCHAR IS NULL OR w.rule_id = $rule::VARCHAR)
    AND ($severity::VARCHAR IS NULL OR w.severity = $severity::VARCHAR)
    AND ($state::VARCHAR IS NULL OR w.status = $state::VARCHAR
         OR ($state::VARCHAR = 'open' AND w.status NOT IN ('dismissed', 'closed')))
    AND (coalesce($section::INTEGER, $department::INTEGER, $town::INTEGER) IS NULL
         OR w.unit_id = coalesce($section::INTEGER, $department::INTEGER, $town::INTEGER)
         OR w.assigned_unit_id = coalesce($section::INTEGER, $department::INTEGER, $town::INTEGER))
    AND ($q::VARCHAR IS NULL OR strpos(lower(w.subject_id), lower($q::VARCHAR)) > 0)
)
