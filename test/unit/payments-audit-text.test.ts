import { describe, expect, it } from 'vitest';
import { parsePageRequest } from '@/lib/paging';
import { parsePaymentRequest, paymentsHref } from '@/lib/payments/request';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { ROLES, type Role } from '@/lib/auth/roles';
import { auditActionLabel, describeAuditDetail } from '@/lib/auth/audit-labels';
import { formatDateTime, formatYuan } from '@/lib/format';
import { NAV_ITEMS, navFor } from '@/components/layout/nav';

describe('支付明细 reads the one filter from the URL', () => {
  it('reads its fields by the one filter\'s names; an invalid value, a field it does not honour and an old name are problems', () => {
    const { filter, problems } = parsePaymentRequest({
      year: '2018', as_of: '2018-10-31', basis: 'carryover', pay_from: '2018-03-01', pay_to: '2018-02-30', town: '103',
      department: '0', q: '  化肥 ', status: 'in_progress', unit: '201', from: '2018-01-01',
    });
    expect(filter).toMatchObject({ year: 2018, asOf: '2018-10-31', basis: 'carryover', payFrom: '2018-03-01', payTo: null, town: 103, department: null, q: '化肥' });
    expect(problems.map((p) => p.message)).toEqual([
      '部门 0 无效', '支付日期止 2018-02-30 无效', '支付明细不能按项目状态筛选', '参数 from 已改名为 pay_from', '参数 unit 已改名为 department',
    ]);
    expect(parsePaymentRequest({ basis: 'everything' }).problems.map((p) => p.message)).toEqual(['支付口径 everything 无效']);
    expect(parsePaymentRequest({ town: ['104', '105'] }).filter.town).toBe(104);
    expect(parsePaymentRequest({ q: 'x'.repeat(200) }).filter.q).toHaveLength(60);
  });

  it('pages are 1-based with a bounded size', () => {
    expect(parsePageRequest({})).toEqual({ page: 1, pageSize: 50 });
    expect(parsePageRequest({ page: '3', page_size: '100000' })).toEqual({ page: 3, pageSize: 500 });
    expect(parsePageRequest({ page: '0' })).toEqual({ page: 1, pageSize: 50 });
  });

  it('links with only the fields that are set, through viewFilterParams', () => {
    const f = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-10-31', basis: 'unmatched' as const, q: '学生 资助' };
    expect(paymentsHref(f)).toBe('/payments?year=2018&as_of=2018-10-31&basis=unmatched&q=%E5%AD%A6%E7%94%9F+%E8%B5%84%E5%8A%A9');
    expect(paymentsHref(f, { page: '2' })).toBe('/payments?year=2018&as_of=2018-10-31&basis=unmatched&q=%E5%AD%A6%E7%94%9F+%E8%B5%84%E5%8A%A9&page=2');
    expect(paymentsHref(EMPTY_VIEW_FILTER)).toBe('/payments');
  });
});

describe('audit log text', () => {
  it('labels known actions in Chinese and shows unknown ones as they are', () => {
    expect(['login', 'login_failed', 'logout', 'import', 'rollback', 'settings', 'user_create', 'password_reset'].map(auditActionLabel))
      .toEqual(['登录', '登录失败', '退出', '导入', '撤销导入', '设置', '新建用户', '重置密码']);
    expect(['rule_run', 'rule_settings', 'warning_send', 'warning_rectify'].map(auditActionLabel))
      .toEqual(['运行预警规则', '预警规则设置', '疑点下发核实', '疑点已整改']);
    expect(auditActionLabel('no_such_action')).toBe('no_such_action');
  });

  it('describes a JSON detail in words', () => {
    expect(describeAuditDetail('{"reason":"wrong_password","failed_attempts":3,"locked":false}')).toBe('原因：密码错误；连续失败次数：3；已锁定：否');
    expect(describeAuditDetail('{"role":{"from":"town","to":"department"},"unit":{"from":"石窑镇","to":"县教育局"}}'))
      .toBe('角色：镇（中心） → 部门（预算单位）；绑定单位：石窑镇 → 县教育局');
    expect(describeAuditDetail('{"format":"csv","rows":9,"filter":{"year":2018,"town":103}}', new Map([[103, '石窑镇']])))
      .toBe('格式：csv；行数：9；筛选：年度：2018，镇：石窑镇');
    // An export since 支付明细 reads the one filter: its URL names, labelled as the filter labels them.
    expect(describeAuditDetail('{"format":"xlsx","rows":2,"filter":{"year":2018,"as_of":"2018-10-31","basis":"carryover","department":201}}', new Map([[201, '县教育局']])))
      .toBe('格式：xlsx；行数：2；筛选：预算年度：2018，截止日期：2018-10-31，支付口径：上年结转支出，部门：县教育局');
    expect(describeAuditDetail('not json')).toBe('not json');
    expect(describeAuditDetail(null)).toBe('');
  });
});

