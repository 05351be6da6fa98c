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
