-- Planted instances of every warning rule (docs/rules.md), each recorded in demo_manifest for the rule tests.

-- 1/2. ALLOC_OVERDUE, NOT_ALLOCATED: the late, partial and untouched indicators past their 30 days.
INSERT INTO demo_manifest
SELECT 'ALLOC_OVERDUE', 'indicator', ip.id, ip.aflag FROM ind_plan ip
WHERE ip.aflag IN ('late', 'partial', 'none') AND ip.received_date + 30 < ip.cut;

INSERT INTO demo_manifest
SELECT 'NOT_ALLOCATED', 'indicator', ip.id, ip.aflag FROM ind_plan ip
WHERE ip.aflag IN ('late', 'none') AND ip.received_date + 30 < ip.cut
  AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.indicator_id = ip.id);

-- 3. SPEND_LAG: the units and the section that were slowed down.
INSERT INTO demo_manifest
SELECT 'SPEND_LAG', 'unit', id::VARCHAR, name FROM units
WHERE name IN ('石窑镇', '杨家沟镇', '县文化和旅游局', '县交通运输局', '综合股');

-- 4. IDLE_FUNDS: allocations with nothing paid, or payments that stopped after the first month. A payment names no
-- allocation, only its indicator and unit (docs/data-model.md), so a balance is idle per (indicator, unit, a town's
-- sub-units counted as the town): only an allocation whose every sibling in that pair sits idle too is a planted case.
INSERT INTO demo_manifest
SELECT 'IDLE_FUNDS', 'allocation', ap.id, ap.pflag
FROM alloc_plan ap JOIN measured_units() m ON m.id = ap.unit_id
WHERE ap.pflag IN ('idle_none', 'idle_stop')
  AND NOT EXISTS (SELECT 1 FROM alloc_plan o JOIN measured_units() mo ON mo.id = o.unit_id
                  WHERE o.indicator_id = ap.indicator_id AND mo.measured_id = m.measured_id
                    AND o.pflag NOT IN ('idle_none', 'idle_stop'));

-- 5. OVER_INDICATOR: two demo-year indicators get one more payment that takes them past their amount.
CREATE OR REPLACE TEMP TABLE over_ind AS
WITH candidates AS (
  SELECT DISTINCT ap.indicator_id, ap.ind_doc_no, ap.func_code, ap.eco_code, ap.fund_name, ap.seed,
         first(ap.unit_id ORDER BY ap.id) OVER (PARTITION BY ap.indicator_id) AS unit_id
  FROM alloc_plan ap
  WHERE ap.year = ap.y AND ap.pflag = 'normal' AND ap.n > 0
)
SELECT c.*, i.amount,
       (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.indicator_id = c.indicator_id) AS paid,
       row_number() OVER (ORDER BY hash(c.indicator_id, 'over', c.seed)) AS n
FROM candidates c JOIN indicators i ON i.id = c.indicator_id;

INSERT INTO payments (voucher_no, pay_date, amount, indicator_id, indicator_doc_no, unit_id, func_code, eco_code,
                      payee_name, payee_account, payee_bank, payee_type, purpose, town_id)
SELECT 'PZX' || lpad(n::VARCHAR, 4, '0'), gen.until - 10, amount - paid + 88000, indicator_id, ind_doc_no, unit_id, func_code, eco_code,
       '陕西宏远建筑工程有限公司', '6105000000000001', '中国农业银行示范县支行', 'org', fund_name || '工程进度款',
       CASE WHEN unit_id < 200 THEN unit_id END
FROM over_ind, gen WHERE n <= 2;
INSERT INTO demo_manifest SELECT 'OVER_INDICATOR', 'indicator', indicator_id, 'PZX' || lpad(n::VARCHAR, 4, '0') FROM over_ind WHERE n <= 2;

