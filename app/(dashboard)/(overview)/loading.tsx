// The skeleton streams first, so it lives beside the overview only: under it a page could no longer answer 404
// (a forbidden page calls notFound() before anything is sent, which needs no loading boundary above it).
import { OverviewSkeleton } from '@/components/overview/skeletons';

export default function Loading() {
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <div className="h-7 w-40 rounded bg-slate-200/70" />
      <OverviewSkeleton />
    </div>
  );
}
