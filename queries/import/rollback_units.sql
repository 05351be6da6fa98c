-- Units a rolled-back batch created ($ids), unless something still names them: rows of other batches, villages
-- under them, or a user bound to the unit. Runs after the batch's own rows are gone; villages first, so their towns
-- are free to go after them.
DELETE FROM units
WHERE kind = 'village' AND list_contains($ids::INTEGER[], id)
  AND id NOT IN (SELECT unit_id FROM payments WHERE unit_id IS NOT NULL)
  AND id NOT IN (SELECT town_id FROM payments WHERE town_id IS NOT NULL)
  AND id NOT IN (SELECT village_id FROM payments WHERE village_id IS NOT NULL)
  AND id NOT IN (SELECT unit_id FROM allocations)
  AND id NOT IN (SELECT unit_id FROM projects WHERE unit_id IS NOT NULL)
  AND id NOT IN (SELECT town_id FROM projects WHERE town_id IS NOT NULL)
  AND id NOT IN (SELECT village_id FROM projects WHERE village_id IS NOT NULL)
  AND id NOT IN (SELECT town_id FROM payouts WHERE town_id IS NOT NULL)
  AND id NOT IN (SELECT village_id FROM payouts WHERE village_id IS NOT NULL)
  AND id NOT IN (SELECT parent_id FROM units WHERE parent_id IS NOT NULL)
  AND id NOT IN (SELECT unit_id FROM users WHERE unit_id IS NOT NULL);

DELETE FROM units
WHERE kind <> 'village' AND list_contains($ids::INTEGER[], id)
  AND id NOT IN (SELECT unit_id FROM payments WHERE unit_id IS NOT NULL)
  AND id NOT IN (SELECT town_id FROM payments WHERE town_id IS NOT NULL)
  AND id NOT IN (SELECT village_id FROM payments WHERE village_id IS NOT NULL)
  AND id NOT IN (SELECT unit_id FROM allocations)
  AND id NOT IN (SELECT unit_id FROM projects WHERE unit_id IS NOT NULL)
  AND id NOT IN (SELECT town_id FROM projects WHERE town_id IS NOT NULL)
  AND id NOT IN (SELECT village_id FROM projects WHERE village_id IS NOT NULL)
  AND id NOT IN (SELECT town_id FROM payouts WHERE town_id IS NOT NULL)
  AND id NOT IN (SELECT village_id FROM payouts WHERE village_id IS NOT NULL)
  AND id NOT IN (SELECT parent_id FROM units WHERE parent_id IS NOT NULL)
  AND id NOT IN (SELECT unit_id FROM users WHERE unit_id IS NOT NULL);
