import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFor, UploadStore, UploadTooLarge, streamToFile } from '@/app/api/import/_lib/uploads';
import { DEFAULT_UPLOAD_LIMIT_MB, formatMb, formatSize, limitBytes, tooLargeMessage, uploadLimitMb } from '@/components/import/limits';
import { isImportKind } from '@/components/import/kinds';
import { permissions } from '@/lib/auth/permissions';
import { gapHref, qualityHref } from '@/lib/quality/request';
import { columnLetter, decodeHead, guessDelimiter, previewRows } from '@/components/import/client-preview';
import {
  checkSelection, initialSelection, lockedReason, mappingPayload, sampleValues, selectionFromPreset, suggestedUnit,
} from '@/components/import/mapping-state';
import { matchRateText, reconciledText, subtotalsText } from '@/components/import/result-text';
import { byGaps, matchRate, totalRow } from '@/components/quality/gaps';
import { paymentScopeText } from '@/components/payments/scope-text';
import { resolveMapping } from '@/lib/import/load/mapping';
import { normalizeHeader } from '@/lib/import/fields';
import type { QualityRow } from '@/queries/import/quality';
import type { UploadColumn } from '@/components/import/types';
import { encodeGbk } from '@/lib/cli/gbk-encode';

/** A web ReadableStream of the given chunks, as a route handler's req.body is. */
const webStream = (chunks: (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const x of chunks) c.enqueue(typeof x === 'string' ? new TextEncoder().encode(x) : x);
      c.close();
    },
  });

