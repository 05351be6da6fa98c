-- Warnings as the rules engine keeps them (docs/rules.md "Running the rules") and the 疑点 workflow moves them
-- (docs/workflow.md). The workflow's two answers are distinct states — verified 核实无误, rectified 已整改 — so 整改率
-- is a count; 数据已消除 is cleared_at, a flag beside the state, so a cleared doubt keeps its place in the workflow.
-- DuckDB cannot change a CHECK constraint, so the table is rebuilt (as 008 did), keeping every row and column name;
-- it is empty everywhere so far, which is why the id sequence starts at 1.
CREATE SEQUENCE warning_seq START 1;

CREATE TABLE warnings_010 (
  id           INTEGER PRIMARY KEY DEFAULT nextval('warning_seq'),
  rule_id      VARCHAR NOT NULL,
  key          VARCHAR NOT NULL UNIQUE,   -- rule_id:subject_type:subject_id, stable across runs
  subject_type VARCHAR NOT NULL,
  subject_id   VARCHAR NOT NULL,
  unit_id      INTEGER,                   -- the unit answerable, as the rule's latest run found it
  amount       DECIMAL(18,2),
  severity     VARCHAR NOT NULL CHECK (severity IN ('red', 'orange', 'yellow', 'blue')),
  evidence     VARCHAR,                   -- JSON object, keys as the rule's RuleDef.evidence
  -- new 待认定, dismissed 认定正常, sent 待核实, verified 核实无误, rectified 已整改, returned 退回, closed 销号.
  status       VARCHAR NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'dismissed', 'sent', 'verified', 'rectified', 'returned', 'closed')),
  assigned_unit_id INTEGER,
  deadline     DATE,
  first_seen   TIMESTAMP NOT NULL DEFAULT current_timestamp,
  last_seen    TIMESTAMP NOT NULL DEFAULT current_timestamp,
  cleared_at   TIMESTAMP,                 -- 数据已消除: when a run of its rule no longer found it; null while it holds
  last_run_id  INTEGER                    -- the rule run that last found it
);

-- 'replied' had no answer kind; none was ever written, but a row in it would read as 核实无误 (nothing fixed).
INSERT INTO warnings_010 (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, evidence, status,
  assigned_unit_id, deadline, first_seen, last_seen)
SELECT id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, evidence,
  CASE status WHEN 'replied' THEN 'verified' ELSE status END, assigned_unit_id, deadline, first_seen, last_seen
FROM warnings;

DROP TABLE warnings;
ALTER TABLE warnings_010 RENAME TO warnings;

-- One rule run (docs/rules.md): who started it (a user, cli:<user>, or import:#<batch> after an import), the 截止日期 it
-- evaluated, the rules it ran and its totals. Written with the warnings in the run's one transaction: a run that
-- failed left neither.
CREATE SEQUENCE rule_run_seq START 1;
CREATE TABLE rule_runs (
  id          INTEGER PRIMARY KEY,          -- nextval('rule_run_seq'), taken before the warnings name it
  started_at  TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  actor       VARCHAR NOT NULL,
  as_of       DATE NOT NULL,
  rule_ids    VARCHAR[] NOT NULL,
  rows        INTEGER NOT NULL,             -- hits found
  new         INTEGER NOT NULL,             -- warnings inserted
  cleared     INTEGER NOT NULL,             -- warnings marked 数据已消除
  ms          INTEGER NOT NULL
);

CREATE TABLE rule_run_items (
  run_id  INTEGER NOT NULL,
  rule_id VARCHAR NOT NULL,
  rows    INTEGER NOT NULL,
  new     INTEGER NOT NULL,
  cleared INTEGER NOT NULL,
  amount  DECIMAL(18,2) NOT NULL,          -- 元, the sum of the hits' amounts
  ms      INTEGER NOT NULL,
  PRIMARY KEY (run_id, rule_id)
);

-- The admin's choices per rule (设置): enabled, and thresholds overriding the RuleDef's defaults ({"days": 45}).
-- A rule without a row runs with its defaults.
CREATE TABLE rule_settings (
  rule_id    VARCHAR PRIMARY KEY,
  enabled    BOOLEAN NOT NULL DEFAULT true,
  params     JSON NOT NULL DEFAULT '{}',
  updated_by VARCHAR,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