-- Planted payments copy an ordinary demo-year payment and change what the rule looks at. The copy is paid against
-- the same indicator, so only indicators of the demo year with room for two more such payments are used: a copy must
-- not also overspend its indicator (OVER_INDICATOR finds the planted cases above, not these).
CREATE OR REPLACE TEMP TABLE plant_room AS
SELECT i.id, i.amount - coalesce(sum(p.amount), 0) AS room
FROM indicators i JOIN gen ON i.year = gen.y LEFT JOIN payments p ON p.indicator_id = i.id
GROUP BY i.id, i.amount;

CREATE OR REPLACE TEMP TABLE plant_base AS
SELECT p.*, row_number() OVER (ORDER BY hash(p.voucher_no, 'plant', gen.seed)) AS n
FROM payments p JOIN plant_room r ON r.id = p.indicator_id, gen
WHERE p.payee_type = 'org' AND p.project_code IS NOT NULL AND year(p.pay_date) = gen.y AND p.voucher_no LIKE 'PZ0%'
  AND r.room > 2 * (p.amount + 120000)
ORDER BY hash(p.voucher_no, 'plant', gen.seed) LIMIT 40;

CREATE OR REPLACE TEMP TABLE planted (rule_id VARCHAR, n INTEGER, voucher_no VARCHAR, pay_date DATE, amount DECIMAL(18,2),
  project_code VARCHAR, func_code VARCHAR, eco_code VARCHAR, payee_name VARCHAR, payee_account VARCHAR, payee_type VARCHAR, purpose VARCHAR);

-- 6. NO_PROJECT: projects missing from the 项目库 (3) and projects not yet approved (2).
INSERT INTO planted (rule_id, n, project_code)
SELECT 'NO_PROJECT', n, CASE WHEN n <= 3 THEN 'XM' || gen.y || 'X' || lpad(n::VARCHAR, 3, '0')
                             ELSE (SELECT min(code) FROM projects WHERE status = 'declared' AND year = gen.y) END
FROM gen, range(1, 6) r(n);
-- 7. WRONG_SUBJECT: 功能科目 outside poverty spending (3) and 经济科目 39999 (2).
INSERT INTO planted (rule_id, n, func_code, eco_code)
VALUES ('WRONG_SUBJECT', 6, '2040101', NULL), ('WRONG_SUBJECT', 7, '2300101', NULL), ('WRONG_SUBJECT', 8, '2270101', NULL),
       ('WRONG_SUBJECT', 9, NULL, '39999'), ('WRONG_SUBJECT', 10, NULL, '39999');
-- 8. LARGE_TO_PERSON: single payments of 50,000 元 or more to individuals.
INSERT INTO planted (rule_id, n, amount, payee_name, payee_account, payee_type)
SELECT 'LARGE_TO_PERSON', 10 + r.j, [58000, 66500, 120000][r.j], p.name, p.account_no, 'person'
FROM range(1, 4) r(j) JOIN persons p ON p.k = r.j * 7;
-- 9. TO_OWN_ACCOUNT: the paying unit pays into its own account (filled in below from the unit).
INSERT INTO planted (rule_id, n) VALUES ('TO_OWN_ACCOUNT', 14), ('TO_OWN_ACCOUNT', 15), ('TO_OWN_ACCOUNT', 16);
-- 20. LISTED_PAYEE: a payment to a company on the 市场监管 list of companies (the list is below). The list's other
-- companies are paid nothing; 榆林鑫源建筑工程有限责任公司 is one word longer than a real payee's name, not a match.
INSERT INTO planted (rule_id, n, payee_name, payee_account) VALUES ('LISTED_PAYEE', 24, '陕西金鼎建材有限公司', '6105099900000024');
-- 19. BAD_MEMO: empty or meaningless purposes.
INSERT INTO planted (rule_id, n, purpose) VALUES ('BAD_MEMO', 17, ''), ('BAD_MEMO', 18, '无'), ('BAD_MEMO', 19, '付款'), ('BAD_MEMO', 20, '1');

