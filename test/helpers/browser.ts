export { launchChromium } from '@/lib/browser/chromium';
import type { Browser } from 'playwright-core';

/** Signs in through the login form (the demo accounts share one password) and waits for the overview. */
export async function signIn(page: import('playwright-core').Page, baseUrl: string, username: string, password = 'demo2018') {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.locator('button[type=submit]').click()]);
}

/** A new browser context (zh-CN, a desktop window unless told) signed in as `username`: one session of one user. */
export async function signedInPage(
  site: { browser: Browser; url: string }, username: string, viewport = { width: 1440, height: 900 },
): Promise<import('playwright-core').Page> {
  const context = await site.browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  await signIn(page, site.url, username);
  return page;
}
