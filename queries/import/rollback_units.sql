-- Units a rolled-back batch created (the ids given), unless something still names them: rows of other batches, an
-- alias, a user bound to the unit, or a unit under it that stays. Runs after the batch's own rows are gone. Units sit
-- at most one level under a town (docs/units.md), so a town goes when every unit under it goes too.
CREATE OR REPLACE TEMP TABLE imp_units_free AS
SELECT id FROM units
WHERE list_contains($ids::INTEGER[], id) AND id NOT IN (
  SELECT id FROM (
    SELECT unit_id AS id FROM payments UNION ALL SELECT town_id FROM payments UNION ALL SELECT village_id FROM payments
    UNION ALL SELECT unit_id FROM allocations
    UNION ALL SELECT unit_id FROM projects UNION ALL SELECT town_id FROM projects UNION ALL SELECT village_id FROM projects
    UNION ALL SELECT town_id FROM payouts UNION ALL SELECT village_id FROM payouts
    UNION ALL SELECT unit_id FROM users
    UNION ALL SELECT unit_id FROM unit_aliases
  ) WHERE id IS NOT NULL);

DELETE FROM units
WHERE id IN (SELECT id FROM imp_units_free)
  AND NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = units.id AND c.id NOT IN (SELECT id FROM imp_units_free));
