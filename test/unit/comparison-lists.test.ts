import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { evaluateRule } from '@/queries/rules/evaluate';
import { ruleById } from '@/lib/rules/registry';
import type { RuleHit } from '@/lib/rules/types';
import { listChoiceOf } from '@/lib/import/comparison-list';
import { rollbackBatch } from '@/queries/import/rollback';
import { permissions } from '@/lib/auth/permissions';
import { ROLES, ROLE_UNIT_KIND } from '@/lib/auth/roles';
import { listComparisonLists } from '@/queries/lists/comparison-lists';
import { tempDb } from '../helpers/temp-db';
import { loadFixture } from '../helpers/fixture';
import { csv, idNumber, importText, useSeededCounty } from '../fixtures/import-load/helpers';

const run = (db: Db, id: string, asOf = '2018-12-31'): Promise<RuleHit[]> => evaluateRule(db, ruleById(id)!, asOf);

describe('importing a labelled comparison list (比对名单)', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));
  const lists = () => db.all('SELECT id, label, department, kind, holds, imported_by, batch_id FROM comparison_lists ORDER BY id');

  it('checks the label and what the list holds before anything is read', () => {
    expect(() => listChoiceOf('other_list', { holds: 'company' })).toThrow(/请填写名单标签/);
    expect(() => listChoiceOf('other_list', { label: '  ', holds: 'company' })).toThrow(/请填写名单标签/);
    expect(() => listChoiceOf('other_list', { label: '名'.repeat(101), holds: 'company' })).toThrow('名单标签最多 100 个字（收到 101 个）');
    expect(listChoiceOf('other_list', { label: ` ${'名'.repeat(100)} `, holds: '企业名称' }))
      .toEqual({ label: '名'.repeat(100), department: null, holds: 'company' });
    expect(() => listChoiceOf('other_list', { label: '失信企业' })).toThrow(/请指定名单内容/);
    expect(() => listChoiceOf('other_list', { label: '失信企业', holds: '电话' })).toThrow(/未知的名单内容“电话”/);
    expect(() => listChoiceOf('payroll', { label: '在编人员', holds: 'name' })).toThrow(/只能是身份证号/);
    expect(listChoiceOf('payroll', { label: '在编人员', department: ' 县人社局 ' })).toEqual({ label: '在编人员', department: '县人社局', holds: 'id_number' });
  });

  it('a list of companies: good rows land under the new list, an empty name is refused by row; 撤销 removes the list', async () => {
    const r = await importText(db, 'other_list', csv([
      ['序号', '企业名称', '地址'],
      ['1', '陕西金鼎建材有限公司', '榆林市'],
      ['2', '', '神木市'],
      ['3', '榆林恒通商贸有限公司', ''],
      ['4', '陕西金鼎建材有限公司', '榆林市'],
    ]), { list: { label: '县市场监管局 严重违法失信企业', department: '县市场监管局', holds: 'company' }, user: 'admin' });
    expect([r.accepted, r.rejected, r.duplicates]).toEqual([2, 1, 1]);
    expect(r.rejects.map((x) => [x.row, x.column, x.reason])).toEqual([[3, '企业名称', '必填字段为空']]);
    expect(await lists()).toEqual([
      { id: 1, label: '县市场监管局 严重违法失信企业', department: '县市场监管局', kind: 'other', holds: 'company', imported_by: 'admin', batch_id: r.batch_id },
    ]);
    expect(await db.all('SELECT list_id, value, place, batch_id FROM comparison_list_rows ORDER BY value')).toEqual([
      { list_id: 1, value: '榆林恒通商贸有限公司', place: null, batch_id: r.batch_id },
      { list_id: 1, value: '陕西金鼎建材有限公司', place: '榆林市', batch_id: r.batch_id },
    ]);
    expect((await listComparisonLists(db)).map((l) => [l.label, l.holds, l.rows, l.imported_by, l.file_name]))
      .toEqual([['县市场监管局 严重违法失信企业', 'company', 2, 'admin', 'other_list.csv']]);
    expect((await rollbackBatch(db, r.batch_id, 'admin')).rows_deleted).toBe(2);
    expect(await lists()).toEqual([]);
    expect((await db.one<{ n: string }>('SELECT count(*) AS n FROM comparison_list_rows'))!.n).toBe('0');
  });

  it('a list of ID numbers checks each number (18 characters with its check digit); a list without its key column is refused', async () => {
    const good = idNumber('61082119800101001');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await importText(db, 'other_list', csv([['姓名', '身份证号'], ['李四', good], ['王五', bad], ['赵六', '6108211980']]),
      { list: { label: '县民政局 低保边缘户', department: null, holds: 'id_number' } });
    expect([r.accepted, r.rejected]).toEqual([1, 2]);
    expect(r.rejects.map((x) => [x.row, x.column, x.reason])).toEqual([
      [3, '身份证号', `身份证号校验位错误：${bad}`],
      [4, '身份证号', '身份证号应为18位（或15位旧号）：6108211980'],
    ]);
    await expect(importText(db, 'other_list', csv([['姓名', '地址'], ['李四', '甲镇']]),
      { list: { label: '无账号', department: null, holds: 'account' } })).rejects.toThrow('缺少必填字段 “账号”');
    await expect(importText(db, 'payroll', csv([['身份证号'], [good]]))).rejects.toThrow(/名单标签/);
  });
});

