import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Viewer } from '@/lib/auth/roles';
import { adminAddAlias, adminMergeUnits, adminRemoveAlias, adminRenameUnit, adminSetParent } from '@/lib/units/unit-admin';
import { countReferences, findUnit, listUnits } from '@/queries/units';
import { tempDb } from '../helpers/temp-db';
import { csv, importText } from '../fixtures/import-load/helpers';
import { loadFixture } from '../helpers/fixture';

// 单位管理 (docs/units.md). An import created 103 甲乡 (甲镇's old name) with a village and a sub-unit under it; it is
// merged into 101 甲镇. Every table that names a unit holds rows of both, so the counts below can be checked by hand.
const FIXTURE = `
INSERT INTO units (id, kind, name, parent_id) VALUES
  (101, 'town', '甲镇', NULL), (102, 'town', '乙镇', NULL), (103, 'town', '甲乡', NULL),
  (201, 'department', '县农业农村局', NULL), (301, 'department', '甲乡财政所', 103), (302, 'department', '甲镇财政所', 101),
  (1001, 'village', '王家沟村', 101), (1003, 'village', '李家峁村', 103);
INSERT INTO unit_aliases (alias, unit_id) VALUES ('甲乡人民政府驻地', 103);
INSERT INTO indicators (id, fund_id, level, year, amount, received_date) VALUES ('ZB001', 22, 'central', 2018, 1000000, '2018-01-10');
INSERT INTO allocations (id, indicator_id, unit_id, amount, alloc_date) VALUES
  ('FP1', 'ZB001', 101, 100000, '2018-01-20'), ('FP2', 'ZB001', 103, 50000, '2018-01-21'), ('FP3', 'ZB001', 103, 25000, '2018-01-22');
INSERT INTO payments (voucher_no, pay_date, amount, indicator_id, unit_id, town_id, village_id) VALUES
  ('ZF1', '2018-03-01', 1000, 'ZB001', 101, NULL, NULL),
  ('ZF2', '2018-03-02', 2000, 'ZB001', 103, NULL, 1003),
  ('ZF3', '2018-03-03', 3000, 'ZB001', 201, 103, 1003),
  ('ZF4', '2018-03-04', 4000, 'ZB001', 201, 103, NULL);
INSERT INTO projects (code, name, year, status, town_id, village_id, unit_id) VALUES
  ('XM1', '甲乡道路', 2018, 'approved', 103, 1003, 103), ('XM2', '甲镇水窖', 2018, 'approved', 101, 1001, 302);
INSERT INTO payouts (month, town_id, village_id, name, id_number, item, paid) VALUES
  ('2018-03-01', 103, 1003, '张三', '612700190001010011', '低保', 300), ('2018-03-01', 103, 1003, '李四', '612700190001010022', '低保', 300);
INSERT INTO users (id, username, role, unit_id, password_hash) VALUES (9, 'jiaxiang', 'town', 103, 'x'), (10, 'caizheng', 'department', 301, 'x');
INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, severity, assigned_unit_id) VALUES
  (1, 'SPEND_LAG', 'k1', 'unit', '103', 103, 'red', 103), (2, 'SPEND_LAG', 'k2', 'unit', '101', 101, 'red', NULL);
`;

const admin: Viewer = { id: 1, username: 'admin', displayName: null, role: 'admin', unitId: null, unitName: null };
const town: Viewer = { ...admin, id: 2, username: 'town', role: 'town', unitId: 101 };

