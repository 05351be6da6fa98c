import { describe, expect, it } from 'vitest';
import type { Scope, Viewer } from '@/lib/auth/roles';
import { describeAuditDetail } from '@/lib/auth/audit-labels';
import { paymentsCsv } from '@/lib/payments/export';
import { privacyOf } from '@/lib/privacy/mask';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { listAudit } from '@/queries/auth/audit';
import { paymentsWithGap } from '@/queries/import/quality';
import { exportPayments, type PaymentQuery } from '@/queries/payments';
import { runView, type ViewQuery } from '@/queries/views/run';
import { warningById } from '@/queries/warnings';
import { takeStep } from '@/queries/warnings/step';
import { useFixtureDb } from '../helpers/fixture';

// Personal data on every surface (docs/roles.md "Personal data"): masked (first 6 and last 4 kept) for every role but
// the admin. Town 101 甲镇 pays P1 (account 6217000012345678901, 19 characters) and P2 (no indicator, so it is in
// 数据质量's 未匹配指标 list). W1 一卡多人 on that account, sent to 甲镇; W2 重复发放 on a payout keyed by its
// ID number 610321199001011234, with that ID number and the account in its evidence.
const ACCOUNT = '6217000012345678901';
const ACCOUNT_MASKED = '621700*********8901'; // 6 + (19 - 10 = 9) '*' + 4
const ID = '610321199001011234';
const ID_MASKED = '610321********1234'; // 6 + (18 - 10 = 8) '*' + 4
const FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇');
INSERT INTO indicators (id, fund_id, level, year, amount, received_date) VALUES ('I1', 22, 'central', 2018, 1000.00, '2018-01-05');
INSERT INTO payments (voucher_no, indicator_id, unit_id, town_id, amount, pay_date, payee_name, payee_type, payee_account, purpose) VALUES
  ('P1', 'I1', 101, 101, 100.00, '2018-03-01', '张三', 'person', '${ACCOUNT}', '补贴'),
  ('P2', NULL, 101, 101, 50.00, '2018-03-02', '李四', 'person', '${ACCOUNT}', '补贴');
INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, status, assigned_unit_id, deadline, evidence) VALUES
  (1, 'SHARED_ACCOUNT', 'SHARED_ACCOUNT:account:${ACCOUNT}', 'account', '${ACCOUNT}', 101, 900.00, 'orange', 'sent', 101, '2099-01-01',
   '{"ids": 3, "names": "张三、李四、王五"}'),
  (2, 'DUPLICATE_PAY', 'DUPLICATE_PAY:payout:${ID}:2018-03-01:低保', 'payout', '${ID}:2018-03-01:低保', 101, 300.00, 'red', 'new', NULL, NULL,
   '{"date": "2018-03-01", "payee_name": "张三", "payee_account": "${ACCOUNT}", "id_number": "${ID}", "fund_or_item": "低保"}')
`;

const viewer = (role: Viewer['role'], unitId: number | null = null): Viewer =>
  ({ id: 1, username: role, displayName: null, role, unitId, unitName: null });
const ADMIN = viewer('admin');
const SUPERVISOR = viewer('supervisor');
const TOWN = viewer('town', 101);
const ALL: Scope = { kind: 'all' };
const TOWN_SCOPE: Scope = { kind: 'town', unitId: 101 };

describe('ID numbers and accounts on each surface: masked for everyone but the admin', () => {
  const ctx = useFixtureDb(FIXTURE);

  it('预警列表 (the view the page, JSON and export read): the subject id, an account or a payout keyed by ID number', async () => {
    const view = viewById('warnings')!;
    const q: ViewQuery = { filter: { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-10-31' }, sort: { key: 'id', dir: 'asc' }, page: null };
    const subjects = async (scope: Scope, v: Viewer) => (await runView(ctx.db, view, q, scope, privacyOf(v))).rows.map((r) => r.subject_id);
    expect(await subjects(ALL, ADMIN)).toEqual([ACCOUNT, `${ID}:2018-03-01:低保`]);
    expect(await subjects(ALL, SUPERVISOR)).toEqual([ACCOUNT_MASKED, `${ID_MASKED}:2018-03-01:低保`]);
    // The town reads only W1, sent to it. The admin read went first: the kept rows were not changed by masking.
    expect(await subjects(TOWN_SCOPE, TOWN)).toEqual([ACCOUNT_MASKED]);
    expect(await subjects(ALL, ADMIN)).toEqual([ACCOUNT, `${ID}:2018-03-01:低保`]);
    // A caller that names no privacy gets the masked rows.
    expect((await runView(ctx.db, view, q, ALL)).rows.map((r) => r.subject_id)).toEqual([ACCOUNT_MASKED, `${ID_MASKED}:2018-03-01:低保`]);
  });

  it('疑点详情: the subject and the evidence fields declared personal', async () => {
    const masked = (await warningById(ctx.db, 2, ALL, privacyOf(SUPERVISOR)))!;
    expect(masked.subject_id).toBe(`${ID_MASKED}:2018-03-01:低保`);
    expect(masked.evidence).toMatchObject({ id_number: ID_MASKED, payee_account: ACCOUNT_MASKED, payee_name: '张三', fund_or_item: '低保' });
    const whole = (await warningById(ctx.db, 2, ALL, privacyOf(ADMIN)))!;
    expect(whole.evidence).toMatchObject({ id_number: ID, payee_account: ACCOUNT });
    expect((await warningById(ctx.db, 1, TOWN_SCOPE, privacyOf(TOWN)))!.subject_id).toBe(ACCOUNT_MASKED);
  });

  it('支付明细 export: the payee account column', async () => {
    const f: PaymentQuery = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-12-31', basis: 'all' };
    const csv = async (scope: Scope, v: Viewer) =>
      Buffer.concat(await paymentsCsv(exportPayments(ctx.db, f, scope, 10), privacyOf(v)).toArray()).toString('utf8');
    const town = await csv(TOWN_SCOPE, TOWN);
    expect(town).toContain(`,${ACCOUNT_MASKED},`);
    expect(town).not.toContain(ACCOUNT);
    expect((await csv(ALL, ADMIN)).split(`,${ACCOUNT},`)).toHaveLength(3); // both payments, whole
  });

  it('数据质量: the payments without an indicator, with their payee account', async () => {
    const accounts = async (scope: Scope, v: Viewer) =>
      (await paymentsWithGap(ctx.db, scope, 'indicator', {}, privacyOf(v))).map((p) => [p.voucher_no, p.payee_account]);
    expect(await accounts(TOWN_SCOPE, TOWN)).toEqual([['P2', ACCOUNT_MASKED]]);
    expect(await accounts(ALL, ADMIN)).toEqual([['P2', ACCOUNT]]);
  });

  it('审计日志: a 疑点 step copies the subject; the supervisor reads it masked, the admin whole', async () => {
    const sent = await takeStep(ctx.db, 2, 'send', SUPERVISOR, { comment: '请核实', unitId: 101, days: 3 }, null, '2018-06-04');
    expect(sent.ok).toBe(true);
    const [row] = await listAudit(ctx.db, { action: 'warning_send' });
    expect(describeAuditDetail(row.detail, new Map(), privacyOf(SUPERVISOR))).toContain(`对象：payout:${ID_MASKED}:2018-03-01:低保`);
    expect(describeAuditDetail(row.detail, new Map(), privacyOf(SUPERVISOR))).not.toContain(ID);
    expect(describeAuditDetail(row.detail, new Map(), privacyOf(ADMIN))).toContain(`对象：payout:${ID}:2018-03-01:低保`);
  });
});