describe('the 比对名单 page', () => {
  it('is for the admin and supervision; 撤销 of a list\'s batch is the admin\'s', () => {
    const who = (role: (typeof ROLES)[number]) => ({ role, unitId: ROLE_UNIT_KIND[role] ? 7 : null });
    expect(ROLES.filter((r) => permissions.readComparisonLists(who(r)))).toEqual(['admin', 'supervisor']);
    expect(ROLES.filter((r) => permissions.manageBatch(who(r), { options: {} }))).toEqual(['admin']);
  });
});

describe('migration 014 moves the old watchlists into labelled lists', () => {
  it('one list per kind and batch, labelled with the kind\'s name, dated and signed as the batch; every row kept', async () => {
    const { db, file, cleanup } = await tempDb();
    try {
      // The file as it was before 014: watchlists rows of an import batch and rows the demo wrote without one.
      await db.run(`DROP TABLE comparison_list_rows; DROP TABLE comparison_lists; DELETE FROM schema_version WHERE version = 14;
        CREATE TABLE watchlists (list VARCHAR NOT NULL CHECK (list IN ('payroll', 'deaths', 'registered_poor')),
          id_number VARCHAR NOT NULL, name VARCHAR, place VARCHAR, event_date DATE, batch_id INTEGER);
        INSERT INTO import_batches (id, kind, file_name, sha256, created_by, created_at) VALUES (7, 'deaths', 'deaths.csv', 'x', 'admin', '2018-05-02 10:00:00');
        INSERT INTO watchlists VALUES ('deaths', 'D1', '周一', NULL, '2018-03-15', 7), ('deaths', 'D2', '周二', '甲镇', NULL, 7),
          ('payroll', 'P1', '钱一', '县教育局', NULL, NULL), ('registered_poor', 'R1', '吴一', NULL, NULL, NULL);`);
      db.close();
      const again = await Db.open(file);
      expect(await again.all('SELECT id, label, department, kind, holds, imported_at::VARCHAR AS at, imported_by, batch_id FROM comparison_lists ORDER BY id'))
        .toMatchObject([
          { id: 1, label: '财政供养人员名单', department: null, kind: 'payroll', holds: 'id_number', imported_by: null, batch_id: null },
          { id: 2, label: '建档立卡户名单', department: null, kind: 'registered_poor', holds: 'id_number', imported_by: null, batch_id: null },
          { id: 3, label: '死亡人员名单', department: null, kind: 'deaths', holds: 'id_number', at: '2018-05-02 10:00:00', imported_by: 'admin', batch_id: 7 },
        ]);
      expect(await again.all('SELECT list_id, value, name, place, event_date, batch_id FROM comparison_list_rows ORDER BY value')).toEqual([
        { list_id: 3, value: 'D1', name: '周一', place: null, event_date: '2018-03-15', batch_id: 7 },
        { list_id: 3, value: 'D2', name: '周二', place: '甲镇', event_date: null, batch_id: 7 },
        { list_id: 1, value: 'P1', name: '钱一', place: '县教育局', event_date: null, batch_id: null },
        { list_id: 2, value: 'R1', name: '吴一', place: null, event_date: null, batch_id: null },
      ]);
      expect(await again.all("SELECT table_name FROM duckdb_tables() WHERE table_name = 'watchlists'")).toEqual([]);
      again.close();
    } finally {
      cleanup();
    }
  });
});

