import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '@/queries/briefing/load';
import { briefingHtml } from '@/lib/briefing/html';
import { renderBriefingPdf } from '@/lib/briefing/pdf';
import { useFixtureDb } from '../helpers/fixture';
import { BRIEFING_FIXTURE } from '../fixtures/briefing';

// The 通报 printed by Chromium (lib/briefing/pdf.ts) for the hand-computed county (test/fixtures/briefing.ts) as of 2018-06-30.
// Its pages go to test-results/briefing-p1.png … for a person to look at.
describe('renderBriefingPdf', () => {
  const ctx = useFixtureDb(BRIEFING_FIXTURE);

  it('draws the document as static HTML with its stylesheet and server-drawn charts', async () => {
    const html = briefingHtml(await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' }));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('<h1 class="bd-title">示范县2018年扶贫资金支出进度通报</h1>');
    // the level chart and the trend chart, drawn as SVG on the server
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toContain('<button');
  });

  it('prints an A4 PDF whose text holds the headline and the first unit of each ranking, page numbers and the generation time', async () => {
    const b = await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' });
    // 2018-07-02 01:30 UTC is 09:30 in China.
    const pdf = await renderBriefingPdf(b, new Date('2018-07-02T01:30:00Z'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-pdf-'));
    try {
      const file = path.join(dir, 'briefing.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('示范县2018年扶贫资金支出进度通报');
      // 415,000.25 / 1,700,000 = 24.4 % (the summary's headline, test/unit/briefing-summary.test.ts)
      expect(text).toContain('支出进度为24.4%');
      // the first of each ranking: 农财所 (26.7 %), 县农业农村局 (73.3 %), 甲镇 (42.0 %)
      for (const first of ['农财所', '县农业农村局', '甲镇']) expect(text).toContain(first);
      // pdftotext drops the spaces around the numbers Chromium writes
      expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
      expect(text).toContain('生成时间 2018-07-02 09:30:00');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      // A4 (210 × 297 mm = 595 × 842 points; Chromium rounds to its pixel grid)
      expect(info).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
      execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(dir, 'p')]);
      const out = path.resolve('test-results');
      mkdirSync(out, { recursive: true });
      const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
      expect(pages.length).toBeGreaterThan(0);
      pages.forEach((f, i) => renameSync(path.join(dir, f), path.join(out, `briefing-p${i + 1}.png`)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
