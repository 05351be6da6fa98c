-- A treasury payments export of __ROWS__ rows as the county's system writes it (UTF-8, Chinese headers), over the seed's
-- names: 10 % without 指标明细号 (matched by 文号 + fund), 20 % without project and 4 % with an unknown one, one row in
-- a thousand repeated, one in five thousand naming an unknown unit. Values are typed cleanly so that the benchmark's
-- bare typed read_csv can read the same file. The caller appends the 合计 line (sum_amount below).
CREATE OR REPLACE TEMP TABLE bench_names AS
SELECT
  (SELECT list(i.id ORDER BY i.id) FROM indicators i) AS ind_ids,
  (SELECT list(i.doc_no ORDER BY i.id) FROM indicators i) AS ind_docs,
  (SELECT list(f.name ORDER BY i.id) FROM indicators i JOIN funds f ON f.id = i.fund_id) AS ind_funds,
  (SELECT list(name ORDER BY id) FROM units WHERE kind = 'town') AS towns,
  (SELECT list(name ORDER BY id) FROM units WHERE kind IN ('department', 'town')) AS payers;

-- A pure projection of range(): rows come out in order, streamed, without a sort.
CREATE OR REPLACE TEMP VIEW bench_rows AS
SELECT k,
  'ZF2018' || lpad(k::VARCHAR, 9, '0') AS voucher_no,
  (DATE '2018-01-02' + (hash(k, 'd') % 330)::INTEGER)::VARCHAR AS pay_date,
  ((hash(k, 'a') % 9000000)::DECIMAL(18,2) / 100 + 1) * CASE WHEN k % 200 = 7 THEN -1 ELSE 1 END AS amount,
  CASE WHEN k % 10 = 0 THEN NULL ELSE n.ind_ids[1 + k % 40] END AS indicator_id,
  n.ind_docs[1 + k % 40] AS doc_no, n.ind_funds[1 + k % 40] AS fund,
  CASE WHEN k % 5000 = 99 THEN '不存在的单位' ELSE n.payers[1 + k % 32] END AS unit,
  CASE WHEN k % 5 = 0 THEN NULL ELSE 'XM2018' || lpad((k % 210)::VARCHAR, 4, '0') END AS project_code,
  '2130505' AS func_code, '31005' AS eco_code,
  CASE WHEN k % 2 = 0 THEN '陕西宏远建筑工程有限公司' ELSE '张' || (k % 97) END AS payee_name,
  '62284' || lpad((hash(k, 'acct') % 100000000000)::VARCHAR, 11, '0') AS payee_account,
  '中国农业银行示范县支行' AS payee_bank,
  CASE WHEN k % 2 = 0 THEN '单位' ELSE '个人' END AS payee_type,
  ['产业扶贫项目工程款', '农村危房改造补助', '小额信贷贴息', '雨露计划补助'][1 + k % 4] AS purpose,
  n.towns[1 + k % 12] AS town, ['王家沟村', '李家峁村', '张家湾村', '刘家坪村'][1 + k % 4] AS village
FROM (SELECT CASE WHEN i % 1000 = 999 THEN i - 1 ELSE i END AS k FROM range(__ROWS__) r(i)), bench_names n;

COPY (
  SELECT voucher_no AS 支付凭证号, pay_date AS 支付日期, amount AS "支付金额(元)", indicator_id AS 指标明细号, doc_no AS 指标文号,
         fund AS 资金名称, unit AS 预算单位, project_code AS 项目编码, func_code AS 功能科目, eco_code AS 经济科目,
         payee_name AS 收款人, payee_account AS 收款人账号, payee_bank AS 收款人开户行, payee_type AS 收款人类型,
         purpose AS 用途, town AS 乡镇, village AS 村
  FROM bench_rows
) TO '__PATH__' (HEADER, DELIMITER ',');

SELECT sum(amount)::VARCHAR AS sum_amount FROM bench_rows;
