import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell,
  TableRow, TextRun, WidthType, convertMillimetersToTwip,
} from 'docx';
import { svgToPng } from '@/lib/charts/png';
import { formatRate } from '@/lib/format';
import type { GapBand } from '@/lib/settings';
import { briefingCharts, type BriefingChart } from './charts';
import { briefingTables, type BriefingCell, type BriefingTable } from './tables';
import { briefingTitle } from './title';
import type { Briefing } from './types';

/**
 * The 通报 as a Word document (docs/briefing.md), for a bureau to edit before issuing it: real headings, paragraphs and
 * tables (no text boxes, no pictures of text), the charts as pictures (SVG with a PNG fallback at 2× for Word before
 * 2016 and other readers). Laid out as a government document (GB/T 9704): A4, 仿宋 body in 三号, 黑体 headings, tables in
 * 宋体 五号, page numbers in the footer. A machine without these fonts substitutes its own, as Word does with any font.
 */

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, caption: 24, table: 21 };
/** GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, leaving a 156 mm text column. */
const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 };
/** A chart's width on the page in pixels (docx counts 96 per inch): the 156 mm text column, less a little. */
const CHART_WIDTH_PX = 580;
/** The bands' fills, light enough to keep black text readable on paper. */
const BAND_FILLS: Record<GapBand['id'], string> = { green: 'D1FAE5', blue: 'DBEAFE', yellow: 'FEF9C3', orange: 'FFEDD5', red: 'FEE2E2' };
const HEADER_FILL = 'E5E7EB';
/** Body lines 28 pt apart (22 lines to a page, as GB/T 9704 asks) — at least, so a picture's line grows to hold it. */
const BODY_LINE = 560;
/** Table cells single-spaced: a 28 pt line would make every row twice as tall as its text. */
const TABLE_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const heading = (index: number, text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${CHINESE_ORDINALS[index]}、${text}`)] });

/** Body text: first line indented two characters, as a briefing's paragraphs are. */
const body = (text: string) => new Paragraph({ indent: { firstLine: SIZE.body * 20 }, children: [new TextRun(text)] });

const caption = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120 }, children: [new TextRun({ text, bold: true, size: SIZE.caption, font: HEADING_FONT })] });

function tableCell(c: BriefingCell, header = false): TableCell {
  const fill = header ? HEADER_FILL : c.band ? BAND_FILLS[c.band] : undefined;
  return new TableCell({
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    margins: { left: 60, right: 60 },
    children: [new Paragraph({
      alignment: header ? AlignmentType.CENTER : c.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: TABLE_SPACING,
      children: [new TextRun({ text: c.text, bold: header, size: SIZE.table, font: TABLE_FONT })],
    })],
  });
}

/** A table with its header row repeated on every page and no row split across two. */
function wordTable(t: BriefingTable): (Paragraph | Table)[] {
  if (t.rows.length === 0) return [caption(t.title), body(t.empty)];
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.headers.map((h) => tableCell({ text: h, numeric: false }, true)) });
  const rows = t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => tableCell(c)) }));
  return [caption(t.title), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })];
}

function chartPicture(c: BriefingChart, png: Buffer): Paragraph[] {
  const height = Math.round((CHART_WIDTH_PX * c.height) / c.width);
  return [
    caption(c.title),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({
        type: 'svg', data: Buffer.from(c.svg), fallback: { type: 'png', data: png },
        transformation: { width: CHART_WIDTH_PX, height },
        altText: { name: c.title, title: c.title, description: c.title },
      })],
    }),
  ];
}

const pageNumberFooter = () => new Footer({
  children: [new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: BODY_FONT })],
  })],
});

const chineseDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export async function renderBriefingDocx(b: Briefing): Promise<Buffer> {
  const { levels, rankings, stalled, warnings } = briefingTables(b);
  const title = briefingTitle(b);
  const charts = briefingCharts(b);
  const pngs = await Promise.all(charts.map((c) => svgToPng(c.svg, 2)));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: title, size: SIZE.title, font: TITLE_FONT })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `（截止日期：${chineseDate(b.asOf)}　范围：${b.scopeName}　序时进度：${formatRate(b.timeProgress)}）`, font: BODY_FONT })],
    }),
    heading(0, '总体情况'),
    ...b.summary.map(body),
    heading(1, '支出进度与序时进度'),
    ...wordTable(levels),
    ...charts.flatMap((c, i) => chartPicture(c, pngs[i])),
    heading(2, '支出进度排名'),
    body(`排名按支出进度由高到低；环比为较${chineseDate(b.comparedWith)}支出进度的变化（百分点）；色带按超(短)序时进度划分。`),
    ...rankings.flatMap(wordTable),
    heading(3, '滞留资金'),
    ...wordTable(stalled),
    heading(4, '预警处理情况'),
    ...wordTable(warnings),
  ];
  const doc = new Document({
    title,
    creator: '扶贫资金动态监控',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: SIZE.body }, paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.AT_LEAST } } },
        heading1: { run: { font: HEADING_FONT, size: SIZE.body, bold: false, color: '000000' }, paragraph: { spacing: { before: 120, after: 120 }, keepNext: true } },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
          margin: {
            top: convertMillimetersToTwip(MARGIN_MM.top), bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
            left: convertMillimetersToTwip(MARGIN_MM.left), right: convertMillimetersToTwip(MARGIN_MM.right),
          },
        },
      },
      footers: { default: pageNumberFooter() },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
