-- 县城 + 12 镇(中心), ~150 villages, 25 departments. Ids: sections 1–7 (catalog), towns 101–113, departments 201–225, villages 1001+.
INSERT INTO units (id, kind, code, name, account_no)
SELECT 100 + i, 'town', 'Z' || lpad(i::VARCHAR, 2, '0'), name, '61080' || digits(i, 'acct-town', gen.seed, 11)
FROM gen, (SELECT unnest(l) AS name, generate_subscripts(l, 1) AS i FROM (SELECT [
  '县城街道', '高家湾镇', '石窑镇', '马岔镇', '杨家沟镇', '王家砭镇', '柳湾镇',
  '红石峡镇', '双庙镇', '李家塔镇', '白家岔中心', '沙坪镇', '周家峁中心'] AS l));

-- Each department carries the 股室 whose funds it mostly receives (section_hint), used to route allocations.
CREATE OR REPLACE TEMP TABLE dept_src AS
SELECT unnest(l) AS name, unnest(s) AS section_name, generate_subscripts(l, 1) AS i FROM (SELECT
  ['县农业农村局', '县水利局', '县林业局', '县乡村振兴局', '县果业中心', '县畜牧兽医中心', '县移民办', '县农业综合开发办',
   '县教育局', '县文化和旅游局', '县交通运输局', '县住房和城乡建设局', '县发展和改革局', '县自然资源局', '县生态环境局',
   '县商务局', '县民政局', '县人力资源和社会保障局', '县卫生健康局', '县医疗保障局', '县残疾人联合会', '县退役军人事务局',
   '县供销合作社', '县妇女联合会', '县能源局'] AS l,
  ['农财所', '农财所', '农财所', '农财所', '农财所', '农财所', '农财所', '农财所',
   '教科文股', '教科文股', '经建股', '经建股', '经建股', '经建股', '经建股',
   '经建股', '社保股', '社保股', '社保股', '社保股', '综合股', '社保股',
   '综合股', '综合股', '经建股'] AS s);

INSERT INTO units (id, kind, code, name, account_no)
SELECT 200 + i, 'department', 'D' || lpad(i::VARCHAR, 3, '0'), name, '61080' || digits(i, 'acct-dept', gen.seed, 11)
FROM dept_src, gen;

-- Villages: 10–13 per town, names from surname × landform so that names within a town are distinct.
INSERT INTO units (id, kind, code, name, parent_id)
WITH towns AS (SELECT id, id - 100 AS t FROM units WHERE kind = 'town'),
n AS (SELECT t.id, t.t, 10 + (hash(t.t, 'villages', gen.seed) % 4)::INTEGER AS n FROM towns t, gen),
v AS (SELECT n.id AS town_id, n.t, j FROM n, range(n.n) r(j))
SELECT 1000 + row_number() OVER (ORDER BY town_id, j), 'village',
       'V' || lpad(t::VARCHAR, 2, '0') || lpad(j::VARCHAR, 2, '0'),
       ['王', '李', '张', '刘', '高', '杨', '马', '白', '郝', '贺', '冯', '曹', '薛', '霍', '折', '惠', '艾', '呼', '乔', '任',
        '常', '崔', '田', '苗', '雷', '拓', '訾', '慕', '党', '米', '闫', '宋', '郭', '赵', '孙', '周', '吴', '徐', '胡', '朱'][1 + (t * 13 + j) % 40]
       || '家' || ['沟', '峁', '湾', '坪', '岔', '塔', '梁', '畔', '庄', '河', '圪崂', '洼'][1 + (t + j * 5) % 12] || '村',
       town_id
FROM v;
