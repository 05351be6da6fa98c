-- The choices of 支付明细's filter bar, limited to the payments the viewer may read (visible_payments): the towns
-- the payments were made for or by (a town's sub-units included), and the 预算单位 that paid.
-- Read from payment_days (the payments summed per day, docs/data-model.md), which names the same units and towns.
WITH v AS MATERIALIZED (SELECT DISTINCT unit_id, town_id FROM visible_payment_days($scope_kind::VARCHAR, $scope_unit::INTEGER))
SELECT 'town' AS kind, u.id, u.name FROM units u
WHERE u.kind = 'town' AND (u.id IN (SELECT town_id FROM v)
                           OR u.id IN (SELECT m.measured_id FROM measured_units() m WHERE m.id IN (SELECT unit_id FROM v)))
UNION ALL
SELECT 'department', u.id, u.name FROM units u WHERE u.id IN (SELECT unit_id FROM v)
ORDER BY kind, id
