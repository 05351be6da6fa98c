import { permissions, type Who } from '@/lib/auth/permissions';
import type { SubjectType } from '@/lib/rules/types';

/**
 * ID numbers (身份证号) and bank accounts are personal data: everyone but the admin reads them masked, in pages, JSON
 * and exports alike (docs/roles.md "Personal data"). This is the one place that masks; who reads them whole is
 * permissions.seeIdentities.
 */

/** How a reader gets ID numbers and accounts: whole (the admin) or masked (everyone else). */
export type Privacy = 'whole' | 'masked';

/** The privacy a viewer reads with. */
export const privacyOf = (viewer: Who): Privacy => (permissions.seeIdentities(viewer) ? 'whole' : 'masked');

const KEEP_HEAD = 6;
const KEEP_TAIL = 4;

/**
 * The first 6 and the last 4 characters kept, the rest '*': '610321199001011234' → '610321********1234'. A value of 10
 * characters or fewer keeps only its first and last quarter, so the middle is always hidden and the whole never shown
 * ('6228480012' → '62******12'; 3 characters or fewer become all '*').
 */
export function maskIdentity(value: string): string {
  const chars = [...value.trim()];
  const n = chars.length;
  const [head, tail] = n > KEEP_HEAD + KEEP_TAIL ? [KEEP_HEAD, KEEP_TAIL] : [Math.floor(n / 4), Math.floor(n / 4)];
  return chars.map((c, i) => (i < head || i >= n - tail ? c : '*')).join('');
}

/**
 * A warning's subject as a reader may see it: an account (一卡多人) is an account number; a payout without a voucher
 * is keyed by ID number, month and item ('610321199001011234:2018-03-01:低保', queries/rules/people.sql), whose ID
 * number is masked and the rest kept. Other subjects (vouchers, indicators, projects) are not personal.
 */
export function maskSubjectId(type: SubjectType | string, id: string): string {
  if (type === 'account' || type === 'person') return maskIdentity(id);
  if (type === 'payout') {
    const colon = id.indexOf(':');
    if (colon > 0) return maskIdentity(id.slice(0, colon)) + id.slice(colon);
  }
  return id;
}

/** A nullable value masked for a masked reader; text that is empty or not a string passes as it is. */
export function maskFor<T>(privacy: Privacy, value: T): T | string {
  return privacy === 'masked' && typeof value === 'string' && value.trim() !== '' ? maskIdentity(value) : value;
}
