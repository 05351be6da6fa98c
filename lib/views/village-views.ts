import { permissions } from '@/lib/auth/permissions';
import { PROJECT_STATUSES } from '@/lib/import/project-status';
import { drill, periodOf } from './drill';
import type { ViewFilter } from './filter';
import type { ViewDef } from './types';

/**
 * 镇 → 村 → 项目 (docs/villages-and-projects.md): a town's money split by village, and the projects with their money
 * and payment progress; a project's name opens its page (app/(dashboard)/projects/[code]).
 */

const projectHref = (code: string, filter: ViewFilter) => drill(`/projects/${encodeURIComponent(code)}`, periodOf(filter), {});

const STATUS_LABELS = Object.fromEntries(PROJECT_STATUSES.map((s) => [s.id, s.label]));

export const VILLAGE_VIEWS: ViewDef[] = [
  {
    id: 'villages',
    title: '村支出进度',
    sql: ['queries/overview/unit_money.sql', 'queries/overview/unit_rows.sql', 'queries/views/village_lines.sql', 'queries/views/villages.sql'],
    narrowedBy: ['level', 'fund', 'section', 'town', 'village'],
    // A 镇 sees its own villages: scope.sql keeps only its money, so another town asked for is empty.
    allowed: permissions.view.ranking('town'),
    params: (f) => ({ level: f.level, fund: f.fund, section: f.section, kind: 'town', town: f.town, village: f.village }),
    columns: [
      {
        key: 'name', label: '村', format: 'text', sortable: true,
        href: (row, f) => (row.id === null ? null : drill('/views/projects', periodOf(f, ['fund']), { village: Number(row.id) })),
      },
      { key: 'town_name', label: '镇(中心)', format: 'text', sortable: true },
      { key: 'total', label: '预算(已分配)', format: 'wan', sortable: true },
      { key: 'allocated', label: '已分配', format: 'wan', sortable: true },
      { key: 'paid', label: '已支付', format: 'wan', sortable: true },
      { key: 'spend_rate', label: '支出进度', format: 'rate', sortable: true },
      { key: 'gap_points', label: '超(短)序时进度', format: 'points', sortable: true },
      { key: 'gap_amount', label: '超(短)序时金额', format: 'wan', sortable: true },
      { key: 'band', label: '色带', format: 'band', sortable: false },
    ],
    defaultSort: { key: 'spend_rate', dir: 'desc' },
  },
  {
    id: 'projects',
    title: '项目支付进度',
    sql: ['queries/projects/money.sql', 'queries/views/projects.sql'],
    narrowedBy: ['fund', 'town', 'village', 'status', 'overdue', 'project'],
    allowed: permissions.view.everyone,
    params: (f) => ({
      level: null, section: null, fund: f.fund, town: f.town, village: f.village, status: f.status, overdue: f.overdue, project: f.project,
    }),
    columns: [
      { key: 'code', label: '项目编码', format: 'text', sortable: true },
      { key: 'name', label: '项目名称', format: 'text', sortable: true, href: (row, f) => projectHref(String(row.code), f) },
      { key: 'town_name', label: '镇(中心)', format: 'text', sortable: true },
      { key: 'village_name', label: '村', format: 'text', sortable: true },
      { key: 'status', label: '状态', format: 'text', sortable: true, labels: STATUS_LABELS },
      { key: 'planned_amount', label: '计划投资', format: 'wan', sortable: true },
      { key: 'allocated', label: '已分配', format: 'wan', sortable: true },
      { key: 'paid', label: '已支付', format: 'wan', sortable: true },
      { key: 'progress', label: '支付进度', format: 'rate', sortable: true },
      { key: 'planned_end', label: '计划完工', format: 'date', sortable: true },
      { key: 'overdue', label: '逾期', format: 'text', sortable: true },
    ],
    defaultSort: { key: 'progress', dir: 'asc' },
  },
];
