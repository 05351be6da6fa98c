-- 撤销 of a comparison list's batch (rollback.ts): the list goes with its rows.
DELETE FROM comparison_lists WHERE batch_id = $id
