-- (shared prefix, not run alone) The payments the viewer may read, narrowed by the page's filters.
-- The scope ($scope_kind, $scope_unit; see lib/auth/roles.ts) is ANDed with the filters, never replaced by them,
-- so a filter naming a unit outside the scope simply yields no rows:
--   all: every payment; section: payments against indicators of the funds the 股室 manages;
--   department: payments the 预算单位 made (unit_id); town: payments the 镇 made or made for it (unit_id or town_id).
-- Filters (NULL = not set): $year (支付年度), $date_from/$date_to (inclusive), $town, $unit (预算单位),
-- $q (text in 凭证号, 收款人 or 用途, case-insensitive).
WITH params AS (
  SELECT $scope_kind::VARCHAR AS scope_kind, $scope_unit::INTEGER AS scope_unit,
         $year::INTEGER AS pay_year, $date_from::DATE AS date_from, $date_to::DATE AS date_to,
         $town::INTEGER AS town, $unit::INTEGER AS unit, lower(nullif(trim($q::VARCHAR), '')) AS q
),
section_indicators AS (
  SELECT i.id
  FROM indicators i JOIN funds f ON f.id = i.fund_id, params
  WHERE params.scope_kind = 'section' AND f.section_id = params.scope_unit
),
filtered AS (
  SELECT p.*
  FROM payments p, params
  WHERE (params.scope_kind = 'all'
         OR (params.scope_kind = 'section' AND p.indicator_id IN (SELECT id FROM section_indicators))
         OR (params.scope_kind = 'department' AND p.unit_id = params.scope_unit)
         OR (params.scope_kind = 'town' AND (p.unit_id = params.scope_unit OR p.town_id = params.scope_unit)))
    AND (params.pay_year IS NULL OR year(p.pay_date) = params.pay_year)
    AND (params.date_from IS NULL OR p.pay_date >= params.date_from)
    AND (params.date_to IS NULL OR p.pay_date <= params.date_to)
    AND (params.town IS NULL OR p.town_id = params.town)
    AND (params.unit IS NULL OR p.unit_id = params.unit)
    AND (params.q IS NULL
         OR strpos(lower(p.voucher_no), params.q) > 0
         OR strpos(lower(coalesce(p.payee_name, '')), params.q) > 0
         OR strpos(lower(coalesce(p.purpose, '')), params.q) > 0)
)
