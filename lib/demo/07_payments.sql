-- Treasury payments (国库集中支付). Each allocation gets a paid share by its year-end (previous year) or by the data
-- cut (demo year), slowed down for the lagging towns, departments and sections; a few allocations sit idle.
CREATE OR REPLACE TEMP TABLE speed AS
SELECT id AS unit_id,
  CASE name
    WHEN '石窑镇' THEN 0.35 WHEN '杨家沟镇' THEN 0.4 WHEN '双庙镇' THEN 0.62 WHEN '县城街道' THEN 1.15
    WHEN '县文化和旅游局' THEN 0.4 WHEN '县交通运输局' THEN 0.45
    ELSE 0.8 + 0.35 * rnd(id, 'speed', (SELECT seed FROM gen)) END AS factor
FROM units WHERE kind IN ('town', 'department');

CREATE OR REPLACE TEMP TABLE alloc_plan AS
WITH base AS (
  SELECT a.*, i.year, i.fund_id, i.func_code, i.eco_code, i.is_to_person, i.doc_no AS ind_doc_no, fm.name AS fund_name,
         s.factor * CASE fm.section_name WHEN '综合股' THEN 0.45 WHEN '经建股' THEN 0.85 ELSE 1.0 END AS factor,
         row_number() OVER (ORDER BY a.id) AS ord, gen.seed, gen.y, gen.py, gen.until, gen.n_payments,
         CASE WHEN i.year = gen.py THEN make_date(gen.py, 12, 31) ELSE gen.until END AS cut,
         rnd(a.id, 'pflag', gen.seed) AS u
  FROM allocations a JOIN indicators i ON i.id = a.indicator_id JOIN fund_meta fm ON fm.id = i.fund_id
  JOIN speed s ON s.unit_id = a.unit_id, gen
),
flagged AS (
  SELECT base.*,
    CASE WHEN u < 0.05 AND alloc_date + 150 < cut THEN 'idle_none'
         WHEN u < 0.09 AND alloc_date + 150 < cut THEN 'idle_stop'
         WHEN u < 0.16 AND year = py THEN 'carry'
         -- Money allocated in the last quarter of a year is mostly spent after New Year (结转), as in a real county,
         -- rather than crammed into December (docs/rules.md: YEAR_END_RUSH should find the planted rush).
         WHEN year = py AND alloc_date >= make_date(py, 10, 1) AND u < 0.8 THEN 'carry'
         ELSE 'normal' END AS pflag
  FROM base
),
planned AS (
  SELECT flagged.*,
    CASE pflag
      WHEN 'idle_none' THEN 0
      WHEN 'idle_stop' THEN 0.3
      WHEN 'carry' THEN 1
      -- The previous year closes as counties close a year: most allocations spent to the fen, a few left with a residue
      -- that then lies idle (docs/rules.md: IDLE_FUNDS should find those, not half the county).
      ELSE CASE WHEN year = py AND rnd(id, 'spent', seed) < 0.95 THEN 1
                WHEN year = py THEN least(0.99, (0.9 + 0.09 * rnd(id, 'ratio', seed)) * least(1, factor) ** 0.3)
                ELSE least(0.98, 1.7 * factor * (0.85 + 0.3 * rnd(id, 'ratio', seed)) * least(1, (until - alloc_date) / 90)) END
    END AS ratio,
    alloc_date + 1 AS start_date,
    CASE
      WHEN pflag = 'idle_stop' THEN alloc_date + 30
      WHEN pflag = 'carry' THEN least(make_date(y, 4, 30), until)
      -- A closed year's allocation is spent within a few months of its date, not spread to 31 December.
      WHEN year = py THEN least(cut, alloc_date + 60 + (180 * rnd(id, 'span', seed))::INTEGER)
      ELSE cut END AS end_date
  FROM flagged
),
weighted AS (
  -- Weights in whole fen, so the split of N below is exact integer arithmetic and the same on every run
  -- (a floating-point sum would depend on the order the threads add in).
  SELECT planned.*, round(amount * ratio, 2) AS paid_total,
         (round(amount * ratio, 2) * 100)::HUGEINT * CASE WHEN is_to_person THEN 6 ELSE 1 END AS weight
  FROM planned
),
shares AS (
  SELECT weighted.*, n_payments * weight AS scaled, sum(weight) OVER () AS total_weight FROM weighted
),
counted AS (
  -- Largest-remainder apportionment: exactly N payments in all.
  SELECT shares.*, (scaled // total_weight)::BIGINT AS base_n,
         row_number() OVER (ORDER BY scaled % total_weight DESC, id) AS frac_rank,
         n_payments - sum((scaled // total_weight)::BIGINT) OVER () AS remainder
  FROM shares
)
SELECT counted.* EXCLUDE (base_n, frac_rank, remainder, scaled, total_weight, weight),
       base_n + CASE WHEN frac_rank <= remainder THEN 1 ELSE 0 END AS n
FROM counted;

-- The companies paid: 150 in a county-sized demo, one more per 2,000 payments beyond (a county with millions of
-- payments deals with thousands of firms; 150 would make every firm's payments collide by chance).
CREATE OR REPLACE TEMP TABLE orgs AS
SELECT k,
  ['', '榆林', '神木', '府谷', '靖边', '定边', '绥德', '米脂', '佳县', '吴堡', '清涧', '子洲', '横山', '延安', '西安'][1 + (k // 150) % 15]
  || CASE WHEN k >= 2250 THEN (k // 2250)::VARCHAR ELSE '' END
  || ['陕西宏远', '榆林鑫源', '恒达', '陕北金土地', '秦川', '华宇', '鼎盛', '瑞丰', '众兴', '天泽', '利民', '富民', '金穗', '绿源', '塞上'][1 + k % 15]
  || ['建筑工程有限公司', '农业专业合作社', '水利工程有限公司', '路桥工程有限公司', '农牧业开发有限公司', '苗木有限公司',
      '建材有限公司', '光伏科技有限公司', '工程监理有限公司', '医疗器械有限公司'][1 + (k // 15) % 10] AS name,
  '61050' || digits(k, 'org-acct', gen.seed, 11) AS account_no,
  pick(['中国农业银行示范县支行', '中国建设银行示范县支行', '示范县农村商业银行', '中国邮政储蓄银行示范县支行'], k, 'bank', gen.seed) AS bank
FROM gen, range(greatest(150, gen.n_payments // 2000)) r(k);

INSERT INTO payments (voucher_no, pay_date, amount, indicator_id, indicator_doc_no, unit_id, project_code, func_code, eco_code,
                      payee_name, payee_account, payee_bank, payee_type, purpose, town_id, village_id)
WITH rows AS (
  SELECT ap.id, ap.ord, ap.indicator_id, ap.ind_doc_no, ap.unit_id, ap.project_code, ap.func_code, ap.eco_code, ap.fund_name,
         ap.n, k, ap.seed, ap.start_date, ap.end_date, ap.year, ap.py, ap.paid_total,
         ap.is_to_person AND ap.paid_total / ap.n < 20000 AS to_person, np.n_persons, no.n_orgs
  FROM alloc_plan ap, range(ap.n) t(k), (SELECT count(*) AS n_persons FROM persons) np, (SELECT count(*) AS n_orgs FROM orgs) no
  WHERE ap.n > 0
),
shaped AS (
  -- DECIMAL, so the sum below is exact and the same whatever order the threads add in. Vouchers come in pairs whose
  -- amounts mirror each other around the mean (0.4–1.6 times it), so the pairs add up to the allocation's paid share
  -- and the last voucher takes only the rounding; the amounts are spread evenly, so one payee is not paid the same
  -- amount to the fen twice but by chance (DUPLICATE_PAY).
  SELECT rows.*,
         round(paid_total / n * CASE WHEN k % 2 = 0 THEN 0.4 + 1.2 * rnd(ord * 100000000 + k // 2, 'amount', seed)
                                                     ELSE 1.6 - 1.2 * rnd(ord * 100000000 + k // 2, 'amount', seed) END,
               2)::DECIMAL(18,2) AS amount
  FROM rows
),
keyed AS (
  -- Plain equality keys, so the payee joins stay hash joins.
  SELECT shaped.*,
         sum(amount) OVER (PARTITION BY id) - amount AS before_last,
         CASE WHEN to_person THEN hash(ord, k, 'payee', seed) % n_persons END AS person_k,
         -- A firm is paid a run of about twenty of an allocation's vouchers, then another firm takes over.
         CASE WHEN NOT to_person THEN hash(ord, k // 20, 'org', seed) % n_orgs END AS org_k
  FROM shaped
)
SELECT
  'PZ' || lpad(r.ord::VARCHAR, 5, '0') || lpad(r.k::VARCHAR, 8, '0'),
  r.start_date + least(r.end_date - r.start_date,
    ((r.end_date - r.start_date + 1) * rnd(r.ord * 100000000 + r.k, 'date', r.seed) ** CASE WHEN r.year = r.py THEN 0.9 ELSE 0.6 END))::INTEGER,
  -- The last voucher takes what the others left, so an allocation's payments add up to its paid share to the fen
  -- (a fully spent indicator is never overspent by rounding).
  CASE WHEN r.k = r.n - 1 THEN r.paid_total::DECIMAL(18,2) - r.before_last ELSE r.amount END,
  r.indicator_id, r.ind_doc_no, r.unit_id, r.project_code, r.func_code, r.eco_code,
  CASE WHEN r.to_person THEN p.name ELSE o.name END,
  CASE WHEN r.to_person THEN p.account_no ELSE o.account_no END,
  CASE WHEN r.to_person THEN '示范县农村商业银行' ELSE o.bank END,
  CASE WHEN r.to_person THEN 'person' ELSE 'org' END,
  CASE WHEN r.to_person THEN r.fund_name || '发放'
       ELSE coalesce(pr.name, r.fund_name) || pick(['工程进度款', '材料款', '设备购置款', '劳务费', '补助资金拨付'], r.ord * 100000000 + r.k, 'memo', r.seed) END,
  coalesce(pr.town_id, CASE WHEN r.unit_id < 200 THEN r.unit_id END, CASE WHEN r.to_person THEN p.town_id END),
  -- A person's village only where the payment's town is the person's town.
  coalesce(pr.village_id, CASE WHEN r.to_person AND (r.unit_id >= 200 OR p.town_id = r.unit_id) THEN p.village_id END)
FROM keyed r
LEFT JOIN persons p ON p.k = r.person_k
LEFT JOIN orgs o ON o.k = r.org_k
LEFT JOIN projects pr ON pr.code = r.project_code
ORDER BY 2;