INSERT INTO payments (voucher_no, pay_date, amount, indicator_id, indicator_doc_no, unit_id, project_code, func_code, eco_code,
                      payee_name, payee_account, payee_bank, payee_type, purpose, town_id, village_id)
SELECT 'PZP' || lpad(pl.n::VARCHAR, 4, '0'), b.pay_date,
       -- Not the copied payment's amount: the same payee, amount and day would also be a DUPLICATE_PAY.
       coalesce(pl.amount, round(b.amount * 0.83, 2)), b.indicator_id, b.indicator_doc_no, b.unit_id,
       CASE WHEN pl.rule_id = 'NO_PROJECT' THEN pl.project_code ELSE b.project_code END,
       coalesce(pl.func_code, b.func_code), coalesce(pl.eco_code, b.eco_code),
       coalesce(pl.payee_name, CASE WHEN pl.rule_id = 'TO_OWN_ACCOUNT' THEN u.name END, b.payee_name),
       coalesce(pl.payee_account, CASE WHEN pl.rule_id = 'TO_OWN_ACCOUNT' THEN u.account_no END, b.payee_account),
       b.payee_bank, coalesce(pl.payee_type, b.payee_type),
       CASE WHEN pl.rule_id = 'BAD_MEMO' THEN pl.purpose ELSE b.purpose END, b.town_id, b.village_id
FROM planted pl JOIN plant_base b ON b.n = pl.n JOIN units u ON u.id = b.unit_id;
INSERT INTO demo_manifest SELECT rule_id, 'payment', 'PZP' || lpad(n::VARCHAR, 4, '0'), NULL FROM planted;

INSERT INTO comparison_lists (id, label, department, kind, holds, imported_by)
SELECT 4, '县市场监管局 ' || gen.y || '年严重违法失信企业名单', '县市场监管局', 'other', 'company', 'demo' FROM gen;
INSERT INTO comparison_list_rows (list_id, value, place)
VALUES (4, '陕西金鼎建材有限公司', '吊销营业执照'), (4, '榆林恒通商贸有限公司', '列入严重违法失信名单'),
       (4, '榆林鑫源建筑工程有限责任公司', '列入经营异常名录');

-- 10. DUPLICATE_PAY: the same payee, amount and fund paid again six days later (payments), and the same ID twice in
-- one month and item (payouts).
INSERT INTO payments
SELECT 'PZD' || lpad(n::VARCHAR, 4, '0'), least(pay_date + 6, (SELECT until FROM gen)), amount, indicator_id, indicator_doc_no, unit_id, project_code, func_code, eco_code,
       payee_name, payee_account, payee_bank, payee_type, purpose, town_id, village_id, batch_id
FROM plant_base WHERE n BETWEEN 21 AND 23;
INSERT INTO demo_manifest SELECT 'DUPLICATE_PAY', 'payment', 'PZD' || lpad(n::VARCHAR, 4, '0'), voucher_no FROM plant_base WHERE n BETWEEN 21 AND 23;

CREATE OR REPLACE TEMP TABLE payout_pick AS
SELECT po.*, row_number() OVER (ORDER BY hash(po.voucher_no, 'pick', gen.seed)) AS n
FROM payouts po, gen WHERE po.item IN ('城乡居民基础养老金', '农村低保金')
ORDER BY hash(po.voucher_no, 'pick', gen.seed) LIMIT 20;

INSERT INTO payouts
SELECT voucher_no || 'D', month, fund_id, town_id, village_id, name, id_number, item, household_targeted, due, paid, account_no, batch_id
FROM payout_pick WHERE n <= 3;
INSERT INTO demo_manifest SELECT 'DUPLICATE_PAY', 'payout', voucher_no || 'D', id_number FROM payout_pick WHERE n <= 3;

