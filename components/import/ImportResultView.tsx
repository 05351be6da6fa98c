import { formatCount, formatYuan, yuanToWan } from '@/lib/format';
import { KIND_LABELS, type ImportResult } from '@/lib/import/types';
import { BUTTON_PRIMARY, TH, ROW } from '../ui/form';
import { matchRateText, reconciledText, subtotalsText } from './result-text';
import { encodingLabel } from './types';
import { qualityHref } from '@/lib/quality/request';

const LINK = 'inline-flex h-7 items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs text-slate-700 hover:bg-slate-50';
/** How many rejects the page lists; the report has them all. */
export const SHOWN_REJECTS = 20;

function Tile({ label, value, note, testId }: { label: string; value: React.ReactNode; note?: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2" data-testid={testId}>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums" data-testid={`${testId}-value`}>{value}</div>
      {note && <div className="text-xs text-slate-500">{note}</div>}
    </div>
  );
}

/** Step ④: what the import did, the first rejected rows and the downloads of the full reject report. */
export function ImportResultView({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const r = result;
  const base = `/api/import/batches/${r.batch_id}`;
  const isPayments = r.kind === 'payments';
  const hasAmount = r.amount_total_yuan !== '0.00' || ['indicators', 'allocations', 'payments', 'payouts'].includes(r.kind);
  return (
    <div className="space-y-4" data-testid="import-result" data-batch-id={r.batch_id}>
      <p className="text-sm text-slate-700" role="status">
        已导入为批次 <b className="font-semibold text-slate-900" data-testid="result-batch">#{r.batch_id}</b>：{KIND_LABELS[r.kind]} · {r.file_name} ·{' '}
        {encodingLabel(r.encoding)}
        {r.accepted === 0 && '。没有一行通过校验，请按下面的原因修改文件后重新导入，或撤销该批次。'}
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Tile label="读取行数" value={formatCount(r.rows_read)} testId="result-read" />
        <Tile label="导入" value={formatCount(r.accepted)} testId="result-accepted" />
        <Tile label="拒绝" value={formatCount(r.rejected)} testId="result-rejected" />
        <Tile label="重复（已存在，未改动）" value={formatCount(r.duplicates)} testId="result-duplicates" />
        <Tile label="合计/小计行（跳过）" value={formatCount(r.subtotal_rows_skipped)} note={reconciledText(r.totals_reconciled)} testId="result-subtotals" />
        {hasAmount && (
          <Tile label="导入金额(万元)" value={yuanToWan(r.amount_total_yuan)} note={`${formatYuan(r.amount_total_yuan)} 元`} testId="result-amount" />
        )}
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-2">
          <dt className="text-slate-500">合计核对</dt>
          <dd className={r.totals_reconciled === false ? 'font-semibold text-slate-900' : 'text-slate-800'} data-testid="result-reconciled">
            {reconciledText(r.totals_reconciled)}
            {r.totals_reconciled === false && '（文件的合计行与逐行金额之和不符，请核对原表）'}
          </dd>
        </div>
        {r.subtotals_reconciled !== null && (
          <div className="flex gap-2">
            <dt className="text-slate-500">小计核对</dt>
            <dd className={r.subtotals_reconciled ? 'text-slate-800' : 'font-semibold text-slate-900'} data-testid="result-subtotals-check">
              {subtotalsText(r)}
            </dd>
          </div>
        )}
        {isPayments && (
          <>
            <MatchRate label="指标匹配率" matched={r.matched_indicator} accepted={r.accepted} testId="result-match-indicator" />
            <MatchRate label="项目匹配率" matched={r.matched_project} accepted={r.accepted} testId="result-match-project" />
          </>
        )}
      </dl>

      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        {r.rejected > 0 && (
          <>
            <span>完整拒绝报告（原列 + 行号 + 原因，可修改后重新导入）：</span>
            <a className={LINK} href={`${base}/rejects?format=csv`} download data-testid="result-rejects-csv">CSV</a>
            <a className={LINK} href={`${base}/rejects?format=xlsx`} download data-testid="result-rejects-xlsx">Excel</a>
          </>
        )}
        <a className={LINK} href={`${base}/raw`} download data-testid="result-raw">下载原文件</a>
        {isPayments && r.accepted > 0 && (
          <a className={LINK} href={qualityHref({ period: null, batch: r.batch_id })} data-testid="result-quality">查看本批次的数据质量</a>
        )}
      </div>

      {r.rejects.length > 0 && (
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">
            未导入的行
            <span className="ml-2 text-xs font-normal text-slate-500">
              共 {formatCount(r.rejected)} 行被拒绝{r.rejects.length > SHOWN_REJECTS ? `，下面列出前 ${SHOWN_REJECTS} 条问题` : ''}；行号与 Excel 中一致
            </span>
          </h3>
          <ul className="divide-y divide-slate-100 md:hidden" data-testid="result-rejects-list">
            {r.rejects.slice(0, SHOWN_REJECTS).map((x, i) => (
              <li key={i} className="py-1.5 text-sm">
                <div className="flex items-baseline gap-2 text-xs text-slate-500 tabular-nums">
                  <span>第 {x.row} 行</span>
                  {x.column && <span>{x.column}</span>}
                  <span className="min-w-0 truncate text-slate-900" title={x.value ?? undefined}>{x.value ?? '（空）'}</span>
                </div>
                <div className="text-slate-700">{x.reason}</div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full min-w-[600px] border-collapse text-sm" data-testid="result-rejects">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                  <th scope="col" className={`${TH} w-16 pl-0 text-right`}>行号</th>
                  <th scope="col" className={`${TH} w-32`}>列</th>
                  <th scope="col" className={`${TH} w-48`}>原值</th>
                  <th scope="col" className={`${TH} pr-0`}>原因</th>
                </tr>
              </thead>
              <tbody>
                {r.rejects.slice(0, SHOWN_REJECTS).map((x, i) => (
                  <tr key={i} className={ROW} data-testid="reject-row" data-row={x.row}>
                    <td className="py-1.5 pr-3 text-right text-slate-700 tabular-nums">{x.row}</td>
                    <td className="px-3 py-1.5 text-slate-700">{x.column ?? '—'}</td>
                    <td className="max-w-48 truncate px-3 py-1.5 text-slate-900" title={x.value ?? undefined}>{x.value ?? <span className="text-slate-400">（空）</span>}</td>
                    <td className="py-1.5 pl-3 text-slate-700">{x.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      <div className="border-t border-slate-100 pt-3">
        <button type="button" className={BUTTON_PRIMARY} onClick={onAgain} data-testid="import-again">
          继续导入其他文件
        </button>
      </div>
    </div>
  );
}

/** A payment batch's match rate (against indicators or projects) with the counts behind it. */
function MatchRate({ label, matched, accepted, testId }: { label: string; matched: number | undefined; accepted: number; testId: string }) {
  return (
    <div className="flex gap-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-800 tabular-nums" data-testid={testId}>
        {matchRateText(matched, accepted)}
        <span className="ml-1 text-xs text-slate-500">（{formatCount(matched ?? 0)} / {formatCount(accepted)} 笔）</span>
      </dd>
    </div>
  );
}