describe('format additions', () => {
  it('formats timestamps to the second (stored UTC, shown in China time, +8 h) and 元 with separators', () => {
    expect(formatDateTime('2018-09-30 14:05:09.123456')).toBe('2018-09-30 22:05:09');
    expect(formatDateTime('2018-09-30T14:05:09Z')).toBe('2018-09-30 22:05:09');
    expect(formatYuan('49261.5')).toBe('49,261.50');
    expect(formatYuan('-1234567.891')).toBe('-1,234,567.89');
  });
});

describe('navigation by role', () => {
  it('shows 资金台账, 支付明细 and 数据质量 to everyone, each analysis view to the roles its registry entry allows, 数据导入 to admin and section, 用户管理, 单位管理, 节假日 and 备份 to admin, 审计日志 to admin and supervisor', () => {
    // A scoped role bound to a unit; the navigation asks lib/auth/permissions.ts, as the pages do.
    const labels = (role: Role) => navFor({ role, unitId: role === 'admin' || role === 'leader' || role === 'supervisor' ? null : 7 }).map((i) => i.label);
    expect(labels('admin')).toEqual(['总览', '通报', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '预警', '支付明细', '数据导入', '数据质量', '风险点', '比对名单', '资金目录', '设置', '用户管理', '单位管理', '节假日', '备份', '审计日志']);
    expect(labels('supervisor')).toEqual(['总览', '通报', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '预警', '支付明细', '数据质量', '比对名单', '审计日志']);
    expect(labels('leader')).toEqual(['总览', '通报', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '预警', '支付明细', '数据质量']);
    // 待办: the doubts a 股室, 部门 or 镇 has to answer (docs/workflow.md).
    // 风险点: a 股室's own funds (docs/rules.md "Risk points per fund").
    expect(labels('section')).toEqual(['总览', '通报', '资金台账', '股室', '项目', '滞留资金', '资金流速', '预警', '待办', '支付明细', '数据导入', '数据质量', '风险点']);
    expect(labels('department')).toEqual(['总览', '资金台账', '部门', '项目', '滞留资金', '预警', '待办', '支付明细', '数据质量']);
    expect(labels('town')).toEqual(['总览', '资金台账', '乡镇', '项目', '滞留资金', '资金流速', '预警', '待办', '支付明细', '数据质量']);
    const rolesOf = (href: string) => ROLES.filter((role) => labels(role).includes(NAV_ITEMS.find((i) => i.href === href)!.label));
    expect(rolesOf('/admin/users')).toEqual(['admin']);
    expect(rolesOf('/admin/units')).toEqual(['admin']);
    expect(rolesOf('/admin/backup')).toEqual(['admin']);
    expect(rolesOf('/funds/risk-points')).toEqual(['admin', 'section']);
    // 通报 (docs/briefing.md): the county's roles and a 股室's own report.
    expect(rolesOf('/briefing')).toEqual(['admin', 'leader', 'supervisor', 'section']);
  });
});
