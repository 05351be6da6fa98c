-- The choices of the filter bar, limited to the viewer's scope (the scope prefix is filtered.sql with no filters):
-- the payment years, and the towns and 预算单位 that occur in the payments the viewer may read.
SELECT 'year' AS kind, year(pay_date) AS id, year(pay_date)::VARCHAR AS name FROM filtered GROUP BY 2
UNION ALL
SELECT 'town', u.id, u.name FROM units u WHERE u.id IN (SELECT town_id FROM filtered)
UNION ALL
SELECT 'unit', u.id, u.name FROM units u WHERE u.id IN (SELECT unit_id FROM filtered)
ORDER BY kind, id
