import Link from 'next/link';
import { formatCount } from '@/lib/format';

/** 上一页 / 第 n / N 页 / 下一页 as plain links; `href(page)` keeps the rest of the URL's filter. */
export function Pagination({ page, pages, href, testId = 'pagination' }: { page: number; pages: number; href: (page: number) => string; testId?: string }) {
  if (pages <= 1) return null;
  const link = 'inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50';
  const off = 'inline-flex h-8 items-center rounded-md border border-slate-200 px-3 text-sm text-slate-300';
  const at = Math.min(page, pages);
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center justify-end gap-2 text-sm text-slate-600 print:hidden" data-testid={testId}>
      {at > 1 ? <Link className={link} href={href(1)}>首页</Link> : <span className={off}>首页</span>}
      {at > 1 ? <Link className={link} href={href(at - 1)} rel="prev">上一页</Link> : <span className={off}>上一页</span>}
      <span className="px-1 tabular-nums">
        第 {formatCount(at)} / {formatCount(pages)} 页
      </span>
      {at < pages ? <Link className={link} href={href(at + 1)} rel="next">下一页</Link> : <span className={off}>下一页</span>}
      {at < pages ? <Link className={link} href={href(pages)}>末页</Link> : <span className={off}>末页</span>}
    </nav>
  );
}
