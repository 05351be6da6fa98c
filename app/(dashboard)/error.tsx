'use client';

/** Shown when a page cannot be computed (database missing, locked by another process, a failed query). */
export default function DashboardError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white px-6 py-8 text-center" role="alert">
      <h2 className="text-base font-semibold text-slate-900">页面数据加载失败</h2>
      <p className="mt-2 text-sm leading-6 text-slate-600">
        数据库可能正被数据导入或命令行工具占用，或文件不存在。请稍后重试；如持续出现，请联系信息中心。
      </p>
      {error.digest && <p className="mt-2 text-xs text-slate-400">错误编号：{error.digest}</p>}
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 h-9 rounded-md bg-navy-800 px-5 text-sm font-medium text-white hover:bg-navy-700"
      >
        重试
      </button>
    </div>
  );
}
