'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { KIND_LABELS, type ImportKind, type ImportResult } from '@/lib/import/types';
import { DEFAULT_PROJECT_STATUS } from '@/lib/import/project-status';
import { isListKind } from '@/lib/import/comparison-list';
import { formatCount } from '@/lib/format';
import { Card } from '../ui/Card';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL } from '../ui/form';
import { BROWSER_ENCODING_LABELS, isWorkbookName, previewFile, type BrowserEncoding } from './client-preview';
import { formatMb, formatSize, limitBytes, tooLargeMessage } from './limits';
import { initialSelection, mappingPayload, selectionFromPreset, suggestedUnit, type Selection } from './mapping-state';
import { MappingStep, type MappingOptions } from './MappingStep';
import { FundBinding } from './FundBinding';
import { ImportResultView } from './ImportResultView';
import { RawRowsTable } from './RawRowsTable';
import { Steps } from './Steps';
import type { CommitRequest, CommitResponse, CsvEncodingChoice, PresetInfo, UploadInfo } from './types';
import { isError, postJson, uploadWithProgress } from './upload-xhr';

type Phase = 'choose' | 'uploading' | 'mapping' | 'importing' | 'done';

type LocalPreview =
  | { kind: 'text'; encoding: BrowserEncoding; rows: string[][]; whole: boolean }
  | { kind: 'workbook' }
  | { kind: 'error'; message: string };

const ACCEPT = '.csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function Alert({ children, testId = 'import-error' }: { children: React.ReactNode; testId?: string }) {
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid={testId}>
      {children}
    </p>
  );
}

const INDETERMINATE_CSS = `@keyframes fm-indeterminate{0%{left:-33%}100%{left:100%}}
.fm-indeterminate{animation:fm-indeterminate 1.4s ease-in-out infinite}
@media (prefers-reduced-motion:reduce){.fm-indeterminate{animation:none;left:0;width:100%;opacity:.5}}`;

/** An indeterminate bar: work whose length the page cannot know (the server reading or importing the file). */
function Working({ label, testId }: { label: string; testId: string }) {
  return (
    <div className="space-y-1.5" role="status" data-testid={testId}>
      <p className="text-sm text-slate-700">{label}</p>
      <div className="relative h-1.5 overflow-hidden rounded-full bg-slate-200">
        <style href="fm-indeterminate" precedence="default">{INDETERMINATE_CSS}</style>
        <div className="fm-indeterminate absolute inset-y-0 w-1/3 rounded-full bg-navy-700" />
      </div>
    </div>
  );
}

/**
 * 数据导入, the client flow: choose the kind and a file (previewed in the browser), upload it with a progress bar,
 * correct the header mapping and options, import, and read the result. The server checks every step again.
 */
