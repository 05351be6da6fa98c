import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount } from '@/lib/format';
import { ruleById } from '@/lib/rules/registry';
import { runRules } from '@/queries/rules/run';
import { signedInPage } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

/**
 * The 疑点 journey in Chromium (docs/workflow.md): the rules run before the server opens the demo; supervision opens
 * 预警总览, runs the rules again, drills into a rule and sends one of its doubts on 石窑镇 to 石窑镇 (the demo town
 * user's unit); the town user sees 待办 (1) in the header and answers 已整改 with a PDF attached, which it and
 * supervision download from the history; supervision closes it (通过/销号); the audit log names the three steps and
 * the downloads in Chinese. Then supervision marks two 待认定 doubts normal at once from 预警列表, and the admin makes
 * a working day a holiday on 节假日 and removes it again.
 */
describe('the 疑点 journey: send to a town, answer, close', () => {
  /** The doubt the journey follows: one whose answerable unit is the town user's town, of the rule with fewest warnings. */
  const doubt = { id: 0, rule: '', ruleWarnings: 0, ruleSubjects: 0, townName: '' };
  const site = useDemoSite('workflow', { payments: 2_000, year: 2018, seed: 7 }, async (db) => {
    await runRules(db, { actor: 'e2e' });
    const town = (await db.one<{ id: number; name: string }>(
      "SELECT u.id, u.name FROM users s JOIN units u ON u.id = s.unit_id WHERE s.username = 'town'"))!;
    const row = (await db.one<{ id: number; rule_id: string; n: number }>(`
      WITH per_rule AS (SELECT rule_id, count(*)::INTEGER AS n FROM warnings GROUP BY rule_id)
      SELECT w.id, w.rule_id, p.n FROM warnings w JOIN per_rule p USING (rule_id)
      WHERE w.unit_id IN (SELECT id FROM own_units($town)) AND w.status = 'new'
      ORDER BY p.n, w.id LIMIT 1`, { town: town.id }))!;
    Object.assign(doubt, { id: row.id, rule: row.rule_id, ruleWarnings: row.n, townName: town.name });
  });

  /** Three engineers' tests share two cores here: a page may take seconds to answer. */
  const POLL = { timeout: 30_000 };
  const SLOW = 240_000;
  const session = async (username: string, viewport?: { width: number; height: number }) => {
    const page = await signedInPage(site, username, viewport);
    // A step that cannot happen fails with what it waited for, well before the test's own time is up.
    page.setDefaultTimeout(45_000);
    return page;
  };
  /** The cells of 预警总览's line for the doubt's rule: 预警数, 未办结, 涉及金额, 红, 橙, 黄, 蓝, 待单位答复, 数据已消除. */
  const ruleLine = async (page: Page) => {
    await page.goto(`${site.url}/views/warnings_by_rule`);
    const row = page.locator('[data-testid=view-table] tbody tr', { has: page.getByRole('link', { name: ruleById(doubt.rule)!.name, exact: true }) });
    return row.locator('td').allInnerTexts();
  };
  /** The 已整改's attachment (a small PDF: checked by its first bytes) and its download from the history. */
  const ATTACHMENT = { name: '整改说明.pdf', bytes: Buffer.from('%PDF-1.4\n整改说明：已追回并重新拨付。\n%%EOF\n') };
  const downloadAttachment = async (page: Page) => {
    const href = await page.getByTestId('warning-attachment').getAttribute('href');
    const res = await page.request.get(`${site.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain(encodeURIComponent(ATTACHMENT.name));
    return (await res.body()).toString('latin1');
  };
  const step = async (page: Page, action: string, comment: string) => {
    await page.getByTestId('step-action').selectOption({ label: action });
    await page.getByTestId('step-comment').fill(comment);
    await page.getByTestId('step-submit').click();
  };

  it('the doubt exists: the demo plants a case on the town user\'s town', () => {
    expect(doubt.townName).toBe('石窑镇');
    expect(doubt.id).toBeGreaterThan(0);
  }, SLOW);

  it('supervision runs the rules on 预警总览 and sends the doubt to the town with a comment', async () => {
    const page = await session('supervisor');
    const before = await ruleLine(page);
    // 预警数 is the rule's count from the database; nothing has been sent yet, so 待单位答复 is 0 and all are open.
    expect(before[1]).toBe(formatCount(doubt.ruleWarnings));
    expect(before[2]).toBe(formatCount(doubt.ruleWarnings));
    expect(before[8]).toBe('0');
    expect(await page.getByTestId('rule-run-last').innerText()).toContain('e2e');
    expect(await page.locator('header[data-on-dark]').innerText()).not.toContain('待办');

    await page.getByTestId('rules-run-submit').click();
    // The same data: the run finds the same warnings, raises none anew, and the panel shows it as the last run.
    await expect.poll(() => page.getByTestId('rules-run-message').textContent(), POLL).toMatch(/新增 0，数据已消除 0$/);
    await expect.poll(() => page.getByTestId('rule-run-last').innerText(), POLL).toContain('supervisor');
    await page.screenshot({ path: 'test-results/workflow-overview.png', fullPage: true });

    await page.getByRole('link', { name: ruleById(doubt.rule)!.name, exact: true }).click();
    await page.waitForURL(new RegExp(`/views/warnings\\?.*rule=${doubt.rule}`));
    expect(await page.locator('[data-testid=view-card] header').innerText()).toContain(`共 ${formatCount(doubt.ruleWarnings)} 行`);
    await page.locator(`[data-testid=view-table] a[href="/warnings/${doubt.id}"]`).click();
    await page.waitForURL(`**/warnings/${doubt.id}`);
    expect(await page.getByTestId('warning-facts').innerText()).toContain(`责任单位\n${doubt.townName}`);

    await page.getByTestId('step-action').selectOption({ label: '下发核实' });
    await page.getByTestId('step-unit').selectOption({ label: doubt.townName });
    await step(page, '下发核实', '请核实该笔资金的使用情况');
    await expect.poll(() => page.getByTestId('step-message').textContent(), POLL).toMatch(/^已提交“下发核实”，疑点现为“待核实”，答复期限 \d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => page.getByTestId('warning-history').innerText(), POLL).toContain(`下发核实 → ${doubt.townName}`);
    expect(await page.getByTestId('warning-facts').innerText()).toContain(`核实单位\n${doubt.townName}`);
    // Sent, supervision has nothing to do until the town answers; the panel says so beside the step's outcome.
    expect(await page.getByTestId('step-waiting').innerText()).toBe('等待核实单位答复');
    await page.screenshot({ path: 'test-results/workflow-sent.png', fullPage: true });

    const after = await ruleLine(page);
    expect(after[8]).toBe('1');
    await page.close();
  }, SLOW);

  it('the town user sees 待办 (1) in the header, opens it and answers 已整改 with a comment', async () => {
    const page = await session('town', { width: 390, height: 844 });
    const todo = page.getByTestId('header-todo');
    expect(await todo.innerText()).toBe('待办 (1)');
    await todo.click();
    await page.waitForURL('**/views/todo');
    expect(await page.locator('[data-testid=view-card] header').innerText()).toContain('共 1 行');
    await page.screenshot({ path: 'test-results/workflow-todo.png', fullPage: true });
    await page.locator(`[data-testid=view-table] a[href="/warnings/${doubt.id}"]`).click();
    await page.waitForURL(`**/warnings/${doubt.id}`);
    expect(await page.locator('h1').innerText()).toContain(`疑点 #${doubt.id}`);
    const offered = await page.getByTestId('step-action').locator('option').allInnerTexts();
    expect(offered).toEqual(['核实无误', '已整改']);
    await page.getByTestId('step-action').selectOption({ label: '已整改' });
    await page.getByTestId('step-attachment').setInputFiles({ name: ATTACHMENT.name, mimeType: 'application/pdf', buffer: ATTACHMENT.bytes });
    await step(page, '已整改', '已追回违规资金并重新拨付');
    await expect.poll(() => page.getByTestId('step-message').textContent(), POLL).toBe(`已提交“已整改”，疑点现为“已整改”，附件“${ATTACHMENT.name}”已保存`);
    await expect.poll(() => page.getByTestId('warning-history').innerText(), POLL).toContain('已追回违规资金并重新拨付');
    // The town downloads its own attachment from the history: the bytes it sent, under their name.
    expect(await downloadAttachment(page)).toBe(ATTACHMENT.bytes.toString('latin1'));
    expect(await page.getByTestId('step-waiting').innerText()).toBe('等待监督检查室审核答复');
    // Answered: nothing waits for the town any more.
    await expect.poll(() => page.getByTestId('header-todo').count(), POLL).toBe(0);
    await page.screenshot({ path: 'test-results/workflow-answered-phone.png', fullPage: true });
    await page.close();
  }, SLOW);

  it('supervision closes it (通过/销号); the audit log holds the three steps in Chinese', async () => {
    const page = await session('supervisor');
    await page.goto(`${site.url}/warnings/${doubt.id}`);
    expect(await page.getByTestId('step-action').locator('option').allInnerTexts()).toEqual(['退回', '通过/销号']);
    await step(page, '通过/销号', '整改到位');
    await expect.poll(() => page.getByTestId('step-message').textContent(), POLL).toBe('已提交“通过/销号”，疑点现为“已销号”');
    await expect.poll(() => page.locator('h1 + p').innerText(), POLL).toContain('已销号');
    expect(await page.getByTestId('step-waiting').innerText()).toBe('已销号，已办结');
    const history = await page.getByTestId('warning-history').locator('tbody tr').allInnerTexts();
    expect(history).toHaveLength(3);
    expect(history[1]).toContain(`附件：${ATTACHMENT.name}`);
    expect(await downloadAttachment(page)).toBe(ATTACHMENT.bytes.toString('latin1'));
    await page.screenshot({ path: 'test-results/workflow-closed.png', fullPage: true });

    const line = await ruleLine(page);
    // One of the rule's warnings is closed: one fewer open, none waiting.
    expect(line[2]).toBe(formatCount(doubt.ruleWarnings - 1));
    expect(line[8]).toBe('0');

    await page.goto(`${site.url}/audit`);
    const audit = await page.locator('main').innerText();
    for (const label of ['疑点下发核实', '疑点已整改', '疑点通过/销号', '运行预警规则', '下载整改附件']) expect(audit).toContain(label);
    expect(audit).toContain(`疑点 #${doubt.id}`);
    expect(audit).toContain(`新状态：待核实；下发单位：${doubt.townName}`);
    await page.screenshot({ path: 'test-results/workflow-audit.png' });
    await page.close();
  }, SLOW);

  it('supervision marks two 待认定 doubts normal at once from 预警列表: two events, two audit rows', async () => {
    const page = await session('supervisor');
    await page.goto(`${site.url}/views/warnings?state=new`);
    const boxes = page.getByTestId('view-select');
    const ids = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('bulk-action').selectOption({ label: '认定正常' });
    await page.getByTestId('bulk-comment').fill('批量核对为正常业务');
    await page.screenshot({ path: 'test-results/workflow-bulk.png', fullPage: false });
    await page.getByTestId('bulk-submit').click();
    await expect.poll(() => page.getByTestId('bulk-message').textContent(), POLL).toBe('已认定正常 2 条疑点');
    // 待认定 only: the two are gone from the list.
    for (const id of ids) await expect.poll(() => page.locator(`[data-testid=view-table] a[href="/warnings/${id}"]`).count(), POLL).toBe(0);
    await page.goto(`${site.url}/warnings/${ids[0]}`);
    expect(await page.getByTestId('warning-history').innerText()).toContain('批量核对为正常业务');
    await page.goto(`${site.url}/audit`);
    const audit = await page.locator('main').innerText();
    for (const id of ids) expect(audit).toContain(`疑点 #${id}`);
    await page.close();
  }, SLOW);

  it('the admin makes a working day a holiday on 节假日 and removes it again, both audited', async () => {
    const page = await session('admin');
    await page.goto(`${site.url}/admin/calendar?year=2018`);
    await page.getByTestId('calendar-day').fill('2018-06-08');
    await page.getByTestId('calendar-kind').selectOption({ label: '放假' });
    await page.getByTestId('calendar-name').fill('测试假日');
    await page.getByTestId('calendar-submit').click();
    await expect.poll(() => page.getByTestId('calendar-message').textContent(), POLL).toBe('已将 2018-06-08 设为放假（测试假日）');
    await expect.poll(() => page.locator('[data-testid=calendar-row][data-day="2018-06-08"]').count(), POLL).toBe(1);
    await page.screenshot({ path: 'test-results/workflow-calendar.png', fullPage: false });
    await page.getByTestId('calendar-remove-2018-06-08').click();
    await expect.poll(() => page.locator('[data-testid=calendar-row][data-day="2018-06-08"]').count(), POLL).toBe(0);
    await page.goto(`${site.url}/audit`);
    const audit = await page.locator('main').innerText();
    for (const label of ['设置节假日或调休', '删除节假日或调休']) expect(audit).toContain(label);
    await page.close();
  }, SLOW);
});