// Two lists of each kind the people rules read, and the other departments' lists LISTED_PAYEE reads. Town 101;
// payouts in June 2018; unit 201 pays.
const LISTS_FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇'), (201, 'department', '县农业农村局');
INSERT INTO comparison_lists (id, label, department, kind, holds) VALUES
  (1, '县人社局 在编人员', '县人社局', 'payroll', 'id_number'), (2, '县教育局 在编教师', '县教育局', 'payroll', 'id_number'),
  (3, '县公安局 死亡注销', '县公安局', 'deaths', 'id_number'), (4, '县民政局 火化名单', '县民政局', 'deaths', 'id_number'),
  (5, '乡村振兴局 建档立卡户', NULL, 'registered_poor', 'id_number'), (6, '镇上报 新识别贫困户', NULL, 'registered_poor', 'id_number'),
  (7, '县市场监管局 吊销企业', '县市场监管局', 'other', 'company'), (8, '县法院 失信被执行人账户', '县法院', 'other', 'account'),
  (9, '县民政局 低保人员', '县民政局', 'other', 'id_number');
INSERT INTO comparison_list_rows (list_id, value, name, place, event_date) VALUES
  (1, 'A1', '钱一', '县人社局', NULL), (2, 'A1', '钱一', '县一中', NULL), (2, 'A2', '钱二', '县二中', NULL),
  (3, 'D1', '周一', NULL, '2018-03-15'), (4, 'D1', '周一', NULL, '2018-03-20'), (4, 'D2', '周二', NULL, '2018-04-02'),
  (5, 'P1', '吴一', NULL, NULL), (6, 'P2', '吴二', NULL, NULL),
  (7, ' 陕西金鼎建材有限公司 ', NULL, NULL, NULL), (7, 'ＡＢＣ商贸有限公司', NULL, NULL, NULL), (7, '榆林恒通商贸有限公司', NULL, NULL, NULL),
  (8, '6222０００１', NULL, NULL, NULL),
  (9, 'X9', NULL, NULL, NULL);
INSERT INTO payouts (voucher_no, month, town_id, name, id_number, item, household_targeted, paid, account_no) VALUES
  ('F1', '2018-06-01', 101, '钱一', 'A1', '农村低保金', false, 310.00, 'C1'),
  ('F2', '2018-06-01', 101, '钱二', 'A2', '农村低保金', false, 310.00, 'C2'),
  ('F3', '2018-06-01', 101, '周一', 'D1', '城乡居民基础养老金', false, 136.00, 'C3'),
  ('F4', '2018-06-01', 101, '周二', 'D2', '城乡居民基础养老金', false, 136.00, 'C4'),
  ('F5', '2018-06-01', 101, '吴一', 'P1', '产业到户奖补', true, 3000.00, 'C5'),
  ('F6', '2018-06-01', 101, '吴二', 'P2', '产业到户奖补', true, 3000.00, 'C6'),
  ('F7', '2018-06-01', 101, '吴三', 'X9', '产业到户奖补', true, 3000.00, 'C7');
