/** The mapping as sent: normalised header → field id or null; anything else is refused. */
export function mappingOf(value: unknown): Record<string, string | null> | null {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && typeof v !== 'string') return null;
    out[k] = v === '' ? null : v;
  }
  return out;
}
