/** The outcome of a form's server action: a neutral confirmation or an error, announced to screen readers. */
export function FormMessage({ state, testId }: { state: { ok?: string; error?: string }; testId?: string }) {
  if (state.error) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-700" data-testid={testId}>
        {state.error}
      </p>
    );
  }
  if (state.ok) {
    return (
      <p role="status" className="rounded-md bg-navy-50 px-3 py-1.5 text-sm text-navy-800" data-testid={testId}>
        {state.ok}
      </p>
    );
  }
  return null;
}
