import type { EvidenceField, RuleDef } from './types';

// Evidence fields several rules show the same way.
const PAY_DATE: EvidenceField = { key: 'pay_date', label: '支付日期', format: 'date' };
const PAYEE_NAME: EvidenceField = { key: 'payee_name', label: '收款人', format: 'text' };
const PAYEE_ACCOUNT: EvidenceField = { key: 'payee_account', label: '收款账号', format: 'text', personal: true };
const PURPOSE: EvidenceField = { key: 'purpose', label: '用途摘要', format: 'text' };
const REASON: EvidenceField = { key: 'reason', label: '原因', format: 'text' };
const ID_NUMBER: EvidenceField = { key: 'id_number', label: '身份证号', format: 'text', personal: true };
const PERSON_NAME: EvidenceField = { key: 'name', label: '姓名', format: 'text' };
const MONTH: EvidenceField = { key: 'month', label: '发放月份', format: 'date' };
const ITEM: EvidenceField = { key: 'item', label: '发放项目', format: 'text' };
const LIST: EvidenceField = { key: 'list', label: '比对名单', format: 'text' };

/** A payout checked against a comparison list (比对名单): whom it paid, for which month and item, which list, and
 * what the rule adds. */
const listRule = (id: string, name: string, extra: EvidenceField[] = []): RuleDef => ({
  id, name, sql: `queries/rules/${id}.sql`, subject: 'payout', params: {},
  evidence: [ID_NUMBER, PERSON_NAME, MONTH, ITEM, LIST, ...extra],
});

/** The rules on single payments and on subsidies to people (docs/rules.md). */
export const PAYMENT_RULES: RuleDef[] = [
  {
    id: 'NO_PROJECT',
    name: '项目未入库',
    sql: 'queries/rules/NO_PROJECT.sql',
    subject: 'payment',
    params: {},
    evidence: [
      PAY_DATE,
      { key: 'project_code', label: '项目编码', format: 'text' },
      { key: 'project_name', label: '项目名称', format: 'text' },
      { key: 'project_status', label: '项目状态', format: 'text' },
      PAYEE_NAME,
      PURPOSE,
    ],
  },
  {
    id: 'WRONG_SUBJECT',
    name: '科目不符',
    sql: 'queries/rules/WRONG_SUBJECT.sql',
    subject: 'payment',
    params: { min_amount: { value: 0, label: '起查金额（元）' } },
    evidence: [
      PAY_DATE,
      { key: 'func_code', label: '功能科目', format: 'text' },
      { key: 'eco_code', label: '经济科目', format: 'text' },
      REASON,
      PAYEE_NAME,
      PURPOSE,
    ],
  },
  {
    id: 'LARGE_TO_PERSON',
    name: '大额转个人',
    sql: 'queries/rules/LARGE_TO_PERSON.sql',
    subject: 'payment',
    params: {
      amount: { value: 50000, label: '单笔金额（元）' },
      red_amount: { value: 200000, label: '红色预警金额（元）' },
    },
    evidence: [PAY_DATE, PAYEE_NAME, PAYEE_ACCOUNT, { key: 'payee_bank', label: '开户行', format: 'text' }, PURPOSE],
  },
  {
    id: 'TO_OWN_ACCOUNT',
    name: '转入单位实有账户',
    sql: 'queries/rules/TO_OWN_ACCOUNT.sql',
    subject: 'payment',
    params: {},
    evidence: [
      PAY_DATE,
      PAYEE_NAME,
      PAYEE_ACCOUNT,
      { key: 'account_owner', label: '账户所属单位', format: 'text' },
      { key: 'owner_relation', label: '账户性质', format: 'text' },
      PURPOSE,
    ],
  },
  {
    id: 'DUPLICATE_PAY',
    name: '重复发放',
    sql: 'queries/rules/DUPLICATE_PAY.sql',
    subject: 'payment',
    params: { days: { value: 30, label: '间隔天数（天）' } },
    evidence: [
      { key: 'date', label: '支付日期/发放月份', format: 'date' },
      PAYEE_NAME,
      PAYEE_ACCOUNT,
      ID_NUMBER,
      { key: 'fund_or_item', label: '资金/发放项目', format: 'text' },
      { key: 'earlier_voucher', label: '前一笔凭证号', format: 'text' },
      { key: 'earlier_date', label: '前一笔日期', format: 'date' },
      { key: 'days_apart', label: '相隔天数', format: 'int' },
    ],
  },
  {
    id: 'BAD_MEMO',
    name: '摘要不规范',
    sql: 'queries/rules/BAD_MEMO.sql',
    subject: 'payment',
    params: { min_chars: { value: 2, label: '最少字数（字）' } },
    evidence: [PAY_DATE, PURPOSE, REASON, PAYEE_NAME],
  },
  listRule('OFFICIAL_RECIPIENT', '公职人员领取', [
    { key: 'listed_name', label: '名单姓名', format: 'text' },
    { key: 'listed_place', label: '名单所在单位', format: 'text' },
  ]),
  listRule('DECEASED_RECIPIENT', '已故人员领取', [
    { key: 'death_date', label: '死亡日期', format: 'date' },
    { key: 'months_after', label: '死亡后月数', format: 'int' },
  ]),
  listRule('NOT_POOR_RECIPIENT', '非建档立卡户'),
  {
    id: 'LISTED_PAYEE',
    name: '名单比对命中',
    sql: 'queries/rules/LISTED_PAYEE.sql',
    subject: 'payment',
    params: {},
    evidence: [
      PAY_DATE, PAYEE_NAME, PAYEE_ACCOUNT,
      { key: 'listed_company', label: '名单所列企业', format: 'text' },
      { key: 'listed_account', label: '名单所列账号', format: 'text', personal: true },
      LIST, PURPOSE,
    ],
  },
  {
    id: 'SHARED_ACCOUNT',
    name: '一卡多人',
    sql: 'queries/rules/SHARED_ACCOUNT.sql',
    subject: 'account',
    params: { ids: { value: 3, label: '领取人数（人）' } },
    evidence: [
      { key: 'ids', label: '领取人数', format: 'int' },
      { key: 'names', label: '领取人', format: 'text' },
      { key: 'payouts', label: '发放笔数', format: 'int' },
      { key: 'first_month', label: '首次发放月份', format: 'date' },
      { key: 'last_month', label: '最近发放月份', format: 'date' },
    ],
  },
];
