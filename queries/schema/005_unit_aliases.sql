-- 单位别名: other names under which treasury exports and ledgers write a unit (docs/units.md). The importer resolves an
-- alias to its unit in every unit field; a merge (单位管理) leaves the merged unit's name here, pointing at the survivor.
-- An alias is never also the name of a unit (the admin page checks it), so a name means one unit.
CREATE TABLE unit_aliases (
  alias      VARCHAR PRIMARY KEY,
  unit_id    INTEGER NOT NULL,
  created_by VARCHAR,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
