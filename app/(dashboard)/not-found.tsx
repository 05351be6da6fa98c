import Link from 'next/link';

/**
 * A page that does not exist, or one the viewer's role may not use: both answer 404 with the same words, so a URL
 * reveals nothing about pages the viewer cannot open.
 */
export default function NotFound() {
  return (
    <div className="mx-auto mt-6 max-w-xl rounded-lg border border-slate-200 bg-white px-6 py-8 text-center" data-testid="not-found">
      <h1 className="text-base font-semibold text-slate-900">页面不存在</h1>
      <p className="mt-2 text-sm leading-6 text-slate-600">您访问的页面不存在，或您的账户无权使用。如需相应权限，请联系信息中心。</p>
      <Link href="/" className="mt-4 inline-block h-9 rounded-md bg-navy-800 px-5 text-sm leading-9 font-medium text-white hover:bg-navy-700">
        返回总览
      </Link>
    </div>
  );
}
