import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromUrlSearchParams } from '@/lib/url-params';
import { PROJECT_STATUSES } from '@/lib/import/project-status';
import { BASES, EMPTY_VIEW_FILTER, IDLE_DAYS, LEVELS, parseViewFilter, viewFilterJson, viewFilterParams, type ViewFilter } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { honouredFilter, parseViewRequest } from '@/lib/views/request';
import { SEVERITIES } from '@/lib/rules/types';
import { STATUSES } from '@/lib/warnings/workflow';

const parse = (query: string) => parseViewFilter(fromUrlSearchParams(new URLSearchParams(query)));

describe('ViewFilter in the URL', () => {
  it('reads every field by its URL name; not set is null', () => {
    const { filter, problems } = parse('year=2018&as_of=2018-10-31&level=central&section=4&department=201&town=101'
      + '&village=301&fund=22&indicator=ZB-7&project=XM-001&status=in_progress&overdue=1&idle_days=90'
      + '&pay_from=2018-03-01&pay_to=2018-06-30&basis=carryover&q=%E5%8C%96%E8%82%A5&rule=IDLE_FUNDS&severity=red&state=open');
    expect(problems).toEqual([]);
    expect(filter).toEqual({
      year: 2018, asOf: '2018-10-31', level: 'central', section: 4, department: 201, town: 101, village: 301, fund: 22,
      indicator: 'ZB-7', project: 'XM-001', status: 'in_progress', overdue: true, idleDays: 90,
      payFrom: '2018-03-01', payTo: '2018-06-30', basis: 'carryover', q: '化肥', rule: 'IDLE_FUNDS', severity: 'red', state: 'open',
    });
    expect(parse('').filter).toEqual(EMPTY_VIEW_FILTER);
    expect(Object.values(EMPTY_VIEW_FILTER).every((v) => v === null)).toBe(true);
    // An empty parameter is not set, not invalid (a form submits empty selects).
    expect(parse('town=&as_of=')).toEqual({ filter: EMPTY_VIEW_FILTER, problems: [] });
  });

  it('reports each invalid value in Chinese and leaves the field unset rather than guessing', () => {
    const { filter, problems } = parse('year=18&as_of=2018-13-40&level=town&town=abc&fund=0&project=a%20b&status=done'
      + '&overdue=yes&idle_days=60&pay_from=2018-02-30&rule=idle&severity=purple&state=done');
    expect(problems.map((p) => p.message)).toEqual([
      '预算年度 18 无效', '截止日期 2018-13-40 无效', '级次 town 无效', '镇(中心) abc 无效', '资金 0 无效', '项目 a b 无效',
      '项目状态 done 无效', '逾期 yes 无效', '滞留天数 60 无效', '支付日期起 2018-02-30 无效',
      '预警规则 idle 无效', '严重程度 purple 无效', '处理状态 done 无效',
    ]);
    expect(problems[1]).toEqual({ param: 'as_of', value: '2018-13-40', message: '截止日期 2018-13-40 无效' });
    expect(filter).toEqual(EMPTY_VIEW_FILTER);
  });

  it('a pay-date range that ends before it starts is a problem', () => {
    expect(parse('pay_from=2018-06-01&pay_to=2018-05-01').problems.map((p) => p.message))
      .toEqual(['支付日期止 2018-05-01 早于支付日期起 2018-06-01']);
  });

  it('round trips: serialise then parse gives the same filter, with only the set fields in the URL', () => {
    const f: ViewFilter = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-10-31', town: 101, payFrom: '2018-01-01' };
    expect(viewFilterParams(f).toString()).toBe('year=2018&as_of=2018-10-31&town=101&pay_from=2018-01-01');
    expect(parse(viewFilterParams(f).toString())).toEqual({ filter: f, problems: [] });
    expect(viewFilterJson(f)).toEqual({ year: 2018, as_of: '2018-10-31', town: 101, pay_from: '2018-01-01' });
  });

  it('round trips any valid filter (property)', () => {
    const id = fc.option(fc.integer({ min: 1, max: 2_147_483_647 }), { nil: null });
    const date = fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)), { nil: null });
    const filter = fc.record({
      year: fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: null }), asOf: date,
      level: fc.option(fc.constantFrom(...LEVELS), { nil: null }), section: id, department: id, town: id, village: id, fund: id,
      indicator: fc.option(fc.stringMatching(/^[A-Za-z0-9指标-]{1,40}$/), { nil: null }),
      project: fc.option(fc.stringMatching(/^[A-Za-z0-9项目-]{1,40}$/), { nil: null }),
      status: fc.option(fc.constantFrom(...PROJECT_STATUSES.map((s) => s.id)), { nil: null }),
      overdue: fc.option(fc.constant(true), { nil: null }),
      idleDays: fc.option(fc.constantFrom(...IDLE_DAYS), { nil: null }), payFrom: date, payTo: date,
      basis: fc.option(fc.constantFrom(...BASES), { nil: null }),
      q: fc.option(fc.stringMatching(/^\S(.{0,58}\S)?$/), { nil: null }),
      rule: fc.option(fc.constantFrom('IDLE_FUNDS', 'BAD_MEMO', 'SPEND_LAG'), { nil: null }),
      severity: fc.option(fc.constantFrom(...SEVERITIES), { nil: null }),
      state: fc.option(fc.constantFrom('open' as const, ...STATUSES), { nil: null }),
    }).filter((f) => !(f.payFrom && f.payTo && f.payFrom > f.payTo));
    fc.assert(fc.property(filter, (f) => {
      expect(parse(viewFilterParams(f).toString())).toEqual({ filter: f, problems: [] });
    }));
  });
});

describe('a view request', () => {
  const towns = viewById('towns')!;
  const request = (query: string) => parseViewRequest(towns, fromUrlSearchParams(new URLSearchParams(query)));

  it('takes the default sort, a declared sortable column, and a direction', () => {
    expect(request('').sort).toEqual({ key: 'spend_rate', dir: 'desc' });
    expect(request('sort=gap_amount&dir=asc').sort).toEqual({ key: 'gap_amount', dir: 'asc' });
    expect(request('page=2&page_size=10').page).toEqual({ page: 2, pageSize: 10 });
  });

  it('reports a column that is not declared or not sortable, and a filter the view does not honour', () => {
    const { problems, sort } = request('sort=name;DROP TABLE payments&dir=up&village=301&department=201');
    expect(problems.map((p) => p.message)).toEqual([
      '镇(中心)支出进度不能按部门筛选', '镇(中心)支出进度不能按村筛选', '排序列 name;DROP TABLE payments 无效', '排序方向 up 无效（asc 或 desc）',
    ]);
    expect(sort).toEqual(towns.defaultSort);
    expect(request('sort=band').problems.map((p) => p.message)).toEqual(['排序列 band 无效']);
    // What a page links to after naming those problems: the honoured fields only.
    const { filter } = request('year=2018&town=101&village=301&pay_from=2018-01-01');
    expect(honouredFilter(towns, filter)).toEqual({ ...EMPTY_VIEW_FILTER, year: 2018, town: 101 });
  });
});
