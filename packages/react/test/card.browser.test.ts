// @vitest-environment node
/**
 * The card as readers meet it, in Debian's chromium over the built Storybook: math that reads as math, link
 * names that say which paper, focus that follows "Show more", a loading state that is announced, and layouts
 * that hold at 200 % zoom on a phone. Needs `pnpm build-storybook` first (the test command runs it).
 */
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, openWatchedPage, screenshotPath, siteInChromium } from '../../../test/browser.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const site = siteInChromium(new URL('../storybook-static/', import.meta.url).pathname);

async function openStory(id: string, options: Parameters<typeof openWatchedPage>[1] = {}) {
  const watched = await openWatchedPage(site.browser, options);
  await watched.page.goto(`${site.url}/iframe.html?id=widget-trendingpapers--${id}&viewMode=story`);
  await watched.page.waitForSelector('#storybook-root .pt-root');
  if (id !== 'loading') await watched.page.waitForFunction(() => !document.querySelector('.pt-root[aria-busy="true"]'));
  return watched;
}

describe('math', () => {
  it('every TeX title of the corpus renders with no backslash, caret or math dollar left, and MathML where Unicode falls short', async () => {
    const { page, context, problems } = await openStory('math-in-papers');
    const titles = await page.locator('.pt-title').allTextContents();
    expect(titles.length).toBeGreaterThan(20);
    for (const title of titles) {
      // A dollar beside a digit is money ("for 1$"), not math.
      expect(title.replace(/\$(?=\d)|(?<=\d)\$/g, ''), title).not.toMatch(/[\\^$]/);
    }
    expect(titles).toContain('LLM×MapReduce: Simplified Long-Sequence Processing using Large Language Models');
    expect(
      titles.some((title) => title.startsWith('A²FM:')),
      titles.join('\n'),
    ).toBe(true);
    // The abstract holding `\( L_{1,2}-norm \)` is behind "More"; opened, temml's MathML is laid out.
    const card = page.locator('.pt-card', { hasText: 'Matrix Nuclear-Norm' });
    await card.getByRole('button', { name: 'More' }).click();
    const math = card.locator('.pt-math-ml math').first();
    await math.waitFor();
    const box = await math.boundingBox();
    expect(box?.width).toBeGreaterThan(10);
    await expect.poll(() => card.locator('.pt-math-fallback').first().isHidden()).toBe(true);
    expect(await card.textContent()).not.toMatch(/\\\(|\\\)|L_\{/);
    expect(await axeViolations(page, '#storybook-root')).toEqual([]);
    await page.screenshot({ path: await screenshotPath('card-math'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('keyboard and screen readers', () => {
  it('names each link after its paper, keeps Tab stops few, and says which text a machine wrote', async () => {
    const { page, context, problems } = await openStory('rich-api-day');
    const report = await page.evaluate(() => {
      const root = document.querySelector('.pt-root') as HTMLElement;
      const cards = [...root.querySelectorAll('.pt-card')];
      const links = [...root.querySelectorAll<HTMLAnchorElement>('.pt-card-footer a, .pt-expand')].map((link) => ({
        name: link.textContent?.trim() ?? '',
        described: document.getElementById(link.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
        title: link.closest('.pt-card')?.querySelector('.pt-title')?.textContent ?? '',
      }));
      const stops = [...root.querySelectorAll<HTMLElement>('a[href], button, input, select')].filter(
        (element) => element.tabIndex >= 0 && element.offsetParent !== null,
      );
      return {
        cards: cards.length,
        links,
        stops: stops.length,
        summaries: root.querySelectorAll('.pt-summary').length,
        labelled: [...root.querySelectorAll('.pt-summary')].filter(
          (summary) => summary.querySelector('.pt-text-label')?.textContent === 'AI summary',
        ).length,
        region: root.getAttribute('aria-label'),
        // Every icon draws something: its path keeps its shape and has a paint (a revert once took both away).
        icons: [...root.querySelectorAll<SVGPathElement>('.pt-icon > path')].map((path) => {
          const style = getComputedStyle(path);
          return {
            shape: style.d,
            painted: style.fill !== 'none' || style.stroke !== 'none',
            width: path.getBBox().width,
          };
        }),
      };
    });
    expect(report.region).toBe('Papers');
    expect(report.icons.length).toBeGreaterThan(report.cards * 2);
    for (const icon of report.icons) {
      expect(icon.shape).not.toBe('none');
      expect(icon.painted).toBe(true);
      expect(icon.width).toBeGreaterThan(0);
    }
    expect(report.links.length).toBeGreaterThan(report.cards);
    for (const link of report.links) {
      expect(link.described, link.name).toBe(link.title);
      expect(link.described.length).toBeGreaterThan(5);
    }
    // Title, "More" and at most three links a card (Code, Project, PDF: the arXiv page is one step from the
    // paper's page), plus the toolbar. Before, a card had six (its arXiv link and "Show abstract" too).
    expect(report.stops / report.cards).toBeLessThan(5.5);
    expect(report.summaries).toBeGreaterThan(0);
    expect(report.labelled).toBe(report.summaries);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers "More" only where there is more to read', async () => {
    const { page, context } = await openStory('default', { viewport: { width: 1280, height: 900 } });
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('.pt-card')].map((card) => {
        const text = card.querySelector('.pt-text > :first-child') as HTMLElement | null;
        return {
          more: card.querySelector('.pt-expand') !== null,
          clamped: text ? text.scrollHeight > text.clientHeight + 1 : false,
          other:
            card.querySelector('.pt-text') !== null && card.querySelectorAll('.pt-summary, .pt-abstract').length > 0,
        };
      }),
    );
    // The trending page's text has abstracts only: "More" exactly where the abstract is cut.
    expect(cards.some((card) => card.clamped)).toBe(true);
    for (const card of cards) expect(card.more).toBe(card.clamped);
    await context.close();
  });

  it('moves focus to the first new paper after "Show more", and starts paging over when the query changes', async () => {
    const { page, context, problems } = await openStory('mobile-width', { viewport: { width: 1000, height: 900 } });
    expect(await page.locator('.pt-item').count()).toBe(4);
    await page.getByRole('button', { name: /^Show more/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.pt-item').count()).toBe(8);
    const focused = await page.evaluate(() => {
      const active = document.activeElement;
      const items = [...document.querySelectorAll('.pt-item')];
      return {
        index: items.findIndex((item) => item.contains(active)),
        link: active?.classList.contains('pt-title-link'),
      };
    });
    expect(focused).toEqual({ index: 4, link: true });
    await page.getByRole('searchbox').fill('a');
    expect(await page.locator('.pt-item').count()).toBeLessThanOrEqual(4);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('announces loading in a live status line', async () => {
    const { page, context } = await openStory('loading');
    const status = page.locator('.pt-root [aria-live="polite"]');
    expect(await status.textContent()).toBe('Loading papers…');
    expect(await page.locator('.pt-root').getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('.pt-skeleton').getAttribute('aria-hidden')).toBe('true');
    await context.close();
  });
});

describe('details readers notice', () => {
  for (const width of [195, 320]) {
    it(`no horizontal overflow at ${width} CSS px (a 390 px phone at 200 % zoom is 195)`, async () => {
      const { page, context } = await openStory('rich-api-day', { viewport: { width, height: 800 } });
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        search: (() => {
          const box = document.querySelector('.pt-search-input')?.getBoundingClientRect();
          return box ? box.right - window.innerWidth : 0;
        })(),
      }));
      expect(overflow.page).toBeLessThanOrEqual(0);
      expect(overflow.search).toBeLessThanOrEqual(0);
      await page.screenshot({ path: await screenshotPath(`card-zoom-${width}`), fullPage: true });
      await context.close();
    });
  }

  it('compact: a cut title opens in full on keyboard focus and carries it as a tooltip; the lone count is said, not shown', async () => {
    const { page, context } = await openStory('compact', { viewport: { width: 320, height: 800 } });
    const cut = await page.evaluate(() => {
      const titles = [...document.querySelectorAll<HTMLElement>('.pt-row .pt-title')];
      const index = titles.findIndex((title) => title.scrollHeight > title.clientHeight + 1);
      return index;
    });
    expect(cut).toBeGreaterThanOrEqual(0);
    const link = page.locator('.pt-row .pt-title-link').nth(cut);
    expect(await link.getAttribute('title')).toBe(await link.textContent());
    await link.focus();
    const opened = await page.evaluate((index) => {
      const title = document.querySelectorAll<HTMLElement>('.pt-row .pt-title')[index] as HTMLElement;
      return title.scrollHeight <= title.clientHeight + 1;
    }, cut);
    expect(opened).toBe(true);
    const count = await page.locator('.pt-count').boundingBox();
    expect(count?.width ?? 0).toBeLessThanOrEqual(1);
    expect(await page.locator('.pt-count').textContent()).toMatch(/papers$/);
    await context.close();
  });

  it('shows when a paper was featured for a period of Daily Papers', async () => {
    const { page, context } = await openStory('periods');
    const dates = await page.locator('.pt-date').allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^Featured /);
    await context.close();
  });

  it('theme="page" stays light on a page without a dark theme, even when the OS prefers dark', async () => {
    const { page, context } = await openStory('follows-page-only', { colorScheme: 'dark' });
    const scheme = await page.evaluate(
      () => getComputedStyle(document.querySelector('.pt-root') as Element).colorScheme,
    );
    expect(scheme).toBe('light');
    await page.evaluate(() => document.body.setAttribute('data-theme', 'dark'));
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.pt-root') as Element).colorScheme))
      .toBe('dark');
    await context.close();
  });

  it('removes a thumbnail that fails to load instead of showing a broken image', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.route('**/fixtures/thumbnails/1.svg', (route) => route.abort());
    await page.goto(`${site.url}/iframe.html?id=widget-trendingpapers--cards-with-thumbnails&viewMode=story`);
    await page.waitForSelector('.pt-card');
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll('img')].map((image) => image.getAttribute('src'))))
      .toEqual(expect.not.arrayContaining([expect.stringMatching(/thumbnails\/1\.svg$/)]));
    expect(await page.locator('img').count()).toBe(3);
    await context.close();
  });

  it('lays every card out once the browser is idle, so a full-page capture has no blank gaps', async () => {
    const { page, context, problems } = await openStory('math-in-papers', { viewport: { width: 1280, height: 900 } });
    expect(await page.locator('.pt-card').count()).toBeGreaterThan(20);
    // Cards the layout skipped (content-visibility) draw as blank boxes in a capture and hide from find-in-page.
    const skippedCards = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('.pt-card')].filter(
            (card) => !card.checkVisibility({ contentVisibilityAuto: true }),
          ).length,
      );
    await page.waitForSelector('.pt-list[data-laid-out]');
    expect(await skippedCards()).toBe(0);
    await page.screenshot({ path: await screenshotPath('card-full-page-capture'), fullPage: true });
    // The same check sees the skipped cards while they are held back, as at first render and each keystroke.
    await page.evaluate(() => document.querySelector('.pt-list')?.removeAttribute('data-laid-out'));
    await expect.poll(skippedCards).toBeGreaterThan(10);
    // New cards (a search) are laid out in full again once the browser is idle.
    await page.getByRole('searchbox').fill('e');
    await page.waitForSelector('.pt-list[data-laid-out]');
    expect(await page.locator('.pt-card').count()).toBeGreaterThan(10);
    expect(await skippedCards()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
