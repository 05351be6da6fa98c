import { ROLE_LABELS, type Role } from './roles';
import { BASIS_LABELS, FILTER_PARAMS, type Basis } from '@/lib/views/filter';
import { maskSubjectId, type Privacy } from '@/lib/privacy/mask';
import { RULES } from '@/lib/rules/registry';
import { CALENDAR_KIND_LABELS, type CalendarDay } from '@/lib/calendar/working-days';
import { STATUS_LABELS, STEPS, type WarningAction, type WarningStatus } from '@/lib/warnings/workflow';

/** Chinese labels of the audit log's actions; an unknown action shows as its identifier. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  login: '登录',
  login_failed: '登录失败',
  logout: '退出',
  import: '导入',
  rollback: '撤销导入',
  import_preset: '保存映射方案',
  import_preset_delete: '删除映射方案',
  settings: '设置',
  backup: '备份',
  backup_schedule: '每日备份设置',
  rule_settings: '预警规则设置',
  rule_run: '运行预警规则',
  export: '导出',
  user_create: '新建用户',
  user_update: '修改用户',
  user_disable: '停用用户',
  user_enable: '启用用户',
  password_reset: '重置密码',
  unit_rename: '单位改名',
  unit_parent: '设置所属镇',
  unit_alias_add: '添加单位别名',
  unit_alias_remove: '删除单位别名',
  unit_merge: '合并单位',
  fund_alias_add: '添加资金别名',
  fund_alias_delete: '删除资金别名',
  fund_risk_points: '设置资金风险点',
  password_change: '修改密码',
  password_change_failed: '修改密码失败',
  calendar_day_set: '设置节假日或调休',
  calendar_day_remove: '删除节假日或调休',
  warning_attachment: '下载整改附件',
  briefing_generate: '生成通报',
  briefing_download: '下载存档通报',
  api_token_create: '创建 API 令牌',
  api_token_revoke: '吊销 API 令牌',
  // 疑点 steps (docs/workflow.md): warning_dismiss → 疑点认定正常 …
  ...Object.fromEntries((Object.keys(STEPS) as WarningAction[]).map((a) => [`warning_${a}`, `疑点${STEPS[a].label}`])),
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

const KEY_LABELS: Record<string, string> = {
  reason: '原因',
  failed_attempts: '连续失败次数',
  locked: '已锁定',
  role: '角色',
  unit: '绑定单位',
  unit_id: '绑定单位',
  display_name: '姓名',
  first_start: '首次启动',
  sessions_ended: '结束其会话',
  unlocked: '解除锁定',
  format: '格式',
  rows: '行数',
  enabled: '启用',
  filter: '筛选',
  file_name: '文件',
  kind: '类型',
  batch_id: '批次',
  accepted: '导入行数',
  rejected: '拒绝行数',
  duplicates: '重复行数',
  rows_deleted: '删除行数',
  units_deleted: '删除单位数',
  unit_no: '单位编号',
  name: '名称',
  parent: '所属镇',
  alias: '别名',
  merged: '被合并单位',
  merged_id: '被合并单位编号',
  moved: '移动行数',
  allocations: '分配',
  payments_unit: '支付(预算单位)',
  payments_town: '支付(乡镇)',
  payments_village: '支付(村)',
  projects_unit: '项目(实施单位)',
  projects_town: '项目(乡镇)',
  projects_village: '项目(村)',
  payouts_town: '惠民发放(乡镇)',
  payouts_village: '惠民发放(村)',
  users: '用户',
  warnings_unit: '预警(单位)',
  warnings_assigned: '预警(下发单位)',
  child_units: '下属单位',
  aliases: '别名',
  fund_id: '资金编号',
  // a fund's 个性风险点 (queries/funds/risk-points.ts)
  alloc_days: '分配时限（天）',
  final_date: '最后使用关口',
  idle_days: '滞留天数',
  // a 疑点 step (queries/warnings/step.ts) and a rule run (lib/rules/run-on-demand.ts)
  rule: '预警规则',
  subject: '对象',
  from: '原状态',
  to: '新状态',
  sent_to: '下发单位',
  deadline: '答复期限',
  comment: '说明',
  run_id: '运行编号',
  as_of: '截止日期',
  rules: '规则数',
  new: '新增',
  cleared: '数据已消除',
  // a calendar edit (lib/calendar/calendar-admin.ts) and an 已整改 attachment (queries/warnings/attachments.ts)
  day: '日期',
  before: '原设置',
  attachment: '附件',
  size: '大小(字节)',
  sha256: 'SHA-256',
  // a generated or re-downloaded 通报 (queries/briefing/archive.ts)
  year: '年度',
  scope: '范围',
  scope_name: '范围名称',
  data_hash: '数据指纹',
  same_data_as: '与存档数据相同',
  // an import's way in (lib/import/command.ts) and a personal API token (lib/auth/api-tokens.ts)
  via: '方式',
  rows_read: '读取行数',
  subtotal_rows_skipped: '小计/合计行',
  token: '令牌',
  token_id: '令牌编号',
  expires_on: '有效期至',
};

const VIA_LABELS: Record<string, string> = { cli: '命令行', token: 'API 令牌（命令行 --server）', file_route: '导入接口' };

const RULE_NAMES: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.name]));

/**
 * An export's filter. Since 支付明细 reads the one filter (docs/views.md) an entry holds its URL names, as_of always
 * among them, labelled as the filter labels them; an older entry (year = 支付年度, from, to, unit) keeps its own
 * labels. Unit fields are ids, shown by name (unitNames).
 */
