import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { createOwnApiToken } from '@/lib/auth/api-tokens';
import { listAudit } from '@/queries/auth/audit';
import { listPayments } from '@/queries/payments';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import type { Viewer } from '@/lib/auth/roles';
import { useDemoSite } from '../helpers/demo-site';
import { BIN } from '../helpers/cli';

/**
 * `fund-monitor import --server URL --token T` against a running site (docs/security.md "API tokens"): the same
 * file imported through the server and, locally, into a copy of the same database made before the server opened it,
 * must print the same JSON. Around it: a token reads what its user reads, and a revoked one, a role that does not
 * import, and a 股室 importing another 股室's fund are refused as on the web.
 */

const tokens: Record<string, string> = {};
let copy = '';
/** The demo's 2018 indicators of 农财所 (the demo 股室) and of another 股室, and a county department. */
let own = '';
let foreign = '';
let department = '';
/** Payments of 2018 on every basis: all of them, and those 石窑镇 (the demo town) reads. */
const counts = { all: 0, town: 0 };

const site = useDemoSite('import-server', { payments: 20_000, year: 2018, seed: 3 }, async (db) => {
  const viewer = async (username: string) => {
    const u = (await db.one<{ id: number; role: Viewer['role']; unit_id: number | null }>('SELECT id, role, unit_id FROM users WHERE username = $username', { username }))!;
    return { id: u.id, username, displayName: null, role: u.role, unitId: u.unit_id, unitName: null } satisfies Viewer;
  };
  for (const username of ['admin', 'town', 'section', 'leader']) {
    const r = await createOwnApiToken(db, await viewer(username), { name: 'e2e', expiresOn: null }, null);
    if (!r.ok) throw new Error(r.error);
    tokens[username] = r.secret!;
  }
  const revoked = await createOwnApiToken(db, await viewer('admin'), { name: 'revoked', expiresOn: null }, null);
  tokens.revoked = (revoked as { secret: string }).secret;
  await db.run("UPDATE api_tokens SET revoked_at = current_localtimestamp(), revoked_by = 'admin' WHERE name = 'revoked'");

  const section = (await viewer('section')).unitId!;
  const indicator = async (mine: boolean) => (await db.one<{ id: string }>(
    `SELECT i.id FROM indicators i JOIN funds f ON f.id = i.fund_id
     WHERE i.year = 2018 AND (f.section_id = $section) = $mine ORDER BY i.id LIMIT 1`, { section, mine }))!.id;
  own = await indicator(true);
  foreign = await indicator(false);
  department = (await db.one<{ name: string }>("SELECT name FROM units WHERE kind = 'department' ORDER BY id LIMIT 1"))!.name;

  const q = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-12-31', basis: 'all' as const };
  const town = await viewer('town');
  counts.all = (await listPayments(db, q, { kind: 'all' }, { page: 1, pageSize: 1 })).count;
  counts.town = (await listPayments(db, q, { kind: 'town', unitId: town.unitId! }, { page: 1, pageSize: 1 })).count;

  // The copy for the local import: the file as the server will open it (checkpointed: nothing left in the WAL).
  await db.run('CHECKPOINT');
  copy = site.file.replace(/\.duckdb$/, '-copy.duckdb');
  copyFileSync(site.file, copy);
});

/** Runs the command with the token in the environment (as a user keeps it out of the shell's history). */
function cli(args: string[], token?: string) {
  const env = { ...process.env, NODE_NO_WARNINGS: '1', FUND_MONITOR_TOKEN: token ?? '' };
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HEADER = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '预算单位'];
const csvFile = (name: string, rows: string[][]) => {
  const file = path.join(path.dirname(site.file), name);
  writeFileSync(file, rows.map((r) => r.join(',')).join('\n') + '\n');
  return file;
};

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('a token over HTTP', () => {
  it('reads what its user reads: the town its own payments, the leader all', async () => {
    const count = async (token: string) =>
      (await (await fetch(`${site.url}/api/payments?year=2018&as_of=2018-12-31&basis=all&page_size=1`, bearer(token))).json()).count;
    expect(counts.town).toBeGreaterThan(0);
    expect(counts.town).toBeLessThan(counts.all);
    expect(await count(tokens.town)).toBe(counts.town);
    expect(await count(tokens.leader)).toBe(counts.all);
  });

  it('is refused when revoked or unknown (401), and for a role that does not import (403)', async () => {
    expect((await fetch(`${site.url}/api/payments`, bearer(tokens.revoked))).status).toBe(401);
    expect((await fetch(`${site.url}/api/payments`, bearer(`fmt_${'x'.repeat(43)}`))).status).toBe(401);
    const town = await fetch(`${site.url}/api/import/file?kind=payments`, {
      method: 'POST', body: 'a,b\n1,2\n', headers: { authorization: `Bearer ${tokens.town}`, 'x-file-name': 'x.csv' },
    });
    expect(town.status).toBe(403);
  });
});

