-- (shared prefix, not run alone) The payments the viewer may read (visible_payments, queries/visibility.sql,
-- given $scope_kind and $scope_unit; see lib/auth/roles.ts), narrowed by the page's filters. The filters are ANDed with
-- the scope, never replace it, so a filter naming a unit outside the scope simply yields no rows.
-- Filters (NULL = not set): $year (支付年度), $date_from/$date_to (inclusive), $town (the payments of the town and its
-- sub-units, and those made for it: the payments a town user reads, docs/units.md), $unit (预算单位),
-- $q (text in 凭证号, 收款人 or 用途, case-insensitive).
WITH params AS (
  SELECT $year::INTEGER AS pay_year, $date_from::DATE AS date_from, $date_to::DATE AS date_to,
         $town::INTEGER AS town, $unit::INTEGER AS unit, lower(nullif(trim($q::VARCHAR), '')) AS q
),
filtered AS (
  SELECT p.*
  FROM visible_payments($scope_kind::VARCHAR, $scope_unit::INTEGER) p, params
  WHERE (params.pay_year IS NULL OR year(p.pay_date) = params.pay_year)
    AND (params.date_from IS NULL OR p.pay_date >= params.date_from)
    AND (params.date_to IS NULL OR p.pay_date <= params.date_to)
    AND (params.town IS NULL OR p.town_id = params.town OR p.unit_id IN (SELECT id FROM own_units($town::INTEGER)))
    AND (params.unit IS NULL OR p.unit_id = params.unit)
    AND (params.q IS NULL
         OR strpos(lower(p.voucher_no), params.q) > 0
         OR strpos(lower(coalesce(p.payee_name, '')), params.q) > 0
         OR strpos(lower(coalesce(p.purpose, '')), params.q) > 0)
)
