-- The rule engine's statements (run.ts). rule_hits is the run connection's temporary table: every hit of every rule
-- of the run, keyed as the warnings are (rule_id:subject_type:subject_id, docs/rules.md).

-- name: now
SELECT current_timestamp::TIMESTAMP::VARCHAR AS now, nextval('rule_run_seq')::INTEGER AS run_id;

-- name: hits_table
CREATE OR REPLACE TEMP TABLE rule_hits (
  rule_id      VARCHAR NOT NULL,
  key          VARCHAR NOT NULL,
  subject_type VARCHAR NOT NULL,
  subject_id   VARCHAR NOT NULL,
  unit_id      INTEGER,
  amount       DECIMAL(18,2),
  severity     VARCHAR NOT NULL,
  evidence     VARCHAR
);

-- name: collect
-- Followed by the rule's query in parentheses (evaluate.ts ruleQuery).
INSERT INTO rule_hits
SELECT $run_rule_id, $run_rule_id || ':' || subject_type || ':' || subject_id, subject_type, subject_id, unit_id, amount, severity, evidence
FROM

-- name: found
-- What a rule found, and a key it returned twice (a rule's defect: one row per subject).
SELECT count(*)::INTEGER AS rows, coalesce(sum(amount), 0)::DECIMAL(18,2)::VARCHAR AS amount,
  (SELECT any_value(key) FROM (SELECT key FROM rule_hits WHERE rule_id = $rule GROUP BY key HAVING count(*) > 1)) AS twice
FROM rule_hits
WHERE rule_id = $rule;

-- name: update_found
-- Warnings found again: the latest figures, and 数据已消除 lifted. The workflow's columns (status, assigned unit,
-- deadline) are the reviewers', never the engine's.
UPDATE warnings AS w
SET unit_id = h.unit_id, amount = h.amount, severity = h.severity, evidence = h.evidence,
  last_seen = current_timestamp, last_run_id = $run, cleared_at = NULL
FROM rule_hits AS h
WHERE h.rule_id = $rule AND w.key = h.key;

-- name: insert_new
INSERT INTO warnings (rule_id, key, subject_type, subject_id, unit_id, amount, severity, evidence, status, first_seen, last_seen, last_run_id)
SELECT h.rule_id, h.key, h.subject_type, h.subject_id, h.unit_id, h.amount, h.severity, h.evidence, 'new', current_timestamp, current_timestamp, $run
FROM rule_hits AS h
WHERE h.rule_id = $rule AND NOT EXISTS (SELECT 1 FROM warnings AS w WHERE w.key = h.key);

-- name: clear_gone
-- The rule's warnings it no longer finds: 数据已消除, kept with their state and history.
UPDATE warnings
SET cleared_at = current_timestamp
WHERE rule_id = $rule AND cleared_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM rule_hits AS h WHERE h.rule_id = $rule AND h.key = warnings.key);

-- name: item
INSERT INTO rule_run_items (run_id, rule_id, rows, new, cleared, amount, ms)
VALUES ($run, $rule, $rows, $new, $cleared, $amount::DECIMAL(18,2), $ms);

-- name: run
INSERT INTO rule_runs (id, started_at, finished_at, actor, as_of, rule_ids, rows, new, cleared, ms)
VALUES ($run, $started_at::TIMESTAMP, $started_at::TIMESTAMP + to_milliseconds($ms), $actor, $as_of::DATE, from_json($rule_ids, '["VARCHAR"]'),
  $rows, $new, $cleared, $ms);
