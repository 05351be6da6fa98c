import { formatMb } from '@/components/import/limits';

/**
 * How much the pending uploads (uploaded, not yet imported or expired) may hold, and how many uploads may stream at
 * once; docs/import-limits.md. Env-configurable; a missing, empty or invalid value takes the default.
 */
export interface UploadQuotas {
  /** Bytes one user's pending and streaming uploads may hold (FUND_MONITOR_UPLOAD_USER_QUOTA_MB, default 600 MB). */
  userBytes: number;
  /** Bytes all pending and streaming uploads may hold (FUND_MONITOR_UPLOAD_TOTAL_QUOTA_MB, default 2,000 MB). */
  totalBytes: number;
  /** Uploads one user may stream at once (FUND_MONITOR_UPLOAD_CONCURRENT_PER_USER, default 2). */
  perUser: number;
  /** Uploads all users may stream at once (FUND_MONITOR_UPLOAD_CONCURRENT, default 6). */
  total: number;
}

const MB = 1024 * 1024;

function positive(raw: string | undefined, fallback: number): number {
  const v = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function uploadQuotas(env: Record<string, string | undefined> = process.env): UploadQuotas {
  return {
    userBytes: Math.floor(positive(env.FUND_MONITOR_UPLOAD_USER_QUOTA_MB, 600) * MB),
    totalBytes: Math.floor(positive(env.FUND_MONITOR_UPLOAD_TOTAL_QUOTA_MB, 2000) * MB),
    perUser: Math.floor(positive(env.FUND_MONITOR_UPLOAD_CONCURRENT_PER_USER, 2)),
    total: Math.floor(positive(env.FUND_MONITOR_UPLOAD_CONCURRENT, 6)),
  };
}

/** An upload refused for the quotas: `status` 429 (too many at once) or 413 (too many bytes held), with the message. */
export class UploadRefused extends Error {
  constructor(readonly status: 413 | 429, message: string) {
    super(message);
    this.name = 'UploadRefused';
  }
}

export const tooManyUploads = (mine: boolean, n: number) => new UploadRefused(429, mine
  ? `您已有 ${n} 个文件正在上传，请等它们上传完成后再上传下一个。`
  : `服务器同时在接收 ${n} 个上传，已达上限，请稍后再试。`);

export const quotaExceeded = (mine: boolean, quota: number) => new UploadRefused(413, mine
  ? `您待导入的上传文件已超过 ${formatMb(quota)} 的配额，未上传。请先导入或放弃已上传的文件（1 小时后自动清除）再上传。`
  : `服务器上待导入的上传文件已超过总配额 ${formatMb(quota)}，未上传。请稍后再试，或请信息中心调整 FUND_MONITOR_UPLOAD_TOTAL_QUOTA_MB。`);
