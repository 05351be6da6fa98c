import type { Viewer } from '@/lib/auth/roles';
import type { ViewPanelId } from '@/lib/views/types';
import { RuleRunPanel } from '@/components/warnings/RuleRunPanel';

/** The panels a view may declare (ViewDef.panel), each a server component that reads what it shows itself. */
const PANELS: Record<ViewPanelId, (props: { viewer: Viewer }) => Promise<React.ReactNode>> = {
  rule_runs: RuleRunPanel,
};

export function ViewPanel({ id, viewer }: { id: ViewPanelId; viewer: Viewer }) {
  const Panel = PANELS[id];
  return <Panel viewer={viewer} />;
}