describe('upload store: temporary files, size limit, owner and expiry', () => {
  let dir: string;
  let now = 1_000_000;
  let store: UploadStore;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-upload-test-'));
    store = new UploadStore(path.join(dir, 'uploads'), 60_000, () => now);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams a body to a file and hands out a token for its owner only', async () => {
    const u = await store.create('admin', '支付明细.csv', webStream(['a,b\n', '1,2\n']), 1000);
    expect(u.size).toBe(8);
    expect(u.token).toMatch(/^[0-9a-f]{48}$/);
    expect(path.extname(u.path)).toBe('.csv');
    expect(readFileSync(u.path, 'utf8')).toBe('a,b\n1,2\n');
    expect(store.get(u.token, 'admin')).toBe(u);
    expect(store.get(u.token, 'section')).toBeUndefined();
    expect(store.get('nope', 'admin')).toBeUndefined();
    expect(store.get(42, 'admin')).toBeUndefined();
    await store.remove(u.token);
    expect(existsSync(u.path)).toBe(false);
    expect(store.get(u.token, 'admin')).toBeUndefined();
  });

  it('refuses a body past the limit while streaming and leaves no partial file', async () => {
    const before = readdirSync(store.dir).length;
    const big = new Uint8Array(600);
    await expect(store.create('admin', 'big.csv', webStream([big, big]), 1000)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(readdirSync(store.dir).length).toBe(before);
    // exactly at the limit is fine
    const ok = await store.create('admin', 'ok.csv', webStream([new Uint8Array(1000)]), 1000);
    expect(ok.size).toBe(1000);
    await store.remove(ok.token);
  });

  it('forgets an upload after its expiry and deletes the file, unless an import of it is running', async () => {
    const a = await store.create('admin', 'a.csv', webStream(['x']), 10);
    const b = await store.create('admin', 'b.xlsx', webStream(['y']), 10);
    b.busy = true;
    now += 60_001;
    expect(store.get(a.token, 'admin')).toBeUndefined();
    expect(store.get(b.token, 'admin')).toBe(b);
    await store.sweep();
    expect(existsSync(a.path)).toBe(false);
    expect(existsSync(b.path)).toBe(true);
    b.busy = false;
    await store.sweep();
    expect(existsSync(b.path)).toBe(false);
  });

  it('sweeps files an earlier server left behind once they are past the expiry', async () => {
    const fresh = new UploadStore(path.join(dir, 'orphans'), 60_000, () => now);
    await fresh.create('admin', 'keep.csv', webStream(['k']), 10); // creates the folder
    const old = path.join(fresh.dir, 'old-token.csv');
    const recent = path.join(fresh.dir, 'recent-token.csv');
    writeFileSync(old, 'o');
    writeFileSync(recent, 'r');
    utimesSync(old, new Date(now - 120_000), new Date(now - 120_000));
    utimesSync(recent, new Date(now), new Date(now));
    const again = new UploadStore(fresh.dir, 60_000, () => now);
    await again.sweep();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('streamToFile counts bytes without a Content-Length and handles an empty body', async () => {
    const file = path.join(dir, 'direct.bin');
    expect(await streamToFile(webStream(['abc', 'def']), file, 6)).toBe(6);
    rmSync(file);
    await expect(streamToFile(webStream(['abc', 'defg']), file, 6)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(existsSync(file)).toBe(false);
    expect(await streamToFile(null, file, 6)).toBe(0);
  });
});

describe('upload limit', () => {
  it('reads FUND_MONITOR_UPLOAD_LIMIT_MB, defaulting to 200 MB', () => {
    expect(uploadLimitMb({})).toBe(DEFAULT_UPLOAD_LIMIT_MB);
    expect(uploadLimitMb({ FUND_MONITOR_UPLOAD_LIMIT_MB: '' })).toBe(200);
    expect(uploadLimitMb({ FUND_MONITOR_UPLOAD_LIMIT_MB: 'abc' })).toBe(200);
    expect(uploadLimitMb({ FUND_MONITOR_UPLOAD_LIMIT_MB: '-5' })).toBe(200);
    expect(uploadLimitMb({ FUND_MONITOR_UPLOAD_LIMIT_MB: '1' })).toBe(1);
    expect(uploadLimitMb({ FUND_MONITOR_UPLOAD_LIMIT_MB: '0.5' })).toBe(0.5);
    expect(limitBytes(200)).toBe(200 * 1024 * 1024);
  });

  it('names the limit (and the size, when known) in Chinese', () => {
    expect(tooLargeMessage(200)).toContain('超过上传上限 200 MB');
    expect(tooLargeMessage(1, 3 * 1024 * 1024)).toMatch(/^文件大小 3 MB，超过上传上限 1 MB/);
    expect(formatMb(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatMb(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatSize(812)).toBe('812 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(2048)).toBe('2 KB');
  });
});

describe('who may import what', () => {
  it('admin imports every kind, a 股室 four, other roles none', () => {
    const section = { role: 'section' as const, unitId: 4 };
    expect(permissions.importKinds({ role: 'admin', unitId: null })).toHaveLength(10);
    expect([...permissions.importKinds(section)]).toEqual(['indicators', 'allocations', 'payments', 'payouts']);
    for (const role of ['leader', 'supervisor', 'department', 'town'] as const) expect(permissions.importKinds({ role, unitId: 4 })).toEqual([]);
    expect(permissions.importKind(section, 'payments')).toBe(true);
    expect(permissions.importKind(section, 'projects')).toBe(false);
    expect(permissions.importKind(section, 'deaths')).toBe(false);
    expect(isImportKind('payments')).toBe(true);
    expect(isImportKind('users')).toBe(false);
    expect(isImportKind(null)).toBe(false);
  });

  it('admin manages any batch, a 股室 user those imported for its 股室, nobody else any', () => {
    const admins = { options: {} };
    const nongcai = { options: { section_id: 4 } };
    expect(permissions.manageBatch({ role: 'admin', unitId: null }, nongcai)).toBe(true);
    expect(permissions.manageBatch({ role: 'section', unitId: 4 }, nongcai)).toBe(true);
    expect(permissions.manageBatch({ role: 'section', unitId: 2 }, nongcai)).toBe(false);
    expect(permissions.manageBatch({ role: 'section', unitId: 4 }, admins)).toBe(false);
    expect(permissions.manageBatch({ role: 'section', unitId: null }, { options: { section_id: null } })).toBe(false);
    expect(permissions.manageBatch({ role: 'section', unitId: 4 }, { options: { section_id: '4' } })).toBe(false);
    expect(permissions.manageBatch({ role: 'leader', unitId: 4 }, nongcai)).toBe(false);
    expect(permissions.manageBatch({ role: 'town', unitId: 4 }, nongcai)).toBe(false);
  });
});

describe('browser preview', () => {
  const text = '2018年支付明细表,,\r\n单位：元,,\r\n支付凭证号,支付日期,支付金额\r\nP001,2018-09-07,"1,200.50"\r\n';

  it('decodes UTF-8, GBK and BOM files and says which', () => {
    expect(decodeHead(new TextEncoder().encode(text), true)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeHead(encodeGbk(text), true)).toEqual({ text, encoding: 'gb18030' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeHead(bom, true)).toEqual({ text, encoding: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeHead(utf16, true)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('treats a UTF-8 character cut by the end of a partial read as UTF-8, not GBK', () => {
    const bytes = new TextEncoder().encode('支付凭证号,支付日期\n扶贫');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(decodeHead(cut, false).encoding).toBe('utf-8');
    expect(decodeHead(cut, true).encoding).toBe('gb18030'); // the whole file: a cut character is not UTF-8
  });

  it('shows the first rows as Excel does, title rows included, quoted commas kept', () => {
    expect(previewRows(text, true)).toEqual([
      ['2018年支付明细表'], ['单位：元'], ['支付凭证号', '支付日期', '支付金额'], ['P001', '2018-09-07', '1,200.50'],
    ]);
    expect(previewRows(text, true, 2)).toHaveLength(2);
    // From a partial read the last (maybe cut) row is left out.
    expect(previewRows('a,b\r\nc,d\r\ne,', false)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(previewRows('a\tb\r\nc\td\r\ne\tf\r\n', true)).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('guesses the delimiter from the first lines, ignoring quoted text', () => {
    expect(guessDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(guessDelimiter('a\tb\tc\n"x,y,z"\t2\t3')).toBe('\t');
    expect(guessDelimiter('a;b;c\n1;"2,5";3')).toBe(';');
    expect(guessDelimiter('只有一列\n没有分隔符')).toBe(',');
  });

  it('numbers columns as Excel letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('mapping step state', () => {
  const rawHeaders = ['凭证号', '日期', '支付金额(万元)', '摘要', '日期', '', '备注'];
  const headers = rawHeaders.map(normalizeHeader);
  const auto = resolveMapping('payments', headers, rawHeaders);
  const columns: UploadColumn[] = auto.columns.map((c) => ({ index: c.index, header: c.header, rawHeader: c.rawHeader, field: c.field?.id ?? null }));

  it('starts from the automatic mapping; an empty or repeated header cannot be mapped alone', () => {
    expect(initialSelection(columns)).toEqual(['voucher_no', 'pay_date', 'amount', 'purpose', '', '', '']);
    expect(lockedReason(columns, 4)).toBe('与第 2 列表头相同，不能单独导入');
    expect(lockedReason(columns, 5)).toBe('无表头，不导入');
    expect(lockedReason(columns, 6)).toBeNull();
  });

  it('blocks the import on missing required fields and on a field chosen twice', () => {
    const sel = initialSelection(columns);
    expect(checkSelection('payments', sel)).toMatchObject({ missing: [], conflicts: [], ok: true });
    const noDate = sel.map((v) => (v === 'pay_date' ? '' : v));
    const c1 = checkSelection('payments', noDate);
    expect(c1.ok).toBe(false);
    expect(c1.missing.map((f) => f.label)).toEqual(['支付日期']);
    const twice = [...sel];
    twice[6] = 'purpose';
    const c2 = checkSelection('payments', twice);
    expect(c2.ok).toBe(false);
    expect(c2.conflicts.map((c) => [c.field.label, c.columns])).toEqual([['用途', [4, 7]]]);
  });

  it('sends every mappable column explicitly, and the server resolves exactly the page’s choice', () => {
    const sel = initialSelection(columns);
    sel[3] = ''; // 摘要: 不导入
    sel[6] = 'purpose'; // 备注 → 用途
    const payload = mappingPayload(columns, sel);
    expect(payload).toEqual({ 凭证号: 'voucher_no', 日期: 'pay_date', 支付金额: 'amount', 摘要: null, 备注: 'purpose' });
    const server = resolveMapping('payments', headers, rawHeaders, payload);
    expect(server.columns.map((c) => c.field?.id ?? '')).toEqual(sel);
    expect(server.missing).toEqual([]);
  });

  it('applies a preset saved from another file: its headers win, the others keep the automatic choice', () => {
    const sel = selectionFromPreset('payments', { headers, rawHeaders }, { 摘要: null, 备注: 'purpose', 不存在的列: 'payee_name', 坏字段: 'no_such_field' });
    expect(sel).toEqual(['voucher_no', 'pay_date', 'amount', '', '', '', 'purpose']);
  });

  it('pre-selects the unit from the title line, else from a mapped money column, else 元', () => {
    const sel = initialSelection(columns);
    expect(suggestedUnit('payments', { unitHint: '元' }, columns, sel)).toBe('元');
    expect(suggestedUnit('payments', { unitHint: null }, columns, sel)).toBe('万元');
    expect(suggestedUnit('payments', { unitHint: null }, columns, sel.map((v) => (v === 'amount' ? '' : v)))).toBe('元');
  });

  it('shows a few non-empty sample values per column', () => {
    expect(sampleValues([['a', ''], ['', 'x'], ['b', 'y'], ['c', 'z'], ['d', 'w']], 0)).toEqual(['a', 'b', 'c']);
    expect(sampleValues([['a']], 3)).toEqual([]);
  });

  it('describes the result in words', () => {
    expect(reconciledText(true)).toBe('核对一致');
    expect(reconciledText(false)).toBe('核对不一致');
    expect(reconciledText(null)).toBe('无合计行');
    expect(matchRateText(3, 4)).toBe('75.0%');
    expect(matchRateText(0, 0)).toBe('—');
    expect(matchRateText(undefined, 4)).toBe('—');
    expect(subtotalsText({ subtotals_reconciled: null, subtotal_mismatches: [] })).toBe('无小计行');
    expect(subtotalsText({ subtotals_reconciled: true, subtotal_mismatches: [] })).toBe('核对一致');
    expect(subtotalsText({ subtotals_reconciled: false, subtotal_mismatches: [{ row: 7, stated: '80000.00', rows_sum: '70000.00' }, { row: 9, stated: null, rows_sum: '5.00' }] }))
      .toBe('核对不一致：第 7 行小计 80,000.00 元，该段逐行之和 70,000.00 元；第 9 行小计 金额无法识别，该段逐行之和 5.00 元');
  });
});

describe('数据质量 helpers', () => {
  const row = (unit_id: number | null, unit_name: string, payments: number, gaps: number[]): QualityRow => ({
    unit_id, unit_name, unit_kind: null, payments, unmatched_indicator: gaps[0], unmatched_project: gaps[1], no_project: 0,
    missing_func_code: gaps[2], missing_payee_account: gaps[3], empty_purpose: gaps[4],
  });
  const rows = [row(1, '甲', 100, [0, 0, 0, 0, 0]), row(2, '乙', 10, [5, 1, 0, 0, 2]), row(null, '（未填或未知预算单位）', 3, [3, 0, 3, 3, 3])];

  it('sums the scope, puts the units with most gaps first and computes the match rate', () => {
    expect(totalRow(rows)).toMatchObject({ payments: 113, unmatched_indicator: 8, unmatched_project: 1, missing_func_code: 3, empty_purpose: 5 });
    expect(byGaps(rows).map((r) => r.unit_name)).toEqual(['（未填或未知预算单位）', '乙', '甲']);
    expect(matchRate(rows[1])).toBe(0.5);
    expect(matchRate({ payments: 0, unmatched_indicator: 0 })).toBeNull();
  });

  it('links each count to its payments, keeping the budget year, 截止日期 and batch (the one filter\'s names)', () => {
    const y2018 = { period: { year: 2018, asOf: '2018-10-31' }, batch: null };
    expect(gapHref('indicator', y2018, -1)).toBe('/quality/payments?gap=indicator&year=2018&as_of=2018-10-31&no_department=1');
    expect(gapHref('project', y2018, 201)).toBe('/quality/payments?gap=project&year=2018&as_of=2018-10-31&department=201');
    expect(gapHref('purpose', { period: null, batch: 7 })).toBe('/quality/payments?gap=purpose&batch=7');
    expect(qualityHref({ period: null, batch: null })).toBe('/quality');
    expect(qualityHref({ ...y2018, batch: 3 })).toBe('/quality?year=2018&as_of=2018-10-31&batch=3');
  });

  it('says whose payments are counted', () => {
    expect(paymentScopeText({ role: 'admin', unitName: null })).toBe('全县');
    expect(paymentScopeText({ role: 'town', unitName: '石窑镇' })).toBe('石窑镇支付或支付到石窑镇的款项');
    expect(paymentScopeText({ role: 'section', unitName: '农财所' })).toBe('农财所所管资金的支付，及农财所导入的未匹配指标的支付');
  });
});

describe('reading an upload for the mapping step (describeUpload)', () => {
  let dir: string;
  let store: UploadStore;
  let db: import('@/queries/db').Db;
  let cleanup: () => void;
  beforeAll(async () => {
    const { tempDb } = await import('../helpers/temp-db');
    ({ db, cleanup } = await tempDb());
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-describe-test-'));
    store = new UploadStore(dir);
  });
  afterAll(() => {
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a GBK CSV with a title line: encoding, first data row, unit, automatic mapping, preview', async () => {
    const { describeUpload } = await import('@/app/api/import/_lib/describe');
    const csv = '2018年支付明细\r\n单位：万元\r\n凭证号,支付日期,实付金额,摘要,备注\r\nP1,2018-09-07,1.5,产业,\r\nP2,2018-09-08,2,饮水,x\r\n';
    const u = await store.create('admin', 'p.csv', webStream([encodeGbk(csv)]), 1 << 20);
    const info = await describeUpload(db, u, 'payments');
    expect(info.source).toMatchObject({ format: 'csv', encoding: 'gb18030', firstDataRow: 4, unitHint: '万元', rawHeaders: ['凭证号', '支付日期', '实付金额', '摘要', '备注'] });
    expect(info.columns.map((c) => c.field)).toEqual(['voucher_no', 'pay_date', 'amount', 'purpose', null]);
    expect(info.preview).toEqual([['P1', '2018-09-07', '1.5', '产业', ''], ['P2', '2018-09-08', '2', '饮水', 'x']]);
    expect(info.presets).toEqual([]);
    expect(info.notice).toBeUndefined();
  });

  it('keeps the read for the import, which reads the file again only for another kind, sheet or encoding', async () => {
    const { describeUpload } = await import('@/app/api/import/_lib/describe');
    const { importFile } = await import('@/lib/import/import-file');
    const { seedCounty } = await import('../fixtures/import-load/helpers');
    await seedCounty(db);
    const csv = '凭证号,支付日期,实付金额,预算单位\r\nK1,2018-09-07,1.5,县水利局\r\n';
    const u = await store.create('admin', 'k.csv', webStream([encodeGbk(csv)]), 1 << 20);
    await describeUpload(db, u, 'payments');
    const first = readFor(u, 'payments', undefined, undefined)!;
    expect(first.encoding).toBe('gb18030');
    expect(existsSync(first.dataCsvPath)).toBe(true); // the transcoded copy, kept
    expect(readFor(u, 'payments', undefined, 'utf-8')).toBeUndefined();
    expect(readFor(u, 'indicators', undefined, undefined)).toBeUndefined();

    const r = await importFile({ db, filePath: u.path, fileName: u.fileName, kind: 'payments', source: first, fileIsOwned: true, rawDir: path.join(dir, 'raw') });
    expect([r.accepted, r.encoding]).toEqual([1, 'gb18030']);
    expect(existsSync(first.dataCsvPath)).toBe(true); // the caller's to delete
    // The upload is the server's own: its raw copy is a hard link, which outlives the upload.
    const raw = (await db.one<{ raw_path: string }>('SELECT raw_path FROM import_batches WHERE id = $id', { id: r.batch_id }))!.raw_path;
    expect(statSync(raw).ino).toBe(statSync(u.path).ino);
    const bytes = readFileSync(u.path);

    await describeUpload(db, u, 'payments', { encoding: 'gb18030' });
    expect(existsSync(first.dataCsvPath)).toBe(false); // replaced by the new read
    const second = readFor(u, 'payments', undefined, 'gb18030')!;
    await store.remove(u.token);
    expect(existsSync(second.dataCsvPath)).toBe(false);
    expect(readFileSync(raw)).toEqual(bytes);
  });

  it('reads the next sheet when a workbook’s first sheet holds no table, and lists the sheets', async () => {
    const { describeUpload } = await import('@/app/api/import/_lib/describe');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '第二张表为支付明细';
    const ws = wb.addWorksheet('9月支付');
    ws.addRow(['支付凭证号', '支付日期', '支付金额']);
    ws.addRow(['X1', '2018-09-01', 10]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const u = await store.create('admin', 'book.xlsx', webStream([bytes]), 1 << 20);
    const info = await describeUpload(db, u, 'payments');
    expect(info.source).toMatchObject({ format: 'xlsx', sheet: '9月支付', sheets: ['说明', '9月支付'] });
    expect(info.notice).toContain('已改为读取工作表“9月支付”');
    expect(info.preview).toEqual([['X1', '2018-09-01', '10']]);
    // Asking for the empty sheet by name is the user's choice: the reader's message, no fallback.
    await expect(describeUpload(db, u, 'payments', { sheet: '说明' })).rejects.toThrow('没有数据行');
  });
});
