-- The choices of the filter bar, limited to the viewer's scope (the scope prefix is filtered.sql with no filters):
-- the payment years, the towns the payments were made for or by (a town's sub-units included), and the 预算单位.
SELECT 'year' AS kind, year(pay_date) AS id, year(pay_date)::VARCHAR AS name FROM filtered GROUP BY 2
UNION ALL
SELECT 'town', u.id, u.name FROM units u
WHERE u.kind = 'town' AND (u.id IN (SELECT town_id FROM filtered)
                           OR u.id IN (SELECT m.measured_id FROM measured_units() m WHERE m.id IN (SELECT unit_id FROM filtered)))
UNION ALL
SELECT 'unit', u.id, u.name FROM units u WHERE u.id IN (SELECT unit_id FROM filtered)
ORDER BY kind, id
