-- Loads the fund catalog (data/catalog/funds.csv) into a database that has none: the sections first, then the funds.
CREATE TEMP TABLE catalog AS
SELECT row_number() OVER () AS rn, level, seq::INTEGER AS seq, section, nullif(source_division, '') AS source_division, name
FROM read_csv($path, header = true, all_varchar = true);

INSERT INTO units (id, kind, name)
SELECT coalesce((SELECT max(id) FROM units), 0) + row_number() OVER (ORDER BY min(rn)), 'section', section
FROM catalog
WHERE section NOT IN (SELECT name FROM units WHERE kind = 'section')
GROUP BY section;

INSERT INTO funds (id, level, seq, name, source_division, section_id)
SELECT c.rn, c.level, c.seq, c.name, c.source_division, u.id
FROM catalog c JOIN units u ON u.kind = 'section' AND u.name = c.section
ORDER BY c.rn;

DROP TABLE catalog;
