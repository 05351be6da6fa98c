'use client';

import { useMemo, useState } from 'react';
import type { ActionState } from '@/lib/admin/form-action';
import type { ManagedKind, UnitRow } from '@/queries/units';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL } from '../ui/form';
import { FormMessage } from './FormMessage';
import { useFormAction } from './useFormAction';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
export interface UnitActions {
  rename: Action;
  setParent: Action;
  addAlias: Action;
  removeAlias: Action;
  merge: Action;
}

type Panel = 'rename' | 'parent' | 'aliases' | 'merge' | null;

const GRID = 'md:grid md:grid-cols-[minmax(9rem,1.2fr)_minmax(7rem,0.8fr)_minmax(10rem,1.5fr)_7rem_15rem] md:items-center md:gap-x-3';

/** Which units a unit of `kind` may be merged into (docs/units.md): its own kind, and towns for a department. */
function mergeTargets(unit: UnitRow, all: UnitRow[]): UnitRow[] {
  return all.filter((u) => u.id !== unit.id && (u.kind === unit.kind || (unit.kind === 'department' && u.kind === 'town')));
}

const label = (u: UnitRow) => (u.kind === 'village' && u.parent_name ? `${u.name}（${u.parent_name}）` : u.name);

/**
 * The units of one kind, each with 改名 / 所属镇 / 别名 / 合并 opening a panel under it. `all` holds every managed
 * unit (towns for the parent choice, merge targets).
 */
