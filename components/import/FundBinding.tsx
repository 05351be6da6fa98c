'use client';

import { useCallback, useEffect, useState } from 'react';
import { formatCount } from '@/lib/format';
import { LEVEL_LABELS } from '@/components/labels';
import { BUTTON_SECONDARY, FIELD } from '../ui/form';
import { bindingOptions, type FundScanResponse, type UnknownFund } from './fund-binding';
import { isError, postJson } from './upload-xhr';

interface Props {
  token: string;
  kind: string;
  /** The mapping as the import will send it, so the names are read from the columns the user chose. */
  mapping: Record<string, string | null>;
  sheet?: string;
  encoding?: string;
}

const keyOf = (u: UnknownFund) => `${u.text}\u001f${u.level ?? ''}`;

/**
 * The mapping step's 资金名称 check (docs/fund-matching.md): the file's fund names that match no fund at their rows'
 * 预算级次, each with a select to bind it to a catalog fund once (saved as an alias, audited); the list is asked again
 * after each binding, and the import then accepts those rows.
 */
export function FundBinding({ token, kind, mapping, sheet, encoding }: Props) {
  const [scan, setScan] = useState<FundScanResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const mappingKey = JSON.stringify(mapping);

  const check = useCallback(async () => {
    setBusy(true);
    const answer = await postJson<FundScanResponse>('/api/import/funds', { token, kind, mapping: JSON.parse(mappingKey), sheet, encoding });
    setBusy(false);
    if (isError(answer.body)) {
      setError(answer.body.error);
      return;
    }
    setError(null);
    setScan(answer.body);
  }, [token, kind, mappingKey, sheet, encoding]);

  useEffect(() => {
    void check();
  }, [check]);

  const bind = async (u: UnknownFund) => {
    const fundId = Number(chosen[keyOf(u)]);
    if (!fundId) return;
    setBusy(true);
    const answer = await postJson<{ alias: { fund: string } }>('/api/funds/aliases', { alias: u.text, fund_id: fundId });
    if (isError(answer.body)) {
      setBusy(false);
      setError(answer.body.error);
      return;
    }
    setNote(`已将“${u.text}”绑定为 ${answer.body.alias.fund} 的别名`);
    await check();
  };

  if (!scan && !error) return null;
  return (
    <section className="space-y-2 rounded-md border border-slate-200 px-4 py-3" data-testid="fund-binding">
      <h3 className="text-sm font-medium text-slate-800">资金名称</h3>
      {error && <p role="alert" className="text-sm text-red-700" data-testid="fund-binding-error">{error}</p>}
      {note && <p className="text-sm text-emerald-700" data-testid="fund-binding-note">{note}</p>}
      {scan && scan.unknown.length === 0 && (
        <p className="text-sm text-slate-600" data-testid="fund-binding-ok">文件中的资金名称都能在资金目录中按预算级次找到。</p>
      )}
      {scan && scan.unknown.length > 0 && (
        <>
          <p className="text-sm text-slate-600">
            以下资金名称在其预算级次的资金目录中找不到，这些行导入时会被拒绝。可以把名称绑定到目录中的资金（保存为别名，以后导入自动识别）：
          </p>
          <ul className="divide-y divide-slate-100">
            {scan.unknown.map((u) => {
              const k = keyOf(u);
              return (
                <li key={k} className="flex flex-col gap-2 py-2 md:flex-row md:items-center" data-testid="fund-unknown">
                  <div className="min-w-0 md:w-72">
                    <span className="font-medium text-slate-900" data-testid="fund-unknown-name">{u.text}</span>
                    <span className="ml-2 text-xs text-slate-500">
                      {u.level ? LEVEL_LABELS[u.level as keyof typeof LEVEL_LABELS] ?? u.level : '未填级次'} · {formatCount(u.rows)} 行
                    </span>
                  </div>
                  <select
                    className={`${FIELD} w-full md:flex-1`}
                    value={chosen[k] ?? ''}
                    onChange={(e) => setChosen((c) => ({ ...c, [k]: e.target.value }))}
                    aria-label={`绑定“${u.text}”到资金`}
                    data-testid="fund-bind-select"
                  >
                    <option value="">选择目录中的资金…</option>
                    {bindingOptions(u, scan.funds).map((g) => (
                      <optgroup key={g.group} label={g.group}>
                        {g.funds.map((f) => (
                          <option key={f.id} value={f.id}>{`${f.label}（${f.code}）`}</option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                  <button
                    type="button"
                    className={BUTTON_SECONDARY}
                    disabled={busy || !chosen[k]}
                    onClick={() => void bind(u)}
                    data-testid="fund-bind"
                  >
                    绑定
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
