/**
 * The Vite + React 18 blog, built and served on 127.0.0.1, in Debian's chromium: the widget fed by the
 * CLI's build-time JSON, a second one fetching a listing, the blog's theme switch, keyboard, axe, and a
 * hostile listing served in place of the fetched one.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  backgroundLuminance,
  expectHostilePapersInert,
  openWatchedPage,
  screenshotPath,
  siteInChromium,
} from '../../test/browser.js';

const dist = new URL('./dist/', import.meta.url).pathname;
if (!existsSync(`${dist}index.html`)) {
  throw new Error(`${dist} is not built: run \`pnpm --filter @papertrend/example-vite-blog build\``);
}
const built = JSON.parse(readFileSync(new URL('./src/papers.generated.json', import.meta.url), 'utf8'));
const more = JSON.parse(readFileSync(`${dist}more-papers.json`, 'utf8'));
const hostile = readFileSync(new URL('../../packages/react/test/fixtures/hostile-papers.json', import.meta.url));

const site = siteInChromium(dist);

async function openBlog(options: { hostile?: boolean } = {}) {
  const watched = await openWatchedPage(site.browser);
  const requested: string[] = [];
  watched.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  if (options.hostile) {
    await watched.page.route(`${site.url}/more-papers.json`, (route) =>
      route.fulfill({ contentType: 'application/json', body: hostile }),
    );
  }
  await watched.page.goto(site.url);
  await watched.page.locator('.blog-trending .pt-card').first().waitFor();
  return { ...watched, requested };
}

const cardLuminance = (page: Page) => backgroundLuminance(page.locator('.blog-trending .pt-card'));

describe('vite-blog in chromium', () => {
  it('renders the build-time papers on React 18, searches with highlights, and fetches the second listing lazily', async () => {
    const { page, context, problems, requested } = await openBlog();
    expect(await page.locator('.blog-footer').textContent()).toMatch(/^Built with React 18\./);
    const trending = page.locator('.blog-trending');
    expect(await trending.locator('.pt-item').count()).toBe(Math.min(8, built.papers.length));
    expect(await trending.locator('.pt-count').textContent()).toBe(`${built.papers.length} papers`);

    await trending.getByRole('searchbox').pressSequentially('video');
    const shown = await trending.locator('.pt-item').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(built.papers.length);
    for (const mark of await trending.locator('mark').allTextContents()) expect(mark.toLowerCase()).toContain('video');

    const moreWidget = page.locator('.blog-more');
    await moreWidget.locator('.pt-card').first().waitFor();
    expect(await moreWidget.locator('.pt-count').textContent()).toBe(`${more.papers.length} papers`);
    // The parser arrived as its own chunk, after the page; the snapshot chunk was never asked for.
    expect(requested.some((path) => /\/assets\/lite-.*\.js$/.test(path))).toBe(true);
    expect(requested.some((path) => /snapshot/.test(path))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('vite-blog-light'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("keeps the blog's typography rules off the widget, and lists the top five compactly", async () => {
    const { page, context, problems } = await openBlog();
    const trending = page.locator('.blog-trending');
    // The blog's own h3 and paragraphs take its rules (the test would prove nothing otherwise)…
    await page.evaluate(() => {
      const probe = document.createElement('h3');
      probe.id = 'probe';
      probe.textContent = 'probe';
      document.querySelector('article')?.append(probe);
    });
    const style = (locator: ReturnType<typeof page.locator>, property: string) =>
      locator.first().evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
    expect(await style(page.locator('#probe'), 'text-transform')).toBe('uppercase');
    // …the widget's do not.
    expect(await style(trending.locator('.pt-title'), 'text-transform')).toBe('none');
    expect(await style(trending.locator('.pt-title'), 'letter-spacing')).toBe('normal');
    expect(await style(trending.locator('.pt-text > p'), 'text-indent')).toBe('0px');
    expect(await style(trending.locator('.pt-keyword + .pt-keyword'), 'margin-top')).toBe('0px');
    expect(await style(trending.locator('.pt-title-link'), 'text-decoration-line')).toBe('none');

    const top = page.locator('.blog-top');
    expect(await top.locator('.pt-row').count()).toBe(Math.min(5, built.papers.length));
    expect(await top.locator('.pt-rank').allTextContents()).toEqual(['1', '2', '3', '4', '5']);
    expect(await top.getByRole('searchbox').count()).toBe(0);
    expect(await top.getByRole('button', { name: `Show more (${built.papers.length - 5})` }).count()).toBe(1);
    const upvotes = (await top.locator('.pt-upvotes').allTextContents()).map((text) => Number.parseInt(text, 10));
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    expect(await axeViolations(page)).toEqual([]);
    // Cards above are laid out as they come into view (content-visibility), so the sidebar settles after the
    // scroll that brings it into view: scroll first, then take its picture.
    await page.locator('.blog-sidebar').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.locator('.blog-sidebar').screenshot({ path: await screenshotPath('vite-blog-top-five') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("follows the blog's theme switch and moves between results with the keyboard", async () => {
    const { page, context, problems } = await openBlog();
    expect(await cardLuminance(page)).toBeGreaterThan(0.8);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => cardLuminance(page)).toBeLessThan(0.05);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('vite-blog-dark'), fullPage: true });

    const links = page.locator('.blog-trending .pt-title-link');
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await links.nth(1).textContent());
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await links.last().textContent());
    expect(problems).toEqual([]);
    await context.close();
  });

  it('executes nothing when the fetched listing is hostile', async () => {
    const { page, context, problems } = await openBlog({ hostile: true });
    await expectHostilePapersInert(page, '.blog-more');
    expect(problems).toEqual([]);
    await context.close();
  });
});