describe('单位管理', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadFixture(db, FIXTURE);
  });
  afterAll(() => cleanup());

  it('refuses every change to anyone but an admin', async () => {
    expect(await adminRenameUnit(db, town, 103, '丙乡', null)).toEqual({ ok: false, error: '无权操作' });
    expect(await adminMergeUnits(db, town, 103, 101, null)).toEqual({ ok: false, error: '无权操作' });
    expect(await adminAddAlias(db, null, 103, '丙乡', null)).toEqual({ ok: false, error: '无权操作' });
    expect((await findUnit(db, 103))?.name).toBe('甲乡');
  });

  it('merges a town into another: every row moves, the merged name becomes an alias, one audit record', async () => {
    const before = { from: await countReferences(db, 103), into: await countReferences(db, 101) };
    // By hand: 103 is named by FP2, FP3; ZF2 (unit); ZF3, ZF4 (town); XM1 (unit and town); both payouts; jiaxiang;
    // warning 1 (unit and assigned); 1003 and 301 (parent); one alias.
    expect(before.from).toEqual({
      allocations: 2, payments_unit: 1, payments_town: 2, payments_village: 0, projects_unit: 1, projects_town: 1,
      projects_village: 0, payouts_town: 2, payouts_village: 0, users: 1, warnings_unit: 1, warnings_assigned: 1,
      child_units: 2, aliases: 1,
    });
    const result = await adminMergeUnits(db, admin, 103, 101, '10.0.0.1');
    // 2 + 1 + 2 + 1 + 1 + 2 + 1 + 1 + 1 + 2 + 1 = 15 rows moved.
    expect(result).toEqual({ ok: true, message: '已将“甲乡”并入“甲镇”，移动 15 行，原名保留为别名' });
    expect(await findUnit(db, 103)).toBeUndefined();
    const after = await countReferences(db, 101);
    for (const [key, n] of Object.entries(before.into)) expect(after[key], key).toBe(n + before.from[key] + (key === 'aliases' ? 1 : 0));
    expect(after).toMatchObject({ allocations: 3, payments_unit: 2, payments_town: 2, child_units: 4, aliases: 2 });
    expect(await db.all('SELECT voucher_no, unit_id, town_id FROM payments ORDER BY voucher_no')).toEqual([
      { voucher_no: 'ZF1', unit_id: 101, town_id: null }, { voucher_no: 'ZF2', unit_id: 101, town_id: null },
      { voucher_no: 'ZF3', unit_id: 201, town_id: 101 }, { voucher_no: 'ZF4', unit_id: 201, town_id: 101 },
    ]);
    expect((await listUnits(db)).find((u) => u.id === 101)?.aliases).toEqual(['甲乡', '甲乡人民政府驻地']);
    const [entry] = await db.all<{ action: string; target: string; detail: string; ip: string }>(
      "SELECT action, target, detail, ip FROM audit_log WHERE action = 'unit_merge'");
    expect(entry).toMatchObject({ target: '甲镇', ip: '10.0.0.1' });
    expect(JSON.parse(entry.detail)).toMatchObject({ merged: '甲乡', merged_id: 103, moved: { allocations: 2, child_units: 2 } });
  });

  it('an import after the merge finds the merged name (now an alias) as the survivor', async () => {
    const r = await importText(db, 'payments', csv([
      ['支付凭证号', '支付日期', '支付金额', '指标明细号', '预算单位'], ['ZF9', '2018-04-01', '10', 'ZB001', '甲乡']]));
    expect(r.accepted).toBe(1);
    expect(await db.one('SELECT unit_id FROM payments WHERE voucher_no = $v', { v: 'ZF9' })).toEqual({ unit_id: 101 });
  });

  it('refuses a merge that would bind a 部门 user to a town, and merges of other kinds', async () => {
    expect(await adminMergeUnits(db, admin, 301, 101, null)).toEqual({ ok: false, error: '用户 caizheng 绑定在“甲乡财政所”（部门角色），请先在用户管理中改绑' });
    expect(await adminMergeUnits(db, admin, 101, 201, null)).toEqual({ ok: false, error: '镇(中心)不能并入部门' });
    expect(await adminMergeUnits(db, admin, 1003, 101, null)).toEqual({ ok: false, error: '村不能并入镇(中心)' });
    expect(await adminMergeUnits(db, admin, 101, 101, null)).toEqual({ ok: false, error: '请选择另一个单位' });
  });

  it('renames a unit keeping the old name as an alias, and refuses a name that is taken', async () => {
    expect(await adminRenameUnit(db, admin, 301, '甲镇财政所', null)).toEqual({ ok: false, error: '名称“甲镇财政所”已有单位“甲镇财政所”' });
    expect(await adminRenameUnit(db, admin, 302, '甲乡', null)).toEqual({ ok: false, error: '名称“甲乡”已是“甲镇”的别名' });
    expect(await adminRenameUnit(db, admin, 301, '甲镇经管站', null)).toMatchObject({ ok: true });
    expect((await listUnits(db)).find((u) => u.id === 301)).toMatchObject({ name: '甲镇经管站', aliases: ['甲乡财政所'], parent_id: 101 });
  });

  it('adds and removes aliases, and sets a department\'s town', async () => {
    expect(await adminAddAlias(db, admin, 201, '县农业局', null)).toMatchObject({ ok: true });
    expect(await adminAddAlias(db, admin, 302, '县 农业局', null)).toEqual({ ok: false, error: '别名“县 农业局”已是“县农业农村局”的别名' });
    expect(await adminRemoveAlias(db, admin, 201, '县农业局', null)).toMatchObject({ ok: true });
    expect(await adminSetParent(db, admin, 201, 102, null)).toEqual({ ok: true, message: '“县农业农村局”已归入乙镇' });
    expect(await adminSetParent(db, admin, 201, 1001, null)).toEqual({ ok: false, error: '所属单位须是一个镇(中心)' });
    expect(await adminSetParent(db, admin, 1001, null, null)).toEqual({ ok: false, error: '村须属于一个镇(中心)' });
    expect(await adminSetParent(db, admin, 201, null, null)).toMatchObject({ ok: true });
    const actions = await db.all<{ action: string }>('SELECT action FROM audit_log ORDER BY id');
    expect(actions.map((a) => a.action)).toEqual(['unit_merge', 'unit_rename', 'unit_alias_add', 'unit_alias_remove', 'unit_parent', 'unit_parent']);
  });
});
