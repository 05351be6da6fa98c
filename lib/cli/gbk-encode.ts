import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * GBK/GB18030 (two-byte codes) for the benchmark's GBK run and the tests' fixtures. Node can decode GBK but
 * not encode it, so the code table is built once by decoding every two-byte code.
 */
let table: Uint16Array | null = null;

function gbkTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && t[ch.charCodeAt(0)] === 0) t[ch.charCodeAt(0)] = (lead << 8) | trail;
    }
  }
  table = t;
  return t;
}

export function encodeGbk(text: string): Buffer {
  const t = gbkTable();
  const out = Buffer.allocUnsafe(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = t[c];
    if (!code) throw new Error(`GBK cannot encode ${JSON.stringify(text[i])}`);
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.subarray(0, n);
}

export async function transcodeUtf8ToGbk(src: string, dest: string): Promise<void> {
  const out = createWriteStream(dest);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(src, { highWaterMark: 4 << 20 })) {
    if (!out.write(encodeGbk(decoder.decode(chunk as Buffer, { stream: true })))) await once(out, 'drain');
  }
  out.end(encodeGbk(decoder.decode()));
  await once(out, 'finish');
}
