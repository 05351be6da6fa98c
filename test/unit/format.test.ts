import { describe, expect, it } from 'vitest';
import {
  fenToYuan,
  yuanToWanExact,
  formatCount,
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPoints,
  formatPointsShort,
  formatRate,
  formatWan,
  formatYi,
  isZeroYuan,
  pointsNumber,
  rateToPercentNumber,
  yuanToFen,
  yuanToWan,
  yuanToWanNumber,
  yuanToYi,
} from '@/lib/format';

describe('yuanToFen', () => {
  it('parses exact decimal strings', () => {
    expect(yuanToFen('123456789.12')).toBe(12345678912n);
    expect(yuanToFen('-50.00')).toBe(-5000n);
    expect(yuanToFen('0')).toBe(0n);
    expect(yuanToFen('7.5')).toBe(750n);
    expect(yuanToFen('1,000.01')).toBe(100001n);
    expect(yuanToFen('.5')).toBe(50n);
  });
  it('rounds a third decimal half away from zero', () => {
    expect(yuanToFen('0.005')).toBe(1n);
    expect(yuanToFen('0.004')).toBe(0n);
    expect(yuanToFen('-0.005')).toBe(-1n);
  });
  it('rejects text that is not a number', () => {
    expect(() => yuanToFen('abc')).toThrow();
    expect(() => yuanToFen('')).toThrow();
    expect(() => yuanToFen('1.2.3')).toThrow();
  });
});

describe('yuanToWan', () => {
  it('converts 元 to 万元 with two decimals and separators', () => {
    // 123,456,789.12 元 = 12,345.678912 万元 → 12,345.68
    expect(yuanToWan('123456789.12')).toBe('12,345.68');
    // 1,000,000,000.00 元 = 100,000 万元
    expect(yuanToWan('1000000000.00')).toBe('100,000.00');
    // 9,999,999,999,999,999.99 元 (DECIMAL(18,2) max) = 999,999,999,999.9999… 万元 → rounds up
    expect(yuanToWan('9999999999999999.99')).toBe('1,000,000,000,000.00');
    expect(yuanToWan('12345.00')).toBe('1.23');
  });
  it('rounds half up, away from zero', () => {
    expect(yuanToWan('49.99')).toBe('0.00'); // 0.004999 万元
    expect(yuanToWan('50.00')).toBe('0.01'); // 0.005 万元 exactly
    expect(yuanToWan('150.00')).toBe('0.02'); // 0.015 万元 exactly
    expect(yuanToWan('249.99')).toBe('0.02'); // 0.024999 万元
    expect(yuanToWan('250.00')).toBe('0.03');
  });
  it('handles negatives with a leading "-" and zero without a sign', () => {
    expect(yuanToWan('-50.00')).toBe('-0.01');
    expect(yuanToWan('-49.99')).toBe('0.00');
    expect(yuanToWan('-123456789.12')).toBe('-12,345.68');
    expect(yuanToWan('-150.00')).toBe('-0.02');
    expect(yuanToWan('0.00')).toBe('0.00');
    expect(yuanToWan('0')).toBe('0.00');
  });
  it('accepts bigint 元 and numbers', () => {
    expect(yuanToWan(10000n)).toBe('1.00');
    expect(yuanToWan(12345.67)).toBe('1.23');
  });
});

describe('万元/亿元 with units and as numbers', () => {
  it('formatWan adds the unit', () => {
    expect(formatWan('123456789.12')).toBe('12,345.68万元');
    expect(formatWan('-50.00')).toBe('-0.01万元');
  });
  it('yuanToWanNumber is the same rounding as a number', () => {
    expect(yuanToWanNumber('123456789.12')).toBe(12345.68);
    expect(yuanToWanNumber('150.00')).toBe(0.02);
    expect(yuanToWanNumber('-50.00')).toBe(-0.01);
    expect(yuanToWanNumber('49.99')).toBe(0);
    expect(yuanToWanNumber('1234567890123.45')).toBe(123456789.01);
  });
  it('formatYi converts to 亿元 with two decimals', () => {
    // 1,234,567,890.00 元 = 12.3456789 亿元
    expect(yuanToYi('1234567890.00')).toBe('12.35');
    expect(formatYi('1234567890.00')).toBe('12.35亿元');
    // 499,999.99 元 = 0.0049999999 亿元 → 0.00; 500,000 元 = 0.005 亿元 → 0.01
    expect(yuanToYi('499999.99')).toBe('0.00');
    expect(yuanToYi('500000.00')).toBe('0.01');
    expect(yuanToYi('-500000.00')).toBe('-0.01');
    expect(yuanToYi('123456789012345.00')).toBe('1,234,567.89');
  });
});

