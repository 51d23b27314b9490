/**
 * The Docusaurus example, built, served on 127.0.0.1 and driven in Debian's chromium: a bare paper link in MDX
 * is a static card in the HTML, `<Paper id>` fetches its paper in the browser (from a stand-in for Hugging
 * Face's API), the page follows Docusaurus' dark mode, and axe finds nothing.
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

const dist = new URL('./build/', import.meta.url).pathname;
if (!existsSync(`${dist}index.html`)) {
  throw new Error(`${dist} is not built: run \`pnpm --filter @papertrend/example-docusaurus-docs build\``);
}
const site = siteInChromium(dist);
const ARXIV_TITLE = 'Proceedings of Workshop AEW10: Concepts in Information Theory and Communications';

describe('docusaurus-docs: one paper in an MDX page', () => {
  it('writes the bare link as a static card at build time and leaves the sentence link alone', () => {
    const html = readFileSync(`${dist}index.html`, 'utf8');
    const cards = html.match(/<div class="pt-root pt-embedded"[\s\S]*?<\/article><\/div>/g) ?? [];
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(ARXIV_TITLE);
    expect(cards[0]).not.toMatch(/<script|<button|\son[a-z]+=/);
    expect(html).toMatch(
      /such as <a href="https:\/\/arxiv\.org\/abs\/1707\.08567"[^>]*>https:\/\/arxiv\.org\/abs\/1707\.08567<\/a>/,
    );
  });

  it('fetches the paper by id in the browser, follows dark mode, and passes axe', async () => {
    const record = (
      JSON.parse(
        readFileSync(new URL('../../packages/core/test/fixtures/hf-api/2026-08-21.json', import.meta.url), 'utf8'),
      ) as { paper: { id: string; title: string } }[]
    ).find((entry) => entry.paper.id === '2608.19880')?.paper;
    const { page, context, problems } = await openWatchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
    // The machines are offline: a stand-in answers for Hugging Face's one-paper endpoint.
    await context.route('https://huggingface.co/api/papers/2608.19880', (route) =>
      route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify(record),
      }),
    );
    await page.goto(`${site.url}/`);
    const cards = page.locator('article .pt-embedded .pt-card');
    await expect.poll(() => cards.count()).toBe(2);
    await expect.poll(() => page.locator('.pt-embedded .pt-title').nth(1).textContent()).toBe(record?.title);
    expect(await backgroundLuminance(cards)).toBeGreaterThan(0.8);
    expect(await axeViolations(page, 'article')).toEqual([]);
    await page.screenshot({ path: await screenshotPath('docusaurus-one-paper-light'), fullPage: true });
    // The theme switch cycles system → light → dark.
    for (let click = 0; click < 3; click++) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark') break;
      await page.getByRole('button', { name: /dark and light mode/i }).click();
    }
    await expect.poll(() => backgroundLuminance(cards)).toBeLessThan(0.1);
    expect(await axeViolations(page, 'article')).toEqual([]);
    await page.screenshot({ path: await screenshotPath('docusaurus-one-paper-dark'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
