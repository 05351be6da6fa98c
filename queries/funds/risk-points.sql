-- 个性风险点 per fund (docs/rules.md "Risk points per fund"): what each fund's 股室 set, NULL where the rule's own
-- setting applies.

-- name: list
-- The funds of $section (NULL: every fund) in catalog order, with their risk points.
SELECT f.id, f.level, f.seq, f.name, f.section_id, u.name AS section,
       r.alloc_days, r.final_date::VARCHAR AS final_date, r.idle_days,
       r.updated_by, r.updated_at::VARCHAR AS updated_at
FROM funds f
LEFT JOIN units u ON u.id = f.section_id
LEFT JOIN fund_risk_points r ON r.fund_id = f.id
WHERE $section::INTEGER IS NULL OR f.section_id = $section::INTEGER
ORDER BY CASE f.level WHEN 'central' THEN 1 WHEN 'province' THEN 2 WHEN 'city' THEN 3 ELSE 4 END, f.seq;

-- name: fund
SELECT f.id, f.section_id, imp_fund_label(f.name, f.level, f.seq) AS label,
       r.alloc_days, r.final_date::VARCHAR AS final_date, r.idle_days
FROM funds f LEFT JOIN fund_risk_points r ON r.fund_id = f.id
WHERE f.id = $fund_id;

-- name: save
INSERT INTO fund_risk_points (fund_id, alloc_days, final_date, idle_days, updated_by, updated_at)
VALUES ($fund_id, $alloc_days::INTEGER, $final_date::DATE, $idle_days::INTEGER, $updated_by, current_timestamp)
ON CONFLICT (fund_id) DO UPDATE SET
  alloc_days = excluded.alloc_days, final_date = excluded.final_date, idle_days = excluded.idle_days,
  updated_by = excluded.updated_by, updated_at = excluded.updated_at;
