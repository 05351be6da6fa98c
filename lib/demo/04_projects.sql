-- ~1,500 projects (40 % in the previous year), 70 % implemented by towns, the rest by agricultural/infrastructure departments.
CREATE OR REPLACE TEMP TABLE vil AS
SELECT id, parent_id AS town_id, name, row_number() OVER (PARTITION BY parent_id ORDER BY id) - 1 AS idx,
       count(*) OVER (PARTITION BY parent_id) AS n
FROM units WHERE kind = 'village';

CREATE OR REPLACE TEMP TABLE implementers AS
SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id FROM units
WHERE kind = 'department' AND name IN ('县农业农村局', '县水利局', '县林业局', '县乡村振兴局', '县果业中心', '县畜牧兽医中心',
                                        '县交通运输局', '县住房和城乡建设局', '县能源局');

CREATE OR REPLACE TEMP TABLE proj_src AS
SELECT p, CASE WHEN p < 600 THEN gen.py ELSE gen.y END AS yr, gen.seed, gen.until, gen.py,
       101 + (hash(p, 'town', gen.seed) % 13)::INTEGER AS town_id,
       pick(['产业发展', '基础设施', '易地搬迁', '教育扶贫', '健康扶贫', '危房改造', '生态扶贫', '就业扶贫'], p, 'type', gen.seed) AS type
FROM gen, range(1500) r(p);

INSERT INTO projects (code, name, year, type, town_id, village_id, unit_id, planned_amount, start_date, planned_end,
                      actual_end, status, beneficiaries, poor_beneficiaries)
WITH s AS (
  SELECT ps.*, v.id AS village_id, v.name AS village_name,
         CASE WHEN rnd(p, 'impl', seed) < 0.7 THEN ps.town_id
              ELSE (SELECT id FROM implementers WHERE idx = hash(p, 'dept', seed) % (SELECT count(*) FROM implementers)) END AS unit_id,
         make_date(yr, 1, 1) + (20 + rnd(p, 'start', seed) * 200)::INTEGER AS start_date
  FROM proj_src ps JOIN vil v ON v.town_id = ps.town_id AND v.idx = hash(ps.p, 'village', ps.seed) % v.n
),
d AS (
  SELECT s.*, start_date + (90 + rnd(p, 'dur', seed) * 200)::INTEGER AS planned_end,
         -- A project's status is as of the data cut, whatever its year: last year's projects have mostly finished
         -- since, as a county's would (docs/rules.md: PROJECT_OVERDUE should find the late ones, not a quarter).
         until AS cut,
         rnd(p, 'status', seed) AS u
  FROM s
)
SELECT
  'XM' || yr || lpad(p::VARCHAR, 4, '0'),
  village_name || CASE type
    WHEN '产业发展' THEN pick(['肉羊养殖', '山地苹果提质增效', '小杂粮加工', '设施蔬菜大棚', '中蜂养殖'], p, 'nm', seed)
    WHEN '基础设施' THEN pick(['通组道路硬化', '安全饮水巩固提升', '淤地坝除险加固', '小型农田水利', '村级光伏电站'], p, 'nm', seed)
    WHEN '易地搬迁' THEN '易地扶贫搬迁配套'
    WHEN '教育扶贫' THEN '学前教育资助'
    WHEN '健康扶贫' THEN '村卫生室标准化建设'
    WHEN '危房改造' THEN '农村危房改造'
    WHEN '生态扶贫' THEN '生态护林员及退耕还林补助'
    ELSE '扶贫车间就业帮扶' END || '项目',
  yr, type, town_id, village_id, unit_id, NULL, start_date, planned_end,
  CASE WHEN planned_end < cut AND u < 0.93 THEN planned_end - (rnd(p, 'early', seed) * 30)::INTEGER END,
  CASE
    WHEN planned_end < cut AND u < 0.93 THEN CASE WHEN u < 0.6 THEN 'accepted' ELSE 'completed' END
    WHEN planned_end < cut THEN 'in_progress'                       -- overdue: PROJECT_OVERDUE
    -- A few projects are still being declared, reviewed or waiting to start past their planned start; each is a
    -- real delay that PERF_DEVIATION measures against its dates, so they are few, as in a county.
    WHEN u < 0.01 THEN 'declared'
    WHEN u < 0.02 THEN 'reviewed'
    WHEN u < 0.04 THEN 'approved'
    WHEN start_date <= cut THEN 'in_progress'
    ELSE 'approved' END,
  (20 + rnd(p, 'benef', seed) * 380)::INTEGER,
  (10 + rnd(p, 'poor', seed) * 150)::INTEGER
FROM d;
