/**
 * The states of a 项目库 project (projects.status), in order, with their Chinese labels: the choices the CLI's
 * --status and the import page offer for a project list without a 状态 column. A 状态 cell is read by the SQL macro
 * imp_project_status (queries/import/parsers.sql), which also takes free text such as 已完工.
 */
export const PROJECT_STATUSES = [
  { id: 'not_started', label: '未开工' },
  { id: 'declared', label: '申报' },
  { id: 'reviewed', label: '审核' },
  { id: 'approved', label: '入库' },
  { id: 'in_progress', label: '实施' },
  { id: 'completed', label: '完工' },
  { id: 'accepted', label: '验收' },
] as const;

export type ProjectStatus = (typeof PROJECT_STATUSES)[number]['id'];

/** A project list without a 状态 column lists projects that are planned, not started (docs/project-lists.md). */
export const DEFAULT_PROJECT_STATUS: ProjectStatus = 'not_started';

/** The status an id or a label names ('未开工' or 'not_started'); throws, listing the choices, for anything else. */
export function projectStatusOf(value: string): ProjectStatus {
  const v = value.trim();
  const found = PROJECT_STATUSES.find((s) => s.id === v || s.label === v);
  if (!found) {
    throw new Error(`未知的项目状态“${value}”；可选：${PROJECT_STATUSES.map((s) => `${s.label}（${s.id}）`).join('、')}`);
  }
  return found.id;
}

/** A budget year the importer accepts for a project list. */
export function assertProjectYear(year: number): number {
  if (!Number.isInteger(year) || year < 1990 || year > 2099) throw new Error(`年度应为 1990–2099 之间的整数（收到 ${year}）`);
  return year;
}

/**
 * The project-list choices of an import request (the page's 年度 and 状态, as JSON): absent or empty means "from the
 * file"; anything else must be a year or a status, else the message says what is wrong.
 */
export function projectChoicesOf(o: { year?: unknown; status?: unknown }): { year?: number; status?: ProjectStatus } {
  const out: { year?: number; status?: ProjectStatus } = {};
  if (o.year !== undefined && o.year !== null && o.year !== '') {
    const year = typeof o.year === 'number' ? o.year : typeof o.year === 'string' && /^\s*\d{4}\s*$/.test(o.year) ? Number(o.year) : null;
    if (year === null) throw new Error(`年度应为四位年份（收到 ${String(o.year)}）`);
    out.year = assertProjectYear(year);
  }
  if (o.status !== undefined && o.status !== null && o.status !== '') {
    if (typeof o.status !== 'string') throw new Error('项目状态格式不正确');
    out.status = projectStatusOf(o.status);
  }
  return out;
}
