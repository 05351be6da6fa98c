import { describe, expect, it } from 'vitest';
import { permissions, type Who } from '@/lib/auth/permissions';
import { ROLES, ROLE_UNIT_KIND, scopeOf, type Role } from '@/lib/auth/roles';
import { viewById } from '@/lib/views/registry';
import { briefingScopeFor, briefingScopeParam } from '@/lib/briefing/request';

/** A viewer of each role; a scoped role is bound to unit 7. */
const who = (role: Role): Who => ({ role, unitId: ROLE_UNIT_KIND[role] ? 7 : null });
const view = (id: string) => (v: Who) => viewById(id)!.allowed(scopeOf(v));

/** Every decision lib/auth/permissions.ts makes for a viewer alone, in the table's column order. */
const DECISIONS: [string, (v: Who) => boolean][] = [
  ['manageUsers', permissions.manageUsers],
  ['manageUnits', permissions.manageUnits],
  ['manageSettings', permissions.manageSettings],
  ['manageCatalog', permissions.manageCatalog],
  ['readAudit', permissions.readAudit],
  ['import', permissions.import],
  ['importAnyFund', permissions.importAnyFund],
  ['createUnitsOnImport', permissions.createUnitsOnImport],
  ['bindFundAlias', permissions.bindFundAlias],
  ['seeRankings', permissions.seeRankings],
  ['view towns', view('towns')],
  ['view departments', view('departments')],
  ['view sections', view('sections')],
  ['manageRuleSettings', permissions.manageRuleSettings],
  ['runRules', permissions.runRules],
  ['view todo', view('todo')],
  ['seeIdentities', permissions.seeIdentities],
  ['manageRiskPoints', permissions.manageRiskPoints],
  ['manageCalendar', permissions.manageCalendar],
  ['decideWarnings', permissions.decideWarnings],
  ['manageAllApiTokens', permissions.manageAllApiTokens],
];

// docs/roles.md and docs/views.md, one row per role: 1 = allowed.
//                                users units settings catalog audit import anyFund newUnits alias rankings towns depts sections ruleSettings runRules todo identities riskPoints calendar decide allTokens
const TABLE: Record<Role, number[]> = {
  admin:      [1,    1,    1,       1,      1,    1,     1,      1,       1,    1,       1,    1,    1,       1,           1,           0,           1,  1,         1,       1,       1],
  leader:     [0,    0,    0,       0,      0,    0,     0,      0,       0,    1,       1,    1,    1,       0,           0,           0,           0,  0,         0,       0,       0],
  supervisor: [0,    0,    0,       0,      1,    0,     0,      0,       0,    1,       1,    1,    1,       0,           1,           0,           0,  0,         0,       1,       0],
  section:    [0,    0,    0,       0,      0,    1,     0,      0,       1,    0,       0,    0,    1,       0,           0,           1,           0,  1,         0,       0,       0],
  department: [0,    0,    0,       0,      0,    0,     0,      0,       0,    0,       0,    1,    0,       0,           0,           1,           0,  0,         0,       0,       0],
  town:       [0,    0,    0,       0,      0,    0,     0,      0,       0,    0,       1,    0,    0,       0,           0,           1,           0,  0,         0,       0,       0],
};

