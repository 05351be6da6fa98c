const STEPS = ['选择文件', '上传', '表头映射', '导入结果'] as const;

/** The four steps of an import, the current one highlighted; finished ones are marked done. */
export function Steps({ current }: { current: 0 | 1 | 2 | 3 }) {
  return (
    <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs" aria-label="导入步骤" data-testid="import-steps">
      {STEPS.map((label, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={label} className="flex items-center gap-2" aria-current={state === 'current' ? 'step' : undefined}>
            <span
              className={`inline-flex h-5 w-5 items-center justify-center rounded-full text-[11px] font-medium ${
                state === 'current' ? 'bg-navy-800 text-white' : state === 'done' ? 'bg-navy-100 text-navy-800' : 'bg-slate-200 text-slate-500'
              }`}
            >
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className={state === 'current' ? 'font-medium text-slate-900' : 'sr-only text-slate-500 sm:not-sr-only'}>{label}</span>
            {i < STEPS.length - 1 && <span aria-hidden className="mx-0.5 h-px w-3 bg-slate-300 sm:mx-1 sm:w-6" />}
          </li>
        );
      })}
    </ol>
  );
}
