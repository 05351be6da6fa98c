import type { ImportKind } from './types';

export type FieldType = 'text' | 'code' | 'money' | 'date' | 'month' | 'integer' | 'number' | 'bool';

/** A target field of an import kind: its id (the column in the schema or a lookup), label and header synonyms. */
export interface FieldDef {
  id: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Header texts that mean this field, already in normalised form (see normalizeHeader): no spaces, half-width. */
  synonyms: string[];
}

const f = (id: string, label: string, type: FieldType, required: boolean, synonyms: string[]): FieldDef => ({
  id, label, type, required, synonyms: [label, ...synonyms],
});

// Lookups rather than schema columns: `fund` (name or catalog code → fund_id) and `unit`/`town`/`village` (name → unit id).
const fund = (required: boolean) => f('fund', '资金名称', 'text', required, ['资金', '资金项目', '专项资金名称', '资金类别', '资金代码', '资金编码']);
// 预算级次 picks the fund of a name found at several levels, and keeps a 省 row off a 市 fund (docs/fund-matching.md).
const level = f('level', '预算级次', 'text', false, ['级次', '资金级次', '来源级次', '指标级次']);
const town = f('town', '乡镇', 'text', false, ['镇', '镇(中心)', '乡镇(中心)', '所属乡镇', '镇办', '乡镇名称']);
const village = f('village', '村', 'text', false, ['行政村', '村名', '所属村', '村(社区)', '村组']);
const amount = (label: string, synonyms: string[]) => f('amount', label, 'money', true, ['金额', ...synonyms]);

