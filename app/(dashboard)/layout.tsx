import { AppHeader } from '@/components/layout/AppHeader';
import { SideNav } from '@/components/layout/SideNav';
import { ReadOnlyBanner } from '@/components/layout/ReadOnlyBanner';
import { navFor } from '@/components/layout/nav';
import { cachedSettings } from '@/queries/server';
import { requireViewer } from '@/lib/auth/server';
import { scopeOf } from '@/lib/auth/roles';
import { serverDb } from '@/queries/server-db';
import { todoCount } from '@/queries/warnings';

// Every page below needs a signed-in viewer and reads the database, so nothing here is prerendered at build time.
export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const [viewer, settings] = await Promise.all([requireViewer(), cachedSettings()]);
  const items = navFor(viewer);
  // 待办 in the header (docs/workflow.md): one count on the warnings table, and none asked for the unscoped roles.
  const db = await serverDb();
  const todo = await todoCount(db, scopeOf(viewer));
  return (
    <div className="min-h-screen">
      <ReadOnlyBanner readOnly={db.readOnly} />
      <AppHeader countyName={settings.countyName} viewer={viewer} items={items} todo={todo} />
      <div className="flex min-h-[calc(100vh-3rem)]">
        <SideNav items={items} />
        <main className="min-w-0 flex-1 px-3 py-4 sm:px-5 lg:px-6">{children}</main>
      </div>
    </div>
  );
}