-- 11. OFFICIAL_RECIPIENT: three recipients are also on the public payroll.
INSERT INTO comparison_list_rows (list_id, value, name, place) SELECT 1, id_number, name, '县直机关' FROM payout_pick WHERE n BETWEEN 4 AND 6;
INSERT INTO demo_manifest SELECT 'OFFICIAL_RECIPIENT', 'person', id_number, name FROM payout_pick WHERE n BETWEEN 4 AND 6;

-- 12. DECEASED_RECIPIENT: three monthly recipients died on 15 March; their later payouts are the hits.
INSERT INTO comparison_list_rows (list_id, value, name, event_date)
SELECT 2, id_number, name, make_date(year(month), 3, 15) FROM payout_pick WHERE n BETWEEN 7 AND 9;
INSERT INTO demo_manifest SELECT 'DECEASED_RECIPIENT', 'person', id_number, name FROM payout_pick WHERE n BETWEEN 7 AND 9;

-- 13. NOT_POOR_RECIPIENT: a household-targeted subsidy paid to three people who are not registered poor.
INSERT INTO payouts (voucher_no, month, fund_id, town_id, village_id, name, id_number, item, household_targeted, due, paid, account_no)
SELECT 'FFN' || lpad(p.k::VARCHAR, 6, '0'), make_date(gen.y, 6, 1), (SELECT min(id) FROM funds WHERE name = '扶贫专项资金'),
       p.town_id, p.village_id, p.name, p.id_number, '产业到户奖补', true, 3000, 3000, p.account_no
FROM (SELECT * FROM persons WHERE NOT poor ORDER BY k LIMIT 3) p, gen;
INSERT INTO demo_manifest SELECT 'NOT_POOR_RECIPIENT', 'payout', 'FFN' || lpad(k::VARCHAR, 6, '0'), id_number
FROM (SELECT * FROM persons WHERE NOT poor ORDER BY k LIMIT 3);

-- 14. SHARED_ACCOUNT: four people's subsidies go to one bank card.
UPDATE payouts SET account_no = '6217000000000000888'
WHERE id_number IN (SELECT id_number FROM payout_pick WHERE n BETWEEN 10 AND 13);
INSERT INTO demo_manifest VALUES ('SHARED_ACCOUNT', 'account', '6217000000000000888', '4 recipients');

-- 15. YEAR_END_RUSH: one fund's previous-year payments mostly pushed into December.
CREATE OR REPLACE TEMP TABLE rush_fund AS
SELECT i.fund_id FROM payments p JOIN indicators i ON i.id = p.indicator_id, gen
WHERE i.year = gen.py AND year(p.pay_date) = gen.py
GROUP BY i.fund_id ORDER BY count(*) DESC, i.fund_id LIMIT 1 OFFSET 2;
UPDATE payments SET pay_date = make_date(gen.py, 12, 1 + (hash(voucher_no, 'rush', gen.seed) % 28)::INTEGER)
FROM gen
WHERE year(pay_date) = gen.py AND rnd(voucher_no, 'rush', gen.seed) < 0.6
  AND indicator_id IN (SELECT i.id FROM indicators i WHERE i.fund_id = (SELECT fund_id FROM rush_fund));
INSERT INTO demo_manifest SELECT 'YEAR_END_RUSH', 'fund', fund_id::VARCHAR, gen.py::VARCHAR FROM rush_fund, gen;

-- 16. PROJECT_OVERDUE: past their planned end and not completed by the data cut.
INSERT INTO demo_manifest
SELECT 'PROJECT_OVERDUE', 'project', code, planned_end::VARCHAR FROM projects, gen
WHERE status NOT IN ('completed', 'accepted') AND planned_end < gen.until;

-- 17. NO_PERF_TARGET: funded projects without targets.
INSERT INTO demo_manifest
SELECT 'NO_PERF_TARGET', 'project', code, NULL FROM proj_plan
WHERE no_targets AND code IN (SELECT project_code FROM allocations);

