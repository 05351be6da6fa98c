import { BUTTON_PRIMARY, BUTTON_SECONDARY } from '@/components/ui/form';
import { PrintButton } from './PrintButton';

/**
 * 打印, 下载PDF and 下载Word for one 通报 (its query: year, as_of, scope). Where the server has no Chromium the PDF button
 * is off and says why: the browser's printing still gives a PDF.
 */
export function BriefingActions({ query, pdfReady }: { query: string; pdfReady: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" data-testid="briefing-actions">
      <PrintButton />
      {pdfReady ? (
        <a href={`/api/briefing/pdf?${query}`} download className={`${BUTTON_PRIMARY} leading-9`} data-testid="briefing-pdf">下载PDF</a>
      ) : (
        <>
          <button type="button" disabled className={BUTTON_PRIMARY} data-testid="briefing-pdf">下载PDF</button>
          <span className="text-xs text-amber-800" data-testid="briefing-pdf-missing">
            服务器未安装 Chromium，暂不能生成PDF；可点“打印”由浏览器打印或另存为PDF。
          </span>
        </>
      )}
      <a href={`/api/briefing/docx?${query}`} download className={`${BUTTON_SECONDARY} leading-9`} data-testid="briefing-docx">下载Word</a>
      <a href="/briefing/archive" className="text-sm text-navy-700 underline-offset-2 hover:underline" data-testid="briefing-archive-link">通报存档</a>
    </div>
  );
}
