-- 项目库 only, after the duplicate checks (classify.sql), in the import's transaction: generated codes and the
-- county's real ones (docs/project-lists.md).
--
-- 1. A row with a real code whose 年度, place and 项目名称 make the code of a project that a list imported earlier
--    without codes (code_generated) takes that project's place: the old row moves to projects_replaced with this batch,
--    for rollback.ts to put back.
CREATE OR REPLACE TEMP TABLE imp_replaced AS
SELECT DISTINCT p.code
FROM imp_view v
JOIN projects p ON p.code_generated AND p.code = imp_project_code(v.year, coalesce(v.village_id, v.town_id), v.name)
WHERE v.ok AND NOT v.code_generated AND v.rn NOT IN (SELECT rn FROM imp_outcome);

INSERT INTO projects_replaced SELECT p.*, $batch FROM projects p WHERE p.code IN (SELECT code FROM imp_replaced);

DELETE FROM projects WHERE code IN (SELECT code FROM imp_replaced);

-- 2. A row of a list without codes whose project a real code replaced already is a duplicate: importing the list again
--    changes nothing, as before the replacement.
INSERT INTO imp_outcome (rn, outcome, reason)
SELECT v.rn, 'duplicate', NULL
FROM imp_view v
WHERE v.ok AND v.code_generated AND v.code IN (SELECT code FROM projects_replaced)
  AND v.rn NOT IN (SELECT rn FROM imp_outcome);
