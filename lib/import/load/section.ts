import type { Db } from '@/queries/db';
import { KIND_LABELS, type ImportKind } from '../types';

/**
 * A 股室 (section) imports only the funds it manages (issue 4): each row must belong to one of its funds — through
 * the row's fund (指标台账, 惠民发放), through the row's indicator (分配下达; 支付明细 by 明细号 or 文号 + 资金), or
 * through the payment's own 资金名称 when no indicator is known. The check itself is SQL (queries/import/section.sql
 * and the view, view-sql.ts); this module decides, before anything is read, whether the kind may be imported at all.
 */

/** The kinds whose rows belong to a fund. The rest (项目库, 绩效目标 and the comparison lists) are the admin's. */
export const SECTION_KINDS: readonly ImportKind[] = ['indicators', 'allocations', 'payments', 'payouts'];

/**
 * Throws, with a message for the user, when a section may not import this kind or the section does not exist. Runs
 * before the file is touched, so a refused import leaves nothing behind (no raw copy, no batch).
 */
export async function assertSectionMayImport(db: Db, kind: ImportKind, sectionId: number): Promise<void> {
  if (!Number.isSafeInteger(sectionId)) throw new Error(`股室编号无效：${sectionId}`);
  if (!SECTION_KINDS.includes(kind)) {
    throw new Error(`股室用户不能导入“${KIND_LABELS[kind]}”：这类数据不属于某一项资金，请由管理员导入`);
  }
  const row = await db.one<{ n: string }>("SELECT count(*) AS n FROM units WHERE id = $id AND kind = 'section'", { id: sectionId });
  if (Number(row?.n ?? 0) === 0) throw new Error(`股室不存在（单位编号 ${sectionId}），不能按股室导入`);
}
