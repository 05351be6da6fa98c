-- Fund names in comparable form, shared by the importer and the catalog page (docs/fund-matching.md). Kept in the
-- database like the parsers (queries/routines.ts).

-- A fund name as compared: imp_name (half-width, no white space, lower case) without the catalog's category prefix,
-- the short word before a colon: '扶贫:省级扶贫专项资金' and '扶贫：省级扶贫专项资金' → '省级扶贫专项资金'.
CREATE OR REPLACE MACRO imp_fund_key(s) AS
  regexp_replace(imp_name(s), '^[^:]{1,6}:', '');

-- Every name a fund is known by, with the fund's level: its catalog name and its aliases.
CREATE OR REPLACE MACRO fund_name_index() AS TABLE
  SELECT imp_fund_key(name) AS k, id AS fund_id, level, 'catalog' AS via FROM funds
  UNION ALL
  SELECT imp_fund_key(a.alias), f.id, f.level, 'alias' FROM fund_aliases a JOIN funds f ON f.id = a.fund_id;

-- A fund as the user reads it in a reason or a list: 省级扶贫专项资金（省，province-10）.
CREATE OR REPLACE MACRO imp_fund_label(name, level, seq) AS
  name || '（' || imp_level_label(level) || '，' || level || '-' || seq || '）';

-- How alike two fund names are, 0..1: the Dice coefficient of their sets of characters. DuckDB's jaro_winkler and
-- levenshtein compare UTF-8 bytes, and Chinese characters share their lead bytes, so every two names looked alike.
CREATE OR REPLACE MACRO imp_name_similarity(a, b) AS
  2 * len(list_intersect(list_distinct(string_split(a, '')), list_distinct(string_split(b, ''))))
    / nullif(len(list_distinct(string_split(a, ''))) + len(list_distinct(string_split(b, ''))), 0);
