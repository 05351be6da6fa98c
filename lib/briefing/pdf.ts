import { chromiumAvailable, launchChromium } from '@/lib/browser/chromium';
import { formatDateTime } from '@/lib/format';
import { briefingHtml, escapeHtml } from './html';
import type { Briefing } from './types';
import { briefingTitle } from './title';

/** Thrown where this machine has no Chromium to print with; the route answers 503 with its message. */
export class ChromiumMissingError extends Error {
  constructor() {
    super('服务器未安装 Chromium，无法生成PDF；请使用页面上的“打印”按钮，由浏览器打印或另存为PDF。');
  }
}

/** The page margins, as briefing.css's @page gives them: the footer is written into the bottom one. */
const MARGIN = { top: '16mm', bottom: '18mm', left: '0', right: '0' };

/**
 * A 通报 as a PDF (docs/briefing.md): BriefingDocument rendered to static HTML with its stylesheet, printed by headless
 * Chromium on A4 with "第 N 页 / 共 M 页" and the time it was generated (China time) in the footer. Pure of HTTP and
 * of the database, so the route, the archive and the CLI print the same document.
 */
export async function renderBriefingPdf(b: Briefing, generatedAt: Date = new Date()): Promise<Buffer> {
  if (!chromiumAvailable()) throw new ChromiumMissingError();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(briefingHtml(b), { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer(b, formatDateTime(generatedAt.toISOString())),
      margin: MARGIN,
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}

/** Chromium draws the footer apart from the page, at its own tiny default size: it gets its own font and size. */
function footer(b: Briefing, generated: string): string {
  const left = escapeHtml(`${briefingTitle(b)} · 截止日期 ${b.asOf} · 生成时间 ${generated}`);
  return `<div style="width:100%;margin:0 18mm;font-size:8pt;color:#64748b;font-family:'Noto Sans CJK SC',sans-serif;display:flex;justify-content:space-between">`
    + `<span>${left}</span><span>第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</span></div>`;
}
