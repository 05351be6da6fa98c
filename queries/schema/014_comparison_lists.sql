-- 比对名单 with labels (issue 10 item 6; docs/data-model.md): every list the bureau receives — 财政供养人员, 死亡人员,
-- 建档立卡户 or any other department's (人社, 民政, 公安, 市场监管 …) — is one named batch: its label, the department it
-- came from, its kind and what its key column holds. The rows of a list (comparison_list_rows) replace watchlists,
-- whose CHECK allowed three fixed lists only and whose rows named no list.

CREATE TABLE comparison_lists (
  -- max(id) + 1 at import (imports run one at a time, lib/import/load/serialize.ts), as the importer numbers perf_targets.
  id          INTEGER PRIMARY KEY,
  label       VARCHAR NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 100),
  department  VARCHAR,
  kind        VARCHAR NOT NULL CHECK (kind IN ('payroll', 'deaths', 'registered_poor', 'other')),
  holds       VARCHAR NOT NULL CHECK (holds IN ('id_number', 'name', 'account', 'company')),
  imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  imported_by VARCHAR,
  -- The import batch that brought it (its 撤销 removes the list); NULL for lists loaded without an import (the demo).
  batch_id    INTEGER
);

CREATE TABLE comparison_list_rows (
  list_id    INTEGER NOT NULL,
  -- The key column as the file wrote it (trimmed; an ID number upper-cased): an ID number, a name, an account or a
  -- company, as the list's holds says. Rules match it normalised (list_key, queries/rules/people.sql).
  value      VARCHAR NOT NULL,
  name       VARCHAR,
  place      VARCHAR,
  event_date DATE,                    -- deaths: the date of death
  batch_id   INTEGER
);

-- Each old list as one list per import batch (rows loaded without a batch: one list per kind), labelled with the
-- kind's Chinese name, dated and signed as its batch was.
INSERT INTO comparison_lists (id, label, kind, holds, imported_at, imported_by, batch_id)
SELECT row_number() OVER (ORDER BY w.batch_id NULLS FIRST, w.list),
       CASE w.list WHEN 'payroll' THEN '财政供养人员名单' WHEN 'deaths' THEN '死亡人员名单' ELSE '建档立卡户名单' END,
       w.list, 'id_number', coalesce(b.created_at, current_timestamp), b.created_by, w.batch_id
FROM (SELECT DISTINCT list, batch_id FROM watchlists) w
LEFT JOIN import_batches b ON b.id = w.batch_id;

INSERT INTO comparison_list_rows (list_id, value, name, place, event_date, batch_id)
SELECT l.id, w.id_number, w.name, w.place, w.event_date, w.batch_id
FROM watchlists w
JOIN comparison_lists l ON l.kind = w.list AND l.batch_id IS NOT DISTINCT FROM w.batch_id;

DROP TABLE watchlists;
