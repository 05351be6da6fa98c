-- 绩效目标: three targets per project; 4 % of projects have none, 5 % of in-progress targets lag far behind.
CREATE OR REPLACE TEMP TABLE proj_plan AS
SELECT p.*, gen.seed,
       gen.until AS cut,  -- targets reported as of the data cut, as the projects' status (04_projects.sql)
       rnd(p.code, 'no-target', gen.seed) < 0.04 AS no_targets,
       rnd(p.code, 'perf-dev', gen.seed) < 0.05 AND p.status = 'in_progress' AS perf_dev
FROM projects p, gen;

CREATE OR REPLACE TEMP TABLE proj_completion AS
SELECT code, cut, perf_dev, beneficiaries, status,
  CASE WHEN status IN ('completed', 'accepted') THEN 1.0
       WHEN status IN ('declared', 'reviewed', 'approved') THEN 0.0
       -- The time progress is capped at 1 before the lag is applied, so a planted project past its planned end
       -- still lags (PERF_DEVIATION).
       ELSE least(1.0, least(1.0, greatest(0.0, (cut - start_date) / greatest(1, planned_end - start_date)))
                       * (0.85 + 0.25 * rnd(code, 'completion', seed)) * CASE WHEN perf_dev THEN 0.3 ELSE 1 END) END AS completion
FROM proj_plan WHERE NOT no_targets;

INSERT INTO perf_targets (id, project_code, level1, level2, name, comparator, target_value, unit, actual_value, as_of)
SELECT row_number() OVER (ORDER BY code, t), code, level1, level2, name, '>=', target, unit, actual, cut
FROM (
  SELECT code, cut, 1 AS t, '产出' AS level1, '数量' AS level2, '受益农户数' AS name, beneficiaries::DOUBLE AS target, '户' AS unit,
         round(beneficiaries * completion) AS actual FROM proj_completion
  UNION ALL
  SELECT code, cut, 2, '产出', '时效', '项目完工率', 100, '%', round(100 * completion, 1) FROM proj_completion
  UNION ALL
  SELECT code, cut, 3, '满意度', '服务对象满意度', '受益群众满意度', 90, '%',
         CASE WHEN status IN ('completed', 'accepted') THEN 88 + round(10 * rnd(code, 'sat', (SELECT seed FROM gen))) END
  FROM proj_completion
);

-- 惠民发放: one item per person; monthly items January to October of the demo year, one-off items once.
CREATE OR REPLACE TEMP TABLE payout_items AS
SELECT * FROM (VALUES
  ('城乡居民基础养老金', false, true, 136.00, '%城乡居民基本养老保险%'),
  ('农村低保金', false, true, 310.00, '%困难群众救助%'),
  ('残疾人两项补贴', false, true, 70.00, '残疾人生活补助'),
  ('高龄补贴', false, true, 100.00, '%困难群众救助%'),
  ('产业到户奖补', true, false, 3000.00, '扶贫专项资金'),
  ('农村危房改造补助', true, false, 15000.00, '%农村危房改造%'),
  ('雨露计划教育资助', true, false, 1500.00, '%贫困生资助%')
) v(item, household_targeted, monthly, amount, fund_like);

CREATE OR REPLACE TEMP TABLE person_item AS
SELECT p.*,
  CASE WHEN p.poor THEN pick(['城乡居民基础养老金', '农村低保金', '残疾人两项补贴', '高龄补贴', '产业到户奖补', '农村危房改造补助', '雨露计划教育资助'], p.k, 'item', gen.seed)
       ELSE pick(['城乡居民基础养老金', '农村低保金', '残疾人两项补贴', '高龄补贴'], p.k, 'item', gen.seed) END AS item
FROM persons p, gen;

INSERT INTO payouts (voucher_no, month, fund_id, town_id, village_id, name, id_number, item, household_targeted, due, paid, account_no)
SELECT 'FF' || gen.y || lpad(pi.k::VARCHAR, 6, '0') || lpad(m::VARCHAR, 2, '0'),
       make_date(gen.y, m::INTEGER, 1),
       (SELECT min(f.id) FROM funds f WHERE f.name LIKE it.fund_like),
       pi.town_id, pi.village_id, pi.name, pi.id_number, pi.item, it.household_targeted, it.amount, it.amount, pi.account_no
FROM person_item pi JOIN payout_items it ON it.item = pi.item, gen,
     range(1, 11) r(m)
WHERE it.monthly OR m = 1 + hash(pi.k, 'once', gen.seed) % 10;
