import type { Viewer } from '@/lib/auth/roles';

/** What part of the payments a viewer reads, in words, for the page's summary line and empty states. */
export function paymentScopeText(viewer: Viewer): string {
  const unit = viewer.unitName ?? '未绑定单位';
  switch (viewer.role) {
    case 'section':
      return `${unit}所管资金的支付`;
    case 'department':
      return `${unit}的支付`;
    case 'town':
      return `${unit}支付或支付到${unit}的款项`;
    default:
      return '全县';
  }
}
