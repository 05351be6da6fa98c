import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/server';
import { cachedSettings } from '@/queries/server';
import { serverDb } from '@/queries/server-db';
import { ReadOnlyBanner } from '@/components/layout/ReadOnlyBanner';
import { LoginForm } from './LoginForm';

export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getSessionUser()) redirect('/');
  const [{ next }, settings, db] = await Promise.all([searchParams, cachedSettings(), serverDb()]);
  return (
    <>
      <ReadOnlyBanner readOnly={db.readOnly} />
      <main className="grid min-h-screen place-items-center bg-navy-900 px-4">
        <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-lg">
          <div className="mb-6 flex items-center gap-3">
            <span aria-hidden className="grid h-9 w-9 place-items-center rounded bg-navy-800 font-semibold text-white">扶</span>
            <div>
              <h1 className="text-lg font-semibold text-slate-900">扶贫资金动态监控</h1>
              <p className="text-xs text-slate-500">{settings.countyName}财政局</p>
            </div>
          </div>
          <LoginForm next={next ?? '/'} />
        </div>
      </main>
    </>
  );
}