export const FIELDS: Record<ImportKind, FieldDef[]> = {
  indicators: [
    f('id', '指标明细号', 'code', true, ['指标编号', '明细号', '指标id', '指标明细编号', '指标代码']),
    f('doc_no', '指标文号', 'text', false, ['文号', '下达文号', '指标文件号']),
    f('parent_doc_no', '上级文号', 'text', false, ['上级指标文号', '来源文号']),
    fund(true),
    level,
    f('year', '年度', 'integer', false, ['预算年度', '指标年度']),
    amount('指标金额', ['下达金额', '指标总额', '金额合计']),
    f('received_date', '接收日期', 'date', true, ['下达日期', '文件日期', '指标日期', '到达日期', '收文日期']),
    f('func_code', '功能科目', 'code', false, ['功能分类科目', '功能科目编码', '支出功能分类', '功能分类']),
    f('eco_code', '经济科目', 'code', false, ['经济分类科目', '经济科目编码', '支出经济分类', '经济分类']),
    f('is_poverty', '是否扶贫', 'bool', false, ['扶贫资金']),
    f('is_direct', '是否直达', 'bool', false, ['直达资金']),
    f('is_to_person', '补贴到人', 'bool', false, ['是否补贴到人', '惠民惠农']),
  ],
  allocations: [
    f('id', '分配明细号', 'code', false, ['分配编号', '下达明细号', '分配id']),
    f('indicator_id', '指标明细号', 'code', true, ['指标编号', '明细号', '来源指标']),
    f('unit', '接收单位', 'text', true, ['预算单位', '单位名称', '分配单位', '下达单位', '用款单位']),
    f('project_code', '项目编码', 'code', false, ['项目编号', '项目代码']),
    amount('分配金额', ['下达金额']),
    f('alloc_date', '分配日期', 'date', true, ['下达日期', '日期']),
    f('doc_no', '分配文号', 'text', false, ['文号', '下达文号']),
  ],
  payments: [
    f('voucher_no', '支付凭证号', 'code', true, ['凭证号', '支付凭证编号', '凭证编号', '支付令号']),
    f('pay_date', '支付日期', 'date', true, ['日期', '付款日期', '清算日期', '凭证日期']),
    amount('支付金额', ['实付金额', '付款金额', '拨付金额']),
    f('indicator_id', '指标明细号', 'code', false, ['指标编号', '明细号', '指标id']),
    f('indicator_doc_no', '指标文号', 'text', false, ['文号']),
    fund(false),
    f('unit', '预算单位', 'text', false, ['单位名称', '付款单位', '用款单位', '支付单位']),
    f('project_code', '项目编码', 'code', false, ['项目编号', '项目代码']),
    f('func_code', '功能科目', 'code', false, ['功能分类科目', '功能科目编码', '支出功能分类']),
    f('eco_code', '经济科目', 'code', false, ['经济分类科目', '经济科目编码', '支出经济分类']),
    f('payee_name', '收款人', 'text', false, ['收款人名称', '收款人全称', '收款单位', '收款人姓名']),
    f('payee_account', '收款人账号', 'code', false, ['收款账号', '收款人账户', '账号']),
    f('payee_bank', '收款人开户行', 'text', false, ['开户行', '收款银行', '开户银行', '收款人银行']),
    f('payee_type', '收款人类型', 'text', false, ['收款人性质', '对象类型']),
    f('purpose', '用途', 'text', false, ['摘要', '用途摘要', '支付用途', '资金用途']),
    town,
    village,
  ],
  projects: [
    // A project list (资金安排表) often has no code, year or status column: the code is generated, the year and the
    // status come from the title or the user (docs/project-lists.md, plan.ts).
    f('code', '项目编码', 'code', false, ['项目编号', '项目代码']),
    f('name', '项目名称', 'text', true, []),
    f('year', '年度', 'integer', false, ['项目年度', '入库年度']),
    f('type', '项目类型', 'text', false, ['项目类别']),
    town,
    village,
    f('unit', '实施单位', 'text', false, ['项目实施单位', '主管部门', '责任单位']),
    f('planned_amount', '计划投资', 'money', false, ['计划金额', '总投资', '项目资金', '计划总投资', '资金金额', '安排资金', '资金规模', '投资金额', '计划安排资金', '金额']),
    f('content', '建设内容', 'text', false, ['建设内容及规模', '建设规模及内容', '建设规模', '项目内容', '主要建设内容', '建设任务']),
    f('start_date', '开工日期', 'date', false, ['开始日期', '计划开工日期']),
    f('planned_end', '计划完工日期', 'date', false, ['计划竣工日期', '计划完成日期']),
    f('actual_end', '实际完工日期', 'date', false, ['竣工日期', '完工日期']),
    f('status', '项目状态', 'text', false, ['状态', '进度状态', '实施状态']),
    f('beneficiaries', '受益户数', 'integer', false, ['受益户']),
    f('poor_beneficiaries', '带贫人数', 'integer', false, ['带动贫困人口', '受益贫困人口']),
  ],
  perf_targets: [
    f('project_code', '项目编码', 'code', true, ['项目编号', '项目代码']),
    f('level1', '一级指标', 'text', true, []),
    f('level2', '二级指标', 'text', false, []),
    f('name', '三级指标', 'text', true, ['指标名称', '绩效指标']),
    f('comparator', '指标符号', 'text', false, ['比较符', '符号']),
    f('target_value', '指标值', 'number', true, ['目标值', '年度目标值']),
    f('unit', '计量单位', 'text', false, ['单位']),
    f('actual_value', '完成值', 'number', false, ['实际完成值', '实际值']),
    f('as_of', '监控日期', 'date', false, ['截止日期', '填报日期']),
  ],
  payouts: [
    f('voucher_no', '发放批次号', 'code', false, ['凭证号', '发放流水号', '批次号']),
    f('month', '发放月份', 'month', true, ['月份', '发放年月', '发放日期']),
    fund(false),
    level,
    town,
    village,
    f('name', '姓名', 'text', true, ['户主姓名', '领取人', '享受人姓名']),
    f('id_number', '身份证号', 'code', true, ['身份证号码', '公民身份号码', '证件号码']),
    // Some payout systems export the subsidy item as its code (项目代码) only.
    f('item', '补贴项目', 'text', true, ['发放项目', '项目名称', '补贴类别', '项目代码', '补贴项目代码', '项目编码', '补贴代码']),
    f('household_targeted', '到户补贴', 'bool', false, ['是否到户']),
    f('due', '应发金额', 'money', false, ['应发']),
    f('paid', '实发金额', 'money', true, ['实发', '发放金额', '金额']),
    f('account_no', '账号', 'code', false, ['银行卡号', '一卡通账号', '惠农一卡通账号', '存折账号']),
  ],
  payroll: [
    f('id_number', '身份证号', 'code', true, ['身份证号码', '公民身份号码', '证件号码']),
    f('name', '姓名', 'text', false, []),
    f('place', '工作单位', 'text', false, ['单位', '单位名称']),
  ],
  deaths: [
    f('id_number', '身份证号', 'code', true, ['身份证号码', '公民身份号码', '证件号码']),
    f('name', '姓名', 'text', false, []),
    f('place', '户籍地', 'text', false, ['住址', '地址']),
    f('event_date', '死亡日期', 'date', true, ['死亡时间', '注销日期']),
  ],
  registered_poor: [
    f('id_number', '身份证号', 'code', true, ['身份证号码', '公民身份号码', '证件号码']),
    f('name', '姓名', 'text', false, ['户主姓名']),
    f('place', '所在村', 'text', false, ['村', '住址', '地址']),
  ],
  // Any other department's list: the field the list's 名单内容 names is its key and becomes required (plan.ts).
  other_list: [
    f('id_number', '身份证号', 'code', false, ['身份证号码', '公民身份号码', '证件号码']),
    f('name', '姓名', 'text', false, ['人员姓名']),
    f('account', '账号', 'code', false, ['银行账号', '账户', '银行卡号', '卡号', '收款账号']),
    f('company', '企业名称', 'text', false, ['单位名称', '公司名称', '市场主体名称', '名称', '企业']),
    f('place', '地址', 'text', false, ['住所', '所在地', '住址']),
  ],
};

/**
 * Header text in comparable form: full-width to half-width (NFKC), no white space, no unit in brackets
 * ("金额（单位:万元）" → "金额"), lower-case Latin letters.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(\[]\s*(单位[:：]?)?\s*(万元|元)\s*[)\]]/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** The unit a header names ("金额(万元)" → 万元), if any. */
export function headerUnit(text: string): '元' | '万元' | null {
  const m = /[(\[]\s*(?:单位[:：]?)?\s*(万元|元)\s*[)\]]/.exec(text.normalize('NFKC'));
  return m ? (m[1] as '元' | '万元') : null;
}

/** The field a normalised header means for a kind, or null. */
export function matchField(kind: ImportKind, header: string): FieldDef | null {
  const h = normalizeHeader(header);
  return FIELDS[kind].find((fd) => fd.synonyms.some((s) => normalizeHeader(s) === h)) ?? null;
}
