-- The ids of the units this import created (recorded with the batch for a rollback).
SELECT id FROM imp_new_units WHERE id IN (SELECT id FROM units) ORDER BY id;
