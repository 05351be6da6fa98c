-- Merges unit $from into unit $to (docs/units.md, 单位管理): every row that names $from names $to instead, the units
-- under $from go under $to, its aliases and its name become aliases of $to, and $from is deleted. The caller runs it in
-- one transaction, with the references counted before (units.sql: references) for the audit log.
UPDATE allocations SET unit_id = $to WHERE unit_id = $from;
UPDATE payments SET unit_id = $to WHERE unit_id = $from;
UPDATE payments SET town_id = $to WHERE town_id = $from;
UPDATE payments SET village_id = $to WHERE village_id = $from;
-- The payments summed per day name units too (queries/payments/days.ts).
UPDATE payment_days SET unit_id = $to WHERE unit_id = $from;
UPDATE payment_days SET town_id = $to WHERE town_id = $from;
UPDATE projects SET unit_id = $to WHERE unit_id = $from;
UPDATE projects SET town_id = $to WHERE town_id = $from;
UPDATE projects SET village_id = $to WHERE village_id = $from;
UPDATE payouts SET town_id = $to WHERE town_id = $from;
UPDATE payouts SET village_id = $to WHERE village_id = $from;
UPDATE users SET unit_id = $to WHERE unit_id = $from;
UPDATE warnings SET unit_id = $to WHERE unit_id = $from;
UPDATE warnings SET assigned_unit_id = $to WHERE assigned_unit_id = $from;
UPDATE units SET parent_id = $to WHERE parent_id = $from;
UPDATE unit_aliases SET unit_id = $to WHERE unit_id = $from;
-- The merged name stays findable, unless the survivor has that very name (two units named alike merged into one).
INSERT INTO unit_aliases (alias, unit_id, created_by)
SELECT f.name, $to, $actor FROM units f, units t
WHERE f.id = $from AND t.id = $to AND imp_name(f.name) <> imp_name(t.name)
ON CONFLICT DO NOTHING;
DELETE FROM units WHERE id = $from;
