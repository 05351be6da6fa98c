import { IMPORT_KINDS, type ImportKind } from '@/lib/import/types';
import type { BriefingScope } from '@/lib/briefing/types';
import { scopeOf, type Scope, type Viewer } from './roles';

/**
 * Who may do what, declared once (docs/roles.md). Pages, routes, server actions, the navigation and the views'
 * registry ask these predicates instead of comparing role names; what a viewer may *read* within a page is its Scope,
 * applied in SQL (queries/visibility.sql, queries/overview/scope.sql).
 */

/** The part of a viewer a decision needs: the role and the unit it is bound to. */
export type Who = Pick<Viewer, 'role' | 'unitId'>;

/** What a 股室 exports from its own systems; the reference lists and the 项目库 are loaded by 信息中心. */
const SECTION_IMPORT_KINDS: readonly ImportKind[] = ['indicators', 'allocations', 'payments', 'payouts'];

const isAdmin = (v: Who) => v.role === 'admin';
const isSection = (v: Who) => v.role === 'section';
/** The 股室 a 股室 user acts for; null when unbound (a scoped account without a binding may act for none). */
const ownSection = (v: Who) => (isSection(v) ? v.unitId : null);

/** A fund's own settings (its aliases, its risk points): the admin any fund, a 股室 the funds it manages. */
const managesFund = (v: Who, fund: { section_id: number }) =>
  isAdmin(v) || (ownSection(v) !== null && ownSection(v) === fund.section_id);

/** The 股室 whose funds a viewer acts on: undefined for the admin (every fund), -1 (no fund) for an unbound 股室. */
const fundsSection = (v: Who): number | undefined => (isAdmin(v) ? undefined : (ownSection(v) ?? -1));

