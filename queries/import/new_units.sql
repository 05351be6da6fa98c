-- The planned new units (imp_new_units) that accepted rows use (imp_used_units), and the towns of such villages.
INSERT INTO units (id, kind, name, parent_id)
SELECT id, kind, name, parent_id FROM imp_new_units
WHERE id IN (SELECT id FROM imp_used_units)
   OR id IN (SELECT parent_id FROM imp_new_units WHERE id IN (SELECT id FROM imp_used_units))
ORDER BY id;
