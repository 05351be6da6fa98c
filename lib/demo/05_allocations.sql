-- Allocations (分配下达): most indicators are fully allocated within 30 days; the flagged rest are late, partial or untouched.
CREATE OR REPLACE TEMP TABLE pool AS
WITH members AS (
  SELECT s.id AS section_id, u.id AS unit_id
  FROM units s JOIN dept_src d ON d.section_name = s.name JOIN units u ON u.kind = 'department' AND u.name = d.name
  WHERE s.kind = 'section'
  UNION ALL
  -- Towns are listed twice where they are the main recipients, to weight them over departments.
  SELECT s.id, t.id FROM units s, units t, range(2)
  WHERE s.kind = 'section' AND s.name IN ('农财所', '经建股', '综改办', '预算股') AND t.kind = 'town'
  UNION ALL
  SELECT s.id, t.id FROM units s, units t
  WHERE s.kind = 'section' AND s.name = '社保股' AND t.kind = 'town'
)
SELECT section_id, unit_id, row_number() OVER (PARTITION BY section_id ORDER BY unit_id) - 1 AS idx,
       count(*) OVER (PARTITION BY section_id) AS n
FROM members;

-- Money goes to projects of the 项目库 that were approved (入库) or later: paying one still 申报/审核 is a NO_PROJECT case,
-- which 09_plant.sql plants on purpose.
CREATE OR REPLACE TEMP TABLE proj_idx AS
SELECT year, unit_id, code, row_number() OVER (PARTITION BY year, unit_id ORDER BY code) - 1 AS idx,
       count(*) OVER (PARTITION BY year, unit_id) AS n
FROM projects
WHERE status IN ('approved', 'in_progress', 'completed', 'accepted');

CREATE OR REPLACE TEMP TABLE ind_plan AS
SELECT i.*, f.section_id, gen.seed,
       CASE WHEN i.year = gen.py THEN make_date(gen.py, 12, 31) ELSE gen.until END AS cut,
       CASE WHEN rnd(i.id, 'aflag', gen.seed) < 0.03 THEN 'none'
            WHEN rnd(i.id, 'aflag', gen.seed) < 0.08 THEN 'partial'
            WHEN rnd(i.id, 'aflag', gen.seed) < 0.14 THEN 'late'
            ELSE 'ok' END AS aflag,
       CASE WHEN i.amount > 1000000 THEN 3 + hash(i.id, 'nrec', gen.seed) % 12 ELSE 1 + hash(i.id, 'nrec', gen.seed) % 4 END::INTEGER AS n_rec
FROM indicators i JOIN funds f ON f.id = i.fund_id, gen;

INSERT INTO allocations (id, indicator_id, unit_id, project_code, amount, alloc_date, doc_no)
WITH r AS (
  SELECT ip.id AS indicator_id, ip.year, ip.amount, ip.received_date, ip.aflag, ip.cut, ip.seed, j, ip.n_rec,
         ip.id || '-' || lpad((j + 1)::VARCHAR, 2, '0') AS alloc_id,
         (SELECT unit_id FROM pool WHERE pool.section_id = ip.section_id
            AND pool.idx = hash(ip.id, j, 'unit', ip.seed) % pool.n) AS unit_id,
         300 + hash(ip.id, j, 'w', ip.seed) % 1000 AS w,   -- integer weights: exact sums, same on every run
         round(ip.amount * CASE WHEN ip.aflag = 'partial' THEN 0.6 + 0.35 * rnd(ip.id, 'frac', ip.seed) ELSE 1 END, -2) AS alloc_total
  FROM ind_plan ip, range(ip.n_rec) t(j)
  WHERE ip.aflag <> 'none'
),
a AS (
  SELECT r.*,
         CASE WHEN j < n_rec - 1 THEN round(alloc_total * w / sum(w) OVER (PARTITION BY indicator_id), -2) END AS part,
         received_date + CASE WHEN aflag = 'late' THEN 35 + (60 * rnd(alloc_id, 'delay', seed))::INTEGER
                              ELSE 2 + (25 * rnd(alloc_id, 'delay', seed) ** 2)::INTEGER END AS alloc_date
  FROM r
),
b AS (
  SELECT a.*, coalesce(part, alloc_total - coalesce(sum(part) OVER (PARTITION BY indicator_id), 0)) AS alloc_amount
  FROM a
)
SELECT b.alloc_id, b.indicator_id, b.unit_id,
       CASE WHEN rnd(b.alloc_id, 'has-proj', b.seed) < CASE WHEN b.unit_id < 200 THEN 0.9 ELSE 0.6 END THEN pi.code END,
       b.alloc_amount, b.alloc_date,
       '县财农发〔' || b.year || '〕' || (200 + hash(b.indicator_id, 'adoc', b.seed) % 300) || '号'
FROM b
LEFT JOIN proj_idx pi ON pi.year = b.year AND pi.unit_id = b.unit_id AND pi.idx = hash(b.alloc_id, 'proj', b.seed) % pi.n
WHERE b.alloc_date <= b.cut AND b.alloc_amount > 0;

UPDATE projects SET planned_amount = s.planned
FROM (SELECT project_code, round(sum(amount) * 1.05, -2) AS planned FROM allocations WHERE project_code IS NOT NULL GROUP BY 1) s
WHERE projects.code = s.project_code;

UPDATE projects SET planned_amount = round(exp(ln(300000) + 0.6 * rnorm(code, 'planned', (SELECT seed FROM gen))), -2)
WHERE planned_amount IS NULL;
