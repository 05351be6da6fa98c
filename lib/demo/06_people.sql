-- People who receive subsidies (惠民发放) or treasury payments as individuals, and the comparison lists.
-- persons: P people with valid 18-digit ID numbers; 75 % are registered poor households.
CREATE OR REPLACE TEMP TABLE persons AS
WITH src AS (
  SELECT k, gen.seed,
         -- (k // 1000, k % 1000) is unique per person, so the ID numbers are too.
         '6108' || lpad((21 + hash(k, 'district', gen.seed) % 11)::VARCHAR, 2, '0')
           || strftime(DATE '1940-01-01' + ((k // 1000) * 397 + hash(k, 'birth', gen.seed) % 397)::INTEGER, '%Y%m%d')
           || lpad((k % 1000)::VARCHAR, 3, '0') AS id17
  FROM gen, range(least(60000, greatest(2000, gen.n_payments // 50))) r(k)
)
SELECT k, id17 || id_check(id17) AS id_number,
       pick(['王', '李', '张', '刘', '高', '杨', '马', '白', '郝', '贺', '冯', '曹', '薛', '霍', '惠', '艾', '呼', '乔', '任', '常'], k, 'sn', seed)
         || pick(['建', '志', '海', '玉', '秀', '明', '军', '春', '桂', '丽', '永', '小', '国', '文', '生'], k, 'g1', seed)
         || pick(['平', '英', '兰', '华', '强', '梅', '成', '林', '娥', '宏', '峰', '霞', '军', '荣', '旺'], k, 'g2', seed) AS name,
       v.id AS village_id, v.town_id,
       '62170' || digits(k, 'card', seed, 14) AS account_no,
       rnd(k, 'poor', seed) < 0.75 AS poor
FROM src JOIN vil v ON v.town_id = 101 + (hash(src.k, 'ptown', src.seed) % 13)::INTEGER
                   AND v.idx = hash(src.k, 'pvil', src.seed) % v.n;

-- Comparison lists (比对名单), one labelled list of each kind the rules read by ID number: the registered poor (every
-- poor recipient plus others), the public payroll and deaths drawn from other people. 09_plant.sql adds the planted
-- people to lists 1 and 2 and a 市场监管 company list.
INSERT INTO comparison_lists (id, label, department, kind, holds, imported_by)
SELECT l.id, l.label, l.department, l.kind, 'id_number', 'demo'
FROM gen, (VALUES (1, '县人社局 ' || gen.y || '年机关事业单位在编人员', '县人社局', 'payroll'),
                  (2, '县公安局 死亡人员户籍注销名单', '县公安局', 'deaths'),
                  (3, '县乡村振兴局 建档立卡贫困户名单', '县乡村振兴局', 'registered_poor')) l(id, label, department, kind);

INSERT INTO comparison_list_rows (list_id, value, name, place)
SELECT 3, id_number, name, village_id::VARCHAR FROM persons WHERE poor;

CREATE OR REPLACE TEMP TABLE others AS
-- Region 6109 keeps them apart from the recipients' 6108 numbers.
SELECT k, '6109' || lpad((21 + hash(k, 'o-district', gen.seed) % 11)::VARCHAR, 2, '0')
          || strftime(DATE '1935-01-01' + ((k // 1000) * 397 + hash(k, 'o-birth', gen.seed) % 397)::INTEGER, '%Y%m%d')
          || lpad((k % 1000)::VARCHAR, 3, '0') AS id17,
       rnd(k, 'o-list', gen.seed) AS u
FROM gen, range(3000) r(k);

INSERT INTO comparison_list_rows (list_id, value, name, place, event_date)
SELECT CASE WHEN u < 0.3 THEN 3 WHEN u < 0.8 THEN 1 ELSE 2 END,
       id17 || id_check(id17), NULL, NULL,
       CASE WHEN u >= 0.8 THEN make_date((SELECT py FROM gen), 1, 1) + (u * 1000)::INTEGER % 600 END
FROM others;
