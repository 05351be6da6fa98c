import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { AUDIT_ACTION_LABELS, auditTargetLabel, auditUnitIds, describeAuditDetail } from '@/lib/auth/audit-labels';
import { serverDb } from '@/queries/server-db';
import { auditActions, auditActors, auditUnitNames, countAudit, listAudit, type AuditFilter } from '@/queries/auth/audit';
import { first, parseId, parseIsoDate, type SearchParams } from '@/lib/url-params';
import { formatCount } from '@/lib/format';
import { privacyOf } from '@/lib/privacy/mask';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { Pagination } from '@/components/ui/Pagination';
import { AuditFilterBar, type AuditFilterValues } from '@/components/audit/AuditFilterBar';
import { AuditTable } from '@/components/audit/AuditTable';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '审计日志' };

const PAGE_SIZE = 100;

/** 审计日志 (admin and supervisor; anyone else gets 404): sign-ins, imports, settings and user changes, read-only. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePermission(permissions.readAudit);
  const sp = await searchParams;
  const values: AuditFilterValues = {
    actor: first(sp.actor)?.trim().slice(0, 64) ?? '',
    action: first(sp.action)?.trim().slice(0, 64) ?? '',
    from: parseIsoDate(first(sp.from)) ?? '',
    to: parseIsoDate(first(sp.to)) ?? '',
  };
  const page = parseId(first(sp.page)) ?? 1;
  const filter: AuditFilter = { ...values, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const db = await serverDb();
  const [rows, count, stored, actors] = await Promise.all([listAudit(db, filter), countAudit(db, filter), auditActions(db), auditActors(db)]);
  // Ids in the details (an export's 镇/预算单位 filter) become names here, on the server: the table only draws.
  const names = await auditUnitNames(db, auditUnitIds(rows.map((r) => r.detail)));
  const described = rows.map((r) => ({ ...r, targetText: auditTargetLabel(r.target), detailText: describeAuditDetail(r.detail, names, privacyOf(viewer)) }));
  const actions = [...new Set([...Object.keys(AUDIT_ACTION_LABELS), ...stored])];
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const query = (p: number) => {
    const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
    if (p > 1) params.set('page', String(p));
    const text = params.toString();
    return `/audit${text ? `?${text}` : ''}`;
  };
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle title="审计日志" summary="登录、导入、撤销、设置和用户变更的记录，按时间倒序；只读，任何人都不能修改或删除" />
      <AuditFilterBar values={values} actions={actions} actors={actors} />
      <Card title="操作记录" aside={<span data-testid="audit-count">共 {formatCount(count)} 条</span>} testId="audit-card">
        {rows.length > 0 ? (
          <div className="space-y-3">
            <AuditTable rows={described} />
            <Pagination page={page} pages={pages} href={query} />
          </div>
        ) : (
          <p className="py-8 text-center text-sm text-slate-600" data-testid="audit-empty">
            {count > 0 ? '这一页没有记录，请返回第 1 页。' : '没有符合条件的记录。请放宽操作人、操作或日期范围，或点「重置」。'}
          </p>
        )}
      </Card>
    </div>
  );
}
