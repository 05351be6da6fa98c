'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { formatCount } from '@/lib/format';
import { isError, postJson } from './upload-xhr';

/** 撤销 with a confirmation in place: removes the batch's rows on the server, then reloads the history. */
export function RollbackButton({ batchId, accepted }: { batchId: number; accepted: number }) {
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'confirm' | 'pending'>('idle');
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setState('pending');
    setError(null);
    const answer = await postJson<{ rows_deleted: number }>(`/api/import/batches/${batchId}/rollback`, {});
    if (answer.status !== 200 || isError(answer.body)) {
      setError(isError(answer.body) ? answer.body.error : `撤销失败（HTTP ${answer.status}）`);
      setState('idle');
      return;
    }
    router.refresh();
  };
  const small = 'h-7 rounded-md px-2 text-xs';
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="rollback">
      {state === 'idle' && (
        <button type="button" className={`${small} text-navy-700 hover:bg-slate-100`} onClick={() => setState('confirm')} data-testid="rollback-open">
          撤销
        </button>
      )}
      {state !== 'idle' && (
        <>
          <span className="text-xs text-slate-700">删除该批次导入的 {formatCount(accepted)} 行？</span>
          <button
            type="button"
            className={`${small} bg-navy-800 text-white hover:bg-navy-700 disabled:opacity-60`}
            disabled={state === 'pending'}
            onClick={() => void run()}
            data-testid="rollback-confirm"
          >
            {state === 'pending' ? '正在撤销…' : '确认撤销'}
          </button>
          <button type="button" className={`${small} text-slate-600 hover:bg-slate-100`} disabled={state === 'pending'} onClick={() => setState('idle')}>
            取消
          </button>
        </>
      )}
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}
