'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormMessage } from '@/components/admin/FormMessage';
import { SendFields, type SendTarget } from './SendFields';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL } from '@/components/ui/form';

const LIMIT = 500;

type Answer = { ok?: string; error?: string; refused?: { id: number; error: string }[] };

/**
 * 预警列表's bulk 下发核实 and 认定正常 (docs/workflow.md): the rows' checkboxes belong to this form (their `form`
 * attribute), so the table stays a server component. Posts JSON to /api/warnings/bulk, which checks every warning
 * again and moves all or none; a refusal lists each warning that could not move and why.
 */
export function BulkSteps({ formId, targets, defaultDays }: { formId: string; targets: SendTarget[]; defaultDays: number }) {
  const router = useRouter();
  const [action, setAction] = useState<'send' | 'dismiss'>('send');
  const [answer, setAnswer] = useState<Answer>({});
  const [pending, setPending] = useState(false);
  const boxes = () => [...document.querySelectorAll<HTMLInputElement>(`input[name="ids"][form="${formId}"]`)];

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const ids = form.getAll('ids').map(Number);
    if (ids.length === 0) return setAnswer({ error: '请先勾选疑点' });
    if (ids.length > LIMIT) return setAnswer({ error: `一次最多处理 ${LIMIT} 条疑点，已选 ${ids.length} 条` });
    setPending(true);
    try {
      const res = await fetch('/api/warnings/bulk', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action, ids, comment: String(form.get('comment') ?? ''),
          ...(action === 'send' ? { unit_id: Number(form.get('unit_id')) || null, days: Number(form.get('days')) } : {}),
        }),
      });
      const body = await res.json().catch(() => ({ error: `请求失败（HTTP ${res.status}）` }));
      if (!res.ok) return setAnswer({ error: body.error, refused: body.refused });
      setAnswer({ ok: `已${action === 'send' ? '下发核实' : '认定正常'} ${body.moved} 条疑点${body.deadline ? `，答复期限 ${body.deadline}` : ''}` });
      for (const box of boxes()) box.checked = false;
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form id={formId} onSubmit={submit} className="space-y-3 print:hidden" data-testid="bulk-form">
      <div className="flex flex-wrap items-end gap-3">
        <button type="button" className={BUTTON_SECONDARY} onClick={() => boxes().forEach((b) => { b.checked = true; })} data-testid="bulk-all">全选本页</button>
        <button type="button" className={BUTTON_SECONDARY} onClick={() => boxes().forEach((b) => { b.checked = false; })}>取消选择</button>
        <label className={LABEL}>
          批量处理
          <select value={action} onChange={(e) => setAction(e.target.value as 'send' | 'dismiss')} className={`${FIELD} w-36`} data-testid="bulk-action">
            <option value="send">下发核实</option>
            <option value="dismiss">认定正常</option>
          </select>
        </label>
        {action === 'send' && <SendFields targets={targets} defaultDays={defaultDays} testId="bulk" />}
        <label className={`${LABEL} min-w-[16rem] flex-1`}>
          {action === 'dismiss' ? '认定正常的理由' : '说明（可不填）'}
          <input name="comment" required={action === 'dismiss'} maxLength={2000} className={FIELD} data-testid="bulk-comment" />
        </label>
        <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="bulk-submit">
          {action === 'send' ? '批量下发' : '批量认定正常'}
        </button>
      </div>
      <FormMessage state={answer} testId="bulk-message" />
      {answer.refused && answer.refused.length > 0 && (
        <ul className="list-disc pl-6 text-sm text-red-700" data-testid="bulk-refused">
          {answer.refused.map((r) => <li key={r.id}>疑点 #{r.id}：{r.error}</li>)}
        </ul>
      )}
    </form>
  );
}