export function UnitTable({ kind, units, all, actions: serverActions }: { kind: ManagedKind; units: UnitRow[]; all: UnitRow[]; actions: UnitActions }) {
  const [open, setOpen] = useState<{ id: number; panel: Panel }>({ id: 0, panel: null });
  const toggle = (id: number, panel: Panel) => setOpen((o) => (o.id === id && o.panel === panel ? { id: 0, panel: null } : { id, panel }));
  // A change that succeeded closes its panel and is confirmed in a corner that stays in view (a merged unit's row is
  // gone afterwards, and the list may be long).
  // A refusal stays in the panel, beside what was typed.
  const [notice, setNotice] = useState<ActionState>({});
  const actions = useMemo(() => {
    const confirmed = (action: Action): Action => async (state, form) => {
      const result = await action(state, form);
      if (!result.ok) return result;
      setNotice(result);
      setOpen({ id: 0, panel: null });
      return {};
    };
    return Object.fromEntries(Object.entries(serverActions).map(([k, a]) => [k, confirmed(a)])) as unknown as UnitActions;
  }, [serverActions]);
  const towns = all.filter((u) => u.kind === 'town');
  const subUnits = (town: number) => all.filter((u) => u.kind === 'department' && u.parent_id === town).map((u) => u.name);
  return (
    <div className="text-sm" data-testid="units-table">
      <div className="fixed right-4 bottom-4 z-20 max-w-md shadow-lg empty:hidden"><FormMessage state={notice} testId="units-notice" /></div>
      <div className={`hidden border-b border-slate-200 py-2 text-xs font-medium text-slate-500 ${GRID}`} aria-hidden>
        <span>名称</span>
        <span>{kind === 'town' ? '下属单位' : '所属镇'}</span>
        <span>别名</span>
        <span className="text-right">分配 / 支付 行数</span>
        <span className="text-right">操作</span>
      </div>
      <ul>
        {units.map((u) => {
          const panel = open.id === u.id ? open.panel : null;
          const button = (p: Panel, text: string, testId: string) => (
            <button type="button" onClick={() => toggle(u.id, p)} aria-expanded={panel === p} data-testid={testId}
              className={`h-7 rounded-md px-2 text-xs ${panel === p ? 'bg-navy-50 text-navy-800' : 'text-navy-700 hover:bg-slate-100'}`}>
              {text}
            </button>
          );
          const below = kind === 'town' ? subUnits(u.id).join('、') : u.parent_name;
          return (
            <li key={u.id} className={`border-b border-slate-100 py-2 md:py-1.5 ${panel ? 'bg-slate-50' : 'hover:bg-slate-50'} ${GRID}`}
              data-testid="unit-row" data-name={u.name}>
              <span className="font-medium text-slate-900 md:font-normal">{u.name}</span>
              <span className="text-slate-600">{below || <span className="text-slate-400">{kind === 'department' ? '县级部门' : '—'}</span>}</span>
              <span className="text-slate-600" data-testid="unit-aliases">{u.aliases.join('、') || <span className="text-slate-400">—</span>}</span>
              <span className="text-right tabular-nums text-slate-600">{u.allocations} / {u.payments}</span>
              <span className="text-right whitespace-nowrap">
                {button('rename', '改名', 'unit-rename')}
                {kind !== 'town' && button('parent', '所属镇', 'unit-parent')}
                {button('aliases', '别名', 'unit-aliases-edit')}
                {button('merge', '合并', 'unit-merge')}
              </span>
              {panel && (
                <div className="mt-2 rounded-md border border-slate-200 bg-white px-3 py-3 md:col-span-5 md:mb-1.5" data-testid="unit-panel">
                  {panel === 'rename' && <RenameForm unit={u} action={actions.rename} />}
                  {panel === 'parent' && <ParentForm unit={u} towns={towns} action={actions.setParent} />}
                  {panel === 'aliases' && <AliasForms unit={u} add={actions.addAlias} remove={actions.removeAlias} />}
                  {panel === 'merge' && <MergeForm unit={u} targets={mergeTargets(u, all)} action={actions.merge} />}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** One change to one unit: the unit's id, the fields, the submit button, a note, and the refusal if any. */
function UnitForm({ unit, action, testId, submit, note, danger = false, children }: {
  unit: UnitRow; action: Action; testId: string; submit: string; note?: React.ReactNode; danger?: boolean; children: React.ReactNode;
}) {
  const { state, dispatch, pending, onSubmit } = useFormAction(action);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-2" data-testid={`${testId}-form`}>
      <input type="hidden" name="id" value={unit.id} />
      <div className="flex flex-wrap items-end gap-3">
        {children}
        <button type="submit" disabled={pending} className={danger ? BUTTON_SECONDARY : BUTTON_PRIMARY} data-testid={`${testId}-submit`}>
          {submit}
        </button>
      </div>
      {note && <p className="text-xs text-slate-500">{note}</p>}
      <FormMessage state={state} testId="unit-error" />
    </form>
  );
}

function RenameForm({ unit, action }: { unit: UnitRow; action: Action }) {
  return (
    <UnitForm unit={unit} action={action} testId="rename" submit="保存" note="原名保留为别名，仍写原名的导出文件照样能对上这个单位。">
      <label className={LABEL}>
        新名称
        <input name="name" required maxLength={60} defaultValue={unit.name} className={`${FIELD} w-64`} data-testid="rename-name" />
      </label>
    </UnitForm>
  );
}

function ParentForm({ unit, towns, action }: { unit: UnitRow; towns: UnitRow[]; action: Action }) {
  const note = unit.kind === 'department'
    ? '属于某镇的单位（如镇财政所、便民服务中心），其分配和支付计入该镇的支出进度，不再单列于部门排名。'
    : undefined;
  return (
    <UnitForm unit={unit} action={action} testId="parent" submit="保存" note={note}>
      <label className={LABEL}>
        所属镇(中心)
        <select name="parent_id" defaultValue={unit.parent_id ?? ''} className={`${FIELD} w-56`} data-testid="parent-select">
          {unit.kind === 'department' && <option value="">无（县级部门）</option>}
          {towns.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
    </UnitForm>
  );
}

function AliasForms({ unit, add, remove }: { unit: UnitRow; add: Action; remove: Action }) {
  const removing = useFormAction(remove);
  return (
    <div className="space-y-2">
      {unit.aliases.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {unit.aliases.map((a) => (
            <li key={a}>
              <form action={removing.dispatch} onSubmit={removing.onSubmit} className="inline-flex items-center gap-1 rounded bg-slate-100 pl-2 text-xs">
                <input type="hidden" name="id" value={unit.id} />
                <input type="hidden" name="alias" value={a} />
                {a}
                <button type="submit" className="h-6 rounded px-1.5 text-slate-500 hover:bg-slate-200" aria-label={`删除别名${a}`}>×</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <FormMessage state={removing.state} testId="unit-error" />
      <UnitForm unit={unit} action={add} testId="alias" submit="添加">
        <label className={LABEL}>
          添加别名（导出文件中的其他写法）
          <input name="alias" required maxLength={60} className={`${FIELD} w-64`} data-testid="alias-name" />
        </label>
      </UnitForm>
    </div>
  );
}

function MergeForm({ unit, targets, action }: { unit: UnitRow; targets: UnitRow[]; action: Action }) {
  const note = `“${unit.name}”的分配、支付、项目、惠民发放、预警、用户绑定和下属单位全部移到保留的单位，“${unit.name}”随后删除，其名称保留为别名。合并不能撤销。`;
  return (
    <UnitForm unit={unit} action={action} testId="merge" submit="确认合并" note={note} danger>
      <label className={LABEL}>
        把“{unit.name}”并入
        <select name="into_id" required defaultValue="" className={`${FIELD} w-64`} data-testid="merge-into">
          <option value="" disabled>选择保留的单位</option>
          {targets.map((t) => <option key={t.id} value={t.id}>{label(t)}</option>)}
        </select>
      </label>
    </UnitForm>
  );
}
