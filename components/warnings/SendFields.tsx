import { FIELD, LABEL } from '@/components/ui/form';

const KIND_LABELS = { section: '股室', department: '部门', town: '镇(中心)' } as const;

/** A unit a 疑点 may be sent to (下发核实). */
export interface SendTarget {
  id: number;
  kind: keyof typeof KIND_LABELS;
  name: string;
}

/**
 * 下发核实's two fields, the unit (股室, 部门 or 镇, grouped) and the answer's deadline in working days, for the one-doubt
 * form (StepForm) and the bulk form (BulkSteps); `testId` prefixes their test ids (`<testId>-unit`, `<testId>-days`).
 */
export function SendFields({ targets, defaultDays, testId }: { targets: SendTarget[]; defaultDays: number; testId: string }) {
  return (
    <>
      <label className={LABEL}>
        下发至
        <select name="unit_id" required defaultValue="" className={`${FIELD} w-56`} data-testid={`${testId}-unit`}>
          <option value="" disabled>选择股室、部门或镇</option>
          {(['section', 'department', 'town'] as const).map((kind) => (
            <optgroup key={kind} label={KIND_LABELS[kind]}>
              {targets.filter((t) => t.kind === kind).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        答复期限（工作日）
        <input type="number" name="days" min={1} max={60} defaultValue={defaultDays} className={`${FIELD} w-24`} data-testid={`${testId}-days`} />
      </label>
    </>
  );
}
