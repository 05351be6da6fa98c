import type { Viewer } from '@/lib/auth/roles';

/** Which payments the 数据质量 page counts for a viewer (queries/import/quality.sql's scope), in words. */
export function qualityScopeText(viewer: Pick<Viewer, 'role' | 'unitName'>): string {
  const unit = viewer.unitName ?? '未绑定单位';
  switch (viewer.role) {
    case 'section':
      return `${unit}所管资金的支付`;
    case 'department':
    case 'town':
      return `${unit}作为预算单位的支付`;
    default:
      return '全县';
  }
}
