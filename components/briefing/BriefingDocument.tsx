import type { ReactNode } from 'react';
import type { Briefing } from '@/lib/briefing/types';
import type { GapBand } from '@/lib/settings';
import type { ViewRow } from '@/lib/views/types';
import { formatCount, formatDate, formatPointsShort, formatRate, yuanToWan } from '@/lib/format';
import { LEVEL_LABELS, LEVELS } from '@/components/labels';
import { briefingTitle } from '@/lib/briefing/title';
import { briefingCharts } from '@/lib/briefing/charts';

/** The charts' size in CSS pixels: the A4 text width (210 − 2 × 18 mm ≈ 658 px at 96 dpi), so the PDF keeps them 1:1. */

/**
 * One 通报 as an A4 document (docs/briefing.md), drawn alike by the /briefing page and the PDF (lib/briefing/pdf.ts),
 * so it is a plain server component: no hooks, no client code, its charts SVG drawn on the server, its look in
 * components/briefing/briefing.css (classes bd-*), which the PDF inlines because it renders outside Next.
 */
export function BriefingDocument({ b }: { b: Briefing }) {
  const scopeText = b.scope.kind === 'county' ? '全县' : `${b.scopeName}（股室报告）`;
  const ranked = [
    { id: 'sections', title: '股室支出进度排名', name: '股室', total: '收到指标', rows: b.rankings.sections },
    { id: 'departments', title: '部门支出进度排名', name: '部门', total: '预算(已分配)', rows: b.rankings.departments },
    { id: 'towns', title: '镇(中心)支出进度排名', name: '镇(中心)', total: '预算(已分配)', rows: b.rankings.towns },
  ].filter((r) => r.rows.length > 0);
  let section = 0;
  const heading = (text: string) => <h2 className="bd-h2">{`${'一二三四五六七八'[section++]}、${text}`}</h2>;
  return (
    <article className="bd-doc" data-testid="briefing-document">
      <header className="bd-head">
        <h1 className="bd-title">{briefingTitle(b)}</h1>
        <p className="bd-meta">
          {`${b.year}年度 · 截止日期 ${formatDate(b.asOf)} · 范围：${scopeText} · 金额单位：万元`}
        </p>
      </header>

      <section className="bd-summary" data-testid="briefing-summary">
        {b.summary.map((p) => <p key={p}>{p}</p>)}
      </section>

      {heading('分级次支出进度')}
      <LevelTable b={b} />
      {briefingCharts(b).map((c) => <Figure key={c.title} caption={c.title} svg={c.svg} />)}

      {ranked.map((r) => (
        <section key={r.id}>
          {heading(r.title)}
          <RankingTable testId={`briefing-ranking-${r.id}`} rows={r.rows} name={r.name} total={r.total} bands={b.gapBands} comparedWith={b.comparedWith} />
        </section>
      ))}
      {ranked.length > 0 && <BandLegend bands={b.gapBands} />}

      {heading('滞留资金（闲置90天以上）')}
      <StalledTable b={b} />

      {heading('预警核实情况')}
      <WarningsTable rows={b.warningsByUnit} />

      <footer className="bd-foot">{`数据指纹 ${b.dataHash.slice(0, 16)}：同一截止日期、数据未变时重新生成，数字与指纹不变。`}</footer>
    </article>
  );
}

