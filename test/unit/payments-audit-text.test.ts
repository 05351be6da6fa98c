import { describe, expect, it } from 'vitest';
import { parsePageRequest, parsePaymentFilter, paymentFilterQuery, isFiltered, EMPTY_FILTER } from '@/lib/payments/filter';
import { auditActionLabel, describeAuditDetail } from '@/lib/auth/audit-labels';
import { formatDateTime, formatYuan } from '@/lib/format';
import { NAV_ITEMS, navFor } from '@/components/layout/nav';

describe('支付明细 filter from the URL', () => {
  it('reads every field and ignores invalid values rather than guessing', () => {
    expect(parsePaymentFilter({ year: '2018', from: '2018-03-01', to: '2018-02-30', town: '103', unit: '0', q: '  化肥 ' }))
      .toEqual({ year: 2018, from: '2018-03-01', to: null, town: 103, unit: null, q: '化肥' });
    expect(parsePaymentFilter({ year: 'all', town: '103; DROP TABLE payments', unit: '-5', q: '   ' })).toEqual(EMPTY_FILTER);
    expect(parsePaymentFilter({ town: ['104', '105'] }).town).toBe(104);
    expect(parsePaymentFilter({ q: 'x'.repeat(200) }).q).toHaveLength(60);
  });

  it('pages are 1-based with a bounded size', () => {
    expect(parsePageRequest({})).toEqual({ page: 1, pageSize: 50 });
    expect(parsePageRequest({ page: '3', page_size: '100000' })).toEqual({ page: 3, pageSize: 500 });
    expect(parsePageRequest({ page: '0' })).toEqual({ page: 1, pageSize: 50 });
  });

  it('writes the filter back as a query string with only the fields that are set', () => {
    const f = { ...EMPTY_FILTER, year: 2018, q: '学生 资助' };
    expect(paymentFilterQuery(f)).toBe('?year=2018&q=%E5%AD%A6%E7%94%9F+%E8%B5%84%E5%8A%A9');
    expect(paymentFilterQuery(f, { page: 2 })).toBe('?year=2018&q=%E5%AD%A6%E7%94%9F+%E8%B5%84%E5%8A%A9&page=2');
    expect(paymentFilterQuery(EMPTY_FILTER)).toBe('');
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered(f)).toBe(true);
  });
});

describe('audit log text', () => {
  it('labels known actions in Chinese and shows unknown ones as they are', () => {
    expect(['login', 'login_failed', 'logout', 'import', 'rollback', 'settings', 'user_create', 'password_reset'].map(auditActionLabel))
      .toEqual(['登录', '登录失败', '退出', '导入', '撤销导入', '设置', '新建用户', '重置密码']);
    expect(auditActionLabel('rule_run')).toBe('rule_run');
  });

  it('describes a JSON detail in words', () => {
    expect(describeAuditDetail('{"reason":"wrong_password","failed_attempts":3,"locked":false}')).toBe('原因：密码错误；连续失败次数：3；已锁定：否');
    expect(describeAuditDetail('{"role":{"from":"town","to":"department"},"unit":{"from":"石窑镇","to":"县教育局"}}'))
      .toBe('角色：镇（中心） → 部门（预算单位）；绑定单位：石窑镇 → 县教育局');
    expect(describeAuditDetail('{"format":"csv","rows":9,"filter":{"year":2018,"town":103}}', new Map([[103, '石窑镇']])))
      .toBe('格式：csv；行数：9；筛选：年度：2018，镇：石窑镇');
    expect(describeAuditDetail('not json')).toBe('not json');
    expect(describeAuditDetail(null)).toBe('');
  });
});

describe('format additions', () => {
  it('formats timestamps to the second and 元 with separators', () => {
    expect(formatDateTime('2018-09-30 14:05:09.123456')).toBe('2018-09-30 14:05:09');
    expect(formatDateTime('2018-09-30T14:05:09Z')).toBe('2018-09-30 14:05:09');
    expect(formatYuan('49261.5')).toBe('49,261.50');
    expect(formatYuan('-1234567.891')).toBe('-1,234,567.89');
  });
});

describe('navigation by role', () => {
  it('shows 资金台账, 支付明细 and 数据质量 to everyone, each analysis view to the roles its registry entry allows, 数据导入 to admin and section, 用户管理 and 单位管理 to admin, 审计日志 to admin and supervisor', () => {
    const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).map((i) => i.label);
    expect(labels('admin')).toEqual(['总览', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '支付明细', '数据导入', '数据质量', '资金目录', '设置', '用户管理', '单位管理', '审计日志']);
    expect(labels('supervisor')).toEqual(['总览', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '支付明细', '数据质量', '审计日志']);
    expect(labels('leader')).toEqual(['总览', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '支付明细', '数据质量']);
    expect(labels('section')).toEqual(['总览', '资金台账', '股室', '项目', '滞留资金', '资金流速', '支付明细', '数据导入', '数据质量']);
    expect(labels('department')).toEqual(['总览', '资金台账', '部门', '项目', '滞留资金', '支付明细', '数据质量']);
    expect(labels('town')).toEqual(['总览', '资金台账', '乡镇', '项目', '滞留资金', '资金流速', '支付明细', '数据质量']);
    expect(NAV_ITEMS.find((i) => i.href === '/admin/users')?.roles).toEqual(['admin']);
    expect(NAV_ITEMS.find((i) => i.href === '/admin/units')?.roles).toEqual(['admin']);
  });
});
