/** The session cookie's name; kept apart from server-only code so proxy.ts can read it. */
export const SESSION_COOKIE = 'fm_session';
