import Link from 'next/link';
import { BUTTON_LINK, BUTTON_PRIMARY } from './form';

/** The end of every filter bar: 查询 submits the GET form, 重置 goes back to the page without its query string. */
export function FilterActions({ resetHref, className = '' }: { resetHref: string; className?: string }) {
  return (
    <div className={`${className} flex items-center gap-2`.trim()}>
      <button type="submit" className={BUTTON_PRIMARY}>
        查询
      </button>
      <Link href={resetHref} className={BUTTON_LINK}>
        重置
      </Link>
    </div>
  );
}
