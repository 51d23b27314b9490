/**
 * The Astro example, built, served on 127.0.0.1 and driven in Debian's chromium: the island's HTML is there
 * before scripts, hydrates silently, searches, and passes axe.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeViolations, openWatchedPage, screenshotPath, siteInChromium } from '../../test/browser.js';

const dist = new URL('./dist/', import.meta.url).pathname;
if (!existsSync(`${dist}index.html`)) {
  throw new Error(`${dist} is not built: run \`pnpm --filter @papertrend/example-astro-blog build\``);
}
const listing = JSON.parse(readFileSync(new URL('./src/papers.generated.json', import.meta.url), 'utf8')) as {
  papers: { title: string }[];
};
const site = siteInChromium(dist);

describe('astro-blog: the React widget as an Astro island', () => {
  it('is in the HTML before scripts, hydrates without a warning, searches, and passes axe', async () => {
    const html = readFileSync(`${dist}index.html`, 'utf8');
    expect(html.match(/class="pt-card"/g)).toHaveLength(Math.min(5, listing.papers.length));
    expect(html).toContain('<astro-island');
    // Built offline from the snapshot: readers are told, and the island's props hold only what the widget shows.
    expect(html).toContain('<p class="pt-note">Saved papers from Aug 21</p>');
    expect(readFileSync(new URL('./src/papers.generated.json', import.meta.url), 'utf8')).toContain('"media"');
    expect(html).not.toMatch(/&quot;(media|affiliations|submittedOnDailyBy)&quot;/);

    const { page, context, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/`);
    await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
    expect(await page.locator('.pt-title-link').first().textContent()).toBe(listing.papers[0]?.title);
    // A paper beyond the first five, found by typing its title: the island is live.
    const target = listing.papers[7]?.title ?? '';
    await page.getByRole('searchbox').pressSequentially(target.split(/\s+/).slice(0, 4).join(' '));
    await expect.poll(() => page.locator('.pt-title-link').first().textContent()).toBe(target);
    expect(await page.locator('.pt-title mark').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('astro-blog'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('astro-blog: one paper in a post, by id and by a bare link', () => {
  const post = `${dist}posts/one-paper/index.html`;

  it('is static HTML: both cards, the sentence link left alone, and no script at all', () => {
    const html = readFileSync(post, 'utf8');
    expect(html.match(/class="pt-root pt-embedded"/g)).toHaveLength(2);
    expect(html).toContain('EnvHarness: Awakening Static Worlds for Agent Learning');
    expect(html).toContain('Proceedings of Workshop AEW10: Concepts in Information Theory and Communications');
    expect(html).toContain('such as <a href="https://arxiv.org/abs/1707.08567">https://arxiv.org/abs/1707.08567</a>');
    expect(html).not.toMatch(/<script|<button/);
  });

  it('reads well in chromium, light and dark: axe clean, nothing on the console', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, problems } = await openWatchedPage(site.browser);
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site.url}/posts/one-paper/`);
      expect(await page.locator('.pt-embedded .pt-card').count()).toBe(2);
      // The card by id shows its upvotes; the one from arXiv alone has none to show.
      expect(await page.locator('.pt-embedded').first().locator('.pt-votes').count()).toBe(1);
      // Both titles are headings one level below the post's h1.
      expect(await page.getByRole('heading', { level: 2 }).count()).toBe(2);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: await screenshotPath(`astro-blog-one-paper-${colorScheme}`), fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