/** The 股室 an import batch was made for (import_batches.options.section_id), or null for an admin's batch. */
function batchSection(batch: { options: Record<string, unknown> }): number | null {
  const id = batch.options.section_id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

/** The roles that read the whole county (admin, leader, supervisor). */
const readsCounty = (v: Who) => scopeOf(v).kind === 'all';

/** The kinds a viewer may import (empty for roles that may not import at all). */
function importKinds(v: Who): readonly ImportKind[] {
  if (isAdmin(v)) return IMPORT_KINDS;
  if (isSection(v)) return SECTION_IMPORT_KINDS;
  return [];
}

/** A view or ranking that compares units of one kind: the unscoped roles read every line, a scoped viewer of that
 * kind its own line (docs/views.md: who may read which view). */
const ranking = (kind: 'town' | 'department' | 'section') => (scope: Scope) => scope.kind === 'all' || scope.kind === kind;
/** A view every role reads, each measured on its own money by the view's SQL (资金台账, 项目, 滞留资金). */
const everyone = (_scope: Scope) => true;
/** 待办: the doubts a 股室, 部门 or 镇 has to answer (docs/workflow.md); the unscoped roles answer none. */
const answering = (scope: Scope) => scope.kind !== 'all';

export const permissions = {
  /** 用户管理 */
  manageUsers: isAdmin,
  /** 单位管理: rename, merge, parents and aliases (docs/units.md). */
  manageUnits: isAdmin,
  /** 设置 */
  manageSettings: isAdmin,
  /** 预警规则的启用与阈值 (设置, docs/rules.md). */
  manageRuleSettings: isAdmin,
  /** 节假日与调休: adding and removing the calendar's days that deadlines count on (docs/workflow.md). */
  manageCalendar: isAdmin,
  /** 备份: a backup through the server, the nightly backup's setting (docs/backups.md). */
  manageBackups: isAdmin,
  /**
   * Deciding on 疑点 (docs/workflow.md): 认定正常, 下发核实, 退回, 销号 — supervision and the admin. The workflow's table
   * (lib/warnings/workflow.ts) asks this for its supervision steps; 预警列表 offers its bulk actions to these viewers.
   */
  decideWarnings: (v: Who) => isAdmin(v) || v.role === 'supervisor',
  /** Running the warning rules on demand (docs/rules.md "Running the rules"). */
  runRules: (v: Who) => isAdmin(v) || v.role === 'supervisor',
  /** 资金目录: the catalog page and removing aliases (docs/fund-matching.md). */
  manageCatalog: isAdmin,
  /** 审计日志 */
  readAudit: (v: Who) => isAdmin(v) || v.role === 'supervisor',
  /** 比对名单: the lists the rules compare payouts and payees with (their 撤销 is manageBatch's). */
  readComparisonLists: (v: Who) => isAdmin(v) || v.role === 'supervisor',
  /** 数据导入: admin for anything; a 股室 only its own funds' data (checked per row by the importer). */
  import: (v: Who) => importKinds(v).length > 0,
  /** The kinds the import page offers and the upload, preset and commit routes accept. */
  importKinds,
  importKind: (v: Who, kind: ImportKind) => importKinds(v).includes(kind),
  /** Imports any fund's rows; otherwise only the rows of the funds its 股室 manages. */
  importAnyFund: isAdmin,
  /** Creating towns, departments or villages while importing is the admin's call. */
  createUnitsOnImport: isAdmin,
  /** The 股室 whose funds an import is restricted to: undefined for the admin, -1 (no fund) for an unbound 股室. */
  importSection: fundsSection,
  /**
   * A batch's reject report, raw file and 撤销: admin any batch; a 股室 user the batches imported for the 股室 it
   * belongs to now, whoever of its users imported them (docs/import-limits.md).
   */
  manageBatch: (v: Who, batch: { options: Record<string, unknown> }) =>
    isAdmin(v) || (ownSection(v) !== null && batchSection(batch) === ownSection(v)),
  /** Overwriting or deleting a saved mapping: the admin, or the user who saved it. */
  managePreset: (v: Pick<Viewer, 'role' | 'username'>, preset: { created_by: string | null }) =>
    v.role === 'admin' || preset.created_by === v.username,
  /** Binding a file's fund name to a fund (an alias): whoever imports (docs/fund-matching.md). */
  bindFundAlias: (v: Who) => isAdmin(v) || isSection(v),
  /** …to this fund: the admin any, a 股室 only the funds it manages. */
  bindFundAliasTo: managesFund,
  /** 个性风险点 (docs/rules.md "Risk points per fund"): the page, for the admin and a 股室 bound to its unit. */
  manageRiskPoints: (v: Who) => isAdmin(v) || ownSection(v) !== null,
  /** …of this fund: the admin any, a 股室 only the funds it manages; the server refuses the rest. */
  setRiskPoints: managesFund,
  /** The funds the risk points page lists: undefined for all (the admin), else the 股室's own (-1: none). */
  riskPointsSection: fundsSection,
  /** The overview's town ranking compares the county's towns: for viewers who read the whole county. */
  seeRankings: (v: Who) => scopeOf(v).kind === 'all',
  /**
   * Personal API tokens (docs/security.md): every user makes and revokes their own on 账户 → API 令牌; the admin also
   * sees everyone's and may revoke any.
   */
  manageAllApiTokens: isAdmin,
  revokeApiToken: (v: Pick<Viewer, 'role' | 'id'>, token: { user_id: number }) => v.role === 'admin' || token.user_id === v.id,
  /** ID numbers and bank accounts whole; everyone else reads them masked (docs/roles.md "Personal data"). */
  seeIdentities: isAdmin,
  /** 通报 (docs/briefing.md): the county's for the roles that read the county, a 股室 bound to its unit its own
   * report; a 部门 or 镇 none (a 通报 ranks the units it is issued to). */
  readBriefing: (v: Who) => readsCounty(v) || ownSection(v) !== null,
  /** …of this scope (the page, PDF, Word, the archive's list and re-download): the county's roles any, the county's or
   * a 股室's; a 股室 only its own. */
  readBriefingOf: (v: Who, s: BriefingScope) =>
    readsCounty(v) || (s.kind === 'section' && ownSection(v) !== null && s.unitId === ownSection(v)),
  /** The views' `allowed` (lib/views/registry.ts). */
  view: { ranking, everyone, answering },
};
