import type { EvidenceField } from '@/lib/rules/types';
import { formatPoints, formatRate, formatYuan } from '@/lib/format';

/** A rule's evidence (docs/rules.md): the fields a reviewer needs, labelled and formatted as the rule declares them. */
export function Evidence({ fields, values }: { fields: EvidenceField[]; values: Record<string, string | number | null> }) {
  // A field the declaration does not name (an older run's evidence) is still shown, under its key.
  const known = new Set(fields.map((f) => f.key));
  const rows = [...fields.map((f) => [f.label, show(f, values[f.key])] as const),
    ...Object.keys(values).filter((k) => !known.has(k)).map((k) => [k, String(values[k] ?? '—')] as const)];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm" data-testid="warning-evidence">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="wrap-anywhere text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function show(f: EvidenceField, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (f.format) {
    case 'yuan': return formatYuan(value);
    case 'rate': return formatRate(Number(value));
    case 'points': return formatPoints(Number(value));
    default: return String(value);
  }
}
