'use server';

import { revalidatePath } from 'next/cache';
import { clientIp, getViewer } from '@/lib/auth/server';
import { parseId } from '@/lib/url-params';
import type { WarningAction } from '@/lib/warnings/workflow';
import { STATUS_LABELS, STEPS } from '@/lib/warnings/workflow';
import type { ActionState } from '@/lib/admin/form-action';
import { todayInChina } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { takeStepWithFile, type UploadedFile } from '@/queries/warnings/attachments';
import { attachmentProblem } from '@/lib/warnings/attachments';

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();

/**
 * One 疑点 step from the warning's page. The viewer is read afresh from the session, and takeStep checks the step
 * against the workflow's table, so a forged form can do no more than the page offers. A reply's deadline counts from
 * the county's date, not the server's UTC one (before 08:00 in China that is still yesterday).
 */
export async function takeStepAction(_: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await getViewer();
  if (!viewer) return { error: '请先登录', at: Date.now() };
  const id = parseId(text(form, 'id'));
  const action = text(form, 'action') as WarningAction;
  if (!id || !(action in STEPS)) return { error: '无效的操作', at: Date.now() };
  const days = text(form, 'days');
  // An 已整改's optional file: refused by its size before its bytes are read (lib/warnings/attachments.ts).
  const picked = form.get('attachment');
  let file: UploadedFile | null = null;
  if (picked instanceof File && picked.size > 0) {
    const tooBig = attachmentProblem(picked.name, picked.size, null);
    if (tooBig) return { error: tooBig, at: Date.now() };
    file = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) };
  }
  try {
    const result = await takeStepWithFile(await serverDb(), id, action, viewer, {
      comment: text(form, 'comment'), unitId: parseId(text(form, 'unit_id')) ?? null, days: days ? Number(days) : undefined,
    }, file, await clientIp(), todayInChina());
    if (!result.ok) return { error: result.error, at: Date.now() };
    revalidatePath(`/warnings/${id}`);
    // Named by the step and the state it led to: a step's own label may already read as done (已整改).
    const deadline = result.deadline ? `，答复期限 ${result.deadline}` : '';
    const attached = file ? `，附件“${file.name}”已保存` : '';
    return { ok: `已提交“${STEPS[action].label}”，疑点现为“${STATUS_LABELS[result.status]}”${deadline}${attached}`, at: Date.now() };
  } catch (e) {
    return { error: (e as Error).message, at: Date.now() };
  }
}
