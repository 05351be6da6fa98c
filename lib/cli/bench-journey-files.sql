-- The county's ledger written out as a clerk receives it from the finance systems, from a demo database (run on its
-- own connection): 指标, 分配 and 绩效目标 as UTF-8 CSV, 支付 as CSV (transcoded to GBK by the caller), each with the systems'
-- Chinese headers; a town's payments made by `XX镇人民政府`, as the treasury writes them (docs/units.md). The 项目库
-- is written as XLSX by the caller from journey_projects. __DIR__ is the folder.
COPY (
  SELECT i.id AS 指标明细号, i.doc_no AS 指标文号, i.parent_doc_no AS 上级文号,
         -- A name two funds of one level share (the catalog has such) is written as the fund's code, as the import asks.
         CASE WHEN (SELECT count(*) FROM funds g WHERE g.level = f.level AND g.name = f.name) > 1 THEN f.level || '-' || f.seq
              ELSE f.name END AS 资金名称,
         CASE i.level WHEN 'central' THEN '中央' WHEN 'province' THEN '省' WHEN 'city' THEN '市' ELSE '县' END AS 预算级次,
         i.year AS 年度, i.amount AS "指标金额(元)", i.received_date AS 接收日期, i.func_code AS 功能科目, i.eco_code AS 经济科目,
         CASE WHEN i.is_poverty THEN '是' ELSE '否' END AS 是否扶贫, CASE WHEN i.is_direct THEN '是' ELSE '否' END AS 是否直达,
         CASE WHEN i.is_to_person THEN '是' ELSE '否' END AS 补贴到人
  FROM indicators i JOIN funds f ON f.id = i.fund_id
  ORDER BY i.received_date, i.id
) TO '__DIR__/指标.csv' (HEADER, DELIMITER ',');

COPY (
  SELECT a.id AS 分配明细号, a.indicator_id AS 指标明细号, u.name AS 接收单位, a.project_code AS 项目编码,
         a.amount AS "分配金额(元)", a.alloc_date AS 分配日期, a.doc_no AS 分配文号
  FROM allocations a JOIN units u ON u.id = a.unit_id
  ORDER BY a.alloc_date, a.id
) TO '__DIR__/分配.csv' (HEADER, DELIMITER ',');

COPY (
  SELECT p.voucher_no AS 支付凭证号, p.pay_date AS 支付日期, p.amount AS "支付金额(元)", p.indicator_id AS 指标明细号,
         p.indicator_doc_no AS 指标文号, CASE WHEN u.kind = 'town' THEN u.name || '人民政府' ELSE u.name END AS 预算单位,
         p.project_code AS 项目编码, p.func_code AS 功能科目, p.eco_code AS 经济科目, p.payee_name AS 收款人,
         p.payee_account AS 收款人账号, p.payee_bank AS 收款人开户行,
         CASE p.payee_type WHEN 'person' THEN '个人' WHEN 'org' THEN '单位' END AS 收款人类型, p.purpose AS 用途,
         t.name AS 乡镇, v.name AS 村
  FROM payments p
  LEFT JOIN units u ON u.id = p.unit_id
  LEFT JOIN units t ON t.id = p.town_id
  LEFT JOIN units v ON v.id = p.village_id
  ORDER BY p.pay_date, p.voucher_no
) TO '__DIR__/支付-utf8.csv' (HEADER, DELIMITER ',');

COPY (
  SELECT project_code AS 项目编码, level1 AS 一级指标, level2 AS 二级指标, name AS 三级指标, comparator AS 指标符号,
         target_value AS 指标值, unit AS 计量单位, actual_value AS 完成值, as_of AS 监控日期
  FROM perf_targets
  ORDER BY id
) TO '__DIR__/绩效目标.csv' (HEADER, DELIMITER ',');

CREATE TEMP TABLE journey_projects AS
SELECT p.code, p.name, p.year, p.type, t.name AS town, v.name AS village, u.name AS unit, p.planned_amount::VARCHAR AS planned_amount,
       p.start_date::VARCHAR AS start_date, p.planned_end::VARCHAR AS planned_end, p.actual_end::VARCHAR AS actual_end,
       CASE p.status WHEN 'not_started' THEN '未开工' WHEN 'declared' THEN '申报' WHEN 'reviewed' THEN '审核' WHEN 'approved' THEN '入库'
         WHEN 'in_progress' THEN '实施' WHEN 'completed' THEN '完工' ELSE '验收' END AS status
FROM projects p
LEFT JOIN units t ON t.id = p.town_id
LEFT JOIN units v ON v.id = p.village_id
LEFT JOIN units u ON u.id = p.unit_id
ORDER BY p.code;
