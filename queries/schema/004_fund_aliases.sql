-- 资金别名: how ledgers write a catalog fund (an older name, an abbreviation, the name without the catalog's category
-- prefix when that is not enough). Matching compares the alias in comparable form (imp_fund_key) and the fund gives
-- the alias its level, so an alias of a 省 fund never matches a 市 row (docs/fund-matching.md). Rows are deleted when
-- an admin removes an alias; who added and removed it stays in the audit log.
CREATE SEQUENCE fund_alias_seq START 1;
CREATE TABLE fund_aliases (
  id         INTEGER PRIMARY KEY DEFAULT nextval('fund_alias_seq'),
  alias      VARCHAR NOT NULL,   -- as the file wrote it (trimmed)
  fund_id    INTEGER NOT NULL,
  created_by VARCHAR,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
