import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { tempDb } from '../helpers/temp-db';
import { createUser, updateUser } from '@/queries/auth/users';
import { createSession, deleteSession, viewerForToken } from '@/queries/auth/sessions';
import { audit } from '@/queries/auth/audit';

/**
 * The viewer of a session is remembered for a few seconds (queries/auth/sessions.ts), so a request need not read three
 * tables first. What must still hold: sign-out, a disabled account, a changed role end or change the viewer at once,
 * and a session that expires is not answered from memory past its end.
 */
describe('viewers remembered per session', () => {
  let db: Db;
  let cleanup: () => void;
  let userId: number;

  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    userId = await createUser(db, { username: 'clerk', role: 'leader', password: 'Clerk2018' });
  });
  afterAll(() => cleanup());

  /** A change behind the owner's back (its own connection, not Db.run): only a fresh read of the database sees it. */
  const behindTheBack = (sql: string) => db.withConnection((conn) => conn.run(sql));

  it('answers from memory until a write that may change the viewer, then reads again', async () => {
    const token = await createSession(db, userId);
    expect(await viewerForToken(db, token)).toMatchObject({ username: 'clerk', role: 'leader' });
    await behindTheBack("UPDATE users SET display_name = '张三' WHERE username = 'clerk'");
    // Remembered: the name changed behind the back is not read yet; an audit row keeps the memory (LOG_ONLY)…
    await audit(db, { actor: 'clerk', action: 'export' });
    expect((await viewerForToken(db, token))?.displayName).toBeNull();
    // …a change of the user through the owner forgets every viewer at once.
    await updateUser(db, userId, { displayName: '李四', role: 'supervisor', unitId: null, disabled: false });
    expect(await viewerForToken(db, token)).toMatchObject({ displayName: '李四', role: 'supervisor' });
  });

  it('ends a session at once on sign-out and on a disabled account', async () => {
    const a = await createSession(db, userId);
    const b = await createSession(db, userId);
    expect(await viewerForToken(db, a)).not.toBeNull();
    expect(await viewerForToken(db, b)).not.toBeNull();
    await deleteSession(db, a);
    expect(await viewerForToken(db, a)).toBeNull();
    await updateUser(db, userId, { displayName: null, role: 'leader', unitId: null, disabled: true });
    expect(await viewerForToken(db, b)).toBeNull();
    await updateUser(db, userId, { displayName: null, role: 'leader', unitId: null, disabled: false });
  });

  it('does not answer from memory past the session\'s end', async () => {
    const token = await createSession(db, userId);
    await db.run("UPDATE sessions SET expires_at = current_localtimestamp() + INTERVAL 1500 MILLISECOND");
    expect(await viewerForToken(db, token)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1_700));
    expect(await viewerForToken(db, token)).toBeNull();
  });

  it('is frozen: one request cannot change the viewer the next is given', async () => {
    const viewer = (await viewerForToken(db, await createSession(db, userId)))!;
    expect(() => Object.assign(viewer, { role: 'admin' })).toThrow(TypeError);
  });
});
