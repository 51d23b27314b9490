/**
 * The VitePress example, built, served on 127.0.0.1 and driven in Debian's chromium: the embed renders inside
 * a Vue-hydrated page with no warning, follows VitePress's dark toggle, and passes axe.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  backgroundLuminance,
  openWatchedPage,
  screenshotPath,
  siteInChromium,
} from '../../test/browser.js';

const dist = new URL('./docs/.vitepress/dist/', import.meta.url).pathname;
if (!existsSync(`${dist}papers.json`)) {
  throw new Error(`${dist} is not built: run \`pnpm --filter @papertrend/example-vitepress-docs build\``);
}
const listing = JSON.parse(readFileSync(`${dist}papers.json`, 'utf8')) as { papers: { title: string }[] };
const site = siteInChromium(dist);

describe('vitepress-docs: the embed in a VitePress site', () => {
  it('renders without hydration warnings, follows the dark toggle, and passes axe', async () => {
    const { page, context, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/`);
    // The server-rendered page keeps the element (Vue did not turn it into a comment).
    expect(readFileSync(`${dist}index.html`, 'utf8')).toContain(
      '<trending-papers id="trending" src="/papers.json" limit="5" heading-level="2">',
    );
    const trending = page.locator('#trending');
    await trending.locator('.pt-card').first().waitFor();
    expect(await trending.locator('.pt-item').count()).toBe(Math.min(5, listing.papers.length));
    expect(await trending.locator('.pt-title-link').first().textContent()).toBe(listing.papers[0]?.title);
    // The compact list of the same listing: three ranked rows, no search box, inside VitePress' own styles.
    const shortList = page.locator('#short-list');
    await shortList.locator('.pt-row').first().waitFor();
    expect(await shortList.locator('.pt-rank').allTextContents()).toEqual(['1', '2', '3']);
    expect(await shortList.getByRole('searchbox').count()).toBe(0);
    expect(await shortList.locator('.pt-card').count()).toBe(0);
    const cards = () => backgroundLuminance(trending.locator('.pt-card'));
    expect(await cards()).toBeGreaterThan(0.8);
    expect(await axeViolations(page, '#trending')).toEqual([]);
    expect(await axeViolations(page, '#short-list')).toEqual([]);
    await page.screenshot({ path: await screenshotPath('vitepress-light'), fullPage: true });

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.VPSwitchAppearance:visible').first().click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await expect.poll(cards).toBeLessThan(0.1);
    expect(await axeViolations(page, '#trending')).toEqual([]);
    await page.screenshot({ path: await screenshotPath('vitepress-dark'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('vitepress-docs: bare paper links become static cards (markdownItPaperCards)', () => {
  it('writes the cards into the page at build time, with no script or button of their own', () => {
    const html = readFileSync(`${dist}one-paper.html`, 'utf8');
    const cards = html.match(/<div class="pt-root pt-embedded"[\s\S]*?<\/article><\/div>/g) ?? [];
    expect(cards).toHaveLength(2);
    for (const card of cards) expect(card).not.toMatch(/<script|<button|\son[a-z]+=/);
    expect(html).toContain('EnvHarness: Awakening Static Worlds for Agent Learning');
    expect(html).toMatch(
      /such as <a href="https:\/\/arxiv\.org\/abs\/1707\.08567"[^>]*>https:\/\/arxiv\.org\/abs\/1707\.08567<\/a>/,
    );
  });

  it('hydrates with the page, shows the paper by id, follows the dark toggle, and passes axe', async () => {
    const { page, context, problems } = await openWatchedPage(site.browser, { viewport: { width: 1440, height: 900 } });
    const record = (
      JSON.parse(
        readFileSync(new URL('../../packages/core/test/fixtures/hf-api/2026-08-21.json', import.meta.url), 'utf8'),
      ) as { paper: { id: string; title: string } }[]
    ).find((entry) => entry.paper.id === '2608.19880')?.paper;
    // The machines are offline: a stand-in answers for the `/hf` proxy of Hugging Face's one-paper endpoint.
    await page.route(`${site.url}/hf/api/papers/2608.19880`, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(record) }),
    );
    await page.goto(`${site.url}/one-paper.html`);
    await expect.poll(() => page.locator('#by-id .pt-title').textContent()).toBe(record?.title);
    expect(await axeViolations(page, '#by-id')).toEqual([]);
    // Two static cards, and the one inside <paper-card>'s shadow root (locators pierce it).
    const cards = page.locator('.vp-doc .pt-embedded .pt-card');
    await expect.poll(() => cards.count()).toBe(3);
    // VitePress' own rules for links and headings in docs do not restyle the card.
    expect(
      await page
        .locator('.vp-doc .pt-embedded .pt-title')
        .first()
        .evaluate((title) => getComputedStyle(title).borderTopWidth),
    ).toBe('0px');
    expect(await backgroundLuminance(cards)).toBeGreaterThan(0.8);
    expect(await axeViolations(page, '.vp-doc')).toEqual([]);
    await page.screenshot({ path: await screenshotPath('vitepress-one-paper-light'), fullPage: true });
    await page.locator('.VPSwitchAppearance:visible').first().click();
    await expect.poll(() => backgroundLuminance(cards)).toBeLessThan(0.1);
    expect(await axeViolations(page, '.vp-doc')).toEqual([]);
    await page.screenshot({ path: await screenshotPath('vitepress-one-paper-dark'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