const VIEW_FILTER_LABELS: Record<string, string> = Object.fromEntries(Object.values(FILTER_PARAMS).map((p) => [p.param, p.label]));
const OLD_FILTER_LABELS: Record<string, string> = { year: '年度', from: '起', to: '止', town: '镇', unit: '预算单位', q: '搜索' };
const FILTER_UNIT_KEYS = ['town', 'unit', 'department', 'village', 'section'] as const;

/** Unit id → name, read on the server for the ids an audit page's rows name (auditUnitIds). */
export type UnitNames = ReadonlyMap<number, string>;

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The unit ids an audit detail names (an export's 镇 and 预算单位 filter, the unit a 疑点 was sent to), to be resolved
 * to names on the server.
 */
export function auditUnitIds(details: (string | null)[]): number[] {
  const ids = new Set<number>();
  for (const detail of details) {
    const sentTo = parseDetail(detail)?.sent_to;
    if (typeof sentTo === 'number' && Number.isInteger(sentTo)) ids.add(sentTo);
    const filter = parseDetail(detail)?.filter;
    if (!filter || typeof filter !== 'object') continue;
    for (const key of FILTER_UNIT_KEYS) {
      const id = (filter as Record<string, unknown>)[key];
      if (typeof id === 'number' && Number.isInteger(id)) ids.add(id);
    }
  }
  return [...ids];
}

/**
 * What an audit row acted on, in words: the internal targets of exports become what was exported
 * (`payments` → 支付明细导出, `import_rejects:1` → 批次 #1 的拒绝明细); any other target (a user, a file, a unit) is a name already.
 */
export function auditTargetLabel(target: string | null): string {
  if (!target) return '';
  if (target === 'payments') return '支付明细导出';
  if (target === 'settings') return '系统设置';
  if (target === 'briefing') return '通报';
  const warning = /^warning:(\d+)$/.exec(target);
  if (warning) return `疑点 #${warning[1]}`;
  const day = /^calendar:(\d{4}-\d{2}-\d{2})$/.exec(target);
  if (day) return `日历 ${day[1]}`;
  const run = /^rule_run:(\d+)$/.exec(target);
  if (run) return `预警运行 #${run[1]}`;
  const batch = /^import_(rejects|raw):(\d+)$/.exec(target);
  if (batch) return `批次 #${batch[2]} 的${batch[1] === 'rejects' ? '拒绝明细' : '原始文件'}`;
  return target;
}

function filterText(filter: Record<string, unknown>, names: UnitNames): string {
  const labels = 'as_of' in filter ? VIEW_FILTER_LABELS : OLD_FILTER_LABELS;
  const parts = Object.entries(filter).map(([k, v]) => {
    const label = labels[k] ?? k;
    if ((FILTER_UNIT_KEYS as readonly string[]).includes(k) && typeof v === 'number') {
      return `${label}：${names.get(v) ?? `#${v}（已不存在）`}`;
    }
    return `${label}：${valueText(k, v)}`;
  });
  return parts.length ? parts.join('，') : '无';
}

const REASON_LABELS: Record<string, string> = {
  wrong_password: '密码错误',
  unknown_user: '用户不存在',
  invalid_username: '用户名格式不正确（未记录）',
  disabled: '账户已停用',
  locked: '账户锁定中',
  demo_password: '仍使用公开的演示密码',
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '无';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'reason' && typeof value === 'string') return REASON_LABELS[value] ?? value;
  if (key === 'via' && typeof value === 'string') return VIA_LABELS[value] ?? value;
  if (key === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  if (key === 'basis' && typeof value === 'string' && value in BASIS_LABELS) return BASIS_LABELS[value as Basis];
  if (key === 'rule' && typeof value === 'string') return RULE_NAMES[value] ?? value;
  if (key === 'kind' && typeof value === 'string' && value in CALENDAR_KIND_LABELS) return CALENDAR_KIND_LABELS[value as CalendarDay['kind']];
  if ((key === 'from' || key === 'to') && typeof value === 'string' && value in STATUS_LABELS) return STATUS_LABELS[value as WarningStatus];
  if (typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if ('from' in o && 'to' in o && Object.keys(o).length === 2) return `${valueText(key, o.from)} → ${valueText(key, o.to)}`;
    const parts = Object.entries(o).map(([k, v]) => `${KEY_LABELS[k] ?? k}=${valueText(k, v)}`);
    return parts.length ? parts.join('，') : '无';
  }
  return String(value);
}

/** A 疑点 step's subject ('account:6228…', 'payout:<ID number>:<month>:<item>') with its personal part masked. */
function maskedSubject(subject: string): string {
  const colon = subject.indexOf(':');
  return colon < 0 ? subject : `${subject.slice(0, colon + 1)}${maskSubjectId(subject.slice(0, colon), subject.slice(colon + 1))}`;
}

/**
 * An audit row's JSON detail as short Chinese text: {"reason":"wrong_password","failed_attempts":3} →
 * '原因：密码错误；连续失败次数：3'; an export's filter names its units by `names` (镇：石窑镇). Text that is not a JSON
 * object is shown as it is. A 疑点 step copies its subject, which may be an account or hold an ID number: masked unless
 * `privacy` says the reader sees them whole (the log keeps them whole).
 */
export function describeAuditDetail(detail: string | null, names: UnitNames = new Map(), privacy: Privacy = 'masked'): string {
  if (!detail) return '';
  const parsed = parseDetail(detail);
  if (!parsed) return detail;
  return Object.entries(parsed)
    .map(([k, v]) => {
      const text = k === 'filter' && v !== null && typeof v === 'object' && !Array.isArray(v)
        ? filterText(v as Record<string, unknown>, names)
        : k === 'sent_to' && typeof v === 'number' ? (names.get(v) ?? `#${v}（已不存在）`)
        : k === 'subject' && typeof v === 'string' && privacy === 'masked' ? maskedSubject(v) : valueText(k, v);
      return `${KEY_LABELS[k] ?? k}：${text}`;
    })
    .join('；');
}
