import type { Db } from '@/queries/db';
import { namedSql } from '@/queries/sql';
import { audit } from '@/queries/auth/audit';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import { serialized } from '@/lib/import/load/serialize';

const sql = () => namedSql('queries/funds/catalog.sql');

/** A refused alias edit: the message is for the user; status says how a route answers it. */
export class AliasError extends Error {
  constructor(message: string, readonly status: 400 | 403 | 404 | 409 = 400) {
    super(message);
    this.name = 'AliasError';
  }
}

interface FundRow {
  id: number;
  level: string;
  seq: number;
  name: string;
  section_id: number;
  label: string;
}

/** Aliases are names; longer text is a pasted cell or a mistake. */
const MAX_ALIAS = 100;

/** Codes and ids are read before names (lookup_funds.sql), so such an alias would never be used. */
const CODE_LIKE = /^(\d+|([a-z]+|中央|省|市|县)[-_]?\d+)$/i;


/**
 * Saves an alias: the text as the file writes it comes to mean this fund (at the fund's level, docs/fund-matching.md),
 * and the audit log says who did it. Refused when the text already names a fund of that level (the catalog's name
 * or another alias), so a name never means two funds of one level.
 */
export async function addAlias(db: Db, viewer: Viewer, input: { alias: string; fundId: number }, ip: string | null = null) {
  const alias = input.alias.trim();
  if (!alias) throw new AliasError('别名不能为空');
  if (alias.length > MAX_ALIAS) throw new AliasError(`别名不能超过 ${MAX_ALIAS} 个字`);
  if (CODE_LIKE.test(alias)) throw new AliasError(`“${alias}”会被当作资金代码或编号读取，不能作为别名`);
  const fund = await db.one<FundRow>(sql().fund, { id: input.fundId });
  if (!fund) throw new AliasError('资金不在目录中', 404);
  if (!permissions.bindFundAliasTo(viewer, fund)) throw new AliasError(`无权为其他股室的资金添加别名：${fund.label}`, 403);
  // In the imports' queue: the check and the insert are not interleaved with another alias or an import's lookups.
  const row = await serialized(db, async () => {
    const taken = await db.all<{ fund_id: number; via: string; label: string }>(sql().same_level_names, { alias, level: fund.level });
    if (taken.length > 0) {
      const t = taken[0];
      throw new AliasError(t.fund_id === fund.id
        ? `“${alias}”已经指向${fund.label}`
        : `“${alias}”已经是同级资金${t.label}的${t.via === 'alias' ? '别名' : '名称'}，不能再指向${fund.label}`, 409);
    }
    return (await db.write<{ id: number }>(sql().insert, { alias, fund_id: fund.id, actor: viewer.username }))[0];
  });
  await audit(db, {
    actor: viewer.username, action: 'fund_alias_add', target: fund.label,
    detail: { alias, fund_id: fund.id }, ip,
  });
  return { id: row!.id, alias, fund_id: fund.id, fund: fund.label };
}

/** Removes an alias (admin only, checked by the route); the audit log keeps what it was. */
export async function removeAlias(db: Db, viewer: Viewer, id: number, ip: string | null = null): Promise<void> {
  const row = await db.one<{ id: number; alias: string; fund_id: number; fund: string }>(sql().alias, { id });
  if (!row) throw new AliasError('别名不存在或已删除', 404);
  await db.run(sql().delete, { id });
  await audit(db, {
    actor: viewer.username, action: 'fund_alias_delete', target: row.fund,
    detail: { alias: row.alias, fund_id: row.fund_id }, ip,
  });
}
