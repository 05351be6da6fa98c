import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/server';
import { scopeOf } from '@/lib/auth/roles';
import { formatDayOf, formatYuan } from '@/lib/format';
import { privacyOf } from '@/lib/privacy/mask';
import { ruleById } from '@/lib/rules/registry';
import { SEVERITY_LABELS, SUBJECT_LABELS } from '@/lib/rules/types';
import { parseId } from '@/lib/url-params';
import { subjectHref } from '@/lib/warnings/links';
import { STATUS_LABELS, STEPS, WAITING_FOR, stepsFor, takesPart } from '@/lib/warnings/workflow';
import { serverDb } from '@/queries/server-db';
import { sendTargets, warningById, warningEvents } from '@/queries/warnings';
import { DEFAULT_REPLY_DAYS } from '@/queries/warnings/step';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { Evidence } from '@/components/warnings/Evidence';
import { StepForm } from '@/components/warnings/StepForm';
import { WarningHistory } from '@/components/warnings/WarningHistory';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '疑点详情' };

const SEVERITY_STYLES = { red: 'bg-red-600', orange: 'bg-orange-500', yellow: 'bg-yellow-400', blue: 'bg-sky-600' } as const;

/**
 * /warnings/[id]: one 疑点 (docs/workflow.md) — its rule, subject and evidence with a link to the subject's page, its
 * history, and the steps the viewer may take now. A warning the viewer may not read is 404, as an unknown one.
 */
export default async function WarningPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const id = parseId((await params).id);
  if (!id) notFound();
  const db = await serverDb();
  const w = await warningById(db, id, scopeOf(viewer), privacyOf(viewer));
  if (!w) notFound();
  const [events, targets] = await Promise.all([warningEvents(db, id), sendTargets(db)]);
  const rule = ruleById(w.rule_id);
  const steps = stepsFor(viewer, w).map((a) => ({ action: a, label: STEPS[a].label, comment: STEPS[a].comment }));
  const href = subjectHref(w.subject_type, w.subject_id);
  return (
    <div className="mx-auto max-w-[1200px] space-y-3">
      <nav className="text-sm text-slate-500" aria-label="位置">
        <Link href="/views/warnings" className="text-navy-700 hover:underline">预警列表</Link> / 疑点 #{w.id}
      </nav>
      <PageTitle
        title={`疑点 #${w.id} · ${rule?.name ?? w.rule_id}`}
        summary={`${STATUS_LABELS[w.status]}${w.cleared ? ' · 数据已消除' : ''} · 首次发现 ${formatDayOf(w.first_seen)} · 最近一次发现 ${formatDayOf(w.last_seen)}`}
      />
      <Card title="疑点" testId="warning-facts">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm">
          <dt className="text-slate-500">严重程度</dt>
          <dd data-testid="warning-severity" data-severity={w.severity}>
            <span className={`mr-1.5 inline-block h-2.5 w-2.5 rounded-full ${SEVERITY_STYLES[w.severity]}`} aria-hidden />
            {SEVERITY_LABELS[w.severity]}
          </dd>
          <dt className="text-slate-500">对象</dt>
          <dd>
            <span className="mr-1.5 text-slate-500">{SUBJECT_LABELS[w.subject_type] ?? w.subject_type}</span>
            {href ? <Link href={href} className="text-navy-700 hover:underline" data-testid="warning-subject">{w.subject_id}</Link> : w.subject_id}
          </dd>
          <dt className="text-slate-500">责任单位</dt><dd>{w.unit_name ?? '—'}</dd>
          <dt className="text-slate-500">金额</dt><dd className="tabular-nums">{w.amount === null ? '—' : `${formatYuan(w.amount)} 元`}</dd>
          <dt className="text-slate-500">核实单位</dt><dd>{w.assigned_name ?? '未下发'}</dd>
          <dt className="text-slate-500">答复期限</dt><dd>{w.deadline ?? '—'}</dd>
        </dl>
      </Card>
      <Card title="证据" testId="warning-evidence-card">
        <Evidence fields={rule?.evidence ?? []} values={w.evidence} />
      </Card>
      {/* Kept for the parties even when they have no step now, so the step just taken still shows its outcome. */}
      {takesPart(viewer, w) && (
        <Card title="处理" testId="warning-steps">
          <StepForm id={w.id} steps={steps} targets={targets} defaultDays={DEFAULT_REPLY_DAYS} waiting={WAITING_FOR[w.status]} />
        </Card>
      )}
      <Card title="处理记录">
        <WarningHistory warningId={w.id} events={events} />
      </Card>
    </div>
  );
}
