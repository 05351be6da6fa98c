import { describe, expect, it } from 'vitest';
import { safeCell } from '@/lib/export/safe-cell';

describe('safeCell (formula injection)', () => {
  it('neutralises text beginning with = + - @, tab or CR, including full-width forms', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠A1']) {
      expect(safeCell(evil)).toBe(`'${evil}`);
    }
  });

  it('leaves ordinary text, numbers (negative too) and empty values alone', () => {
    expect(safeCell('石窑镇 王家庄村')).toBe('石窑镇 王家庄村');
    expect(safeCell('PZ0001')).toBe('PZ0001');
    expect(safeCell('1+1')).toBe('1+1');
    expect(safeCell(-20000.5)).toBe(-20000.5);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(undefined)).toBeNull();
    expect(safeCell(Number.NaN)).toBeNull();
    expect(safeCell(12n)).toBe(12);
    expect(safeCell(true)).toBe('TRUE');
  });
});
