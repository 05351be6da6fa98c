import { describe, expect, it } from 'vitest';
import { withCellRefs } from '@/lib/import/source/cell-refs';
import { columnIndex, columnName } from '@/lib/xlsx/cell-ref';

async function filled(chunks: string[]): Promise<string> {
  let out = '';
  for await (const piece of withCellRefs((async function* () { yield* chunks; })())) out += piece;
  return out;
}

const SHEET = '<cols><col min="1" max="2" width="9"/></cols><sheetData>'
  + '<row r="1"><c r="A1" t="s"><v>0</v></c><c t="s"><v>1</v></c></row>'
  + '<row r="3"><c r="B3" s="4"><v>5</v></c><c s="4"><v>6</v></c><c r="E3"/><c t="inlineStr"><is><t>a&lt;b</t></is></c></row>'
  + '<row><c><v>7</v></c></row></sheetData>';

const EXPECTED = '<cols><col min="1" max="2" width="9"/></cols><sheetData>'
  + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
  + '<row r="3"><c r="B3" s="4"><v>5</v></c><c r="C3" s="4"><v>6</v></c><c r="E3"/><c r="F3" t="inlineStr"><is><t>a&lt;b</t></is></c></row>'
  + '<row><c r="A4"><v>7</v></c></row></sheetData>';

describe('cell references filled in for the streaming reader', () => {
  it('gives each cell without one the column after the cell before it, in its row', async () => {
    expect(await filled([SHEET])).toBe(EXPECTED);
  });

  it('gives the same text whatever chunk boundaries cut the tags', async () => {
    for (let size = 1; size <= 40; size++) {
      const chunks = Array.from({ length: Math.ceil(SHEET.length / size) }, (_, i) => SHEET.slice(i * size, (i + 1) * size));
      expect(await filled(chunks)).toBe(EXPECTED);
    }
  });

  it('converts columns between letters and indexes', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(['A1', 'Z9', 'AA10', 'az3', 'AAA1'].map(columnIndex)).toEqual([0, 25, 26, 51, 702]);
  });
});
