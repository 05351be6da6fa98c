-- The id of the next comparison list (imports run one at a time, lib/import/load/serialize.ts).
SELECT coalesce(max(id), 0) + 1 AS id FROM comparison_lists
