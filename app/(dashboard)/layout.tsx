import { AppHeader } from '@/components/layout/AppHeader';
import { SideNav } from '@/components/layout/SideNav';
import { cachedSettings } from '@/queries/server';

// The header reads the county name from the database's settings, so nothing here is prerendered at build time.
export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const settings = await cachedSettings();
  return (
    <div className="min-h-screen">
      <AppHeader countyName={settings.countyName} />
      <div className="flex min-h-[calc(100vh-3rem)]">
        <SideNav />
        <main className="min-w-0 flex-1 px-3 py-4 sm:px-5 lg:px-6">{children}</main>
      </div>
    </div>
  );
}
