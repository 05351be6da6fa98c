/** The look of form controls, shared by every filter bar and form (the overview's FilterBar set the style). */
export const FIELD =
  'h-9 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 tabular-nums focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/20 disabled:bg-slate-50 disabled:text-slate-400';
export const LABEL = 'flex flex-col gap-1 text-xs text-slate-500';
export const BUTTON_PRIMARY =
  'h-9 rounded-md bg-navy-800 px-5 text-sm font-medium text-white hover:bg-navy-700 focus:outline-none focus:ring-2 focus:ring-navy-600/40 disabled:opacity-60';
export const BUTTON_SECONDARY =
  'h-9 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-navy-600/20 disabled:opacity-60';
export const BUTTON_LINK = 'h-9 rounded-md px-3 text-sm leading-9 text-slate-600 hover:bg-slate-100';
/** Table header cells and body rows in the overview's dense style. */
export const TH = 'px-3 py-2 font-medium whitespace-nowrap';
export const ROW = 'border-b border-slate-100 hover:bg-slate-50';
/** The first column of a wide table stays put while the table scrolls sideways on narrow screens. */
export const STICKY_CELL = 'sticky left-0 z-10 bg-white whitespace-nowrap shadow-[1px_0_0_var(--color-slate-200)] lg:shadow-none';
/** A table cell whose text wraps, breaking long codes anywhere, instead of being cut off with an ellipsis. */
export const WRAP_CELL = 'px-3 py-1.5 wrap-anywhere';
