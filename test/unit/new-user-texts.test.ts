import { describe, expect, it } from 'vitest';
import { overviewPaymentsHref } from '@/components/overview/links';
import { overviewScopeText, rankingNotApplicable } from '@/components/overview/scope-text';
import { userBoxText } from '@/components/layout/user-text';
import { asOfNotice } from '@/lib/filter-notices';
import { auditTargetLabel, auditUnitIds, describeAuditDetail } from '@/lib/auth/audit-labels';
import { parsePaymentRequest } from '@/lib/payments/request';

// Issue 9, item 10: what a new user read wrongly, each as a pure function of the pages.

describe('links from 总览 to 支付明细', () => {
  it('carry the budget year and the 截止日期 (the one filter), and a town or a 股室', () => {
    const href = overviewPaymentsHref({ year: 2018, asOf: '2018-10-31' }, { town: 103 });
    expect(href).toBe('/payments?year=2018&as_of=2018-10-31&town=103');
    // 支付明细 reads back exactly that filter, without a problem.
    const sp = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parsePaymentRequest(sp)).toMatchObject({ filter: { year: 2018, asOf: '2018-10-31', town: 103, basis: null }, problems: [] });
    expect(overviewPaymentsHref({ year: 2018, asOf: '2018-10-31' }, { section: 4 })).toBe('/payments?year=2018&as_of=2018-10-31&section=4');
  });

  it('keep a carry-over as_of in a later year as it is: the budget year stays the year', () => {
    expect(overviewPaymentsHref({ year: 2017, asOf: '2018-03-31' })).toBe('/payments?year=2017&as_of=2018-03-31');
  });
});

describe('whose figures the overview shows', () => {
  it('names the unit of a scoped viewer, a town with its sub-units', () => {
    expect(overviewScopeText({ role: 'town', unitId: 3, unitName: '石窑镇' })).toBe('本页为石窑镇（含其下属单位）的分配与支付。');
    expect(overviewScopeText({ role: 'department', unitId: 9, unitName: '县教育局' })).toBe('本页为县教育局的分配与支付。');
    expect(overviewScopeText({ role: 'section', unitId: 1, unitName: '农财所' })).toBe('本页为农财所所管资金的指标与支付。');
    expect(overviewScopeText({ role: 'leader', unitId: null, unitName: null })).toBeNull();
    expect(overviewScopeText({ role: 'town', unitId: null, unitName: null })).toContain('尚未绑定单位');
  });

  it('says why the town ranking does not apply to a department', () => {
    const text = rankingNotApplicable({ role: 'department', unitId: 9, unitName: '县教育局' });
    expect(text).toContain('只对全县范围的用户');
    expect(text).toContain('县教育局的分配与支付，不参与乡镇排名');
  });
});

describe('filter values that were not used', () => {
  it('an impossible 截止日期 is named with the date used instead', () => {
    expect(asOfNotice('2018-13-40', 2018, '2018-10-31')).toBe('截止日期 2018-13-40 无效，已改用 2018-10-31。');
    expect(asOfNotice('2017-05-01', 2018, '2018-10-31')).toBe('截止日期 2017-05-01 早于 2018 年度开始，已改用 2018-10-31。');
    expect(asOfNotice('2018-06-30', 2018, '2018-06-30')).toBeNull();
    expect(asOfNotice(undefined, 2018, '2018-10-31')).toBeNull();
  });

  it('a reversed pay-date range says so', () => {
    expect(parsePaymentRequest({ pay_from: '2018-06-30', pay_to: '2018-03-01' }).problems.map((p) => p.message))
      .toEqual(['支付日期止 2018-03-01 早于支付日期起 2018-06-30']);
    expect(parsePaymentRequest({ pay_from: '2018-03-01', pay_to: '2018-06-30' }).problems).toEqual([]);
  });
});

describe('the header', () => {
  it('shows 局领导 once when the display name is the role label', () => {
    expect(userBoxText({ displayName: '局领导', username: 'leader', role: 'leader', unitName: null })).toEqual({ name: '局领导', note: '' });
    expect(userBoxText({ displayName: null, username: 'town', role: 'town', unitName: '石窑镇' })).toEqual({ name: 'town', note: '镇（中心） · 石窑镇' });
  });
});

describe('the audit log in names', () => {
  it('names what an export exported', () => {
    expect(auditTargetLabel('payments')).toBe('支付明细导出');
    expect(auditTargetLabel('import_rejects:1')).toBe('批次 #1 的拒绝明细');
    expect(auditTargetLabel('import_raw:12')).toBe('批次 #12 的原始文件');
    expect(auditTargetLabel('石窑镇.xlsx')).toBe('石窑镇.xlsx');
    expect(auditTargetLabel(null)).toBe('');
  });

  it('finds the unit ids of export filters and shows them by name', () => {
    const details = ['{"format":"csv","filter":{"town":103,"unit":209}}', '{"reason":"wrong_password"}', null, 'not json'];
    expect(auditUnitIds(details).sort()).toEqual([103, 209]);
    expect(describeAuditDetail(details[0], new Map([[103, '石窑镇']]))).toBe('格式：csv；筛选：镇：石窑镇，预算单位：#209（已不存在）');
  });
});
