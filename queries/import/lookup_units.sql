-- 单位 lookups for the names found in the file (imp_names): field 'unit' (预算单位/接收单位/实施单位 → a department
-- or a town), 'town' (乡镇) and 'village' (村, within the row's 乡镇: parent_t). Names compare after imp_name.
-- How a name is read (docs/units.md, "How the import reads a unit's name"):
--   1. a unit's name or one of its aliases (unit_aliases) names that unit; in a 'town' field, a unit that belongs to a
--      town names the town;
--   2. a town government's name (甲镇人民政府, 甲镇政府, 甲乡人民政府, 县城街道办事处) names the town;
--   3. any other name that starts with a town's name (甲镇财政所, 甲镇便民服务中心) is a body of that town: with
--      allow_new a department-kind unit under the town (parent_id), else the row is rejected naming the town;
--   4. with allow_new any other name is planned as a new unit (imp_new_units, ids after the current maximum).
-- The loader inserts only the new units that accepted rows use, with the towns they belong to.
CREATE OR REPLACE TEMP TABLE imp_unit_names AS
SELECT DISTINCT field, t, parent_t, imp_name(t) AS n, imp_name(parent_t) AS pn
FROM imp_names WHERE field IN ('unit', 'town', 'village');

-- Every known unit under its name and under each of its aliases.
CREATE OR REPLACE TEMP TABLE imp_units_known AS
SELECT id, kind, imp_name(name) AS n, parent_id FROM units WHERE kind IN ('department', 'town', 'village')
UNION ALL
SELECT u.id, u.kind, imp_name(a.alias), u.parent_id
FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE u.kind IN ('department', 'town', 'village');

-- A new name is a town when it reads like one (…镇, …乡, …街道, a …中心 that is not a 县… agency), else a department.
CREATE OR REPLACE TEMP MACRO imp_town_like(n) AS
  regexp_matches(n, '(镇|乡|街道|办事处)$') OR (regexp_matches(n, '中心$') AND NOT starts_with(n, '县'));

-- The town whose government a name is (甲镇人民政府 → 甲镇, 县城街道办事处 → 县城街道), else NULL.
CREATE OR REPLACE TEMP MACRO imp_government_town(n) AS
  nullif(coalesce(nullif(regexp_extract(n, '^(.+(?:镇|乡|街道|中心))(?:人民政府|政府)$', 1), ''),
                  regexp_extract(n, '^(.+街道)办事处$', 1)), '');

-- What a 'unit' or 'town' name says by itself: the known unit it names (known_id), the town it is the government of
-- (gov_n, and gov_id when that town is known), and the known town it is a body of (body_town_id: the longest known
-- town name it starts with).
CREATE OR REPLACE TEMP TABLE imp_unit_reading AS
WITH towns AS (SELECT n, min(id) AS id FROM imp_units_known WHERE kind = 'town' GROUP BY n),
r AS (
  SELECT u.field, u.n, min(u.t) AS t, imp_government_town(u.n) AS gov_n,
    CASE u.field
      WHEN 'unit' THEN (SELECT min(k.id) FROM imp_units_known k WHERE k.kind IN ('department', 'town') AND k.n = u.n)
      ELSE (SELECT min(CASE WHEN k.kind = 'town' THEN k.id ELSE p.id END)
            FROM imp_units_known k LEFT JOIN units p ON p.id = k.parent_id AND p.kind = 'town'
            WHERE k.kind IN ('department', 'town') AND k.n = u.n)
    END AS known_id
  FROM imp_unit_names u WHERE u.field IN ('unit', 'town')
  GROUP BY u.field, u.n
)
SELECT r.*, (SELECT id FROM towns WHERE towns.n = r.gov_n) AS gov_id,
  CASE WHEN r.field = 'unit' AND r.known_id IS NULL AND r.gov_n IS NULL THEN
    (SELECT arg_max(tw.id, length(tw.n)) FROM towns tw WHERE starts_with(r.n, tw.n) AND length(r.n) > length(tw.n))
  END AS body_town_id
FROM r;

CREATE OR REPLACE TEMP TABLE imp_new_units AS
WITH base AS (SELECT coalesce(max(id), 0) AS m FROM units),
unknown AS (SELECT * FROM imp_unit_reading WHERE $allow_new AND known_id IS NULL AND gov_id IS NULL AND body_town_id IS NULL),
-- Towns named outright: in a 'town' field, or as a government.
named_towns AS (
  SELECT coalesce(gov_n, n) AS n, imp_government_town(min(t)) AS gov_name, min(t) AS t FROM unknown
  WHERE field = 'town' OR gov_n IS NOT NULL GROUP BY coalesce(gov_n, n)
),
-- Town-like names in a 'unit' field: a town unless it starts with another new town's name (甲镇便民服务中心 beside 甲镇).
town_like AS (SELECT n, t FROM unknown WHERE field = 'unit' AND gov_n IS NULL AND imp_town_like(n)),
prefixes AS (SELECT n FROM named_towns UNION SELECT n FROM town_like),
new_towns AS (
  SELECT n, coalesce(gov_name, t) AS name FROM named_towns
  UNION
  SELECT n, t FROM town_like l
  WHERE l.n NOT IN (SELECT n FROM named_towns)
    AND NOT EXISTS (SELECT 1 FROM prefixes p WHERE starts_with(l.n, p.n) AND length(l.n) > length(p.n))
),
town_ids AS (SELECT n, name, (base.m + row_number() OVER (ORDER BY name))::INTEGER AS id FROM new_towns, base),
-- Departments: of a known town (body_town_id), of a new town (the longest new town name they start with), or of none.
new_departments AS (
  SELECT r.n, r.t, coalesce(r.body_town_id,
    (SELECT arg_max(tw.id, length(tw.n)) FROM town_ids tw WHERE starts_with(r.n, tw.n) AND length(r.n) > length(tw.n))) AS parent_id
  FROM imp_unit_reading r
  WHERE $allow_new AND r.field = 'unit' AND r.known_id IS NULL AND r.gov_n IS NULL
    AND r.n NOT IN (SELECT n FROM town_ids)
)
SELECT id, 'town' AS kind, name, n, NULL::INTEGER AS parent_id FROM town_ids
UNION ALL
SELECT ((SELECT count(*) FROM town_ids) + base.m + row_number() OVER (ORDER BY t))::INTEGER, 'department', t, n, parent_id
FROM new_departments, base;

CREATE OR REPLACE TEMP TABLE imp_town_ids AS
SELECT n, min(id) AS id FROM (
  SELECT n, id FROM imp_units_known WHERE kind = 'town'
  UNION ALL
  SELECT n, id FROM imp_new_units WHERE kind = 'town'
) GROUP BY n;

-- New villages need their 乡镇 (known or new): a village name alone may exist in several towns.
INSERT INTO imp_new_units
SELECT ((SELECT max(id) FROM (SELECT id FROM units UNION ALL SELECT id FROM imp_new_units))
        + row_number() OVER (ORDER BY tw.id, v.name))::INTEGER, 'village', v.name, v.n, tw.id
FROM (SELECT n, pn, min(t) AS name FROM imp_unit_names WHERE $allow_new AND field = 'village' AND pn IS NOT NULL GROUP BY n, pn) v
JOIN imp_town_ids tw ON tw.n = v.pn
WHERE NOT EXISTS (SELECT 1 FROM imp_units_known k WHERE k.kind = 'village' AND k.n = v.n AND k.parent_id = tw.id);

CREATE OR REPLACE TEMP TABLE imp_unit_lookup AS
WITH all_units AS (
  SELECT id, kind, n, parent_id FROM imp_units_known
  UNION ALL
  SELECT id, kind, n, parent_id FROM imp_new_units
),
by_name AS (
  SELECT u.field, u.t, u.parent_t, u.n, u.pn, r.body_town_id,
    CASE u.field
      WHEN 'unit' THEN coalesce(r.known_id, (SELECT id FROM imp_town_ids tw WHERE tw.n = r.gov_n),
                                (SELECT min(a.id) FROM imp_new_units a WHERE a.kind IN ('department', 'town') AND a.n = u.n))
      WHEN 'town' THEN coalesce(r.known_id, (SELECT id FROM imp_town_ids tw WHERE tw.n = coalesce(r.gov_n, u.n)))
      WHEN 'village' THEN CASE
        WHEN u.pn IS NOT NULL THEN (SELECT min(a.id) FROM all_units a JOIN imp_town_ids tw ON tw.id = a.parent_id
                                    WHERE a.kind = 'village' AND a.n = u.n AND tw.n = u.pn)
        ELSE (SELECT CASE WHEN count(DISTINCT a.id) = 1 THEN min(a.id) END FROM all_units a WHERE a.kind = 'village' AND a.n = u.n)
      END
    END AS id,
    (SELECT count(DISTINCT a.id) FROM all_units a WHERE a.kind = 'village' AND a.n = u.n) AS villages_named
  FROM imp_unit_names u
  LEFT JOIN imp_unit_reading r ON r.field = u.field AND r.n = u.n
)
SELECT field, t, parent_t, id,
  CASE WHEN id IS NULL THEN CASE field
    WHEN 'unit' THEN CASE
      WHEN body_town_id IS NOT NULL THEN
        '未知单位：' || t || '（' || (SELECT name FROM units WHERE id = body_town_id) || '的下属单位，不在单位名录中；'
        || '可在“单位管理”中把它设为已有单位的别名，或选择“允许新建单位”（命令行 --allow-new-units），新建为'
        || (SELECT name FROM units WHERE id = body_town_id) || '的下属单位）'
      ELSE '未知单位：' || t || '（不在单位名录中；确为新单位时请选择“允许新建单位”）'
    END
    WHEN 'town' THEN '未知乡镇：' || t || '（不在单位名录中；确为新乡镇时请选择“允许新建单位”）'
    WHEN 'village' THEN CASE
      WHEN pn IS NULL AND villages_named > 1 THEN '多个乡镇都有村“' || t || '”，请填写乡镇'
      WHEN pn IS NULL THEN '未知村：' || t || '（新建村需要填写所属乡镇）'
      WHEN pn NOT IN (SELECT n FROM imp_town_ids) THEN '未知乡镇“' || parent_t || '”，无法确定村：' || t
      ELSE '乡镇“' || parent_t || '”下没有村：' || t || '（确为新村时请选择“允许新建单位”）'
    END
  END END AS reason
FROM by_name;
