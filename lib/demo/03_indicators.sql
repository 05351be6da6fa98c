-- Indicators for the previous year (complete) and the demo year (received up to the data cut), 1–4 per fund and year.
CREATE OR REPLACE TEMP TABLE fund_meta AS
SELECT f.*, u.name AS section_name,
  regexp_matches(f.name, '养老|救助|资助|助学|奖助|生活|危房|残疾|补贴|托养|入学') AS to_person,
  CASE u.name
    WHEN '农财所' THEN ['2130505', '2130599', '2130314', '2130205', '2130122', '2130701']
    WHEN '社保股' THEN ['2081002', '2080805', '2101201', '2081101', '2080701', '2100409']
    WHEN '教科文股' THEN ['2050202', '2050203', '2050204', '2050803', '2070204']
    WHEN '经建股' THEN ['2120399', '2140106', '2130504', '2110302', '2150899']
    WHEN '综合股' THEN ['2130803', '2081107', '2081004']
    WHEN '综改办' THEN ['2130706']
    ELSE ['2130599']
  END AS func_codes
FROM funds f JOIN units u ON u.id = f.section_id;

INSERT INTO indicators (id, doc_no, parent_doc_no, fund_id, level, year, amount, received_date, func_code, eco_code,
                        is_poverty, is_direct, is_to_person)
WITH d AS (
  SELECT f.*, yr, k, f.id * 100 + k + yr * 100000 AS key, gen.seed, gen.until, gen.y
  FROM fund_meta f, gen, (SELECT unnest([gen.py, gen.y]) AS yr FROM gen) years,
       range(1, 1 + 1 + (hash(f.id, yr, 'n-ind', gen.seed) % CASE WHEN f.level IN ('central', 'province') THEN 4 ELSE 3 END)::INTEGER) r(k)
),
v AS (
  SELECT d.*,
    round(exp(ln(CASE level WHEN 'central' THEN 2600000 WHEN 'province' THEN 1200000 WHEN 'city' THEN 500000 ELSE 350000 END)
              + 0.9 * rnorm(key, 'amount', seed)), -3) AS amt,
    -- Most indicators arrive in the first half; one in ten arrives late in the year.
    make_date(yr, 1, 1) + CASE WHEN rnd(key, 'late', seed) < 0.1 THEN 270 + (rnd(key, 'day', seed) * 80)::INTEGER
                               ELSE (300 * rnd(key, 'day', seed) ** 1.6)::INTEGER END AS rdate
  FROM d
)
SELECT
  'ZB' || yr || CASE level WHEN 'central' THEN '1' WHEN 'province' THEN '2' WHEN 'city' THEN '3' ELSE '4' END
       || lpad(seq::VARCHAR, 3, '0') || lpad(k::VARCHAR, 2, '0'),
  CASE level WHEN 'central' THEN '财农〔' WHEN 'province' THEN '陕财办农〔' WHEN 'city' THEN '榆政财农发〔' ELSE '县财农发〔' END
       || yr || '〕' || (10 + hash(key, 'doc', seed) % 190) || '号',
  CASE WHEN level = 'county' THEN NULL ELSE '上级〔' || yr || '〕' || (1 + hash(key, 'pdoc', seed) % 120) || '号' END,
  id, level, yr, greatest(amt, 20000)::DECIMAL(18,2), rdate,
  pick(func_codes, key, 'func', seed),
  CASE WHEN to_person THEN '30305' ELSE pick(['31005', '31099', '30399', '31204'], key, 'eco', seed) END,
  true, level = 'central' AND rnd(key, 'direct', seed) < 0.5, to_person
FROM v
WHERE yr < y OR rdate <= until;
