import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { importFlagsQuery, importOutcomeLines, type ImportFlags, type ImportOutcome } from '@/lib/import/command';

export interface RemoteImportOptions {
  server: string;
  token?: string;
  json?: boolean;
}

/**
 * `fund-monitor import FILE --server URL --token T`: streams the file to the server's one-shot import route
 * (POST /api/import/file, app/api/import/file/route.ts) as the token's user, and prints what a local import prints.
 * The token may come from $FUND_MONITOR_TOKEN instead, so it stays out of the shell's history. A refusal throws with
 * the server's message (exit 1), as a local import that imported nothing does.
 */
export async function remoteImport(file: string, flags: ImportFlags, opts: RemoteImportOptions): Promise<void> {
  const token = opts.token ?? process.env.FUND_MONITOR_TOKEN;
  if (!token) throw new Error('--server 需要令牌：--token 令牌，或环境变量 FUND_MONITOR_TOKEN（在网站“账户 → API 令牌”页创建）');
  let url: URL;
  try {
    url = new URL('/api/import/file', opts.server);
  } catch {
    throw new Error(`--server 应为网站地址，如 http://127.0.0.1:3000（收到 ${opts.server}）`);
  }
  url.search = importFlagsQuery(flags).toString();
  const size = statSync(file).size;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(size),
        'x-file-name': encodeURIComponent(path.basename(file)),
      },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    throw new Error(`无法连接服务器 ${url.origin}：${(error as Error).cause ?? (error as Error).message}`);
  }
  const body = (await res.json().catch(() => null)) as (ImportOutcome & { error?: string }) | null;
  if (!res.ok || !body) {
    // 400 and 422 are about the file or the flags: the same message a local import gives. Anything else names the server.
    const reason = body?.error ?? res.statusText;
    throw new Error(res.status === 400 || res.status === 422 ? reason : `服务器 ${url.origin} 拒绝导入（HTTP ${res.status}）：${reason}`);
  }
  console.log(opts.json ? JSON.stringify(body) : importOutcomeLines(body).join('\n'));
}
