import type { Expect } from './loadtest-mix';

export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * Why an answer is not the one asked for, or null when it is. Status 200 alone proves little: a session that lapsed
 * is sent to /login (a 307, never followed here), and a page whose redirect happens while it streams answers 200 with
 * a redirect inside the HTML — so a page must carry its marker, JSON must parse and hold its array, and an export
 * must be an XLSX file (a ZIP: "PK").
 */
export function answerProblem(expect: Expect, answer: Answer): string | null {
  if (answer.status !== 200) return `HTTP ${answer.status}`;
  switch (expect.kind) {
    case 'page':
      if (!answer.contentType.startsWith('text/html')) return `not HTML: ${answer.contentType}`;
      return answer.body.includes(expect.marker) ? null : 'not the page asked for (its marker is missing)';
    case 'json': {
      if (!answer.contentType.startsWith('application/json')) return `not JSON: ${answer.contentType}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(answer.body.toString('utf8'));
      } catch {
        return 'JSON that does not parse';
      }
      const field = (parsed as Record<string, unknown> | null)?.[expect.field];
      return Array.isArray(field) ? null : `JSON without "${expect.field}"`;
    }
    case 'xlsx':
      if (!answer.contentType.includes('spreadsheetml')) return `not XLSX: ${answer.contentType}`;
      return answer.body.subarray(0, 2).toString('latin1') === 'PK' ? null : 'XLSX that is not a ZIP file';
  }
}
