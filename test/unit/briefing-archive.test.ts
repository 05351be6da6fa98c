import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissions } from '@/lib/auth/permissions';
import { archivedBriefingResponse, generatedBriefingResponse } from '@/lib/briefing/download';
import { listBriefingArchive } from '@/queries/briefing/archive';
import { useFixtureDb } from '../helpers/fixture';
import { testViewer } from '../helpers/viewer';
import { readDocx } from '../helpers/docx-text';
import { VIEWS_FIXTURE } from '../fixtures/views';

// 通报's Word download and its archive (docs/briefing.md) on the views' county (test/fixtures/views.ts): 农财所 is
// section 4, 教科文股 section 2.
const leader = testViewer('leader1', 'leader', null);
const ncs = testViewer('ncs', 'section', 4);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const body = async (r: Response) => new Uint8Array(await r.arrayBuffer());

describe('通报 downloads and archive', () => {
  const ctx = useFixtureDb(VIEWS_FIXTURE);
  const generate = (viewer = leader, scope = 'county', asOf = '2018-06-30') =>
    generatedBriefingResponse(ctx.db, viewer, { as_of: asOf, scope }, 'docx', '10.0.0.1');

  it('generates, archives and re-serves the same bytes; again on unchanged data the same data hash, said so', async () => {
    const first = await generate();
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Type')).toContain('wordprocessingml');
    // RFC 5987: the Chinese name percent-encoded in UTF-8, an ASCII fallback beside it.
    const disposition = first.headers.get('Content-Disposition')!;
    expect(disposition).toMatch(/filename\*=UTF-8''(%[0-9A-F]{2}|[A-Za-z0-9.])+$/);
    // The county's name (settings) first: 示范县 in a new database.
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('示范县2018年扶贫资金支出进度通报（截至20180630）.docx');
    expect(disposition).toContain('filename="briefing-2018-06-30.docx"');
    const bytes = await body(first);
    expect((await readDocx(bytes)).paragraphs.some((p) => p.startsWith('截至6月30日'))).toBe(true);
    const id = Number(first.headers.get('X-Briefing-Id'));
    const dataHash = first.headers.get('X-Data-Hash')!;
    expect(first.headers.get('X-Same-Data-As')).toBeNull();

    const [row] = await listBriefingArchive(ctx.db, null);
    expect(row).toMatchObject({ id, year: 2018, as_of: '2018-06-30', scope_kind: 'county', section_id: null, format: 'docx', created_by: 'leader1', data_hash: dataHash, file_sha256: sha(bytes), size: bytes.byteLength, same_data_as: null });
    // Kept private beside the raw imports: the folder 0700, the file 0600.
    const again = await archivedBriefingResponse(ctx.db, leader, id, null);
    expect(again.status).toBe(200);
    expect(sha(await body(again))).toBe(sha(bytes));
    const dir = path.join(path.dirname(ctx.db.file), 'imports', 'briefings');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const stored = await ctx.db.one<{ path: string }>('SELECT path FROM briefings WHERE id = $id', { id });
    expect(path.dirname(stored!.path)).toBe(dir);
    expect(statSync(stored!.path).mode & 0o777).toBe(0o600);

    // Generated again for the same 截止日期 on unchanged data: the same data hash, and the archive names the first.
    const second = await generate();
    expect(second.headers.get('X-Data-Hash')).toBe(dataHash);
    expect(second.headers.get('X-Same-Data-As')).toBe(String(id));
    expect((await listBriefingArchive(ctx.db, null))[0].same_data_as).toBe(id);

    // Both the generation and the re-download are in the audit log with the 截止日期 and the data hash.
    const log = await ctx.db.all<{ action: string; target: string; detail: string }>("SELECT action, target, detail FROM audit_log WHERE action LIKE 'briefing_%' ORDER BY id");
    expect(log.map((l) => [l.action, l.target])).toEqual([['briefing_generate', `briefing:${id}`], ['briefing_download', `briefing:${id}`], ['briefing_generate', `briefing:${id + 1}`]]);
    expect(JSON.parse(log[0].detail)).toMatchObject({ as_of: '2018-06-30', scope: '全县', data_hash: dataHash, format: 'docx' });

    // A payment changes: another hash, no earlier 通报 on the same data.
    await ctx.db.run("UPDATE payments SET amount = amount + 1 WHERE voucher_no = 'P1'");
    await ctx.db.run('DELETE FROM payment_days');
    await ctx.db.run('INSERT INTO payment_days SELECT batch_id, indicator_id, unit_id, town_id, pay_date, sum(amount), count(*) FROM payments GROUP BY ALL');
    const third = await generate();
    expect(third.headers.get('X-Data-Hash')).not.toBe(dataHash);
    expect(third.headers.get('X-Same-Data-As')).toBeNull();
  });

  it('lets the county’s readers and a 股室 its own report in; refuses a town, a department and another 股室', async () => {
    for (const role of ['admin', 'leader', 'supervisor'] as const) {
      expect(permissions.readBriefingOf({ role, unitId: null }, { kind: 'county' }), role).toBe(true);
      expect(permissions.readBriefingOf({ role, unitId: null }, { kind: 'section', unitId: 2 }), role).toBe(true);
    }
    expect(permissions.readBriefingOf(ncs, { kind: 'section', unitId: 4 })).toBe(true);
    expect(permissions.readBriefingOf(ncs, { kind: 'section', unitId: 2 })).toBe(false);
    expect(permissions.readBriefingOf(ncs, { kind: 'county' })).toBe(false);
    // An unbound 股室 account reads no report.
    expect(permissions.readBriefingOf({ role: 'section', unitId: null }, { kind: 'section', unitId: 4 })).toBe(false);

    expect((await generate(testViewer('town1', 'town', 101))).status).toBe(403);
    expect((await generate(testViewer('dept1', 'department', 201))).status).toBe(403);
    expect((await generate(ncs, 'section:2')).status).toBe(404);
    expect((await generate(ncs, 'county')).status).toBe(404);
    expect((await generate(leader, 'section:999')).status).toBe(404);
    expect((await generate(leader, 'town:101')).status).toBe(400);

    const own = await generate(ncs, 'section:4');
    expect(own.status).toBe(200);
    expect((await readDocx(await body(own))).paragraphs[0]).toContain('农财所');
    const ownId = Number(own.headers.get('X-Briefing-Id'));
    // The archive: a 股室 lists and re-downloads its own reports only, never the county's.
    const countyId = (await listBriefingArchive(ctx.db, null)).find((r) => r.scope_kind === 'county')!.id;
    expect((await listBriefingArchive(ctx.db, 4)).map((r) => r.id)).toEqual([ownId]);
    expect((await archivedBriefingResponse(ctx.db, ncs, ownId, null)).status).toBe(200);
    expect((await archivedBriefingResponse(ctx.db, ncs, countyId, null)).status).toBe(404);
    expect((await archivedBriefingResponse(ctx.db, testViewer('eks', 'section', 2), ownId, null)).status).toBe(404);
    expect((await archivedBriefingResponse(ctx.db, testViewer('town1', 'town', 101), ownId, null)).status).toBe(403);
  });
});
