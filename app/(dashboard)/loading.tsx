import { OverviewSkeleton } from '@/components/overview/skeletons';

export default function Loading() {
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <div className="h-7 w-40 rounded bg-slate-200/70" />
      <OverviewSkeleton />
    </div>
  );
}
