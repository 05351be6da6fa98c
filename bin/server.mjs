#!/usr/bin/env node
// The production server (`npm start`): Next.js's own request handler, with kept pages in front of it.
//
// A page asked again by the same viewer while the data has not changed is answered from memory instead of rendered
// (lib/http/page-keeping.ts, docs/performance.md "Pages kept per data version"). That handler lives in the Next.js
// bundle, beside the database it reads; instrumentation.ts hands it over on globalThis when the server starts.
//
//   node bin/server.mjs [-p PORT] [-H HOST]     (defaults: $PORT or 3000, $HOSTNAME or all interfaces)
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// React and Next.js pick their production builds from NODE_ENV, which must be set before either is loaded.
process.env.NODE_ENV = 'production';
const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;

const { default: next } = await import('next');
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = next({ dev: false, dir, hostname: hostname ?? 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();
const KEEP_PAGES = Symbol.for('fund-monitor.keep-pages');

const server = createServer((req, res) => {
  const keep = globalThis[KEEP_PAGES];
  const answered = keep ? keep(req, res, () => handle(req, res)) : handle(req, res);
  answered.catch((error) => {
    console.error('request failed:', error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`▲ fund-monitor on http://${hostname ?? 'localhost'}:${port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
