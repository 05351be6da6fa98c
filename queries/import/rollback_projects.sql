-- 项目库 batches, after the rolled-back batch's own rows are deleted (project_replace.sql, docs/project-lists.md):
-- the projects it replaced come back, unless the batch that imported them was rolled back meanwhile; and what
-- projects_replaced keeps for or from it goes.
INSERT INTO projects
SELECT * EXCLUDE (replaced_by_batch) FROM projects_replaced r
WHERE r.replaced_by_batch = $id
  AND NOT EXISTS (SELECT 1 FROM import_batches b WHERE b.id = r.batch_id AND b.status = 'rolled_back');

DELETE FROM projects_replaced WHERE replaced_by_batch = $id OR batch_id = $id;