describe('fund-monitor import --server', () => {
  let file = '';
  beforeAll(() => {
    // Two payments on a 2018 indicator of 农财所, one with an impossible date (rejected), a 合计 row.
    file = csvFile('支付-server.csv', [
      HEADER,
      ['SRV-1', '2018-09-03', '1200.50', own, department],
      ['SRV-2', '2018-09-04', '800.00', own, department],
      ['SRV-3', '2018-02-30', '5.00', own, department],
      ['合计', '', '2005.50', '', ''],
    ]);
  });

  it('prints the JSON a local import of the same file into a copy prints, and exits 0', () => {
    const remote = cli(['import', file, '--kind', 'payments', '--server', site.url, '--json'], tokens.admin);
    expect(remote.stderr).toBe('');
    expect(remote.code).toBe(0);
    const local = cli(['import', file, '--kind', 'payments', '--db', copy, '--json']);
    expect(local.code).toBe(0);
    const [r, l] = [JSON.parse(remote.stdout), JSON.parse(local.stdout)];
    expect(r).toEqual(l);
    // 1200.50 + 800.00 = 2000.50 accepted; SRV-3 rejected for its date; the 合计 row (read, then skipped) states all
    // three rows: 1200.50 + 800.00 + 5.00 = 2005.50.
    expect(r).toMatchObject({
      kind: 'payments', rows_read: 4, accepted: 2, rejected: 1, amount_total_yuan: '2000.50', subtotal_rows_skipped: 1, totals_reconciled: true,
    });
    expect(r.warnings).toMatchObject({ run_id: expect.any(Number) });
  });

  it('prints the same lines without --json', () => {
    const again = csvFile('支付-server-2.csv', [HEADER, ['SRV-4', '2018-09-05', '10.00', own, department]]);
    const remote = cli(['import', again, '--kind', 'payments', '--server', site.url], tokens.admin);
    const local = cli(['import', again, '--kind', 'payments', '--db', copy]);
    expect(remote.code).toBe(0);
    expect(remote.stdout).toBe(local.stdout);
  });

  it('a 股室\'s token imports only its own funds\' rows, as on the web', () => {
    const mixed = csvFile('支付-section.csv', [HEADER, ['SEC-1', '2018-09-06', '30.00', own, department], ['SEC-2', '2018-09-06', '40.00', foreign, department]]);
    const r = cli(['import', mixed, '--kind', 'payments', '--server', site.url, '--json'], tokens.section);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.accepted, out.rejected]).toEqual([1, 1]);
    expect(out.rejects[0].reason).toContain('不属于本股室管理的资金');
  });

  it('exits non-zero with the server\'s reason when nothing could be imported, or without a token', () => {
    const bad = csvFile('bad.csv', [['凭证号', '用途'], ['C9', 'x']]);
    const remote = cli(['import', bad, '--kind', 'payments', '--server', site.url, '--json'], tokens.admin);
    const local = cli(['import', bad, '--kind', 'payments', '--db', copy, '--json']);
    expect(remote.code).not.toBe(0);
    expect(remote.stdout).toBe('');
    expect(remote.stderr).toBe(local.stderr);
    const town = cli(['import', bad, '--kind', 'projects', '--server', site.url], tokens.town);
    expect(town.code).not.toBe(0);
    expect(town.stderr).toContain('HTTP 403');
    const none = cli(['import', bad, '--kind', 'payments', '--server', site.url]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('FUND_MONITOR_TOKEN');
  });

  it('audits the imports as the token\'s user, naming the token', async () => {
    await site.stopServer();
    const db = await Db.open(site.file, { readOnly: true });
    try {
      const imports = await listAudit(db, { action: 'import' });
      const viaToken = imports.filter((e) => JSON.parse(e.detail!).via === 'token');
      expect(viaToken.map((e) => e.actor).sort()).toEqual(['admin', 'admin', 'section']);
      expect(JSON.parse(viaToken[0].detail!)).toMatchObject({ token: 'e2e' });
    } finally {
      db.close();
    }
  });
});
