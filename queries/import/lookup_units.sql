-- 单位 lookups for the names found in the file (imp_names): field 'unit' (预算单位/接收单位/实施单位 → a department
-- or a town), 'town' (乡镇) and 'village' (村, within the row's 乡镇: parent_t). Names compare after imp_name.
-- With $allow_new, names not in units are planned as new units (imp_new_units, ids after the current maximum);
-- the loader inserts only those that accepted rows use.
CREATE OR REPLACE TEMP TABLE imp_unit_names AS
SELECT DISTINCT field, t, parent_t, imp_name(t) AS n, imp_name(parent_t) AS pn
FROM imp_names WHERE field IN ('unit', 'town', 'village');

CREATE OR REPLACE TEMP TABLE imp_units_known AS
SELECT id, kind, imp_name(name) AS n, parent_id FROM units WHERE kind IN ('department', 'town', 'village');

-- A new name is a town when it reads like one (…镇, …乡, …街道, a …中心 that is not a 县… agency), else a department.
CREATE OR REPLACE TEMP MACRO imp_town_like(n) AS
  regexp_matches(n, '(镇|乡|街道|办事处)$') OR (regexp_matches(n, '中心$') AND NOT starts_with(n, '县'));

CREATE OR REPLACE TEMP TABLE imp_new_units AS
WITH base AS (SELECT coalesce(max(id), 0) AS m FROM units),
new_towns AS (
  SELECT n, min(t) AS name FROM imp_unit_names
  WHERE $allow_new AND (field = 'town' OR (field = 'unit' AND imp_town_like(n)))
    AND n NOT IN (SELECT n FROM imp_units_known WHERE kind = 'town')
    AND NOT (field = 'unit' AND n IN (SELECT n FROM imp_units_known WHERE kind = 'department'))
  GROUP BY n
),
new_departments AS (
  SELECT n, min(t) AS name FROM imp_unit_names
  WHERE $allow_new AND field = 'unit' AND NOT imp_town_like(n)
    AND n NOT IN (SELECT n FROM imp_units_known WHERE kind IN ('department', 'town'))
  GROUP BY n
),
planned AS (
  SELECT 1 AS ord, 'town' AS kind, n, name FROM new_towns
  UNION ALL
  SELECT 2, 'department', n, name FROM new_departments
)
SELECT (m + row_number() OVER (ORDER BY ord, name))::INTEGER AS id, kind, name, n, NULL::INTEGER AS parent_id
FROM planned, base;

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
  SELECT u.field, u.t, u.parent_t, u.n, u.pn,
    CASE u.field
      WHEN 'unit' THEN (SELECT min(a.id) FROM all_units a WHERE a.kind IN ('department', 'town') AND a.n = u.n)
      WHEN 'town' THEN (SELECT min(a.id) FROM all_units a WHERE a.kind = 'town' AND a.n = u.n)
      WHEN 'village' THEN CASE
        WHEN u.pn IS NOT NULL THEN (SELECT min(a.id) FROM all_units a JOIN imp_town_ids tw ON tw.id = a.parent_id
                                    WHERE a.kind = 'village' AND a.n = u.n AND tw.n = u.pn)
        ELSE (SELECT CASE WHEN count(*) = 1 THEN min(a.id) END FROM all_units a WHERE a.kind = 'village' AND a.n = u.n)
      END
    END AS id,
    (SELECT count(*) FROM all_units a WHERE a.kind = 'village' AND a.n = u.n) AS villages_named
  FROM imp_unit_names u
)
SELECT field, t, parent_t, id,
  CASE WHEN id IS NULL THEN CASE field
    WHEN 'unit' THEN '未知单位：' || t || '（不在单位名录中；确为新单位时请选择“允许新建单位”）'
    WHEN 'town' THEN '未知乡镇：' || t || '（不在单位名录中；确为新乡镇时请选择“允许新建单位”）'
    WHEN 'village' THEN CASE
      WHEN pn IS NULL AND villages_named > 1 THEN '多个乡镇都有村“' || t || '”，请填写乡镇'
      WHEN pn IS NULL THEN '未知村：' || t || '（新建村需要填写所属乡镇）'
      WHEN pn NOT IN (SELECT n FROM imp_town_ids) THEN '未知乡镇“' || parent_t || '”，无法确定村：' || t
      ELSE '乡镇“' || parent_t || '”下没有村：' || t || '（确为新村时请选择“允许新建单位”）'
    END
  END END AS reason
FROM by_name;
