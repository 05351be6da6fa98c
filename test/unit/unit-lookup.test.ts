import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { rollbackBatch } from '@/queries/import/rollback';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';

// How the importer reads a unit's name (docs/units.md): a government's name is its town, another body of a town is a
// unit under it, and an alias names its unit in every unit field. seedCounty: towns 101 甲镇, 102 乙镇; departments
// 201 县农业农村局, 202 县水利局.
const HEADER = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '预算单位', '乡镇'];
const pay = (voucher: string, unit: string, town = '') => [voucher, '2018-05-02', '100', 'ZB001', unit, town];

describe('unit names as treasury exports write them', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));
  const unitOf = async (voucher: string) =>
    (await db.one<{ unit_id: number; town_id: number | null }>('SELECT unit_id, town_id FROM payments WHERE voucher_no = $v', { v: voucher }))!;
  const unitNamed = (name: string) =>
    db.one<{ id: number; kind: string; parent_id: number | null }>('SELECT id, kind, parent_id FROM units WHERE name = $name', { name });

  it('reads a town government\'s names as the town, without creating anything', async () => {
    const r = await importText(db, 'payments', csv([HEADER,
      pay('G1', '甲镇人民政府'), pay('G2', '甲镇政府'), pay('G3', '乙镇 人民政府'), pay('G4', '县农业农村局', '乙镇人民政府')]));
    expect(r.accepted).toBe(4);
    expect(await unitOf('G1')).toEqual({ unit_id: 101, town_id: null });
    expect(await unitOf('G2')).toEqual({ unit_id: 101, town_id: null });
    expect(await unitOf('G3')).toEqual({ unit_id: 102, town_id: null });
    expect(await unitOf('G4')).toEqual({ unit_id: 201, town_id: 102 });
  });

  it('rejects another body of a town without 允许新建单位, naming the town and how to accept it', async () => {
    const r = await importText(db, 'payments', csv([HEADER, pay('B1', '甲镇财政所'), pay('B2', '县乡村振兴局')]));
    expect(r.accepted).toBe(0);
    expect(r.rejects.map((x) => x.reason)).toEqual([
      '未知单位：甲镇财政所（甲镇的下属单位，不在单位名录中；可在“单位管理”中把它设为已有单位的别名，或选择“允许新建单位”（命令行 --allow-new-units），新建为甲镇的下属单位）',
      '未知单位：县乡村振兴局（不在单位名录中；确为新单位时请选择“允许新建单位”）',
    ]);
  });

  it('with 允许新建单位 creates a town\'s bodies under the town, and new towns with their bodies', async () => {
    const r = await importText(db, 'payments', csv([HEADER,
      pay('N1', '甲镇财政所'), pay('N2', '甲镇便民服务中心'), pay('N3', '县乡村振兴局'),
      pay('N4', '丙镇人民政府'), pay('N5', '丙镇便民服务中心'), pay('N6', '丁镇')]), { allowNewUnits: true });
    expect(r.accepted).toBe(6);
    expect(await unitNamed('甲镇财政所')).toMatchObject({ kind: 'department', parent_id: 101 });
    expect(await unitNamed('甲镇便民服务中心')).toMatchObject({ kind: 'department', parent_id: 101 });
    expect(await unitNamed('县乡村振兴局')).toMatchObject({ kind: 'department', parent_id: null });
    const bing = (await unitNamed('丙镇'))!;
    expect(bing).toMatchObject({ kind: 'town', parent_id: null });
    expect(await unitOf('N4')).toMatchObject({ unit_id: bing.id });
    expect(await unitNamed('丙镇便民服务中心')).toMatchObject({ kind: 'department', parent_id: bing.id });
    expect(await unitNamed('丙镇人民政府')).toBeUndefined();
    expect(await unitNamed('丁镇')).toMatchObject({ kind: 'town', parent_id: null });
  });

  it('reads an alias as its unit in every unit field, exactly written or not', async () => {
    const caizheng = (await unitNamed('甲镇财政所'))!.id;
    await db.run(`INSERT INTO unit_aliases (alias, unit_id) VALUES ('甲镇财政管理所', ${caizheng}), ('甲乡', 101), ('王家沟', 1001)`);
    const r = await importText(db, 'payments', csv([HEADER,
      pay('A1', '甲镇财政管理所'), pay('A2', '甲镇 财政管理所'), pay('A3', '县水利局', '甲乡'), pay('A4', '县水利局', '甲镇财政管理所'),
      pay('A5', '甲乡人民政府')]));
    expect(r.accepted).toBe(5);
    // A village's alias, within its town (甲镇 written by the town's alias).
    const v = await importText(db, 'payments', csv([[...HEADER, '村'], [...pay('A6', '县水利局', '甲乡'), '王家沟']]));
    expect(v.accepted).toBe(1);
    expect(await db.one("SELECT village_id FROM payments WHERE voucher_no = 'A6'")).toEqual({ village_id: 1001 });
    expect(await unitOf('A1')).toEqual({ unit_id: caizheng, town_id: null });
    expect(await unitOf('A2')).toEqual({ unit_id: caizheng, town_id: null });
    // In a 乡镇 field a unit that belongs to a town stands for the town.
    expect(await unitOf('A3')).toEqual({ unit_id: 202, town_id: 101 });
    expect(await unitOf('A4')).toEqual({ unit_id: 202, town_id: 101 });
    expect(await unitOf('A5')).toEqual({ unit_id: 101, town_id: null });
  });

  it('rolling back an import removes the towns it created together with the units under them', async () => {
    const r = await importText(db, 'payments', csv([HEADER, pay('R1', '戊镇人民政府'), pay('R2', '戊镇财政所')]), { allowNewUnits: true });
    expect(r.accepted).toBe(2);
    expect(await unitNamed('戊镇财政所')).toMatchObject({ kind: 'department', parent_id: (await unitNamed('戊镇'))!.id });
    expect(await rollbackBatch(db, r.batch_id, 'admin')).toMatchObject({ rows_deleted: 2, units_deleted: 2 });
    expect(await unitNamed('戊镇')).toBeUndefined();
    expect(await unitNamed('戊镇财政所')).toBeUndefined();
  });
});
