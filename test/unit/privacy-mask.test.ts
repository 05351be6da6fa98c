import { describe, expect, it } from 'vitest';
import { maskFor, maskIdentity, maskSubjectId, privacyOf } from '@/lib/privacy/mask';
import { maskEvidence } from '@/lib/privacy/warning';
import { describeAuditDetail } from '@/lib/auth/audit-labels';
import { ROLES } from '@/lib/auth/roles';

describe('masking ID numbers and accounts (lib/privacy/mask.ts)', () => {
  it('keeps the first 6 and the last 4 characters of a long value', () => {
    // 18 characters: 6 kept + 8 '*' + 4 kept.
    expect(maskIdentity('610321199001011234')).toBe('610321********1234');
    expect(maskIdentity('61032119900101123X')).toBe('610321********123X');
    // A 19-digit card: 6 + 9 '*' + 4.
    expect(maskIdentity('6217000012345678901')).toBe('621700*********8901');
    // 11 characters, the shortest that keeps 6 + 4: one '*'.
    expect(maskIdentity('62284800123')).toBe('622848*0123');
  });

  it('a value of 10 characters or fewer keeps only its first and last quarter: the whole is never shown', () => {
    // 10: floor(10/4) = 2 kept at each end, 6 '*'.
    expect(maskIdentity('6228480012')).toBe('62******12');
    // 4: 1 + 2 '*' + 1;  3 and fewer: nothing kept.
    expect(maskIdentity('6217')).toBe('6**7');
    expect(maskIdentity('621')).toBe('***');
    expect(maskIdentity('6')).toBe('*');
    for (let n = 1; n <= 10; n++) {
      const v = '1234567890'.slice(0, n);
      expect(maskIdentity(v)).not.toBe(v);
      expect(maskIdentity(v)).toHaveLength(n);
    }
  });

  it('a warning subject: an account whole, a payout keyed by ID number only its ID part, anything else as it is', () => {
    expect(maskSubjectId('account', '6217000012345678901')).toBe('621700*********8901');
    expect(maskSubjectId('payout', '610321199001011234:2018-03-01:低保')).toBe('610321********1234:2018-03-01:低保');
    expect(maskSubjectId('payout', 'FF2018001')).toBe('FF2018001');
    expect(maskSubjectId('payment', 'PZ0001')).toBe('PZ0001');
  });

  it('only the admin reads them whole; null and empty pass', () => {
    expect(ROLES.map((role) => privacyOf({ role, unitId: 7 }))).toEqual(['whole', 'masked', 'masked', 'masked', 'masked', 'masked']);
    expect(maskFor('masked', null)).toBeNull();
    expect(maskFor('masked', '')).toBe('');
    expect(maskFor('whole', '6217000012345678901')).toBe('6217000012345678901');
  });

  it("evidence: the fields declared personal (any rule's id_number, payee_account), the rest untouched", () => {
    const evidence = { id_number: '610321199001011234', payee_account: '6217000012345678901', name: '张三', days_apart: 3 };
    expect(maskEvidence(evidence, 'masked')).toEqual({
      id_number: '610321********1234', payee_account: '621700*********8901', name: '张三', days_apart: 3,
    });
    expect(maskEvidence(evidence, 'whole')).toBe(evidence);
  });

  it('the audit log: a 疑点 step copies its subject, masked for the supervisor, whole for the admin', () => {
    const detail = JSON.stringify({ rule: 'SHARED_ACCOUNT', subject: 'account:6217000012345678901', from: 'new', to: 'sent' });
    expect(describeAuditDetail(detail, new Map(), 'masked')).toBe('预警规则：一卡多人；对象：account:621700*********8901；原状态：待认定；新状态：待核实');
    expect(describeAuditDetail(detail, new Map(), 'whole')).toContain('对象：account:6217000012345678901');
    const payout = JSON.stringify({ subject: 'payout:610321199001011234:2018-03-01:低保' });
    expect(describeAuditDetail(payout)).toBe('对象：payout:610321********1234:2018-03-01:低保');
  });
});