describe('rates and points', () => {
  it('formatRate shows a fraction as a percentage with one decimal', () => {
    expect(formatRate(0.6341)).toBe('63.4%');
    expect(formatRate(0.6345)).toBe('63.5%'); // half up, despite 0.6345 × 1000 = 634.4999… in binary
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(9 / 12)).toBe('75.0%');
    expect(formatRate(10 / 12)).toBe('83.3%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(1.2345)).toBe('123.5%');
    expect(formatRate(-0.0004)).toBe('0.0%');
    expect(formatRate(-0.05)).toBe('-5.0%');
    expect(formatRate(Number.NaN)).toBe('—');
  });
  it('rateToPercentNumber', () => {
    expect(rateToPercentNumber(0.6341)).toBe(63.4);
    expect(rateToPercentNumber(1 / 12)).toBe(8.3);
    expect(rateToPercentNumber(0)).toBe(0);
  });
  it('formatPoints is signed, one decimal, in words or short', () => {
    expect(formatPoints(3.24)).toBe('+3.2个百分点');
    expect(formatPoints(-12.5)).toBe('-12.5个百分点');
    expect(formatPoints(0)).toBe('0.0个百分点');
    expect(formatPointsShort(3.25)).toBe('+3.3');
    expect(formatPointsShort(-12.45)).toBe('-12.5');
    expect(formatPointsShort(-0.04)).toBe('0.0');
    expect(formatPointsShort(0.04)).toBe('0.0');
    // (0.5 − 0.75) × 100 = −25.000000000000004 in binary
    expect(formatPointsShort((0.5 - 0.75) * 100)).toBe('-25.0');
    expect(pointsNumber(-12.46)).toBe(-12.5);
  });
});

describe('dates, months, counts', () => {
  it('formatDate', () => {
    expect(formatDate('2018-09-30')).toBe('2018-09-30');
    expect(formatDate('2018-09-30T00:00:00')).toBe('2018-09-30');
    expect(formatDate(new Date(2018, 8, 7))).toBe('2018-09-07');
    expect(() => formatDate('2018/9/7')).toThrow();
  });
  it('formatMonth and formatCount', () => {
    expect(formatMonth(1)).toBe('1月');
    expect(formatMonth(12)).toBe('12月');
    expect(formatCount(20000)).toBe('20,000');
    expect(formatCount('1234567')).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
  });
});

describe('plain numbers on chart axes and tooltips', () => {
  it('formatNumber groups and rounds half away from zero', () => {
    expect(formatNumber(12345.678, 2)).toBe('12,345.68');
    expect(formatNumber(12345.675, 2)).toBe('12,345.68');
    expect(formatNumber(-1234567.5, 0)).toBe('-1,234,568');
    expect(formatNumber(-0.004, 2)).toBe('0.00');
    expect(formatNumber(0, 2)).toBe('0.00');
    expect(formatNumber(20000, 0)).toBe('20,000');
  });
  it('formatPercent adds the sign to a value already in %', () => {
    expect(formatPercent(63.44)).toBe('63.4%');
    expect(formatPercent(50, 0)).toBe('50%');
    expect(formatPercent(-12.25)).toBe('-12.3%');
  });
});

describe('isZeroYuan', () => {
  it('is true for NULL sums and zero, false otherwise', () => {
    expect(isZeroYuan(null)).toBe(true);
    expect(isZeroYuan(undefined)).toBe(true);
    expect(isZeroYuan('0.00')).toBe(true);
    expect(isZeroYuan('-0.00')).toBe(true);
    expect(isZeroYuan('0.01')).toBe(false);
    expect(isZeroYuan('-50.00')).toBe(false);
  });
});

describe('fenToYuan', () => {
  it('gives 分 back as an exact 元 string without separators', () => {
    expect(fenToYuan(56_499_975n)).toBe('564999.75');
    expect(fenToYuan(5n)).toBe('0.05');
    expect(fenToYuan(-120_000n)).toBe('-1200.00');
    expect(fenToYuan(yuanToFen('289999.75') + yuanToFen('200000') + yuanToFen('75000'))).toBe('564999.75');
  });
});

describe('yuanToWanExact (the 万元 an exported cell holds)', () => {
  it('moves the point four places, nothing rounded', () => {
    expect(yuanToWanExact('12345678901.23')).toBe('1234567.890123');
    expect(yuanToWanExact('-0.07')).toBe('-0.000007');
    expect(yuanToWanExact('500000.00')).toBe('50');
    expect(yuanToWanExact('0.00')).toBe('0');
  });
});
