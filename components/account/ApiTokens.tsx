'use client';

import { useState } from 'react';
import type { TokenActionState } from '@/app/(dashboard)/account/tokens/actions';
import type { ApiTokenRow } from '@/queries/auth/api-tokens';
import { formatDateTime } from '@/lib/format';
import { useFormAction } from '@/components/admin/useFormAction';
import { FormMessage } from '@/components/admin/FormMessage';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL, ROW, TH } from '@/components/ui/form';

type Action = (state: TokenActionState, form: FormData) => Promise<TokenActionState>;

/** The secret of a token just made: shown this once, with a copy button; the server keeps only its hash. */
function NewSecret({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="token-secret-box">
      <p className="text-amber-900">请立即复制并妥善保存：关闭或刷新本页后，令牌不会再显示（系统只保存它的摘要）。</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900 select-all" data-testid="token-secret">{secret}</code>
        <button type="button" onClick={copy} className={BUTTON_SECONDARY} data-testid="token-copy">{copied ? '已复制' : '复制'}</button>
      </div>
    </div>
  );
}

/** The form making a token: a name and an optional last day (China time); the server checks both again. */
export function NewTokenForm({ create, today }: { create: Action; today: string }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(create);
  return (
    <div className="space-y-3">
      <form action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <label className={LABEL}>
          名称
          <input name="name" required maxLength={40} placeholder="如：每日导入脚本" className={`${FIELD} w-56`} data-testid="token-name" />
        </label>
        <label className={LABEL}>
          有效期至（可不填：长期有效）
          <input type="date" name="expires_on" min={today} className={`${FIELD} w-44`} data-testid="token-expires" />
        </label>
        <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="token-submit">创建令牌</button>
        <FormMessage state={state} testId="token-message" />
      </form>
      {state.secret && <NewSecret key={state.at} secret={state.secret} />}
    </div>
  );
}

/** One token's 吊销 button: its own form, so its message shows beside its row. */
function Revoke({ token, revoke }: { token: ApiTokenRow; revoke: Action }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(revoke);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="id" value={token.id} />
      <button type="submit" disabled={pending} className={BUTTON_SECONDARY} data-testid={`token-revoke-${token.id}`}>吊销</button>
      <FormMessage state={state} />
    </form>
  );
}

function status(t: ApiTokenRow): string {
  if (t.revoked_at) return `已吊销（${t.revoked_by ?? ''} ${formatDateTime(t.revoked_at).slice(0, 16)}）`;
  return t.live ? '有效' : '已过期';
}

/** Tokens with when each was made, its expiry and last use; live ones offer 吊销. */
export function TokenTable({ tokens, revoke, showOwner, testId }: { tokens: ApiTokenRow[]; revoke: Action; showOwner: boolean; testId: string }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-500" data-testid={`${testId}-empty`}>没有令牌</p>;
  const time = (v: string | null) => (v ? formatDateTime(v).slice(0, 16) : '—');
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 text-left text-slate-500">
          <tr>
            {showOwner && <th className={TH}>用户</th>}
            <th className={TH}>名称</th><th className={TH}>创建时间</th><th className={TH}>有效期至</th><th className={TH}>最近使用</th>
            <th className={TH}>状态</th><th className={TH}></th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className={ROW} data-testid="token-row" data-name={t.name} data-live={t.live ? '1' : '0'}>
              {showOwner && <td className="px-3 py-1.5">{t.username}</td>}
              <td className="px-3 py-1.5">{t.name}</td>
              <td className="px-3 py-1.5 tabular-nums whitespace-nowrap">{time(t.created_at)}</td>
              <td className="px-3 py-1.5 tabular-nums whitespace-nowrap">{t.expires_on ?? '长期'}</td>
              <td className="px-3 py-1.5 tabular-nums whitespace-nowrap">{time(t.last_used_at)}</td>
              <td className="px-3 py-1.5 text-slate-600" data-testid="token-status">{status(t)}</td>
              <td className="px-3 py-1.5">{t.live && <Revoke token={t} revoke={revoke} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
