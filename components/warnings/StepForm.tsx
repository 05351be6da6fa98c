'use client';

import { useState, type FormEvent } from 'react';
import { attachmentTooBig } from '@/lib/warnings/attachment-limit';
import { takeStepAction } from '@/app/(dashboard)/warnings/[id]/actions';
import { useFormAction } from '@/components/admin/useFormAction';
import { FormMessage } from '@/components/admin/FormMessage';
import { SendFields, type SendTarget } from './SendFields';
import { BUTTON_PRIMARY, FIELD, LABEL } from '@/components/ui/form';

export interface StepChoice {
  action: string;
  label: string;
  /** what the comment must say, or null when it is optional */
  comment: string | null;
}


/**
 * The steps the viewer may take on a 疑点 now (the server decided which; it checks again when the form is posted):
 * a comment, and for 下发核实 the unit and the reply's working days. With no step to take it says what the doubt
 * waits for, beside the outcome of the step just taken (the page re-renders without the steps it offered).
 */
export function StepForm({ id, steps, targets, defaultDays, waiting }: {
  id: number; steps: StepChoice[]; defaultDays: number; waiting: string;
  targets: SendTarget[];
}) {
  const { state, dispatch, pending, onSubmit } = useFormAction(takeStepAction);
  const [action, setAction] = useState(steps[0]?.action);
  const [tooBig, setTooBig] = useState<string | null>(null);
  // A file over the limit is refused here, before its bytes are posted (the server checks again).
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const file = (e.currentTarget.elements.namedItem('attachment') as HTMLInputElement | null)?.files?.[0];
    const problem = file ? attachmentTooBig(file.size) : null;
    setTooBig(problem);
    if (problem) e.preventDefault();
    else onSubmit(e);
  };
  const step = steps.find((s) => s.action === action) ?? steps[0];
  if (!step) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-600" data-testid="step-waiting">{waiting}</p>
        <FormMessage state={state} testId="step-message" />
      </div>
    );
  }
  return (
    <form action={dispatch} onSubmit={submit} className="space-y-3" data-testid="step-form">
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap items-end gap-3">
        <label className={LABEL}>
          处理
          <select name="action" value={step.action} onChange={(e) => setAction(e.target.value)} className={`${FIELD} w-36`} data-testid="step-action">
            {steps.map((s) => <option key={s.action} value={s.action}>{s.label}</option>)}
          </select>
        </label>
        {step.action === 'send' && <SendFields targets={targets} defaultDays={defaultDays} testId="step" />}
      </div>
      <label className={LABEL}>
        {step.comment ?? '说明（可不填）'}
        <textarea
          name="comment" required={step.comment !== null} maxLength={2000} rows={3}
          className={`${FIELD} h-auto w-full max-w-2xl py-2`} data-testid="step-comment"
        />
      </label>
      {step.action === 'rectify' && (
        <label className={LABEL}>
          附件（可不附；不超过 10 MB，PDF、JPG、PNG、Word、Excel 或 ZIP）
          <input
            type="file" name="attachment" accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.zip"
            className="text-sm text-slate-700" data-testid="step-attachment"
          />
        </label>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="step-submit">{step.label}</button>
        <FormMessage state={tooBig ? { error: tooBig } : state} testId="step-message" />
      </div>
    </form>
  );
}
