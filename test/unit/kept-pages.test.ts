import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { KEPT_HEADER, KeptPages } from '@/lib/http/kept-pages';

/**
 * The kept answers (lib/http/kept-pages.ts) on a real HTTP server whose "renderer" counts its renders and writes the
 * way Next.js does: headers by setHeader and writeHead, the body in chunks, sometimes compressed.
 */

type Render = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(pages: KeptPages, render: Render, key = (req: IncomingMessage) => req.url!): Promise<string> {
  server = createServer((req, res) => void pages.answer(key(req), res, () => render(req, res)));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** A page in three chunks, with headers given both ways, after `delay` ms of "rendering". */
function counted(delay = 0) {
  const calls: string[] = [];
  const render: Render = async (req, res) => {
    calls.push(req.url!);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    await tick(delay);
    res.writeHead(200, { 'x-given': 'by-writeHead' });
    res.write('<html>');
    res.write(Buffer.from(`第${calls.length}次`));
    res.end('</html>');
  };
  return { calls, render };
}

describe('kept answers', () => {
  it('renders a page once and sends the same bytes and headers again from memory', async () => {
    const { calls, render } = counted();
    const url = await serve(new KeptPages(() => 'v1'), render);
    const first = await fetch(`${url}/a`);
    const second = await fetch(`${url}/a`);
    expect([await first.text(), await second.text()]).toEqual(['<html>第1次</html>', '<html>第1次</html>']);
    expect(calls).toEqual(['/a']);
    expect(first.headers.get(KEPT_HEADER)).toBeNull();
    expect(second.headers.get(KEPT_HEADER)).toBe('1');
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(second.headers.get('x-given')).toBe('by-writeHead');
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength('<html>第1次</html>')));
    // Another key is another render.
    expect(await (await fetch(`${url}/b`)).text()).toBe('<html>第2次</html>');
  });

  it('renders again once the data version moves, and does not keep a render during which it moved', async () => {
    let version = 1;
    const calls: number[] = [];
    const url = await serve(new KeptPages(() => `v${version}`), async (_req, res) => {
      calls.push(version);
      if (calls.length === 2) version = 3; // the data changes while this render runs
      res.end(`rendered at v${version}`);
    });
    expect(await (await fetch(`${url}/p`)).text()).toBe('rendered at v1');
    version = 2;
    expect(await (await fetch(`${url}/p`)).text()).toBe('rendered at v3');
    // The second render straddled the change, so the third request renders too; the fourth is kept.
    expect(await (await fetch(`${url}/p`)).text()).toBe('rendered at v3');
    const fourth = await fetch(`${url}/p`);
    expect(fourth.headers.get(KEPT_HEADER)).toBe('1');
    expect(calls).toEqual([1, 2, 3]);
  });

  it('keeps only complete 200 answers without Set-Cookie', async () => {
    const calls: string[] = [];
    const url = await serve(new KeptPages(() => 'v'), (req, res) => {
      calls.push(req.url!);
      if (req.url === '/missing') res.statusCode = 404;
      if (req.url === '/redirect') res.writeHead(307, { location: '/login' });
      if (req.url === '/cookie') res.setHeader('set-cookie', 'a=b');
      res.end('x');
    });
    for (const path of ['/missing', '/redirect', '/cookie']) {
      for (let i = 0; i < 2; i++) {
        const r = await fetch(`${url}${path}`, { redirect: 'manual' });
        expect(r.headers.get(KEPT_HEADER)).toBeNull();
      }
    }
    expect(calls).toEqual(['/missing', '/missing', '/redirect', '/redirect', '/cookie', '/cookie']);
  });

  it('does not keep an answer cut off before its end', async () => {
    const calls: string[] = [];
    const url = await serve(new KeptPages(() => 'v'), async (req, res) => {
      calls.push(req.url!);
      res.write('part');
      if (calls.length === 1) res.destroy();
      else res.end(' whole');
    });
    await expect(fetch(`${url}/x`).then((r) => r.text())).rejects.toThrow();
    expect(await (await fetch(`${url}/x`)).text()).toBe('part whole');
    expect((await fetch(`${url}/x`)).headers.get(KEPT_HEADER)).toBe('1');
    expect(calls).toHaveLength(2);
  });

  it('lets concurrent askers of one page wait for its one render', async () => {
    const { calls, render } = counted(100);
    const url = await serve(new KeptPages(() => 'v'), render);
    const bodies = await Promise.all(Array.from({ length: 8 }, () => fetch(`${url}/slow`).then((r) => r.text())));
    expect(new Set(bodies)).toEqual(new Set(['<html>第1次</html>']));
    expect(calls).toEqual(['/slow']);
  });

  it('keeps a compressed body with its Content-Encoding, as sent', async () => {
    const url = await serve(new KeptPages(() => 'v'), (_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(gzipSync('总览'));
    });
    await fetch(`${url}/z`);
    const kept = await fetch(`${url}/z`);
    expect(kept.headers.get(KEPT_HEADER)).toBe('1');
    expect(kept.headers.get('content-encoding')).toBe('gzip');
    expect(await kept.text()).toBe('总览'); // fetch inflates it
  });

  it('never keeps an answer larger than an entry may be', async () => {
    const pages = new KeptPages(() => 'v', 1000, 12);
    const { calls, render } = counted();
    const url = await serve(pages, render);
    // '<html>第1次</html>': 14 ASCII bytes and two three-byte characters, 20 > 12.
    expect(Buffer.byteLength('<html>第1次</html>')).toBe(20);
    await fetch(`${url}/big`);
    await fetch(`${url}/big`);
    expect(calls).toEqual(['/big', '/big']);
    expect(pages.size).toBe(0);
  });

  it('evicts the oldest answer first once the total is over its limit', async () => {
    const pages = new KeptPages(() => 'v', 10, 10);
    const url = await serve(pages, (req, res) => void res.end(req.url!.slice(1).padEnd(4, '.')));
    for (const path of ['/a', '/b', '/a', '/c']) await fetch(`${url}${path}`);
    // a (4 bytes), b (4): 8 ≤ 10; a asked again moves to the back; c (4) makes 12 > 10, so b, the oldest, goes.
    expect(pages.size).toBe(2);
    expect((await fetch(`${url}/a`)).headers.get(KEPT_HEADER)).toBe('1');
    expect((await fetch(`${url}/c`)).headers.get(KEPT_HEADER)).toBe('1');
    expect((await fetch(`${url}/b`)).headers.get(KEPT_HEADER)).toBeNull();
  });
});
