/**
 * Sends a file as the raw request body with XMLHttpRequest, whose upload progress events fetch() does not offer.
 * Resolves with the status and the parsed JSON answer (or a message when the answer is not JSON, or the connection
 * broke: a server refusing a too-large body may close it before the browser reads the 413).
 */
export interface XhrAnswer<T> {
  status: number;
  body: T | { error: string };
}

export function uploadWithProgress<T>(
  url: string,
  file: Blob,
  headers: Record<string, string>,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<XhrAnswer<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: T | { error: string };
      try {
        body = JSON.parse(xhr.responseText) as T;
      } catch {
        body = { error: `服务器返回了无法识别的答复（HTTP ${xhr.status}）` };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { error: '上传中断：网络连接失败或服务器拒绝了这个文件，请检查网络后重试。' } });
    xhr.onabort = () => resolve({ status: 0, body: { error: '已取消上传' } });
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** POST JSON and read the JSON answer; network failures become { error }. */
export async function postJson<T>(url: string, body: unknown, method = 'POST'): Promise<XhrAnswer<T>> {
  try {
    const res = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    let parsed: T | { error: string };
    try {
      parsed = (await res.json()) as T;
    } catch {
      parsed = { error: `服务器返回了无法识别的答复（HTTP ${res.status}）` };
    }
    return { status: res.status, body: parsed };
  } catch {
    return { status: 0, body: { error: '网络连接失败，请稍后重试。' } };
  }
}

export const isError = (body: unknown): body is { error: string } =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string';
