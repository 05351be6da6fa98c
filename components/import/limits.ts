/** The upload size limit: FUND_MONITOR_UPLOAD_LIMIT_MB (default 200 MB), read by the page and the upload route. */
export const DEFAULT_UPLOAD_LIMIT_MB = 200;

export function uploadLimitMb(env: Record<string, string | undefined> = process.env): number {
  const raw = env.FUND_MONITOR_UPLOAD_LIMIT_MB;
  const v = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_UPLOAD_LIMIT_MB;
}

export const limitBytes = (mb: number): number => Math.floor(mb * 1024 * 1024);

/** A size in bytes as MB for messages: 1.5 MB, 200 MB, 0.3 MB. */
export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const text = mb >= 100 ? mb.toFixed(0) : mb >= 10 ? mb.toFixed(1) : mb.toFixed(mb >= 0.1 ? 1 : 2);
  return `${text.replace(/\.0+$/, '')} MB`;
}

/** A file size for people: 812 B, 1.5 KB, 23.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return formatMb(bytes);
}

/** The message of a refused upload (HTTP 413 from the route, and the page's own check before it sends anything). */
export function tooLargeMessage(limitMb: number, size?: number): string {
  const limit = formatMb(limitBytes(limitMb));
  const what = size === undefined ? '文件' : `文件大小 ${formatMb(size)}，`;
  return `${what}超过上传上限 ${limit}，未上传。请把文件按月份或单位拆分后分别导入；确需更大的上限，请信息中心调整 FUND_MONITOR_UPLOAD_LIMIT_MB。`;
}
