'use client';

import { ROLE_UNIT_KIND, type Role } from '@/lib/auth/roles';
import type { BindableUnit } from '@/queries/auth/users';
import { FIELD } from '../ui/form';

const KIND_PROMPT = { section: '选择股室', department: '选择预算单位', town: '选择镇(中心)' } as const;

/** The binding of a role: units of the role's kind only (股室/部门/镇), or a disabled "不绑定" for the other roles. */
export function UnitSelect({
  role, units, defaultValue, testId, className = 'w-44',
}: { role: Role | ''; units: BindableUnit[]; defaultValue?: number | null; testId?: string; className?: string }) {
  const kind = role ? ROLE_UNIT_KIND[role] : undefined;
  if (!kind) {
    return (
      <select name="unit_id" disabled className={`${FIELD} ${className}`} data-testid={testId} value="" onChange={() => {}}>
        <option value="">{role ? '该角色不绑定单位' : '先选择角色'}</option>
      </select>
    );
  }
  const options = units.filter((u) => u.kind === kind);
  const current = options.some((u) => u.id === defaultValue) ? String(defaultValue) : '';
  return (
    // The key resets the choice when the role (and so the kind of unit) changes.
    <select key={kind} name="unit_id" required defaultValue={current} className={`${FIELD} ${className}`} data-testid={testId}>
      <option value="" disabled>
        {KIND_PROMPT[kind]}
      </option>
      {options.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}
