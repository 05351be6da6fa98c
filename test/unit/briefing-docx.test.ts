import { describe, expect, it } from 'vitest';
import { loadBriefing } from '@/queries/briefing/load';
import { renderBriefingDocx } from '@/lib/briefing/docx';
import { useFixtureDb } from '../helpers/fixture';
import { readDocx } from '../helpers/docx-text';
import { VIEWS_FIXTURE } from '../fixtures/views';

// The 通报 as Word (docs/briefing.md) on the views' hand-computed county (test/fixtures/views.ts), as of 2018-06-30.
describe('renderBriefingDocx', () => {
  const ctx = useFixtureDb(VIEWS_FIXTURE);

  it('writes a .docx that opens and holds the summary, the tables with their first lines, and the charts as pictures', async () => {
    const b = await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' });
    const bytes = await renderBriefingDocx(b);
    const { parts, paragraphs, xml } = await readDocx(bytes);
    // Every summary paragraph is one paragraph of the document, word for word.
    for (const s of b.summary) expect(paragraphs).toContain(s);
    expect(paragraphs[0]).toBe('2018年扶贫资金支出进度通报'.replace(/^/, b.county));
    expect(paragraphs).toContain('（截止日期：2018年6月30日　范围：全县　序时进度：50.0%）');
    // The first line of each ranking, as cells: rank 1 then the unit. 农财所 320,000.25 / 1,200,000 = 26.7 % against
    // 教科文股 95,000 / 500,000 = 19.0 %; 县农业农村局 (100,000 + 10,000) / 150,000 = 73.3 % against 县教育局
    // 95,000 / 300,000 = 31.7 %; 甲镇 (150,000 + 60,000.25) / 500,000 = 42.0 % against 乙镇 0 / 200,000.
    const afterCaption = (caption: string) => paragraphs.slice(paragraphs.indexOf(caption) + 1);
    for (const [caption, first, rate] of [['股室支出进度排名', '农财所', '26.7%'], ['部门支出进度排名', '县农业农村局', '73.3%'], ['镇(中心)支出进度排名', '甲镇', '42.0%']]) {
      const lines = afterCaption(caption);
      // The header row: the views' own labels (the name and the total are named per view).
      expect([lines[0], ...lines.slice(3, 8)], caption).toEqual(['排名', '已支付(万元)', '支出进度', '超(短)序时进度', '环比', '色带']);
      expect(lines.slice(8, 10)).toEqual(['1', first]);
      expect(lines.slice(8, 16)).toContain(rate);
    }
    // The header row repeats on every page and no row splits: a real Word table.
    expect(xml).toContain('<w:tblHeader');
    expect(xml).toContain('<w:cantSplit');
    // 分级次's total: received 1,700,000 元 = 170.00 万元; allocated A1–A5 400,000 + 100,000 + 200,000 + 300,000 +
    // 150,000 = 1,150,000 元 = 115.00 万元; paid 415,000.25 元 = 41.50 万元; 24.4 % against 50.0 %, -25.6 points.
    const total = afterCaption('分级次支出进度');
    // The 级次 in their order (中央 I1, 省 I2, 县 I3; no 市 indicator in 2018), the total last.
    expect(total.filter((t) => ['中央', '省级', '市级', '县级', '合计'].includes(t))).toEqual(['中央', '省级', '县级', '合计']);
    expect(total.slice(total.indexOf('合计'), total.indexOf('合计') + 7)).toEqual(['合计', '170.00', '115.00', '41.50', '24.4%', '50.0%', '-25.6']);
    // Two charts: each an SVG with its PNG fallback, the PNG drawn at 2× (600 px wide → 1200).
    const pngs = parts.filter((p) => /^word\/media\/.+\.png$/.test(p));
    expect(pngs.length).toBe(2);
    expect(parts.filter((p) => /^word\/media\/.+\.svg$/.test(p)).length).toBe(2);
    // Page numbers in the footer.
    const footers = parts.filter((p) => /^word\/footer\d*\.xml$/.test(p));
    expect(footers.length).toBe(1);
  });
});
