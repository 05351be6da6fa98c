import type { Db } from '../db';
import { connRows } from '../db';
import { namedSql } from '../sql';
import { auditOn } from '../auth/audit';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import type { SettingsResult } from '@/lib/settings-admin';

const sql = () => namedSql('queries/funds/risk-points.sql');

/** A fund's 个性风险点 (docs/rules.md "Risk points per fund"); null: the rule's own setting applies. */
export interface RiskPoints {
  alloc_days: number | null;
  /** YYYY-MM-DD */
  final_date: string | null;
  idle_days: number | null;
}

export const RISK_POINT_KEYS = ['alloc_days', 'final_date', 'idle_days'] as const;

export interface FundRiskPoints extends RiskPoints {
  id: number;
  level: 'central' | 'province' | 'city' | 'county';
  seq: number;
  name: string;
  section_id: number;
  section: string | null;
  updated_by: string | null;
  updated_at: string | null;
}

/** The funds of a 股室 (undefined: every fund) in catalog order, with their risk points. */
export function listRiskPoints(db: Db, section: number | undefined): Promise<FundRiskPoints[]> {
  return db.all<FundRiskPoints>(sql().list, { section: section ?? null });
}

/**
 * Sets a fund's risk points for a viewer allowed to (permissions.setRiskPoints: the admin any fund, a 股室 its own),
 * auditing each value that changed, old → new. The values are read, written and audited in one transaction, so the
 * audit's old values are the ones replaced and the change and its record land together. An unchanged form writes nothing.
 */
export async function saveRiskPoints(db: Db, actor: Viewer | null, fundId: number, points: RiskPoints, ip: string | null): Promise<SettingsResult> {
  if (!actor || !permissions.manageRiskPoints(actor)) return { ok: false, error: '无权设置资金风险点' };
  return db.transaction(async (conn): Promise<SettingsResult> => {
    const [fund] = await connRows<RiskPoints & { id: number; section_id: number; label: string }>(conn, sql().fund, { fund_id: fundId });
    if (!fund) return { ok: false, error: '资金不在目录中' };
    if (!permissions.setRiskPoints(actor, fund)) return { ok: false, error: `无权设置其他股室资金的风险点：${fund.label}` };
    const changed = Object.fromEntries(RISK_POINT_KEYS
      .filter((k) => fund[k] !== points[k])
      .map((k) => [k, { from: fund[k], to: points[k] }]));
    if (Object.keys(changed).length === 0) return { ok: true, message: `${fund.label}：风险点没有变化` };
    await conn.run(sql().save, { fund_id: fund.id, ...points, updated_by: actor.username });
    await auditOn(conn, { actor: actor.username, action: 'fund_risk_points', target: fund.label, detail: { fund_id: fund.id, ...changed }, ip });
    return { ok: true, message: `${fund.label}：风险点已保存` };
  });
}
