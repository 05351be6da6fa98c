-- A file with a 村 column but no 乡镇 column (docs/project-lists.md): a village its name alone did not settle (several
-- towns have one, or none of the known names) is looked up in the town its section's 小计 line names ("甲镇小计"):
-- exactly one known town named in the line's cells. A village that town lacks keeps the lookup's reason. Towns and
-- villages are known by their names and their aliases (docs/units.md), as in every other unit lookup.
CREATE OR REPLACE TEMP TABLE imp_unit_names_known AS
SELECT u.id, u.kind, u.parent_id, u.name FROM units u WHERE u.kind IN ('town', 'village')
UNION ALL
SELECT u.id, u.kind, u.parent_id, a.alias FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE u.kind IN ('town', 'village');

CREATE OR REPLACE TEMP TABLE imp_section_towns AS
SELECT s.section, min(t.id) AS town_id
FROM imp_sections s
JOIN imp_unit_names_known t ON t.kind = 'town' AND contains(array_to_string(s.raw, ' '), t.name)
WHERE s.total_kind = 'sub'
GROUP BY s.section
HAVING count(DISTINCT t.id) = 1;

UPDATE imp_rows SET x_village = m.village_id, x_town = m.town_id, e_village = NULL
FROM (
  SELECT s.rn, min(v.id) AS village_id, any_value(st.town_id) AS town_id
  FROM imp_sections s
  JOIN imp_section_towns st ON st.section = s.section
  JOIN imp_rows r ON r.rowid + $first_row = s.rn
  JOIN imp_unit_names_known v ON v.kind = 'village' AND v.parent_id = st.town_id AND imp_name(v.name) = imp_name(r.t_village)
  WHERE NOT s.sub AND r.x_village IS NULL AND r.t_village IS NOT NULL
  GROUP BY s.rn
  HAVING count(DISTINCT v.id) = 1
) m
WHERE imp_rows.rowid + $first_row = m.rn;

-- A village its name settled, but in another town than its section's: the file contradicts the county's list of
-- villages, and the row is rejected with both towns rather than filed under either (t_village, which the first pass
-- drops for a name it settled, is put back so that the view reports the reason).
UPDATE imp_rows SET x_village = NULL, x_town = NULL, t_village = m.village,
  e_village = '村“' || m.village || '”属于' || m.own_town || '，但本行在' || m.section_town || '的小计段内，请填写乡镇'
FROM (
  SELECT s.rn, v.name AS village, ot.name AS own_town, stt.name AS section_town
  FROM imp_sections s
  JOIN imp_section_towns st ON st.section = s.section
  JOIN imp_rows r ON r.rowid + $first_row = s.rn
  JOIN units v ON v.id = r.x_village
  JOIN units ot ON ot.id = v.parent_id
  JOIN units stt ON stt.id = st.town_id
  WHERE NOT s.sub AND v.parent_id <> st.town_id
) m
WHERE imp_rows.rowid + $first_row = m.rn;