function Figure({ caption, svg }: { caption: string; svg: string }) {
  return (
    <figure className="bd-figure">
      {/* SVG drawn by ECharts on the server from our own option (lib/charts/ssr.ts): no user markup in it. */}
      <div className="bd-chart" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

function Table({ head, children, testId, empty }: { head: string[]; children: ReactNode[]; testId: string; empty: string }) {
  return (
    <table className="bd-table" data-testid={testId}>
      <thead>
        <tr>{head.map((h) => <th key={h}>{h}</th>)}</tr>
      </thead>
      <tbody>
        {children.length ? children : <tr><td colSpan={head.length} className="bd-empty">{empty}</td></tr>}
      </tbody>
    </table>
  );
}

const wan = (yuan: unknown) => yuanToWan(String(yuan));
const gap = (points: unknown) => formatPointsShort(Number(points));

function LevelTable({ b }: { b: Briefing }) {
  const rows = [...LEVELS.flatMap((level) => b.levels.filter((l) => l.level === level)), ...b.levels.filter((l) => l.level === null)];
  return (
    <Table testId="briefing-levels" empty="本年度尚无指标" head={['级次', '收到指标', '已分配', '已支付', '支出进度', '序时进度', '超(短)序时进度', '超(短)序时金额']}>
      {rows.map((l) => (
        <tr key={l.level ?? 'total'} className={l.level === null ? 'bd-total' : undefined}>
          <td>{l.level === null ? '合计' : LEVEL_LABELS[l.level]}</td>
          <td className="bd-num">{wan(l.total)}</td>
          <td className="bd-num">{wan(l.allocated)}</td>
          <td className="bd-num">{wan(l.paid)}</td>
          <td className="bd-num">{formatRate(l.spend_rate)}</td>
          <td className="bd-num">{formatRate(b.timeProgress)}</td>
          <td className="bd-num">{gap(l.gap_points)}</td>
          <td className="bd-num">{wan(l.gap_amount)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** 环比 with its arrow, as the views' pages show a 'change' column. */
function Change({ points }: { points: unknown }) {
  if (points === null || points === undefined) return <>—</>;
  const text = formatPointsShort(Number(points));
  const arrow = Number(text) > 0 ? '↑' : Number(text) < 0 ? '↓' : '';
  return <span className={arrow === '↑' ? 'bd-up' : arrow === '↓' ? 'bd-down' : undefined}>{`${arrow}${text}`}</span>;
}

function Band({ id, bands }: { id: unknown; bands: GapBand[] }) {
  const band = bands.find((x) => x.id === id);
  return band ? <span className={`bd-band bd-band-${band.id}`}>{band.label}</span> : <>—</>;
}

function RankingTable({ testId, rows, name, total, bands, comparedWith }: {
  testId: string; rows: ViewRow[]; name: string; total: string; bands: GapBand[]; comparedWith: string;
}) {
  return (
    <Table testId={testId} empty="无" head={['排名', name, total, '已支付', '支出进度', '超(短)序时进度', `环比(较${formatDate(comparedWith).slice(5)})`, '色带']}>
      {rows.map((r) => (
        <tr key={String(r.id)} className={`bd-row-${String(r.band)}`}>
          <td className="bd-num">{formatCount(Number(r.rank))}</td>
          <td>{String(r.name)}</td>
          <td className="bd-num">{wan(r.total)}</td>
          <td className="bd-num">{wan(r.paid)}</td>
          <td className="bd-num">{formatRate(Number(r.spend_rate))}</td>
          <td className="bd-num">{gap(r.gap_points)}</td>
          <td className="bd-num"><Change points={r.change_points} /></td>
          <td><Band id={r.band} bands={bands} /></td>
        </tr>
      ))}
    </Table>
  );
}

function BandLegend({ bands }: { bands: GapBand[] }) {
  return (
    <p className="bd-legend">
      色带（超(短)序时进度）：{bands.map((band) => <Band key={band.id} id={band.id} bands={bands} />)}
    </p>
  );
}

function StalledTable({ b }: { b: Briefing }) {
  const { count, balance } = b.stalledTotal;
  return (
    <>
      <p className="bd-note">{`共${formatCount(count)}笔、${yuanToWan(balance)}万元${count > b.stalled.length ? `，下表列余额最大的${b.stalled.length}笔` : ''}。`}</p>
      <Table testId="briefing-stalled" empty="无闲置90天以上的滞留资金" head={['单位', '资金', '股室', '指标明细号', '已分配', '已支付', '滞留余额', '滞留天数', '最后支付']}>
        {b.stalled.map((r) => (
          <tr key={String(r.id)}>
            <td>{String(r.name)}</td>
            <td>{String(r.fund)}</td>
            <td>{String(r.section ?? '')}</td>
            <td>{String(r.indicator)}</td>
            <td className="bd-num">{wan(r.allocated)}</td>
            <td className="bd-num">{wan(r.paid)}</td>
            <td className="bd-num">{wan(r.balance)}</td>
            <td className="bd-num">{formatCount(Number(r.idle_days))}</td>
            <td>{r.last_paid ? formatDate(String(r.last_paid)) : '未支付'}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function WarningsTable({ rows }: { rows: ViewRow[] }) {
  return (
    <Table testId="briefing-warnings" empty="尚无下发核实的预警" head={['核实单位', '下发数', '已答复', '处理率', '已整改', '整改率', '逾期', '涉及金额']}>
      {rows.map((r) => (
        <tr key={String(r.id)}>
          <td>{String(r.name)}</td>
          <td className="bd-num">{formatCount(Number(r.sent))}</td>
          <td className="bd-num">{formatCount(Number(r.answered))}</td>
          <td className="bd-num">{formatRate(Number(r.answer_rate))}</td>
          <td className="bd-num">{formatCount(Number(r.rectified))}</td>
          <td className="bd-num">{formatRate(Number(r.rectify_rate))}</td>
          <td className={Number(r.overdue) > 0 ? 'bd-num bd-down' : 'bd-num'}>{formatCount(Number(r.overdue))}</td>
          <td className="bd-num">{wan(r.amount)}</td>
        </tr>
      ))}
    </Table>
  );
}
