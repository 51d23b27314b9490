// @vitest-environment node
/**
 * The built Storybook in Debian's chromium: every story renders without console errors and passes axe-core
 * in light and dark; typing searches and highlights; keyboard navigation; hostile papers execute nothing.
 * Needs `pnpm build-storybook` first (the test command runs it).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import {
  axeViolations,
  backgroundLuminance,
  expectHostilePapersInert,
  openWatchedPage,
  screenshotPath,
  siteInChromium,
} from '../../../test/browser.js';

const STORYBOOK_DIR = new URL('../storybook-static/', import.meta.url).pathname;
const indexFile = `${STORYBOOK_DIR}index.json`;
if (!existsSync(indexFile)) {
  throw new Error(`${indexFile} is missing: run \`pnpm build-storybook\` before the browser tests`);
}
const storyIds = Object.values(
  JSON.parse(readFileSync(indexFile, 'utf8')).entries as Record<string, { id: string; type: string }>,
)
  .filter((entry) => entry.type === 'story')
  .map((entry) => entry.id);

// A browser and ~20 stories twice over: far slower than a unit test, still seconds.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const site = siteInChromium(STORYBOOK_DIR);

const storyUrl = (id: string) => `${site.url}/iframe.html?id=${id}&viewMode=story`;

/** Waits until a story is rendered and done loading (the loading story never is). */
async function storyReady(page: Page, id: string): Promise<void> {
  await page.waitForSelector('#storybook-root > *');
  if (!id.endsWith('loading')) {
    await page.waitForFunction(() => !document.querySelector('.pt-root[aria-busy="true"]'));
  }
}

/** Opens a story alone (no Storybook manager) in a fresh context. */
async function openStory(
  id: string,
  options: Parameters<typeof openWatchedPage>[1] = {},
): Promise<Awaited<ReturnType<typeof openWatchedPage>>> {
  const watched = await openWatchedPage(site.browser, options);
  await watched.page.goto(storyUrl(id));
  await storyReady(watched.page, id);
  return watched;
}

const cardBackground = (page: Page) => backgroundLuminance(page.locator('.pt-card'));

describe('every story in a real browser', () => {
  it('found the stories', () => {
    expect(storyIds.length).toBeGreaterThanOrEqual(15);
  });

  const combinations = [
    { colorScheme: 'light', width: 1280 },
    { colorScheme: 'dark', width: 390 },
    { colorScheme: 'light', width: 390 },
    { colorScheme: 'dark', width: 1280 },
    { colorScheme: 'light', width: 1280, forcedColors: 'active' },
    { colorScheme: 'dark', width: 390, forcedColors: 'active' },
  ] as const;
  for (const combination of combinations) {
    const { colorScheme, width } = combination;
    const forced = 'forcedColors' in combination ? '-forced-colors' : '';
    it(`renders each story with zero console errors and zero axe violations (${colorScheme}${forced}, ${width} px)`, async () => {
      const failures: string[] = [];
      // One page visits every story in turn (a full load each time, scripts from the HTTP cache).
      const { page, context, problems } = await openWatchedPage(site.browser, {
        colorScheme,
        viewport: { width, height: 900 },
        forcedColors: forced ? 'active' : 'none',
      });
      for (const id of storyIds) {
        await page.goto(storyUrl(id));
        await storyReady(page, id);
        const violations = await axeViolations(page, '#storybook-root');
        // The error story's one warning is the detail meant for the site owner, and it must be there (an
        // effect logs it after the error is painted: wait for it rather than race it).
        if (id.endsWith('error-state')) await expect.poll(() => problems.length).toBeGreaterThan(0);
        const seen = problems.splice(0);
        const expected = id.endsWith('error-state')
          ? [expect.stringMatching(/^console\.warning: papertrend: could not load papers: /)]
          : [];
        if (id.endsWith('error-state')) expect(seen, id).toEqual(expected);
        else failures.push(...seen.map((problem) => `${id}: ${problem}`));
        failures.push(...violations.map((violation) => `${id}: ${violation}`));
        // Nothing is wider than a phone's screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${id}: ${overflow} px wider than the ${width} px viewport`);
        await page
          .locator('#storybook-root')
          .screenshot({ path: await screenshotPath(`story-${id.split('--')[1]}-${colorScheme}${forced}-${width}`) });
      }
      await context.close();
      expect(failures).toEqual([]);
    });
  }
});

