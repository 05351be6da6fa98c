import { LEVEL_LABELS } from '@/components/labels';
import type { ViewColumn } from './types';

/** Columns more than one family of views shows the same way. */

/** A fund's 级次, shown in Chinese: the same fund name exists at two levels (中央 and 省 城乡居民医疗保险补助资金). */
export const LEVEL_COLUMN: ViewColumn = { key: 'level', label: '级次', format: 'text', sortable: false, labels: LEVEL_LABELS };
