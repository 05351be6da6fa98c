'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { formatDateTime } from '@/lib/format';
import type { CatalogFund } from '@/queries/funds/catalog';
import { BUTTON_SECONDARY, FIELD, ROW, TH } from '../ui/form';
import { isError, postJson } from '../import/upload-xhr';

/** One level's funds: 序号, 资金名称, 股室, 来源 and the aliases, each removable, with a field to add one. */
export function CatalogTable({ funds }: { funds: CatalogFund[] }) {
  const router = useRouter();
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ fundId: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (fundId: number, url: string, body: unknown) => {
    setBusy(true);
    const answer = await postJson<unknown>(url, body);
    setBusy(false);
    if (isError(answer.body)) {
      setMessage({ fundId, text: answer.body.error });
      return false;
    }
    setMessage(null);
    router.refresh();
    return true;
  };
  const add = async (f: CatalogFund) => {
    if (await send(f.id, '/api/funds/aliases', { alias: drafts[f.id] ?? '', fund_id: f.id })) setDrafts((d) => ({ ...d, [f.id]: '' }));
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
          <tr>
            <th className={`${TH} w-12 text-right`}>序号</th>
            <th className={TH}>资金名称</th>
            <th className={TH}>股室</th>
            <th className={TH}>来源</th>
            <th className={`${TH} w-[22rem]`}>别名</th>
          </tr>
        </thead>
        <tbody>
          {funds.map((f) => (
            <tr key={f.id} className={`${ROW} align-top`} data-testid="catalog-fund" data-code={`${f.level}-${f.seq}`}>
              <td className="px-3 py-2 text-right tabular-nums text-slate-500">{f.seq}</td>
              <td className="px-3 py-2 text-slate-900">{f.name}</td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{f.section}</td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{f.source_division ?? '—'}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1.5">
                  {f.aliases.map((a) => (
                    <span key={a.id} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-slate-800" data-testid="catalog-alias"
                      title={`${a.created_by ?? ''} ${formatDateTime(a.created_at)}`}>
                      {a.alias}
                      <button type="button" className="text-slate-400 hover:text-slate-900" aria-label={`删除别名“${a.alias}”`} disabled={busy}
                        onClick={() => void send(f.id, '/api/funds/aliases/delete', { id: a.id })} data-testid="catalog-alias-delete">
                        ×
                      </button>
                    </span>
                  ))}
                </div>
                <div className="mt-1.5 flex gap-1.5">
                  <input
                    className={`${FIELD} h-8 min-w-0 flex-1`}
                    placeholder="添加别名"
                    aria-label={`为“${f.name}”添加别名`}
                    value={drafts[f.id] ?? ''}
                    onChange={(e) => setDrafts((d) => ({ ...d, [f.id]: e.target.value }))}
                    onKeyDown={(e) => e.key === 'Enter' && void add(f)}
                    data-testid="catalog-alias-input"
                  />
                  <button type="button" className={`${BUTTON_SECONDARY} h-8`} disabled={busy || !(drafts[f.id] ?? '').trim()}
                    onClick={() => void add(f)} data-testid="catalog-alias-add">
                    添加
                  </button>
                </div>
                {message?.fundId === f.id && <p role="alert" className="mt-1 text-xs text-red-700" data-testid="catalog-alias-error">{message.text}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
