import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInPage } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

/**
 * 镇 → 村 → 项目 on a demo county (docs/villages-and-projects.md): the towns view's link opens the town's villages, a
 * village its projects, a project its page with payments and 绩效目标; a town's villages sum to its line; a town user
 * reads its own projects only.
 */
describe('towns drill into villages, villages into projects, a project into its page', () => {
  const site = useDemoSite('projects', { payments: 5_000, year: 2018, seed: 3 });
  const FILTER = 'year=2018&as_of=2018-10-31';

  const session = (username: string) => signedInPage(site, username);
  const json = async (page: Page, url: string) => {
    const res = await page.request.get(`${site.url}${url}`);
    expect(res.status(), url).toBe(200);
    return res.json() as Promise<{ count: number; rows: Record<string, unknown>[] }>;
  };
  const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);

  it('clicks from 石窑镇 to a village, to a project, to its page with payments and targets', async () => {
    const admin = await session('admin');
    await admin.goto(`${site.url}/views/towns?${FILTER}`);
    await Promise.all([admin.waitForURL(/\/views\/villages\?/), admin.getByRole('link', { name: '石窑镇' }).click()]);
    const town = Number(new URL(admin.url()).searchParams.get('town'));
    expect(new URL(admin.url()).searchParams.get('as_of')).toBe('2018-10-31');
    // The town's villages and 未落实到村 sum to its line in the towns view.
    const villages = await json(admin, `/api/views/villages?${FILTER}&town=${town}&page_size=200`);
    const [line] = (await json(admin, `/api/views/towns?${FILTER}&town=${town}`)).rows;
    expect(villages.rows.reduce((s, v) => s + fen(v.total), 0)).toBe(fen(line.total));
    expect(villages.rows.reduce((s, v) => s + fen(v.paid), 0)).toBe(fen(line.paid));
    await admin.screenshot({ path: 'test-results/projects-villages.png', fullPage: true });

    // The village with the most paid, then its project with the most paid.
    const village = villages.rows.filter((v) => v.id !== null).sort((a, b) => fen(b.paid) - fen(a.paid))[0];
    await Promise.all([
      admin.waitForURL(/\/views\/projects\?/),
      admin.locator('[data-testid=view-table]').getByRole('link', { name: String(village.name), exact: true }).click(),
    ]);
    expect(new URL(admin.url()).searchParams.get('village')).toBe(String(village.id));
    const projects = await json(admin, `/api/views/projects?${FILTER}&village=${village.id}&sort=paid&dir=desc`);
    expect(projects.count).toBeGreaterThan(0);
    const project = projects.rows[0];
    await admin.screenshot({ path: 'test-results/projects-list.png', fullPage: true });
    // The filter bar offers the view's own filters; 只看逾期 keeps the village and adds overdue=1.
    const listUrl = admin.url();
    await admin.getByTestId('view-filter-overdue').check();
    await Promise.all([admin.waitForURL(/overdue=1/), admin.getByTestId('view-filter-bar').locator('button[type=submit]').click()]);
    expect(new URL(admin.url()).searchParams.get('village')).toBe(String(village.id));
    const flags = await admin.locator('[data-testid=view-table] tbody tr td:last-child').allInnerTexts();
    const overdue = await json(admin, `/api/views/projects?${FILTER}&village=${village.id}&overdue=1`);
    expect(flags.length === 0 ? 0 : flags.filter((f) => f.trim() === '逾期').length).toBe(overdue.count);
    await admin.goto(listUrl);
    await Promise.all([
      admin.waitForURL(/\/projects\/[^/?]+\?/),
      admin.locator(`[data-testid=view-table] a[href^="/projects/${project.code}?"]`).click(),
    ]);
    await expect.poll(() => admin.getByTestId('project-facts').innerText()).toContain(String(project.code));
    expect(await admin.locator('[data-testid=project-payments] tbody tr').count()).toBeGreaterThan(0);
    expect(await admin.locator('[data-testid=project-targets] tbody tr').count()).toBeGreaterThan(0);
    expect(await admin.getByTestId('project-all-payments').getAttribute('href')).toContain(`project=${project.code}`);
    await admin.screenshot({ path: 'test-results/projects-page.png', fullPage: true });
    await admin.context().close();
  });

  it('a town user reads its own projects and gets 404 for another town\'s; a 部门 cannot open the villages view', async () => {
    const admin = await session('admin');
    const towns = await json(admin, `/api/views/towns?${FILTER}`);
    const own = towns.rows.find((t) => t.name === '石窑镇')!;
    const other = towns.rows.find((t) => t.name !== '石窑镇')!;
    const [ownProject] = (await json(admin, `/api/views/projects?${FILTER}&town=${own.id}`)).rows;
    const [otherProject] = (await json(admin, `/api/views/projects?${FILTER}&town=${other.id}`)).rows;
    const user = await session('town');
    expect((await user.goto(`${site.url}/projects/${ownProject.code}?${FILTER}`))?.status()).toBe(200);
    expect((await user.goto(`${site.url}/projects/${otherProject.code}?${FILTER}`))?.status()).toBe(404);
    expect((await json(user, `/api/views/villages?${FILTER}&town=${other.id}`)).count).toBe(0);
    const department = await session('department');
    expect((await department.request.get(`${site.url}/api/views/villages?${FILTER}`)).status()).toBe(403);
    for (const p of [admin, user, department]) await p.context().close();
  });
});