INSERT INTO payments (voucher_no, pay_date, amount, unit_id, payee_name, payee_account, payee_type, purpose) VALUES
  ('L1', '2018-05-10', 12000.00, 201, '陕西金鼎建材有限公司', '61050001', 'org', '建材款'),
  ('L2', '2018-05-11', 8000.00, 201, 'ABC商贸有限公司', '61050002', 'org', '办公用品'),
  ('L3', '2018-05-12', 5000.00, 201, '张三', '62220001', 'person', '劳务费'),
  ('L4', '2018-05-13', 7000.00, 201, '榆林恒通商贸有限公司', '62220001', 'org', '货款'),
  ('L5', '2018-05-14', 9000.00, 201, '陕西金鼎建材有限责任公司', '61050003', 'org', '建材款'),
  ('L6', '2018-05-15', 9000.00, 201, '陕西金顶建材有限公司', '61050004', 'org', '建材款'),
  ('L7', '2018-05-16', 9000.00, 201, 'X9', '61050005', 'org', '建材款'),
  ('L8', '2018-07-01', 9000.00, 201, '榆林恒通商贸有限公司', '61050006', 'org', '货款')`;

describe('the list rules read every list of their kind, naming the lists', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadFixture(db, LISTS_FIXTURE);
  });
  afterAll(() => cleanup());

  it('OFFICIAL_RECIPIENT: an ID on either payroll list; on both, one hit naming both lists', async () => {
    const hits = await run(db, 'OFFICIAL_RECIPIENT');
    expect(hits.map((h) => [h.subject_id, h.evidence.list])).toEqual([
      ['F1', '县人社局 在编人员；县教育局 在编教师'], // labels in code-point order
      ['F2', '县教育局 在编教师'],
    ]);
  });

  it('DECEASED_RECIPIENT: the earliest date of death of either list; the list labels in the evidence', async () => {
    const hits = await run(db, 'DECEASED_RECIPIENT');
    expect(hits.map((h) => [h.subject_id, h.evidence.list, h.evidence.death_date, h.evidence.months_after])).toEqual([
      ['F3', '县公安局 死亡注销；县民政局 火化名单', '2018-03-15', 3],
      ['F4', '县民政局 火化名单', '2018-04-02', 2],
    ]);
  });

  it('NOT_POOR_RECIPIENT: on neither registered-poor list (another department\'s ID list does not count); the evidence names both', async () => {
    const hits = await run(db, 'NOT_POOR_RECIPIENT');
    expect(hits.map((h) => [h.subject_id, h.evidence.list])).toEqual([['F7', '乡村振兴局 建档立卡户；镇上报 新识别贫困户']]);
  });

  it('LISTED_PAYEE: a payee company or account on a list, compared trimmed and half-width; a name one character off is not', async () => {
    const hits = await run(db, 'LISTED_PAYEE', '2018-06-30');
    // L1: the list writes the name with spaces around it; L2: the list writes ＡＢＣ in full width; L3: the account
    // 6222０００１ (full-width digits) is 62220001; L4: both its name and its account are listed. L5 (有限责任公司), L6
    // (金顶 for 金鼎) are other names; L7's payee is an ID on a list of ID numbers, which names no payee; L8 is paid in July.
    // The listed companies and the listed accounts come apart: an account is masked where it is shown, a company not.
    expect(hits.map((h) => [h.subject_id, h.unit_id, h.amount, h.severity, h.evidence.listed_company, h.evidence.listed_account, h.evidence.list])).toEqual([
      ['L1', 201, '12000.00', 'orange', ' 陕西金鼎建材有限公司 ', null, '县市场监管局 吊销企业'],
      ['L2', 201, '8000.00', 'orange', 'ＡＢＣ商贸有限公司', null, '县市场监管局 吊销企业'],
      ['L3', 201, '5000.00', 'orange', null, '6222０００１', '县法院 失信被执行人账户'],
      ['L4', 201, '7000.00', 'orange', '榆林恒通商贸有限公司', '6222０００１', '县市场监管局 吊销企业；县法院 失信被执行人账户'],
    ]);
    expect(hits[0].evidence).toMatchObject({ pay_date: '2018-05-10', payee_name: '陕西金鼎建材有限公司', payee_account: '61050001', purpose: '建材款' });
    expect((await run(db, 'LISTED_PAYEE', '2018-07-31')).map((h) => h.subject_id)).toEqual(['L1', 'L2', 'L3', 'L4', 'L8']);
  });
});
