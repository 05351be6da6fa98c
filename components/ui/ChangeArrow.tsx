import { formatPointsShort } from '@/lib/format';

/**
 * 环比: a change of 支出进度 in points with its arrow, '↑ +3.2' or '↓ -1.5' (docs/navigation.md). Teal and purple, not
 * the gap bands' green and red, which carry only the bands' meaning (docs/measures.md). No change then: '—'.
 */
export function ChangeArrow({ points, since }: { points: number | null; since?: string }) {
  if (points === null) return <span className="text-slate-400" title="上月末无数据">—</span>;
  const shown = formatPointsShort(points);
  const dir = Number(shown) > 0 ? 'up' : Number(shown) < 0 ? 'down' : 'flat';
  const look = { up: 'text-teal-700', down: 'text-purple-700', flat: 'text-slate-500' }[dir];
  const arrow = { up: '↑', down: '↓', flat: '→' }[dir];
  return (
    <span className={`whitespace-nowrap tabular-nums ${look}`} data-change={dir} title={since ? `较${since}，百分点` : '百分点'}>
      <span aria-hidden>{arrow}</span> {shown}
      <span className="sr-only">{{ up: '上升', down: '下降', flat: '持平' }[dir]}</span>
    </span>
  );
}
