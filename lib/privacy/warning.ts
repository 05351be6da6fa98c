import { RULES } from '@/lib/rules/registry';
import type { SubjectType } from '@/lib/rules/types';
import { maskIdentity, maskSubjectId, type Privacy } from './mask';

/**
 * The evidence keys that hold an ID number or an account, in any rule (EvidenceField.personal): by key rather than per
 * rule, so a warning kept from an older run, whose evidence the declaration no longer names, is masked too.
 */
const PERSONAL_KEYS: ReadonlySet<string> = new Set(RULES.flatMap((r) => r.evidence.filter((f) => f.personal).map((f) => f.key)));

type Evidence = Record<string, string | number | null>;

/** A warning's evidence as a reader may see it: a new object, the personal values masked for a masked reader. */
export function maskEvidence(evidence: Evidence, privacy: Privacy): Evidence {
  if (privacy === 'whole') return evidence;
  return Object.fromEntries(Object.entries(evidence).map(([k, v]) =>
    [k, PERSONAL_KEYS.has(k) && typeof v === 'string' && v.trim() !== '' ? maskIdentity(v) : v]));
}

/** A warning (its subject and evidence) as a reader may see it; a new object, the rest as it was. */
export function maskWarning<W extends { subject_type: SubjectType; subject_id: string; evidence: Evidence }>(w: W, privacy: Privacy): W {
  if (privacy === 'whole') return w;
  return { ...w, subject_id: maskSubjectId(w.subject_type, w.subject_id), evidence: maskEvidence(w.evidence, privacy) };
}
