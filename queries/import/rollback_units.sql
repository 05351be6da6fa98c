-- Units a rolled-back batch created (the ids given), unless something still names them: rows of other batches, villages
-- under them, or a user bound to the unit. Runs after the batch's own rows are gone; villages first, so their towns
-- are free to go after them (the view is read again by the second DELETE, without the villages just deleted).
CREATE OR REPLACE TEMP VIEW imp_units_named AS
SELECT unit_id AS id FROM payments UNION ALL SELECT town_id FROM payments UNION ALL SELECT village_id FROM payments
UNION ALL SELECT unit_id FROM allocations
UNION ALL SELECT unit_id FROM projects UNION ALL SELECT town_id FROM projects UNION ALL SELECT village_id FROM projects
UNION ALL SELECT town_id FROM payouts UNION ALL SELECT village_id FROM payouts
UNION ALL SELECT parent_id FROM units
UNION ALL SELECT unit_id FROM users;

DELETE FROM units
WHERE kind = 'village' AND list_contains($ids::INTEGER[], id)
  AND id NOT IN (SELECT id FROM imp_units_named WHERE id IS NOT NULL);

DELETE FROM units
WHERE kind <> 'village' AND list_contains($ids::INTEGER[], id)
  AND id NOT IN (SELECT id FROM imp_units_named WHERE id IS NOT NULL);