describe('who may do what (lib/auth/permissions.ts), per role', () => {
  for (const role of ROLES) {
    it(role, () => {
      const got = DECISIONS.map(([name, allowed]) => [name, allowed(who(role)) ? 1 : 0]);
      expect(got).toEqual(DECISIONS.map(([name], i) => [name, TABLE[role][i]]));
    });
  }

  it('imports: admin every kind and any fund; a 股室 four kinds, only its own funds; nobody else any', () => {
    expect(permissions.importKinds(who('admin'))).toHaveLength(10);
    expect([...permissions.importKinds(who('section'))]).toEqual(['indicators', 'allocations', 'payments', 'payouts']);
    for (const role of ['leader', 'supervisor', 'department', 'town'] as const) expect(permissions.importKinds(who(role))).toEqual([]);
    expect(permissions.importSection(who('admin'))).toBeUndefined();
    expect(permissions.importSection(who('section'))).toBe(7);
    // An unbound 股室 is restricted to no fund at all, never to every fund.
    expect(permissions.importSection({ role: 'section', unitId: null })).toBe(-1);
  });

  it('a batch, an alias and a saved mapping: by the 股室 the viewer belongs to, or by who saved it', () => {
    const ours = { options: { section_id: 7 } };
    const admins = { options: {} };
    expect([permissions.manageBatch(who('admin'), admins), permissions.manageBatch(who('section'), ours)]).toEqual([true, true]);
    expect(permissions.manageBatch(who('section'), admins)).toBe(false);
    expect(permissions.manageBatch({ role: 'section', unitId: 8 }, ours)).toBe(false);
    expect(permissions.manageBatch(who('town'), { options: { section_id: 7 } })).toBe(false); // a town bound to unit 7 too
    expect(permissions.bindFundAliasTo(who('section'), { section_id: 7 })).toBe(true);
    expect(permissions.bindFundAliasTo(who('section'), { section_id: 8 })).toBe(false);
    expect(permissions.bindFundAliasTo(who('admin'), { section_id: 8 })).toBe(true);
    expect(permissions.bindFundAliasTo(who('department'), { section_id: 7 })).toBe(false);
    expect(permissions.managePreset({ role: 'section', username: 'a' }, { created_by: 'a' })).toBe(true);
    expect(permissions.managePreset({ role: 'section', username: 'b' }, { created_by: 'a' })).toBe(false);
    expect(permissions.managePreset({ role: 'admin', username: 'b' }, { created_by: 'a' })).toBe(true);
    // An API token: its owner, whatever the role, or the admin.
    expect(permissions.revokeApiToken({ role: 'town', id: 5 }, { user_id: 5 })).toBe(true);
    expect(permissions.revokeApiToken({ role: 'leader', id: 6 }, { user_id: 5 })).toBe(false);
    expect(permissions.revokeApiToken({ role: 'admin', id: 1 }, { user_id: 5 })).toBe(true);
  });
});

describe('通报 (docs/briefing.md): who reads which report', () => {
  const county = { kind: 'county' } as const;
  const own = { kind: 'section', unitId: 7 } as const;
  const other = { kind: 'section', unitId: 8 } as const;
  // readBriefing, then readBriefingOf the county's, the 股室 7's own, another 股室's; each scoped role is bound to unit 7.
  const EXPECTED: Record<Role, [number, number, number, number]> = {
    admin: [1, 1, 1, 1],
    leader: [1, 1, 1, 1],
    supervisor: [1, 1, 1, 1],
    section: [1, 0, 1, 0],
    department: [0, 0, 0, 0],
    town: [0, 0, 0, 0],
  };
  it.each(ROLES)('%s', (role) => {
    const v = who(role);
    const got = [permissions.readBriefing(v), ...[county, own, other].map((s) => permissions.readBriefingOf(v, s))].map(Number);
    expect(got).toEqual(EXPECTED[role]);
  });

  it('refuses a 股室 account bound to no unit', () => {
    expect(permissions.readBriefing({ role: 'section', unitId: null })).toBe(false);
  });

  it('reads the scope from the URL, a 股室 user’s own by default, and refuses what the viewer may not read', () => {
    expect(briefingScopeFor(who('leader'), undefined)).toEqual({ kind: 'county' });
    expect(briefingScopeFor(who('leader'), 'section:8')).toEqual({ kind: 'section', unitId: 8 });
    expect(briefingScopeFor(who('section'), undefined)).toEqual({ kind: 'section', unitId: 7 });
    expect(briefingScopeFor(who('section'), 'section:7')).toEqual({ kind: 'section', unitId: 7 });
    expect(briefingScopeFor(who('section'), 'county')).toBeNull();
    expect(briefingScopeFor(who('town'), undefined)).toBeNull();
    expect(briefingScopeFor(who('leader'), 'section:x')).toBeNull();
    expect(briefingScopeParam({ kind: 'section', unitId: 4 })).toBe('section:4');
  });
});
