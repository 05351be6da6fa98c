import { Client, FormData } from 'undici';
import { SESSION_COOKIE } from '@/lib/auth/cookie';

const HIDDEN_INPUT = /<input[^>]*type="hidden"[^>]*>/g;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden fields of the login form as the server rendered it: the server action's own fields and `next`. */
export function loginFormFields(html: string): [string, string][] {
  const form = /<form[^>]*data-testid="login-form"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error('the login page has no login form');
  return [...form.matchAll(HIDDEN_INPUT)].flatMap(([tag]) => {
    const name = attr(tag, 'name');
    return name ? [[unescapeHtml(name), unescapeHtml(attr(tag, 'value') ?? '')] as [string, string]] : [];
  });
}

/**
 * Signs in the way a browser without JavaScript does: reads the login page, posts its form (the server action's
 * hidden fields, the user name and the password) back to /login, and returns the `Cookie` header of the session the
 * answer sets. The same route, checks, throttle and audit as a person's login (app/login/actions.ts).
 */
export async function signIn(client: Client, origin: string, username: string, password: string): Promise<string> {
  const page = await client.request({ path: '/login', method: 'GET' });
  const html = await page.body.text();
  if (page.statusCode !== 200) throw new Error(`GET /login: HTTP ${page.statusCode}`);
  const form = new FormData();
  for (const [name, value] of loginFormFields(html)) form.append(name, value);
  form.append('username', username);
  form.append('password', password);
  const res = await client.request({ path: '/login', method: 'POST', body: form, headers: { origin } });
  await res.body.dump();
  const setCookie = res.headers['set-cookie'];
  const session = [setCookie ?? []].flat().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`${username} 登录失败（HTTP ${res.statusCode}，没有会话 cookie）`);
  return session;
}