-- 18. PERF_DEVIATION: targets far behind schedule.
INSERT INTO demo_manifest
SELECT 'PERF_DEVIATION', 'project', code, NULL FROM proj_plan WHERE perf_dev AND NOT no_targets;

-- 20. 个性风险点 (docs/rules.md "Risk points per fund"), set by the 股室 after every payment above is in place.
-- FUND_DEADLINE: 农财所 gives 中央财政专项扶贫资金 a final date two weeks before the data cut (passed: red) and a
-- 20-day allocation limit; 教科文股 gives 中小学公用经费补助资金 one 20 days after it (near: orange). Planted: each of
-- their indicators received by the final date with money unpaid at the cut.
INSERT INTO fund_risk_points (fund_id, alloc_days, final_date, updated_by)
SELECT f.id, CASE WHEN f.level = 'central' THEN 20 END,
       CASE WHEN f.level = 'central' THEN gen.until - 16 ELSE gen.until + 20 END, 'demo'
FROM funds f, gen
WHERE (f.level, f.name) IN (('central', '中央财政专项扶贫资金'), ('province', '中小学公用经费补助资金'));

INSERT INTO demo_manifest
SELECT 'FUND_DEADLINE', 'indicator', i.id, r.final_date::VARCHAR
FROM indicators i JOIN fund_risk_points r ON r.fund_id = i.fund_id, gen
WHERE i.received_date <= least(r.final_date, gen.until)
  AND i.amount > (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.indicator_id = i.id AND p.pay_date <= gen.until);

-- IDLE_FUNDS: the fund with the most balances idle 45 to 89 days at the cut (per indicator and recipient, a town's
-- bodies counted as the town, idle since the later of the first allocation and the last payment, as the rule counts)
-- gets a 45-day 滞留天数, so those balances, short of the rule's 90, are found; each is planted by its pair's first
-- allocation.
CREATE OR REPLACE TEMP TABLE idle_pairs AS
WITH alloc AS (
  SELECT a.indicator_id, m.measured_id, sum(a.amount) AS allocated, min(a.alloc_date) AS first_alloc,
         first(a.id ORDER BY a.alloc_date, a.id) AS alloc_id
  FROM allocations a JOIN measured_units() m ON m.id = a.unit_id, gen
  WHERE a.alloc_date <= gen.until GROUP BY ALL
),
paid AS (
  SELECT p.indicator_id, m.measured_id, sum(p.amount) AS paid, max(p.pay_date) AS last_paid
  FROM payments p JOIN measured_units() m ON m.id = p.unit_id, gen
  WHERE p.pay_date <= gen.until GROUP BY ALL
)
SELECT i.fund_id, a.alloc_id,
       (gen.until - greatest(a.first_alloc, coalesce(p.last_paid, a.first_alloc)))::INTEGER AS idle_days
FROM alloc a JOIN indicators i ON i.id = a.indicator_id
LEFT JOIN paid p ON p.indicator_id = a.indicator_id AND p.measured_id = a.measured_id, gen
WHERE i.received_date <= gen.until AND i.year <= gen.y AND a.allocated > coalesce(p.paid, 0);

INSERT INTO fund_risk_points (fund_id, idle_days, updated_by)
SELECT fund_id, 45, 'demo' FROM idle_pairs
WHERE idle_days BETWEEN 45 AND 89 AND fund_id NOT IN (SELECT fund_id FROM fund_risk_points)
GROUP BY fund_id ORDER BY count(*) DESC, fund_id LIMIT 1;

INSERT INTO demo_manifest
SELECT 'IDLE_FUNDS', 'allocation', ip.alloc_id, '滞留天数 45: ' || ip.idle_days || ' days'
FROM idle_pairs ip JOIN fund_risk_points r ON r.fund_id = ip.fund_id AND r.idle_days = 45
WHERE ip.idle_days BETWEEN 45 AND 89;
