import { expect } from 'vitest';
import { axeViolations, openWatchedPage, screenshotPath, type siteInChromium } from './browser.js';

type Site = ReturnType<typeof siteInChromium>;

/**
 * A prerendered `<trending-papers>` (`renderTrendingPapers`) as a reader without JavaScript meets it: the
 * `titles` shown, styled, and no search box that could not work. `expected` filters what is allowed to go
 * wrong with scripts off (a framework's own module scripts being refused).
 */
export async function expectReadableWithoutJavaScript(
  site: Site,
  path: string,
  titles: readonly string[],
  screenshot: string,
  expected: (problem: string) => boolean = () => false,
): Promise<void> {
  const { page, context, problems } = await openWatchedPage(site.browser, { javaScriptEnabled: false });
  await page.goto(`${site.url}${path}`);
  const widget = page.locator('trending-papers');
  // The parser attached the shadow root from the HTML alone; locators pierce it as they do a live one.
  expect(await widget.locator('.pt-title-link').allTextContents()).toEqual(titles);
  expect(await widget.getByRole('searchbox').isVisible()).toBe(false);
  expect(await widget.locator('.pt-expand:visible, .pt-show-more:visible, .pt-count:visible').count()).toBe(0);
  await page.screenshot({ path: await screenshotPath(screenshot), fullPage: true });
  expect(problems.filter((problem) => !expected(problem))).toEqual([]);
  await context.close();
}

/** The same element once its script runs: the same `titles` first, then `target` found by typing, axe clean. */
export async function expectUpgradedAndSearchable(
  site: Site,
  path: string,
  titles: readonly string[],
  target: string,
  screenshot: string,
): Promise<void> {
  const { page, context, problems } = await openWatchedPage(site.browser);
  await page.goto(`${site.url}${path}`);
  await page.waitForFunction(() => customElements.get('trending-papers') !== undefined);
  const widget = page.locator('trending-papers');
  expect(await widget.locator('.pt-title-link').allTextContents()).toEqual(titles);
  expect(await widget.locator('.pt-skeleton, [aria-busy="true"]').count()).toBe(0);
  await expect.poll(() => widget.locator('.pt-count').isVisible()).toBe(true);
  await widget.getByRole('searchbox').pressSequentially(target.split(/\s+/).slice(0, 4).join(' '));
  await expect.poll(() => widget.locator('.pt-title-link').first().textContent()).toBe(target);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: await screenshotPath(screenshot), fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
}