export function ImportFlow({ kinds, limitMb }: { kinds: readonly ImportKind[]; limitMb: number }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>('choose');
  const [kind, setKind] = useState<ImportKind | ''>(kinds.length === 1 ? kinds[0] : '');
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<LocalPreview | null>(null);
  const [progress, setProgress] = useState({ loaded: 0, total: 0 });
  const [info, setInfo] = useState<UploadInfo | null>(null);
  const [selection, setSelection] = useState<Selection>([]);
  const [options, setOptions] = useState<MappingOptions>({
    unit: '元', dayFirst: false, allowNewUnits: false, encoding: '', year: '', status: DEFAULT_PROJECT_STATUS,
    label: '', department: '', holds: '',
  });
  const [rereading, setRereading] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const tooLarge = file !== null && file.size > limitBytes(limitMb);

  const chooseFile = async (f: File | null) => {
    setFile(f);
    setError(null);
    setLocal(null);
    if (!f) return;
    if (isWorkbookName(f.name)) {
      setLocal({ kind: 'workbook' });
      return;
    }
    try {
      const p = await previewFile(f);
      setLocal({ kind: 'text', ...p });
    } catch {
      setLocal({ kind: 'error', message: '浏览器无法预览这个文件，上传后由服务器读取。' });
    }
  };

  /** A new UploadInfo (after upload or a re-read): the automatic mapping, and the unit it suggests. */
  const adopt = (next: UploadInfo, keepOptions = false) => {
    const sel = initialSelection(next.columns);
    setInfo(next);
    setSelection(sel);
    setOptions((o) => ({
      ...o,
      ...(keepOptions ? {} : { dayFirst: false, allowNewUnits: false, status: DEFAULT_PROJECT_STATUS }),
      // A project list's year: the title's, until the user types another.
      ...(keepOptions && o.year ? {} : { year: next.source.yearHint ? String(next.source.yearHint) : '' }),
      unit: suggestedUnit(next.kind, next.source, next.columns, sel),
    }));
  };

  const upload = async () => {
    if (!file || !kind) return;
    if (tooLarge) {
      setError(tooLargeMessage(limitMb, file.size));
      return;
    }
    setError(null);
    setPhase('uploading');
    setProgress({ loaded: 0, total: file.size });
    abort.current = new AbortController();
    const answer = await uploadWithProgress<UploadInfo>(
      `/api/import/upload?kind=${encodeURIComponent(kind)}`,
      file,
      { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
      (loaded, total) => setProgress({ loaded, total }),
      abort.current.signal,
    );
    abort.current = null;
    if (answer.status !== 200 || isError(answer.body)) {
      setError(isError(answer.body) ? answer.body.error : `上传失败（HTTP ${answer.status}）`);
      setPhase('choose');
      return;
    }
    setOptions((o) => ({ ...o, encoding: '' }));
    adopt(answer.body);
    setPhase('mapping');
  };

  const reread = async (o: { sheet?: string; encoding?: '' | CsvEncodingChoice }) => {
    if (!info) return;
    const encoding = o.encoding ?? options.encoding;
    setRereading(true);
    setError(null);
    const answer = await postJson<UploadInfo>('/api/import/preview', {
      token: info.token, kind: info.kind, sheet: o.sheet ?? info.source.sheet ?? undefined, encoding: encoding || undefined,
    });
    setRereading(false);
    if (answer.status !== 200 || isError(answer.body)) {
      setError(isError(answer.body) ? answer.body.error : `重新读取失败（HTTP ${answer.status}）`);
      return;
    }
    setOptions((x) => ({ ...x, encoding }));
    adopt(answer.body, true);
  };

  const commit = async () => {
    if (!info) return;
    setError(null);
    setPhase('importing');
    const body: CommitRequest = {
      token: info.token,
      kind: info.kind,
      mapping: mappingPayload(info.columns, selection),
      options: {
        unit: options.unit,
        dayFirst: options.dayFirst,
        allowNewUnits: options.allowNewUnits,
        ...(info.source.format === 'xlsx' && info.source.sheet ? { sheet: info.source.sheet } : {}),
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(info.kind === 'projects' ? { status: options.status, ...(options.year ? { year: options.year } : {}) } : {}),
        ...(isListKind(info.kind) ? { label: options.label, department: options.department, ...(options.holds ? { holds: options.holds } : {}) } : {}),
      },
    };
    const answer = await postJson<CommitResponse>('/api/import/commit', body);
    if (answer.status !== 200 || isError(answer.body)) {
      setError(isError(answer.body) ? answer.body.error : `导入失败（HTTP ${answer.status}）`);
      // The upload is gone (expired or another tab imported it): start over. Otherwise correct the mapping and retry.
      setPhase(answer.status === 404 ? 'choose' : 'mapping');
      if (answer.status === 404) setInfo(null);
      return;
    }
    setResult(answer.body.result);
    setPhase('done');
    router.refresh(); // the 导入记录 below
  };

  const setPresets = (presets: PresetInfo[]) => setInfo((i) => (i ? { ...i, presets } : i));
  const savePreset = async (name: string): Promise<string | null> => {
    if (!info) return '没有可保存的映射';
    const answer = await postJson<{ presets: PresetInfo[] }>('/api/import/presets', {
      kind: info.kind, name, mapping: mappingPayload(info.columns, selection),
      options: { unit: options.unit, dayFirst: options.dayFirst, allowNewUnits: options.allowNewUnits },
    });
    if (isError(answer.body)) return answer.body.error;
    setPresets(answer.body.presets);
    return null;
  };
  const deletePreset = async (name: string): Promise<string | null> => {
    if (!info) return null;
    const answer = await postJson<{ presets: PresetInfo[] }>(
      `/api/import/presets?kind=${encodeURIComponent(info.kind)}&name=${encodeURIComponent(name)}`, undefined, 'DELETE');
    if (isError(answer.body)) return answer.body.error;
    setPresets(answer.body.presets);
    return null;
  };
  const loadPreset = (p: PresetInfo) => {
    if (!info) return;
    setSelection(selectionFromPreset(info.kind, info.source, p.mapping));
    setOptions((o) => ({
      ...o,
      ...(p.options.unit ? { unit: p.options.unit } : {}),
      dayFirst: p.options.dayFirst ?? o.dayFirst,
      allowNewUnits: p.options.allowNewUnits ?? o.allowNewUnits,
    }));
  };

  const reset = () => {
    setPhase('choose');
    setInfo(null);
    setResult(null);
    setError(null);
    setFile(null);
    setLocal(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const step = phase === 'choose' ? 0 : phase === 'uploading' ? 1 : phase === 'done' ? 3 : 2;
  const pct = progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;

  return (
    <Card
      title={phase === 'done' ? '导入结果' : phase === 'mapping' || phase === 'importing' ? '表头映射与选项' : '导入文件'}
      aside={<Steps current={step} />}
      testId="import-flow"
    >
      <div className="space-y-4">
        {error && <Alert>{error}</Alert>}

        {(phase === 'choose' || phase === 'uploading') && (
          <div className="space-y-4">
            <div className="grid grid-cols-1 items-end gap-3 sm:flex sm:flex-wrap">
              <label className={LABEL}>
                导入类型
                <select
                  className={`${FIELD} w-full sm:w-52`}
                  value={kind}
                  disabled={phase === 'uploading'}
                  onChange={(e) => setKind(e.target.value as ImportKind | '')}
                  data-testid="import-kind"
                >
                  <option value="">请选择</option>
                  {kinds.map((k) => (
                    <option key={k} value={k}>{KIND_LABELS[k]}</option>
                  ))}
                </select>
              </label>
              <div className={`${LABEL} min-w-0 sm:flex-1 sm:max-w-lg`}>
                <span id="import-file-label">文件（CSV 或 Excel .xlsx，最大 {formatMb(limitBytes(limitMb))}）</span>
                <label
                  className={`flex h-9 w-full items-center overflow-hidden rounded-md border border-slate-300 bg-white text-sm focus-within:border-navy-600 focus-within:ring-2 focus-within:ring-navy-600/20 ${
                    phase === 'uploading' ? 'cursor-default opacity-60' : 'cursor-pointer hover:bg-slate-50'
                  }`}
                >
                  <span className="flex h-full shrink-0 items-center border-r border-slate-300 bg-slate-50 px-3 text-slate-700">选择文件</span>
                  <span className={`truncate px-3 ${file ? 'text-slate-900' : 'text-slate-400'}`} data-testid="import-file-name">
                    {file ? `${file.name}（${formatSize(file.size)}）` : '未选择文件'}
                  </span>
                  <input
                    ref={fileInput}
                    type="file"
                    accept={ACCEPT}
                    aria-labelledby="import-file-label"
                    disabled={phase === 'uploading'}
                    onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
                    className="sr-only"
                    data-testid="import-file"
                  />
                </label>
              </div>
              <button
                type="button"
                className={BUTTON_PRIMARY}
                disabled={!file || !kind || phase === 'uploading'}
                onClick={() => void upload()}
                data-testid="import-upload"
              >
                上传并读取
              </button>
            </div>
            {file && tooLarge && phase === 'choose' && !error && (
              <Alert testId="import-too-large">{tooLargeMessage(limitMb, file.size)}</Alert>
            )}

            {phase === 'uploading' && (
              <div className="space-y-1.5" data-testid="upload-progress">
                {pct < 100 ? (
                  <>
                    <div className="flex justify-between text-sm text-slate-700 tabular-nums">
                      <span>正在上传 {file?.name}</span>
                      <span>
                        {formatSize(progress.loaded)} / {formatSize(progress.total)}（{pct}%）
                      </span>
                    </div>
                    <div
                      className="h-1.5 rounded-full bg-slate-200"
                      role="progressbar"
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={pct}
                      aria-label="上传进度"
                    >
                      <div className="h-full rounded-full bg-navy-700 transition-[width]" style={{ width: `${pct}%` }} />
                    </div>
                    <button type="button" className={`${BUTTON_SECONDARY} h-7 text-xs`} onClick={() => abort.current?.abort()}>
                      取消上传
                    </button>
                  </>
                ) : (
                  <Working label="上传完成，服务器正在识别编码、表头和标题行…" testId="upload-reading" />
                )}
              </div>
            )}

            {phase === 'choose' && local && (
              <div data-testid="browser-preview">
                {local.kind === 'text' && (
                  <>
                    <p className="mb-1.5 text-xs text-slate-500" data-testid="browser-preview-note">
                      浏览器预览：前 {formatCount(local.rows.length)} 行（含标题行和表头），按 {BROWSER_ENCODING_LABELS[local.encoding]} 编码解读。
                      上传后由服务器识别表头所在行和数据起始行。
                    </p>
                    <RawRowsTable rows={local.rows} testId="browser-preview-table" />
                  </>
                )}
                {local.kind === 'workbook' && (
                  <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="browser-preview-note">
                    Excel 工作簿在上传后由服务器读取：选择工作表、识别标题行和两行合并表头，然后显示预览。
                  </p>
                )}
                {local.kind === 'error' && <p className="text-sm text-slate-600">{local.message}</p>}
              </div>
            )}

            {phase === 'choose' && !file && (
              <div className="rounded-md border border-dashed border-slate-300 px-4 py-5 text-sm leading-6 text-slate-600" data-testid="import-help">
                <p>
                  支持各业务系统导出的 CSV（UTF-8 或 GBK 编码，自动识别）和 Excel .xlsx（可含标题行、单位行、两行合并表头）。
                  金额单位为元或万元，日期可为 2018-09-07、2018/9/7、2018年9月7日、20180907 等格式；合计、小计行自动跳过并核对。
                </p>
                <p className="mt-1">
                  每个文件在一个事务中导入：有问题的行列入拒绝报告，其余照常导入；同一文件重复导入不会产生重复数据，导入的批次可以整批撤销。
                </p>
              </div>
            )}
          </div>
        )}

        {(phase === 'mapping' || phase === 'importing') && info && (
          <>
            <MappingStep
              info={info}
              selection={selection}
              onSelect={(i, f) => setSelection((s) => s.map((v, j) => (j === i ? f : v)))}
              options={options}
              onOptions={(o) => setOptions((x) => ({ ...x, ...o }))}
              onReread={(o) => void reread(o)}
              rereading={rereading}
              onLoadPreset={loadPreset}
              onSavePreset={savePreset}
              onDeletePreset={deletePreset}
              onCommit={() => void commit()}
              onReset={reset}
              importing={phase === 'importing'}
              beforeCommit={selection.includes('fund') && (
                <FundBinding
                  token={info.token}
                  kind={info.kind}
                  mapping={mappingPayload(info.columns, selection)}
                  sheet={info.source.format === 'xlsx' && info.source.sheet ? info.source.sheet : undefined}
                  encoding={options.encoding || undefined}
                />
              )}
            />
            {phase === 'importing' && (
              <Working label="正在导入：解析、校验、查重并写入数据库（一个事务）。大文件需要几十秒，请不要关闭页面。" testId="import-running" />
            )}
          </>
        )}

        {phase === 'done' && result && <ImportResultView result={result} onAgain={reset} />}
      </div>
    </Card>
  );
}
