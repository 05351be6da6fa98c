import { READ_ONLY_BANNER } from '@/lib/faults/read-only';

/** On every page while the server's database is read-only (docs/reliability.md "Read-only database"). */
export function ReadOnlyBanner({ readOnly }: { readOnly: boolean }) {
  if (!readOnly) return null;
  return (
    <div role="status" data-testid="read-only-banner" className="border-b border-amber-300 bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-900">
      {READ_ONLY_BANNER}（导入、运行规则、处理疑点和修改设置均不可用）
    </div>
  );
}
