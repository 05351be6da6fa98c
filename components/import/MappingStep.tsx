'use client';

import { useState, type ReactNode } from 'react';
import { FIELDS } from '@/lib/import/fields';
import { KIND_LABELS, type AmountUnit } from '@/lib/import/types';
import { PROJECT_STATUSES, type ProjectStatus } from '@/lib/import/project-status';
import { HOLDS_LABELS, isListKind, LABEL_MAX, LIST_HOLDS, type ListHolds } from '@/lib/import/comparison-list';
import { formatCount } from '@/lib/format';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL } from '../ui/form';
import { columnLetter } from './client-preview';
import { checkSelection, lockedReason, sampleValues, type Selection } from './mapping-state';
import { RawRowsTable } from './RawRowsTable';
import { encodingLabel, type CsvEncodingChoice, type PresetInfo, type UploadInfo } from './types';
import { formatSize } from './limits';

/** 列 · 表头 · 示例值 · 导入为 from tablet width up; on a phone each column stacks into three short lines. */
const MAP_GRID = 'md:grid md:grid-cols-[2.5rem_minmax(8rem,14rem)_minmax(0,1fr)_15rem] md:items-center md:gap-x-3';

export interface MappingOptions {
  unit: AmountUnit;
  dayFirst: boolean;
  allowNewUnits: boolean;
  encoding: '' | CsvEncodingChoice;
  /** 项目库: the year of rows without a 年度 cell ('' = none chosen), the status of rows without a 状态 cell. */
  year: string;
  status: ProjectStatus;
  /** 比对名单: label, department and, for 其他比对名单, what the list holds ('' = not chosen yet). */
  label: string;
  department: string;
  holds: '' | ListHolds;
}

interface Props {
  info: UploadInfo;
  selection: Selection;
  onSelect: (index: number, field: string) => void;
  options: MappingOptions;
  onOptions: (o: Partial<MappingOptions>) => void;
  /** Read the file again: another sheet, or a forced encoding. */
  onReread: (o: { sheet?: string; encoding?: '' | CsvEncodingChoice }) => void;
  rereading: boolean;
  onLoadPreset: (p: PresetInfo) => void;
  onSavePreset: (name: string) => Promise<string | null>;
  onDeletePreset: (name: string) => Promise<string | null>;
  onCommit: () => void;
  onReset: () => void;
  importing: boolean;
  /** Shown between the preview and the import button (the 资金名称 check, FundBinding). */
  beforeCommit?: ReactNode;
}

