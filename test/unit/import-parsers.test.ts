import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Db } from '@/queries/db';

// The cell parsers of queries/import/parsers.sql, one value at a time (expected values worked out by hand).
describe('import cell parsers (SQL macros)', () => {
  let db: Db;
  let conn: DuckDBConnection;
  let close: () => void;
  beforeAll(async () => {
    db = await Db.open(':memory:');
    // The parsers are macros of every database (queries/routines.ts); one connection serves every query below.
    await new Promise<void>((ready) => {
      db.withConnection(async (c) => {
        conn = c;
        ready();
        await new Promise<void>((done) => (close = done));
      });
    });
  });
  afterAll(() => {
    close();
    db.close();
  });

  const eval1 = async (expr: string, s: string | null) =>
    ((await conn.runAndReadAll(`SELECT ${expr} AS v`, { s })).getRowObjectsJson()[0] as { v: unknown }).v;

  it('money in 元: separators, full-width digits, spaces, negatives, accounting brackets, cell suffixes', async () => {
    const cases: [string, string | null][] = [
      ['1234.5', '1234.50'], ['1,234.50', '1234.50'], ['1，234.50', '1234.50'], ['１２３．５', '123.50'], [' 12 ', '12.00'],
      ['1 234.56', '1234.56'], ['-500', '-500.00'], ['－500', '-500.00'], ['(1,234.00)', '-1234.00'], ['（1,234.00）', '-1234.00'],
      ['20万元', '200000.00'], ['20万', '200000.00'], ['1,234.50元', '1234.50'], ['¥1,000', '1000.00'], ['12.345', '12.35'],
      ['10(其中,灾情因素6万元)', null], ['1.2E+05', null], ['abc', null], ['99999999999999999999', null],
    ];
    for (const [s, v] of cases) expect([s, await eval1('imp_money_yuan($s::VARCHAR)', s)]).toEqual([s, v]);
  });

  it('money in 万元: the column unit multiplies, a 元 suffix in the cell still means 元', async () => {
    for (const [s, v] of [['12.3456', '123456.00'], ['1,000', '10000000.00'], ['300元', '300.00'], ['-0.5', '-5000.00']]) {
      expect([s, await eval1('imp_money_wan($s::VARCHAR)', s)]).toEqual([s, v]);
    }
  });

  it('says why a money cell cannot be read', async () => {
    expect(await eval1('imp_money_why($s::VARCHAR)', '10(其中,灾情因素6万元)')).toBe('金额含说明文字，无法识别');
    expect(await eval1('imp_money_why($s::VARCHAR)', '1.2E+05')).toBe('金额为科学计数法，精度已丢失：1.2E+05');
    expect(await eval1('imp_money_why($s::VARCHAR)', '99999999999999999999')).toBe('金额超出范围：99999999999999999999');
    expect(await eval1('imp_money_why($s::VARCHAR)', '--')).toBe('不是有效金额：--');
  });

  it('dates in every form a ledger writes them; day first only when asked', async () => {
    const cases: [string, string | null, string | null][] = [
      ['2018-09-07', '2018-09-07', '2018-09-07'], ['2018/9/7', '2018-09-07', '2018-09-07'], ['2018.9.7', '2018-09-07', '2018-09-07'],
      ['2018年9月7日', '2018-09-07', '2018-09-07'], ['20180907', '2018-09-07', '2018-09-07'], ['43350', '2018-09-07', '2018-09-07'],
      ['43350.75', '2018-09-07', '2018-09-07'], ['2018-09-07 10:30:00', '2018-09-07', '2018-09-07'], ['2018/9/7 0:00', '2018-09-07', '2018-09-07'],
      ['２０１８－０９－０７', '2018-09-07', '2018-09-07'], ['07/09/2018', null, '2018-09-07'], ['7.9.2018', null, '2018-09-07'],
      ['2018-13-45', null, null], ['2018-02-30', null, null], ['2018', null, null], ['明天', null, null],
    ];
    for (const [s, plain, dayFirst] of cases) {
      expect([s, await eval1('imp_date($s::VARCHAR, false)', s), await eval1('imp_date($s::VARCHAR, true)', s)]).toEqual([s, plain, dayFirst]);
    }
    expect(await eval1('imp_date_why($s::VARCHAR, false)', '07/09/2018')).toBe('日期为日/月/年格式，请选择“日在前”后重新导入：07/09/2018');
    expect(await eval1('imp_date_why($s::VARCHAR, false)', '2018-13-45')).toBe('不是有效日期：2018-13-45');
    expect(await eval1("imp_date_range_why(DATE '1999-12-31', $s::VARCHAR)", '1999-12-31')).toBe('日期超出合理范围（2000—2100年）：1999-12-31');
    expect(await eval1("imp_date_range_why(DATE '2100-12-31', $s::VARCHAR)", 'x')).toBeNull();
  });

  it('months: 2018-03, 2018年3月, 201803, 2018/3, 2018.3, or any date of the month', async () => {
    for (const [s, v] of [['2018-03', '2018-03-01'], ['2018年3月', '2018-03-01'], ['201803', '2018-03-01'], ['2018/3', '2018-03-01'],
      ['2018.3', '2018-03-01'], ['2018-03-17', '2018-03-01'], ['43350', '2018-09-01'], ['2018-13', null]] as const) {
      expect([s, await eval1('imp_month($s::VARCHAR, false)', s)]).toEqual([s, v]);
    }
  });

  it('whole numbers, numbers and yes/no', async () => {
    for (const [s, v] of [['12', 12], ['12.0', 12], ['1,200', 1200], ['120户', 120], ['2018年', 2018], ['12.5', null], ['十二', null]] as const) {
      expect([s, await eval1('imp_int($s::VARCHAR)', s)]).toEqual([s, v]);
    }
    expect(await eval1('imp_int_why($s::VARCHAR)', '12.5')).toBe('应为整数：12.5');
    for (const [s, v] of [['5.5', 5.5], ['90%', 90], ['1,234.5', 1234.5], ['三十', null]] as const) {
      expect([s, await eval1('imp_number($s::VARCHAR)', s)]).toEqual([s, v]);
    }
    for (const [s, v] of [['是', true], ['否', false], ['Y', true], ['n', false], ['1', true], ['0', false], ['TRUE', true], ['false', false], ['也许', null]] as const) {
      expect([s, await eval1('imp_bool($s::VARCHAR)', s)]).toEqual([s, v]);
    }
  });

  it('codes keep leading zeros; Excel text markers go; scientific notation is refused', async () => {
    for (const [s, v] of [['0012', '0012'], ["'0012", '0012'], ['="0012"', '0012'], ['ZB2018-01', 'ZB2018-01'], ['1.23E+15', null], ['Be12', 'Be12']] as const) {
      expect([s, await eval1('imp_code(imp_text($s::VARCHAR))', s)]).toEqual([s, v]);
    }
    expect(await eval1('imp_code_why($s::VARCHAR)', '1.23E+15')).toBe('编码被Excel显示为科学计数法，原值已丢失：1.23E+15');
  });

  it('text is trimmed of ASCII, full-width and non-breaking spaces; empty is NULL', async () => {
    for (const [s, v] of [[' a ', 'a'], ['\u3000甲镇\u3000', '甲镇'], ['\u00a0x', 'x'], ['\tx\t', 'x'], ['   ', null], ['a b', 'a b']] as const) {
      expect([s, await eval1('imp_text($s::VARCHAR)', s)]).toEqual([s, v]);
    }
  });

  it('ID numbers: 18 characters with a valid GB 11643 check character, or an old 15-digit number', async () => {
    expect(await eval1('imp_id_number_why($s::VARCHAR)', '11010519491231002X')).toBeNull();
    expect(await eval1('imp_id_number_why($s::VARCHAR)', '110105491231002')).toBeNull();
    expect(await eval1('imp_id_number_why($s::VARCHAR)', '110105194912310021')).toBe('身份证号校验位错误：110105194912310021');
    expect(await eval1('imp_id_number_why($s::VARCHAR)', '1101051949')).toBe('身份证号应为18位（或15位旧号）：1101051949');
  });

  it('labels: project status, payee type, comparator, level', async () => {
    // 未开工 and 尚未开工 hold 开工 but mean the opposite (not_started, not in_progress).
    for (const [s, v] of [['未开工', 'not_started'], ['尚未开工', 'not_started'], ['已开工', 'in_progress'], ['申报', 'declared'], ['审核中', 'reviewed'], ['已入库', 'approved'], ['在建', 'in_progress'], ['已完工', 'completed'], ['验收', 'accepted']] as const) {
      expect(await eval1('imp_project_status($s::VARCHAR)', s)).toBe(v);
    }
    expect(await eval1('imp_payee_type($s::VARCHAR)', '个人')).toBe('person');
    expect(await eval1('imp_payee_type($s::VARCHAR)', '对公')).toBe('org');
    expect(await eval1('imp_comparator($s::VARCHAR)', '≥')).toBe('>=');
    expect(await eval1('imp_comparator($s::VARCHAR)', '＜')).toBe('<=');
    expect(await eval1('imp_level($s::VARCHAR)', '省级')).toBe('province');
  });

  it('小计/合计/总计 labels, with spaces inside', async () => {
    for (const [s, v] of [['合计', true], ['小 计：县水利局', true], ['总计', true], ['本月合计', false], ['小额信贷', false]] as const) {
      expect([s, await eval1('imp_total_label($s::VARCHAR)', s)]).toEqual([s, v]);
    }
  });
});
