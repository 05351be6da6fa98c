import { permissions, type Who } from '@/lib/auth/permissions';
import type { StoredAttachment } from './attachments';

/**
 * The 疑点 workflow (docs/workflow.md) as data: the states, the steps, who takes each and from which states. The
 * server checks every step against this table; a page only offers what it allows.
 */
export const STATUSES = ['new', 'dismissed', 'sent', 'verified', 'rectified', 'returned', 'closed'] as const;
export type WarningStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<WarningStatus, string> = {
  new: '待认定',
  dismissed: '认定正常',
  sent: '待核实',
  verified: '核实无误',
  rectified: '已整改',
  returned: '已退回',
  closed: '已销号',
};

export type WarningAction = 'dismiss' | 'send' | 'verify' | 'rectify' | 'return' | 'close';

/** Who takes a step: supervision (监督检查室 and the admin) decides, the unit the doubt was sent to answers. */
type Actor = 'supervision' | 'assignee';

interface Step {
  label: string;
  by: Actor;
  from: readonly WarningStatus[];
  to: WarningStatus;
  /** what the comment must say, when one is required */
  comment: string | null;
}

export const STEPS: Record<WarningAction, Step> = {
  dismiss: { label: '认定正常', by: 'supervision', from: ['new'], to: 'dismissed', comment: '认定正常的理由' },
  send: { label: '下发核实', by: 'supervision', from: ['new'], to: 'sent', comment: null },
  verify: { label: '核实无误', by: 'assignee', from: ['sent', 'returned'], to: 'verified', comment: '核实情况说明' },
  rectify: { label: '已整改', by: 'assignee', from: ['sent', 'returned'], to: 'rectified', comment: '整改了什么' },
  return: { label: '退回', by: 'supervision', from: ['verified', 'rectified'], to: 'returned', comment: '退回的理由' },
  close: { label: '通过/销号', by: 'supervision', from: ['verified', 'rectified'], to: 'closed', comment: null },
};

/** The part of a warning a step depends on. */
export interface WarningState {
  status: WarningStatus;
  assigned_unit_id: number | null;
  /** 数据已消除: the data no longer shows the condition (docs/rules.md) */
  cleared: boolean;
}

const isSupervision = permissions.decideWarnings;
const isAssignee = (v: Who, w: WarningState) =>
  (v.role === 'section' || v.role === 'department' || v.role === 'town') && v.unitId !== null && v.unitId === w.assigned_unit_id;

/**
 * The states a step may start from for this warning: supervision may also close a doubt the data no longer shows
 * (数据已消除) before it was answered, since there is nothing left to answer for.
 */
function startsFrom(action: WarningAction, w: WarningState): readonly WarningStatus[] {
  const from = STEPS[action].from;
  return action === 'close' && w.cleared ? [...from, 'new', 'sent', 'returned'] : from;
}

/** Whether `who` may take `action` on the warning now. */
export function mayTake(action: WarningAction, who: Who, w: WarningState): boolean {
  const step = STEPS[action];
  const allowedActor = step.by === 'supervision' ? isSupervision(who) : isAssignee(who, w);
  return allowedActor && startsFrom(action, w).includes(w.status);
}

/** Whether `who` takes part in the doubt (supervision, or the unit it was sent to): its page keeps the 处理 panel. */
export const takesPart = (who: Who, w: WarningState) => isSupervision(who) || isAssignee(who, w);

/** What a doubt waits for when its parties have no step to take now (its page's 处理 panel says so). */
export const WAITING_FOR: Record<WarningStatus, string> = {
  new: '待监督检查室认定',
  dismissed: '已认定正常，已办结',
  sent: '等待核实单位答复',
  verified: '等待监督检查室审核答复',
  rectified: '等待监督检查室审核答复',
  returned: '已退回，等待核实单位重新答复',
  closed: '已销号，已办结',
};

/** The steps `who` may take on the warning now, in the table's order: what the action form offers. */
export const stepsFor = (who: Who, w: WarningState): WarningAction[] =>
  (Object.keys(STEPS) as WarningAction[]).filter((a) => mayTake(a, who, w));

export interface StepInput {
  comment: string;
  /** send: the 股室, 部门 or 镇 the doubt goes to */
  unitId?: number | null;
  /** rectify: the one file an 已整改 answer may carry, already stored (lib/warnings/attachments.ts) */
  attachment?: StoredAttachment | null;
}

/**
 * Checks a step on the server: the actor, the state, the comment. Returns the state it leads to, or the reason in
 * Chinese. A comment is at most 2,000 characters.
 */
export function checkStep(action: WarningAction, who: Who, w: WarningState, input: StepInput):
  { ok: true; to: WarningStatus } | { ok: false; error: string } {
  const step = STEPS[action];
  if (!startsFrom(action, w).includes(w.status)) {
    return { ok: false, error: `当前状态为“${STATUS_LABELS[w.status]}”，不能${step.label}` };
  }
  if (!mayTake(action, who, w)) {
    return { ok: false, error: step.by === 'supervision' ? `只有监督检查室可以${step.label}` : `只有被下发核实的单位可以答复` };
  }
  const comment = input.comment.trim();
  if (step.comment && comment === '') return { ok: false, error: `请填写${step.comment}` };
  if (comment.length > 2000) return { ok: false, error: '说明不能超过 2000 字' };
  if (input.attachment && action !== 'rectify') return { ok: false, error: '只有“已整改”可以附带附件' };
  if (action === 'send' && !input.unitId) return { ok: false, error: '请选择下发核实的单位（股室、部门或镇）' };
  return { ok: true, to: step.to };
}
