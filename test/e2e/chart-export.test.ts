import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { EXPORT_HEADER_HEIGHT } from '@/components/charts/options/exportOption';
import { todayInChina } from '@/lib/format';
import { signIn } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

const SHOTS = 'test-results';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's size from its IHDR chunk: width and height are the big-endian words at bytes 16 and 20. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Every chart downloads as PNG and SVG from the menu at its top right (docs/views.md: every chart downloads): the PNG at
 * twice the chart's CSS size plus its title header, on white; the SVG with the title and the 截止日期 as text.
 */
describe('chart downloads', () => {
  const site = useDemoSite('chart-export', { payments: 20_000, year: 2018, seed: 3 });
  const FILTER = 'year=2018&as_of=2018-10-31';

  async function leader(): Promise<Page> {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, site.url, 'leader');
    return page;
  }

  /** The chart's drawing area in CSS px, once ECharts has drawn into it. */
  async function chartSize(card: Locator): Promise<{ width: number; height: number }> {
    const area = card.getByTestId('chart-area');
    await area.locator('svg').first().waitFor();
    return area.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
  }

  async function download(page: Page, card: Locator, format: 'png' | 'svg'): Promise<{ name: string; bytes: Buffer }> {
    await card.getByTestId('chart-menu').click();
    const [file] = await Promise.all([page.waitForEvent('download'), card.getByTestId(`chart-download-${format}`).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  /** The colour of one pixel of a PNG, decoded by the browser. */
  function pixel(page: Page, png: Buffer, x: number, y: number): Promise<number[]> {
    return page.evaluate(async ({ b64, x, y }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return [...ctx.getImageData(x, y, 1, 1).data];
    }, { b64: png.toString('base64'), x, y });
  }

  it('总览\'s level chart downloads as a 2× PNG on white with its title, and as SVG from the keyboard', async () => {
    const page = await leader();
    await page.goto(`${site.url}/?${FILTER}`);
    const card = page.getByTestId('level-chart');
    const size = await chartSize(card);

    const png = await download(page, card, 'png');
    expect(png.name).toBe('分级次资金执行_2018-10-31.png');
    // twice the CSS width; twice the height with the title header above the chart
    expect(pngSize(png.bytes)).toEqual({ width: 2 * size.width, height: 2 * (size.height + EXPORT_HEADER_HEIGHT) });
    // the top right corner is background: white, opaque
    expect(await pixel(page, png.bytes, 2 * size.width - 2, 2)).toEqual([255, 255, 255, 255]);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(`${SHOTS}/chart-export.png`, png.bytes);

    // The menu is reachable by name (it sits outside the chart's role="img") and works from the keyboard.
    const menu = page.getByRole('button', { name: '下载图表：分级次资金执行' });
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('下载PNG');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('下载SVG');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toBe('分级次资金执行_2018-10-31.svg');
    const svg = readFileSync(await file.path(), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`width="${size.width}" height="${size.height + EXPORT_HEADER_HEIGHT}"`);
    expect(svg).toContain('>分级次资金执行</text>');
    expect(svg).toContain('>截至 2018-10-31 · 单位：万元</text>');

    // 支出进度走势 has its own menu, in %.
    const trend = page.getByTestId('trend-chart');
    await chartSize(trend);
    const trendSvg = (await download(page, trend, 'svg')).bytes.toString('utf8');
    expect(trendSvg).toContain('>支出进度走势</text>');
    expect(trendSvg).toContain('>截至 2018-10-31 · 单位：%</text>');

    // Printing leaves the menus out.
    await page.emulateMedia({ media: 'print' });
    expect(await card.getByTestId('chart-menu').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  it('a view\'s chart downloads with the view\'s chart title and the date its rows run to', async () => {
    const page = await leader();
    await page.goto(`${site.url}/views/stalled?${FILTER}&idle_days=90`);
    const card = page.getByTestId('view-chart');
    const size = await chartSize(card);

    const png = await download(page, card, 'png');
    expect(png.name).toBe('滞留资金账龄分布：各账龄段笔数与余额_2018-10-31.png');
    expect(pngSize(png.bytes).width).toBe(2 * size.width);
    writeFileSync(`${SHOTS}/chart-export-stalled.png`, png.bytes);

    const svg = await download(page, card, 'svg');
    expect(svg.name).toBe('滞留资金账龄分布：各账龄段笔数与余额_2018-10-31.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('>滞留资金账龄分布：各账龄段笔数与余额</text>');
    expect(text).toContain('>截至 2018-10-31 · 单位：万元</text>');

    // 预警总览's weekly chart counts the twelve weeks up to today, so its picture is dated today, whatever the 截止日期.
    await page.goto(`${site.url}/views/warnings_by_rule?${FILTER}`);
    const weeks = page.getByTestId('view-chart');
    await chartSize(weeks);
    const weekly = await download(page, weeks, 'svg');
    expect(weekly.name).toBe(`近12周预警趋势：每周新发现与已办结条数_${todayInChina()}.svg`);
    expect(weekly.bytes.toString('utf8')).toContain(`>截至 ${todayInChina()} · 单位：条</text>`);
    await page.context().close();
  });
});
