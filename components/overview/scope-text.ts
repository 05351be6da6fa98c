import type { Viewer } from '@/lib/auth/roles';

type Who = Pick<Viewer, 'role' | 'unitName' | 'unitId'>;

/** What the overview's figures cover for a scoped viewer (docs/measures.md, "whose money"); null for the whole county. */
export function overviewScopeText(viewer: Who): string | null {
  if (viewer.role !== 'town' && viewer.role !== 'department' && viewer.role !== 'section') return null;
  // A scoped account without a binding sees nothing (docs/roles.md): say so rather than name no unit.
  if (viewer.unitId === null || !viewer.unitName) return '您的账户尚未绑定单位，本页没有数据；请联系信息中心绑定单位。';
  const unit = viewer.unitName;
  switch (viewer.role) {
    case 'town':
      // A town is measured on its own and its sub-units' allocations and payments (docs/units.md).
      return `本页为${unit}（含其下属单位）的分配与支付。`;
    case 'department':
      return `本页为${unit}的分配与支付。`;
    case 'section':
      return `本页为${unit}所管资金的指标与支付。`;
  }
}

/**
 * Why a ranking (乡镇, 部门 or 股室) is not shown to a scoped viewer of another kind: it compares the county's units of
 * that kind, while a scoped viewer's figures are one unit's own money (docs/roles.md, docs/views.md), so a department
 * would see "no town received money". A viewer of the ranking's own kind sees its own line instead.
 */
export function rankingNotApplicable(viewer: Who, what = '乡镇'): string {
  const whose = overviewScopeText(viewer)?.replace(/^本页为/, '').replace(/。$/, '') ?? '';
  return `${what}排名比较全县各${what}，只对全县范围的用户（局领导、监督检查室、信息中心）适用。${whose ? `您的数据为${whose}，不参与${what}排名。` : ''}`;
}
