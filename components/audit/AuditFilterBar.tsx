import { auditActionLabel } from '@/lib/auth/audit-labels';
import { FIELD, LABEL } from '../ui/form';
import { FilterActions } from '../ui/FilterActions';

export interface AuditFilterValues {
  actor: string;
  action: string;
  from: string;
  to: string;
}

/** 操作人, 操作 and a date range as a GET form: the state lives in the URL. */
export function AuditFilterBar({ values, actions, actors }: { values: AuditFilterValues; actions: string[]; actors: string[] }) {
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label="筛选条件"
      className="grid grid-cols-2 items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 sm:flex sm:flex-wrap print:hidden"
      data-testid="audit-filter"
    >
      <label className={LABEL}>
        操作人
        <input name="actor" list="audit-actors" defaultValue={values.actor} placeholder="全部" className={`${FIELD} w-full sm:w-36`} data-testid="audit-actor" />
        <datalist id="audit-actors">
          {actors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <label className={LABEL}>
        操作
        <select name="action" defaultValue={values.action} className={`${FIELD} w-full sm:w-36`} data-testid="audit-action">
          <option value="">全部</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(a)}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        日期从
        <input type="date" name="from" defaultValue={values.from} className={`${FIELD} w-full sm:w-38`} data-testid="audit-from" />
      </label>
      <label className={LABEL}>
        至
        <input type="date" name="to" defaultValue={values.to} className={`${FIELD} w-full sm:w-38`} data-testid="audit-to" />
      </label>
      <FilterActions resetHref="/audit" className="col-span-2" />
    </form>
  );
}