describe('the widget in chromium', () => {
  it('narrows and highlights as each key is typed, and restores the list when cleared', async () => {
    const { page, context, problems } = await openStory('widget-trendingpapers--rich-api-day');
    const total = await page.locator('.pt-item').count();
    expect(await page.textContent('.pt-count')).toBe('17 papers');
    const input = page.getByRole('searchbox', { name: 'Search papers' });
    await input.click();
    const counts: number[] = [];
    for (const key of 'agent') {
      await page.keyboard.type(key);
      counts.push(await page.locator('.pt-item').count());
    }
    // Every keystroke answered; the final list is a real narrowing, every card shows why it matched.
    expect(await page.textContent('.pt-count')).toMatch(/^\d+ of 17 papers$/);
    const shown = await page.locator('.pt-item').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(17);
    expect(counts.at(-1)).toBe(shown);
    const marks = await page.locator('.pt-item mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(shown);
    for (const mark of marks) expect(mark.toLowerCase()).toContain('agent');
    for (const item of await page.locator('.pt-item').all())
      expect(await item.locator('mark').count()).toBeGreaterThan(0);

    await page.keyboard.type('zzq');
    await expect.poll(() => page.textContent('.pt-no-match p')).toContain('agentzzq');
    await page.getByRole('button', { name: 'Clear search' }).click();
    expect(await page.locator('.pt-item').count()).toBe(Math.min(total, 8));
    expect(await input.inputValue()).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches periods through the real client, and says so when the papers are a saved copy', async () => {
    const { page, context, problems } = await openStory('widget-trendingpapers--periods');
    const picker = page.getByRole('combobox', { name: 'Period' });
    expect(await picker.inputValue()).toBe('week');
    const firstTitle = () => page.locator('.pt-title').first().textContent();
    const seen = new Set([await firstTitle()]);
    for (const period of ['month', 'day', 'trending']) {
      const before = await firstTitle();
      await picker.selectOption(period);
      await expect.poll(firstTitle).not.toBe(before);
      seen.add(await firstTitle());
    }
    // Four periods, four different real listings.
    expect(seen.size).toBe(4);
    expect(await page.locator('.pt-note').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    const saved = await openStory('widget-trendingpapers--saved-papers-fallback');
    expect(await saved.page.textContent('.pt-note')).toBe('Saved papers from Aug 21');
    expect(await saved.page.locator('.pt-card').count()).toBe(5);
    expect(saved.problems).toEqual([]);
    await saved.context.close();
  });

  it('moves between results with the arrow keys, with a visible focus ring, and captures no global keys', async () => {
    const { page, context, problems } = await openStory('widget-trendingpapers--rich-api-day');
    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    const links = page.locator('.pt-title-link');
    await links.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await links.nth(2).textContent());
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await links.last().textContent());
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('follows the page theme: ancestor data-theme, prefers-color-scheme, and light by default', async () => {
    const light = await openStory('widget-trendingpapers--rich-api-day');
    expect(await cardBackground(light.page)).toBeGreaterThan(0.8);
    await light.page.screenshot({ path: await screenshotPath('storybook-rich-api-day-light'), fullPage: true });
    await light.context.close();

    const ancestor = await openStory('widget-trendingpapers--dark-via-ancestor');
    expect(await cardBackground(ancestor.page)).toBeLessThan(0.05);
    await ancestor.page.screenshot({ path: await screenshotPath('storybook-dark-via-ancestor'), fullPage: true });
    await ancestor.context.close();

    const osDark = await openStory('widget-trendingpapers--rich-api-day', { colorScheme: 'dark' });
    expect(await cardBackground(osDark.page)).toBeLessThan(0.05);
    await osDark.page.screenshot({ path: await screenshotPath('storybook-rich-api-day-os-dark'), fullPage: true });
    await osDark.context.close();

    const mobile = await openStory('widget-trendingpapers--mobile-width', { viewport: { width: 390, height: 844 } });
    const overflow = await mobile.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await mobile.page.screenshot({ path: await screenshotPath('storybook-mobile-width'), fullPage: true });
    await mobile.context.close();
  });

  for (const id of ['widget-trendingpapers--hostile-papers', 'widget-trendingpapers--hostile-from-url']) {
    it(`executes nothing from hostile papers (${id.split('--')[1]})`, async () => {
      const { page, context, problems } = await openStory(id);
      const report = await expectHostilePapersInert(page, '#storybook-root');
      expect(report.hrefs.length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      if (id.endsWith('hostile-papers')) {
        await page.screenshot({ path: await screenshotPath('storybook-hostile-papers'), fullPage: true });
      }
      await context.close();
    });
  }
});
