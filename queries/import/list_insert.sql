-- The comparison list an import makes (load-source.ts), in the import's transaction: its id was drawn before the rows
-- were planned (list_next_id.sql), and the import queue lets no other import take it meanwhile.
INSERT INTO comparison_lists (id, label, department, kind, holds, imported_by, batch_id)
VALUES ($id, $label, $department, $kind, $holds, $user, $batch)
