-- Project lists without codes (资金安排表, docs/project-lists.md): a 未开工 status (not_started), the 建设内容 text
-- (content), and a mark on codes the importer generated (code_generated), which a later import of real codes replaces.
-- DuckDB cannot change a CHECK constraint, so the table is rebuilt, keeping every row.
CREATE TABLE projects_008 (
  code           VARCHAR PRIMARY KEY,
  code_generated BOOLEAN NOT NULL DEFAULT false,  -- true: made from 年度 + 镇/村 + 项目名称, not the county's own code
  name           VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  type           VARCHAR,
  town_id        INTEGER,
  village_id     INTEGER,
  unit_id        INTEGER,             -- implementing unit
  planned_amount DECIMAL(18,2),
  content        VARCHAR,             -- 建设内容
  start_date     DATE,
  planned_end    DATE,
  actual_end     DATE,
  -- not_started 未开工, declared 申报, reviewed 审核, approved 入库, in_progress 实施, completed 完工, accepted 验收.
  status         VARCHAR NOT NULL
                 CHECK (status IN ('not_started', 'declared', 'reviewed', 'approved', 'in_progress', 'completed', 'accepted')),
  beneficiaries      INTEGER,         -- 受益户数
  poor_beneficiaries INTEGER,         -- 带贫人数
  batch_id       INTEGER
);

INSERT INTO projects_008 (code, code_generated, name, year, type, town_id, village_id, unit_id, planned_amount, content,
  start_date, planned_end, actual_end, status, beneficiaries, poor_beneficiaries, batch_id)
SELECT code, false, name, year, type, town_id, village_id, unit_id, planned_amount, NULL,
  start_date, planned_end, actual_end, status, beneficiaries, poor_beneficiaries, batch_id
FROM projects;

DROP TABLE projects;
ALTER TABLE projects_008 RENAME TO projects;

-- Projects whose generated code a later import replaced with the county's real one (same 年度, place and 项目名称):
-- the row as it was, and the batch that replaced it, so that rolling that batch back puts the row back.
CREATE TABLE projects_replaced AS SELECT * FROM projects WHERE false;
ALTER TABLE projects_replaced ADD COLUMN replaced_by_batch INTEGER;
