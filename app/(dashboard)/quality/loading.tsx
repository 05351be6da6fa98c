import { TableSkeleton } from '@/components/overview/skeletons';

export default function Loading() {
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <div className="h-7 w-40 rounded bg-slate-200/70" />
      <div className="h-[68px] rounded-lg border border-slate-200 bg-white" />
      <TableSkeleton rows={10} />
    </div>
  );
}
