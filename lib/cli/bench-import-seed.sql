-- The county the import benchmark's payments refer to: 12 towns with 4 villages each, 20 departments, 40 indicators
-- (with 文号) and 200 projects. Ids keep clear of the catalog's sections (1–7).
INSERT INTO units (id, kind, name)
SELECT 100 + i, 'town', name FROM (SELECT unnest(l) AS name, generate_subscripts(l, 1) AS i FROM (SELECT [
  '县城街道', '高家湾镇', '石窑镇', '马岔镇', '杨家沟镇', '王家砭镇', '柳湾镇', '红石峡镇', '双庙镇', '李家塔镇', '白家岔中心', '沙坪镇'] AS l));

INSERT INTO units (id, kind, name)
SELECT 200 + i, 'department', name FROM (SELECT unnest(l) AS name, generate_subscripts(l, 1) AS i FROM (SELECT [
  '县农业农村局', '县水利局', '县林业局', '县乡村振兴局', '县果业中心', '县畜牧兽医中心', '县移民办', '县教育局', '县文化和旅游局',
  '县交通运输局', '县住房和城乡建设局', '县发展和改革局', '县自然资源局', '县民政局', '县人力资源和社会保障局', '县卫生健康局',
  '县医疗保障局', '县残疾人联合会', '县退役军人事务局', '县供销合作社'] AS l));

INSERT INTO units (id, kind, name, parent_id)
SELECT 1000 + (t.id - 100) * 4 + v.j, 'village', ['王家沟村', '李家峁村', '张家湾村', '刘家坪村'][v.j + 1], t.id
FROM units t, range(4) v(j) WHERE t.kind = 'town';

INSERT INTO indicators (id, doc_no, fund_id, level, year, amount, received_date)
SELECT 'ZB2018' || lpad(k::VARCHAR, 4, '0'), '财农〔2018〕' || (10 + k) || '号', f.id, f.level, 2018, 50000000, DATE '2018-01-15' + k::INTEGER
FROM range(40) r(k) JOIN funds f ON f.id = 1 + (k * 7) % 148;

INSERT INTO projects (code, name, year, status)
SELECT 'XM2018' || lpad(k::VARCHAR, 4, '0'), '产业扶贫项目' || k, 2018, 'in_progress' FROM range(200) r(k);