/** Step ③: which file column feeds which field, the import options, presets, and the data as they will be read. */
export function MappingStep(p: Props) {
  const { info, selection, options } = p;
  const kind = info.kind;
  const fields = FIELDS[kind];
  const check = checkSelection(kind, selection);
  const [presetName, setPresetName] = useState('');
  const [chosenPreset, setChosenPreset] = useState('');
  const [presetNote, setPresetNote] = useState<{ ok?: string; error?: string }>({});
  const busy = p.importing || p.rereading;
  const mappedHeader = info.columns.map((c, i) => {
    const f = fields.find((x) => x.id === selection[i]);
    return f ? f.label : `${c.rawHeader || `第${i + 1}列`}（不导入）`;
  });

  const savePreset = async () => {
    const msg = await p.onSavePreset(presetName);
    setPresetNote(msg ? { error: msg } : { ok: `已保存映射方案“${presetName.trim()}”` });
    if (!msg) setChosenPreset(presetName.trim());
  };
  const deletePreset = async () => {
    const msg = await p.onDeletePreset(chosenPreset);
    setPresetNote(msg ? { error: msg } : { ok: `已删除映射方案“${chosenPreset}”` });
    if (!msg) setChosenPreset('');
  };

  return (
    <div className="space-y-4" data-testid="mapping-step">
      {info.notice && (
        <p role="status" className="rounded-md bg-navy-50 px-3 py-2 text-sm text-navy-800" data-testid="source-notice">
          {info.notice}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:flex sm:flex-wrap" data-testid="source-info">
        <div className="col-span-2 min-w-0">
          <dt className="text-xs text-slate-500">文件</dt>
          <dd className="truncate font-medium text-slate-900" title={info.fileName}>{info.fileName}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">类型</dt>
          <dd className="text-slate-800">{KIND_LABELS[kind]}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">大小</dt>
          <dd className="text-slate-800 tabular-nums">{formatSize(info.size)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">编码</dt>
          <dd className="text-slate-800" data-testid="source-encoding">{encodingLabel(info.source.encoding)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">数据起始行</dt>
          <dd className="text-slate-800 tabular-nums" data-testid="source-first-row">第 {info.source.firstDataRow} 行</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">文件标注的金额单位</dt>
          <dd className="text-slate-800">{info.source.unitHint ?? '未标注'}</dd>
        </div>
      </dl>

      <div className="grid grid-cols-2 items-end gap-x-3 gap-y-2 rounded-md bg-slate-50 px-3 py-2.5 sm:flex sm:flex-wrap">
        {info.source.format === 'xlsx' && (
          <label className={`${LABEL} col-span-2`}>
            工作表
            <select
              className={`${FIELD} w-full sm:w-48`}
              value={info.source.sheet ?? ''}
              disabled={busy}
              onChange={(e) => p.onReread({ sheet: e.target.value })}
              data-testid="option-sheet"
            >
              {info.source.sheets.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        {info.source.format === 'csv' && (
          <label className={`${LABEL} col-span-2`}>
            文件编码
            <select
              className={`${FIELD} w-full sm:w-44`}
              value={options.encoding}
              disabled={busy}
              onChange={(e) => p.onReread({ encoding: e.target.value as '' | CsvEncodingChoice })}
              data-testid="option-encoding"
            >
              <option value="">自动识别</option>
              <option value="utf-8">UTF-8</option>
              <option value="gb18030">GBK / GB18030</option>
            </select>
          </label>
        )}
        <label className={LABEL}>
          金额单位
          <select
            className={`${FIELD} w-full sm:w-28`}
            value={options.unit}
            disabled={busy}
            onChange={(e) => p.onOptions({ unit: e.target.value as AmountUnit })}
            data-testid="option-unit"
          >
            <option value="元">元</option>
            <option value="万元">万元</option>
          </select>
        </label>
        {kind === 'projects' && (
          <>
            <label className={LABEL}>
              年度（无年度列时）
              <input
                className={`${FIELD} w-full sm:w-28`}
                inputMode="numeric"
                maxLength={4}
                value={options.year}
                placeholder={info.source.yearHint ? String(info.source.yearHint) : '如 2020'}
                disabled={busy}
                onChange={(e) => p.onOptions({ year: e.target.value.trim() })}
                data-testid="option-year"
              />
            </label>
            <label className={LABEL}>
              状态（无状态列时）
              <select
                className={`${FIELD} w-full sm:w-28`}
                value={options.status}
                disabled={busy}
                onChange={(e) => p.onOptions({ status: e.target.value as ProjectStatus })}
                data-testid="option-status"
              >
                {PROJECT_STATUSES.map((s) => (
                  <option key={s.id} value={s.id}>{s.label}</option>
                ))}
              </select>
            </label>
          </>
        )}
        {isListKind(kind) && (
          <>
            <label className={LABEL}>
              名单标签（必填）
              <input
                className={`${FIELD} w-full sm:w-80`}
                maxLength={LABEL_MAX}
                value={options.label}
                placeholder="如 县人社局 2018年机关事业单位在编人员"
                disabled={busy}
                onChange={(e) => p.onOptions({ label: e.target.value })}
                data-testid="option-label"
              />
            </label>
            <label className={LABEL}>
              来源部门
              <input
                className={`${FIELD} w-full sm:w-40`}
                value={options.department}
                placeholder="如 县市场监管局"
                disabled={busy}
                onChange={(e) => p.onOptions({ department: e.target.value })}
                data-testid="option-department"
              />
            </label>
            {kind === 'other_list' && (
              <label className={LABEL}>
                名单内容
                <select
                  className={`${FIELD} w-full sm:w-28`}
                  value={options.holds}
                  disabled={busy}
                  onChange={(e) => p.onOptions({ holds: e.target.value as ListHolds })}
                  data-testid="option-holds"
                >
                  <option value="">请选择</option>
                  {LIST_HOLDS.map((h) => (
                    <option key={h} value={h}>{HOLDS_LABELS[h]}</option>
                  ))}
                </select>
              </label>
            )}
          </>
        )}
        <OptionCheck checked={options.dayFirst} disabled={busy} onChange={(dayFirst) => p.onOptions({ dayFirst })} testId="option-day-first">
          日期为日在前（如 07/09/2018 表示 9 月 7 日）
        </OptionCheck>
        <OptionCheck checked={options.allowNewUnits} disabled={busy} onChange={(allowNewUnits) => p.onOptions({ allowNewUnits })} testId="option-allow-new-units">
          允许新建单位（文件中出现名录里没有的镇、部门、村时新建；镇财政所、便民服务中心等建为该镇的下属单位）
        </OptionCheck>
      </div>

      <div className="flex flex-col gap-2 lg:flex-row lg:items-end lg:justify-between" data-testid="presets">
        <div className="grid grid-cols-[1fr_auto_auto] items-end gap-2 sm:flex">
          <label className={`${LABEL} min-w-0`}>
            映射方案
            <select
              className={`${FIELD} w-full sm:w-52`}
              value={chosenPreset}
              disabled={busy || info.presets.length === 0}
              onChange={(e) => setChosenPreset(e.target.value)}
              data-testid="preset-select"
            >
              <option value="">{info.presets.length ? '选择已保存的方案' : '尚无已保存的方案'}</option>
              {info.presets.map((pr) => (
                <option key={pr.name} value={pr.name}>
                  {pr.name}
                  {pr.created_by ? `（${pr.created_by}）` : ''}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={BUTTON_SECONDARY}
            disabled={busy || !chosenPreset}
            onClick={() => {
              const pr = info.presets.find((x) => x.name === chosenPreset);
              if (pr) {
                p.onLoadPreset(pr);
                setPresetNote({ ok: `已载入映射方案“${pr.name}”` });
              }
            }}
            data-testid="preset-load"
          >
            载入
          </button>
          <button type="button" className={BUTTON_SECONDARY} disabled={busy || !chosenPreset} onClick={deletePreset} data-testid="preset-delete">
            删除
          </button>
        </div>
        <div className="grid grid-cols-[1fr_auto] items-end gap-2 sm:flex">
          <label className={`${LABEL} min-w-0`}>
            把当前映射保存为方案
            <input
              className={`${FIELD} w-full sm:w-52`}
              value={presetName}
              maxLength={60}
              placeholder="如：国库支付系统导出"
              onChange={(e) => setPresetName(e.target.value)}
              data-testid="preset-name"
            />
          </label>
          <button type="button" className={BUTTON_SECONDARY} disabled={busy || !presetName.trim()} onClick={savePreset} data-testid="preset-save">
            保存方案
          </button>
        </div>
      </div>
      {(presetNote.ok || presetNote.error) && (
        <p role={presetNote.error ? 'alert' : 'status'} className={`text-sm ${presetNote.error ? 'text-red-700' : 'text-navy-800'}`} data-testid="preset-note">
          {presetNote.error ?? presetNote.ok}
        </p>
      )}

      <div>
        <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-sm font-semibold text-slate-900">表头映射</h3>
          <p className="text-xs text-slate-500">
            <span className="font-medium text-slate-700">*</span> 为必填字段；不需要的列选「不导入」。共 {formatCount(info.columns.length)} 列。
          </p>
        </div>
        <div className="text-sm" data-testid="mapping-table">
          <div className={`hidden border-b border-slate-200 py-2 text-xs font-medium text-slate-500 ${MAP_GRID}`} aria-hidden>
            <span>列</span>
            <span>文件中的表头</span>
            <span>示例值</span>
            <span>导入为</span>
          </div>
          <ul>
            {info.columns.map((c, i) => {
              const locked = lockedReason(info.columns, i);
              const chosen = fields.find((f) => f.id === selection[i]);
              const conflict = check.conflicts.some((x) => x.columns.includes(i + 1));
              const samples = sampleValues(info.preview, i);
              return (
                <li key={i} className={`border-b border-slate-100 py-2 md:py-1 ${MAP_GRID}`} data-testid="mapping-row" data-header={c.rawHeader}>
                  <div className="flex items-baseline gap-2 md:contents">
                    <span className="w-5 text-slate-400 tabular-nums">{columnLetter(i)}</span>
                    <span className="font-medium text-slate-900 md:font-normal">{c.rawHeader || <span className="text-slate-400">（空）</span>}</span>
                  </div>
                  <div className="mt-0.5 truncate pl-7 text-xs text-slate-500 md:mt-0 md:pl-0 md:text-sm" title={samples.join(' | ')}>
                    {samples.length ? samples.join('　') : '—'}
                  </div>
                  <div className="mt-1 pl-7 md:mt-0 md:pl-0">
                    {locked ? (
                      <span className="text-xs text-slate-400">{locked}</span>
                    ) : (
                      <select
                        className={`${FIELD} h-8 w-full ${conflict ? 'border-slate-800 ring-1 ring-slate-800' : ''} ${chosen ? '' : 'text-slate-400'}`}
                        value={selection[i] ?? ''}
                        disabled={busy}
                        aria-label={`第 ${i + 1} 列“${c.rawHeader}”导入为`}
                        onChange={(e) => p.onSelect(i, e.target.value)}
                        data-testid="mapping-select"
                      >
                        <option value="">不导入</option>
                        {fields.map((f) => (
                          <option key={f.id} value={f.id}>
                            {f.label}
                            {f.required ? ' *' : ''}
                          </option>
                        ))}
                      </select>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      </div>

      {!check.ok && (
        <div role="alert" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="mapping-problems">
          {check.missing.length > 0 && (
            <p>
              缺少必填字段：<b className="font-semibold">{check.missing.map((f) => f.label).join('、')}</b>。请在上表中为它们选择对应的列；文件中确实没有的，需在原系统中导出该列后重新上传。
            </p>
          )}
          {check.conflicts.map((c) => (
            <p key={c.field.id}>
              「{c.field.label}」被第 {c.columns.join('、')} 列同时选择，一个字段只能对应一列。
            </p>
          ))}
        </div>
      )}

      <div>
        <h3 className="mb-1 text-sm font-semibold text-slate-900">数据预览</h3>
        <p className="mb-1.5 text-xs text-slate-500">
          服务器按所选设置读取的前 {formatCount(info.preview.length)} 行数据（行号与 Excel 一致，表头和标题行不在其中）；合计、小计行导入时自动跳过并核对。
        </p>
        <RawRowsTable rows={info.preview} firstRow={info.source.firstDataRow} header={mappedHeader} testId="server-preview" maxHeight="max-h-72" />
      </div>

      {p.beforeCommit}

      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
        <button type="button" className={BUTTON_PRIMARY} disabled={busy || !check.ok} onClick={p.onCommit} data-testid="import-commit">
          开始导入
        </button>
        <button type="button" className={BUTTON_SECONDARY} disabled={p.importing} onClick={p.onReset} data-testid="import-reset">
          重新选择文件
        </button>
        {p.rereading && <span className="text-sm text-slate-500">正在重新读取文件…</span>}
      </div>
    </div>
  );
}

function OptionCheck({ checked, disabled, onChange, testId, children }: {
  checked: boolean; disabled: boolean; onChange: (checked: boolean) => void; testId: string; children: ReactNode;
}) {
  return (
    <label className="col-span-2 flex h-9 items-center gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        className="h-4 w-4 accent-navy-800"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      {children}
    </label>
  );
}
