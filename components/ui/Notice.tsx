/** A one-line note above a page's figures: a filter value that was not used, or whose data the page shows. */
export function Notice({ children, tone = 'info', testId }: { children: React.ReactNode; tone?: 'info' | 'warning'; testId?: string }) {
  const look = tone === 'warning' ? 'border-amber-200 bg-amber-50 text-amber-900' : 'border-navy-100 bg-navy-50 text-navy-800';
  return (
    <p role={tone === 'warning' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${look}`} data-testid={testId}>
      {children}
    </p>
  );
}
