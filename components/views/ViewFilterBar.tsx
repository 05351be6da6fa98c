import { PROJECT_STATUSES } from '@/lib/import/project-status';
import { FILTER_PARAMS, LEVELS, viewFilterParams, type FilterKey, type ViewFilter } from '@/lib/views/filter';
import type { ViewDef, ViewSort } from '@/lib/views/registry';
import type { ViewOption, ViewOptions } from '@/queries/views/options';
import { LEVEL_LABELS } from '../labels';
import { FIELD, LABEL } from '../ui/form';
import { FilterActions } from '../ui/FilterActions';

/** The fields the bar has a control for; a view's other honoured fields set in the URL ride along as hidden inputs. */
const CONTROLLED: FilterKey[] = ['year', 'asOf', 'level', 'section', 'fund', 'town', 'village', 'status', 'overdue'];

/**
 * A view's filter as a plain GET form (docs/views.md): the budget year, the 截止日期, and a control for each field the
 * view honours (lib/views/registry.ts narrowedBy), so the page offers exactly the filters its JSON and export accept.
 */
export function ViewFilterBar({ view, filter, sort, options }: { view: ViewDef; filter: ViewFilter; sort: ViewSort; options: ViewOptions }) {
  const honours = (key: FilterKey) => view.narrowedBy.includes(key);
  const select = (key: FilterKey, choices: React.ReactNode, width = 'sm:w-36') => (
    <label className={LABEL} key={key}>
      {FILTER_PARAMS[key].label}
      <select name={FILTER_PARAMS[key].param} defaultValue={String(filter[key] ?? '')} className={`${FIELD} w-full ${width}`} data-testid={`view-filter-${key}`}>
        <option value="">全部</option>
        {choices}
      </select>
    </label>
  );
  const list = (items: ViewOption[]) => items.map((o) => <option key={o.id} value={o.id}>{o.name}</option>);
  const hidden = [...viewFilterParams(filter)].filter(([param]) => {
    const key = (Object.keys(FILTER_PARAMS) as FilterKey[]).find((k) => FILTER_PARAMS[k].param === param)!;
    return honours(key) && !CONTROLLED.includes(key);
  });
  const isDefaultSort = sort.key === view.defaultSort.key && sort.dir === view.defaultSort.dir;
  return (
    <form
      method="get"
      action={`/views/${view.id}`}
      role="search"
      aria-label="筛选条件"
      className="grid grid-cols-2 items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 sm:flex sm:flex-wrap print:hidden"
      data-testid="view-filter"
    >
      <label className={LABEL}>
        {FILTER_PARAMS.year.label}
        <input type="number" name="year" min={2000} max={2100} defaultValue={filter.year ?? ''} className={`${FIELD} w-full sm:w-24`} />
      </label>
      <label className={LABEL}>
        {FILTER_PARAMS.asOf.label}
        <input type="date" name="as_of" defaultValue={filter.asOf ?? ''} className={`${FIELD} w-full sm:w-38`} />
      </label>
      {honours('level') && select('level', LEVELS.map((l) => <option key={l} value={l}>{LEVEL_LABELS[l]}</option>), 'sm:w-24')}
      {honours('section') && select('section', list(options.sections))}
      {honours('fund') && select('fund', options.funds.map((f) => <option key={f.id} value={f.id}>{LEVEL_LABELS[f.level]} · {f.name}</option>), 'sm:w-64')}
      {honours('town') && select('town', list(options.towns))}
      {honours('village') && select('village', options.towns.map((t) => (
        <optgroup key={t.id} label={t.name}>{list(options.villages.filter((v) => v.townId === t.id))}</optgroup>
      )))}
      {honours('status') && select('status', PROJECT_STATUSES.map((s) => <option key={s.id} value={s.id}>{s.label}</option>), 'sm:w-24')}
      {honours('overdue') && (
        <label className="flex h-9 items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue === true} data-testid="view-filter-overdue" />
          只看逾期
        </label>
      )}
      {hidden.map(([param, value]) => <input key={param} type="hidden" name={param} value={value} />)}
      {!isDefaultSort && (
        <>
          <input type="hidden" name="sort" value={sort.key} />
          <input type="hidden" name="dir" value={sort.dir} />
        </>
      )}
      <FilterActions resetHref={`/views/${view.id}`} className="col-span-2" />
    </form>
  );
}
