/**
 * The React Router 7 example (framework mode, `/` prerendered with its loader at build time), served from
 * build/client on 127.0.0.1 and driven in Debian's chromium: the papers are in the HTML, hydration is silent,
 * and the widget then searches.
 */
import { existsSync, readFileSync } from 'node:fs';
import { snapshotPapers } from '@papertrend/core/snapshot';
import { describe, expect, it } from 'vitest';
import { axeViolations, openWatchedPage, screenshotPath, siteInChromium } from '../../test/browser.js';

const dist = new URL('./build/client/', import.meta.url).pathname;
if (!existsSync(`${dist}index.html`)) {
  throw new Error(`${dist} is not built: run \`pnpm --filter @papertrend/example-react-router-app build\``);
}
const site = siteInChromium(dist);
// Built offline, trending is the bundled day most upvoted first.
const firstFive = snapshotPapers.slice(0, 5).map((paper) => paper.title);

describe('react-router-app: the widget in a prerendered React Router route', () => {
  it('has the papers in its HTML, says they are the saved snapshot, and carries only trimmed papers', () => {
    const html = readFileSync(`${dist}index.html`, 'utf8');
    expect(html.match(/class="pt-card"/g)).toHaveLength(5);
    expect(html).toContain('<p class="pt-note">Saved papers from Aug 21</p>');
    // The loader's data travels in the page for hydration: trimmed, so no affiliations or media lists.
    expect(html).not.toMatch(/affiliations|submittedOnDailyBy|"media"/);
  });

  it('hydrates without a warning, then searches every paper, axe clean', async () => {
    const { page, context, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/`);
    expect(await page.locator('.pt-title-link').allTextContents()).toEqual(firstFive);
    const target = snapshotPapers[7]?.title ?? '';
    const search = page.getByRole('searchbox');
    // Hydrated once typing filters (before hydration the input would do nothing).
    await expect
      .poll(async () => {
        await search.fill('');
        await search.pressSequentially(target.split(/\s+/).slice(0, 4).join(' '));
        return page.locator('.pt-title-link').first().textContent();
      })
      .toBe(target);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('react-router-app'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
