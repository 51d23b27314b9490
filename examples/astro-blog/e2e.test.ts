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
