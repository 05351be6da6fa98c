import type { Viewer } from '@/lib/auth/roles';

/**
 * Which payments a viewer reads (visible_payments, queries/visibility.sql), in words, for the summary line
 * and the empty states of 支付明细 and 数据质量, which read the same payments.
 */
export function paymentScopeText(viewer: Pick<Viewer, 'role' | 'unitName'>): string {
  const unit = viewer.unitName ?? '未绑定单位';
  switch (viewer.role) {
    case 'section':
      return `${unit}所管资金的支付，及${unit}导入的未匹配指标的支付`;
    case 'department':
      return `${unit}的支付`;
    case 'town':
      return `${unit}支付或支付到${unit}的款项`;
    default:
      return '全县';
  }
}
