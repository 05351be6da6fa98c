import type { Level } from '@/queries/overview';

/** 预算级次 in display order. */
export const LEVELS: readonly Level[] = ['central', 'province', 'city', 'county'];

export const LEVEL_LABELS: Record<Level, string> = {
  central: '中央',
  province: '省级',
  city: '市级',
  county: '县级',
};

export const TIME_PROGRESS_MODE_LABELS = {
  month: '按月计算',
  day: '按日计算',
} as const;

/** A 滞留资金 threshold (the filter's idle_days) as the filter bar and the threshold links name it. */
export const idleDaysLabel = (days: number) => `${days}天以上`;
