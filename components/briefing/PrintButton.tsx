'use client';

import { BUTTON_SECONDARY } from '@/components/ui/form';

/** 打印: the browser prints the 通报 with briefing.css's print rules, whether or not the server has Chromium. */
export function PrintButton() {
  return (
    <button type="button" className={BUTTON_SECONDARY} onClick={() => window.print()} data-testid="briefing-print">
      打印
    </button>
  );
}
