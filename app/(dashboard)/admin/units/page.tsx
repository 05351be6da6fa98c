import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { KIND_LABELS } from '@/lib/units/unit-admin';
import { first, type SearchParams } from '@/lib/url-params';
import { formatCount } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { listUnits, type ManagedKind } from '@/queries/units';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { UnitTable } from '@/components/admin/UnitTable';
import { addAliasAction, mergeUnitsAction, removeAliasAction, renameUnitAction, setParentAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '单位管理' };

const KINDS: ManagedKind[] = ['town', 'department', 'village'];

const ASIDE: Record<ManagedKind, string> = {
  town: '镇的分配和支付包括其下属单位（镇财政所、便民服务中心等）；镇人民政府、镇政府即镇本身',
  department: '属于某镇的单位计入该镇，不单列于部门排名',
  village: '村按所属镇区分同名村',
};

/** 单位管理 (admin only; anyone else gets 404): units by kind with parent and aliases; rename, parent, aliases, merge. */
export default async function UnitsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission(permissions.manageUnits);
  const asked = first((await searchParams).kind);
  const kind = KINDS.find((k) => k === asked) ?? 'town';
  const all = await listUnits(await serverDb());
  const units = all.filter((u) => u.kind === kind);
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle title="单位管理" summary="改名、所属镇、别名与合并 · 每次变更都记入审计日志" />
      <nav className="flex gap-1 text-sm" aria-label="单位类型">
        {KINDS.map((k) => (
          <Link key={k} href={`/admin/units?kind=${k}`} aria-current={k === kind ? 'page' : undefined} data-testid={`units-kind-${k}`}
            className={`rounded-md px-3 py-1.5 ${k === kind ? 'bg-navy-800 text-white' : 'text-slate-700 hover:bg-slate-100'}`}>
            {KIND_LABELS[k]} {formatCount(all.filter((u) => u.kind === k).length)}
          </Link>
        ))}
      </nav>
      <Card title={`${KIND_LABELS[kind]}（${formatCount(units.length)}）`} aside={ASIDE[kind]} testId="units">
        <UnitTable
          kind={kind}
          units={units}
          all={all}
          actions={{ rename: renameUnitAction, setParent: setParentAction, addAlias: addAliasAction, removeAlias: removeAliasAction, merge: mergeUnitsAction }}
        />
      </Card>
    </div>
  );
}
