/**
 * The plain-HTML example, built, served on 127.0.0.1 and driven in Debian's chromium: the script tag alone
 * must render, search, follow the page theme, keep the host's CSS out, and execute nothing hostile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { expectReadableWithoutJavaScript, expectUpgradedAndSearchable } from '../../test/prerendered.js';

const dist = new URL('./dist/', import.meta.url).pathname;
if (!existsSync(`${dist}papers.json`)) {
  throw new Error(`${dist} is not built: run \`pnpm --filter @papertrend/example-html-embed build\``);
}
const listing = JSON.parse(readFileSync(`${dist}papers.json`, 'utf8')) as {
  papers: { id: string; title: string; links?: { thumbnail?: string } }[];
};
const hostile = readFileSync(new URL('../../packages/react/test/fixtures/hostile-papers.json', import.meta.url));
const embedScript = readFileSync(`${dist}papertrend.js`);

const site = siteInChromium(dist);
const cliPath = new URL('../../packages/core/dist/cli.js', import.meta.url).pathname;

/** Serves an extra page (and the hostile listing) from the test, beside the built site. */
async function openPage(path: string, html?: string, before?: (page: Page) => Promise<unknown>) {
  const watched = await openWatchedPage(site.browser);
  await before?.(watched.page);
  if (html) {
    await watched.page.route(`${site.url}${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  }
  await watched.page.route(`${site.url}/hostile-papers.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: hostile }),
  );
  await watched.page.goto(`${site.url}${path}`);
  return watched;
}

const widget = (page: Page, host = '#trending') => page.locator(host);
const cardLuminance = (page: Page) => backgroundLuminance(widget(page).locator('.pt-card'));

describe('html-embed: the script tag in chromium', () => {
  it('renders the expected papers, searches with highlights, and passes axe', async () => {
    const { page, context, problems } = await openPage('/');
    const trending = widget(page);
    await trending.locator('.pt-card').first().waitFor();
    expect(await trending.locator('.pt-item').count()).toBe(Math.min(10, listing.papers.length));
    expect(await trending.locator('.pt-count').textContent()).toBe(`${listing.papers.length} papers`);
    expect(await trending.locator('.pt-title-link').first().textContent()).toBe(listing.papers[0]?.title);

    await trending.getByRole('searchbox').pressSequentially('agen');
    const shown = await trending.locator('.pt-item').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(Math.min(10, listing.papers.length));
    for (const mark of await trending.locator('mark').allTextContents()) expect(mark.toLowerCase()).toContain('agen');

    // The mounted instance started from its own query.
    await expect.poll(() => page.locator('#agents').getByRole('searchbox').inputValue()).toBe('agent');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('html-embed-light'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("follows the page's data-theme and keeps the host page's CSS out of the shadow root", async () => {
    const { page, context, problems } = await openPage('/');
    await widget(page).locator('.pt-card').first().waitFor();
    expect(await cardLuminance(page)).toBeGreaterThan(0.8);
    const inside = await widget(page).evaluate((host) => {
      const root = host.shadowRoot as ShadowRoot;
      const style = (selector: string) => getComputedStyle(root.querySelector(selector) as Element);
      return {
        link: style('.pt-title-link').color,
        decoration: style('.pt-title-link').textDecorationStyle,
        listStyle: style('.pt-item').listStyleType,
        font: style('.pt-root').fontFamily,
        heading: style('.pt-title').fontSize,
        buttonTransform: style('.pt-expand').textTransform,
      };
    });
    expect(inside.link).toBe('rgb(9, 105, 218)');
    expect(inside.decoration).not.toBe('wavy');
    expect(inside.listStyle).toBe('none');
    expect(inside.font).not.toContain('Georgia');
    expect(Number.parseFloat(inside.heading)).toBeLessThan(20);
    expect(inside.buttonTransform).toBe('none');
    // Custom properties do cross the boundary: the page set --pt-radius on the element.
    expect(
      await widget(page)
        .locator('.pt-card')
        .first()
        .evaluate((card) => getComputedStyle(card).borderRadius),
    ).toBe('4px');

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => cardLuminance(page)).toBeLessThan(0.05);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('html-embed-dark'), fullPage: true });
    await page.getByRole('button', { name: 'Light theme' }).click();
    await expect.poll(() => cardLuminance(page)).toBeGreaterThan(0.8);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('moves between results with the arrow keys inside the shadow root', async () => {
    const { page, context, problems } = await openPage('/');
    const links = widget(page).locator('.pt-title-link');
    await links.first().waitFor();
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = () =>
      widget(page).evaluate((host) => (host.shadowRoot as ShadowRoot).activeElement?.textContent ?? null);
    expect(await focused()).toBe(await links.nth(2).textContent());
    await page.keyboard.press('Home');
    expect(await focused()).toBe(await links.first().textContent());
    expect(problems).toEqual([]);
    await context.close();
  });

  it('survives being loaded twice, cleans up on removal, and updates through mount()', async () => {
    const html = `<!doctype html><html lang="en"><head><title>api</title></head><body><main>
      <trending-papers id="trending" src="papers.json" limit="5" theme="dark" sort="upvotes"></trending-papers>
      <div id="mounted"></div>
      <trending-papers id="inline" limit="2"><script type="application/json">${JSON.stringify(listing.papers.slice(0, 3)).replaceAll('<', '\\u003c')}</script></trending-papers>
      </main>
      <script src="papertrend.js"></script><script src="papertrend.js"></script>
      <script>window.handle = papertrend.mount(document.getElementById('mounted'), { papers: [] });</script>
      </body></html>`;
    const { page, context, problems } = await openPage('/api.html', html);
    const trending = widget(page);
    await trending.locator('.pt-card').first().waitFor();
    expect(await trending.locator('.pt-item').count()).toBe(Math.min(5, listing.papers.length));
    expect(await cardLuminance(page)).toBeLessThan(0.05);
    expect(await trending.locator('.pt-sort').inputValue()).toBe('upvotes');
    expect(await widget(page, '#inline').locator('.pt-count').textContent()).toBe('3 papers');

    // Attributes are live.
    await trending.evaluate((host) => host.setAttribute('query', 'zzqx-nothing'));
    await expect.poll(() => trending.locator('.pt-no-match').count()).toBe(1);
    await trending.evaluate((host) => host.setAttribute('theme', 'light'));
    await expect.poll(() => trending.locator('.pt-root').getAttribute('data-pt-theme')).toBe('light');
    await trending.evaluate((host) => host.setAttribute('query', ''));
    await expect.poll(() => cardLuminance(page)).toBeGreaterThan(0.8);

    // mount() handle: empty, then updated with papers and a query, then destroyed.
    const mounted = widget(page, '#mounted');
    expect(await mounted.locator('.pt-empty').count()).toBe(1);
    await page.evaluate(async () => {
      const papers = (await (await fetch('papers.json')).json()).papers;
      // biome-ignore lint/suspicious/noExplicitAny: the page's global handle
      (window as any).handle.update({ papers, query: 'video', limit: 2 });
    });
    await expect.poll(() => mounted.getByRole('searchbox').inputValue()).toBe('video');
    // The new papers are taken in an effect, a commit after the query: wait for the hits, not just the box.
    await expect.poll(() => mounted.locator('.pt-item').count()).toBeGreaterThan(0);
    // biome-ignore lint/suspicious/noExplicitAny: the page's global handle
    await page.evaluate(() => (window as any).handle.destroy());
    expect(await mounted.evaluate((host) => host.shadowRoot?.childNodes.length)).toBe(0);

    // Removing the element unmounts it; putting it back renders again.
    const childCount = await trending.evaluate((host) => {
      const parent = host.parentElement as HTMLElement;
      host.remove();
      const emptied = host.shadowRoot?.childNodes.length ?? -1;
      parent.prepend(host);
      return emptied;
    });
    expect(childCount).toBe(0);
    await trending.locator('.pt-card').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes the compact variant, thumbnails and the search/filters switches as attributes, live', async () => {
    const html = `<!doctype html><html lang="en"><head><title>compact</title></head><body><main><h1>Blog</h1><h2>Trending</h2>
      <trending-papers id="trending" src="papers.json" limit="4" variant="compact"></trending-papers>
      </main><script src="papertrend.js"></script></body></html>`;
    const { page, context, problems } = await openPage('/compact.html', html);
    // The thumbnails would come from huggingface.co: the page asks for them, the test serves one local figure.
    await page.route(/^https:\/\/cdn-thumbnails\.huggingface\.co\//, (route) =>
      route.fulfill({
        contentType: 'image/svg+xml',
        body: readFileSync(new URL('../../packages/react/test/fixtures/thumbnails/0.svg', import.meta.url)),
      }),
    );
    const trending = widget(page);
    await trending.locator('.pt-row').first().waitFor();
    expect(await trending.locator('.pt-row').count()).toBe(Math.min(4, listing.papers.length));
    expect(await trending.locator('.pt-rank').allTextContents()).toEqual(['1', '2', '3', '4']);
    expect(await trending.locator('.pt-card, .pt-abstract').count()).toBe(0);
    expect(await trending.getByRole('searchbox').count()).toBe(0);
    expect(await trending.locator('img').count()).toBe(0);

    await trending.evaluate((host) => {
      host.setAttribute('thumbnails', '');
      host.setAttribute('search', 'on');
    });
    await expect.poll(() => trending.getByRole('searchbox').count()).toBe(1);
    const withThumbnail = listing.papers.slice(0, 4).filter((paper) => paper.links?.thumbnail).length;
    await expect.poll(() => trending.locator('img.pt-thumb').count()).toBe(withThumbnail);
    expect(await trending.locator('.pt-sort').count()).toBe(0);
    await trending.evaluate((host) => host.setAttribute('filters', 'on'));
    await expect.poll(() => trending.locator('.pt-sort').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('html-embed-compact'), fullPage: true });

    await trending.evaluate((host) => host.setAttribute('variant', 'card'));
    await expect.poll(() => trending.locator('.pt-card').count()).toBe(Math.min(4, listing.papers.length));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('loads thumbnails from the site’s own proxy with `thumbnail-src`, never from the CDN', async () => {
    const html = `<!doctype html><html lang="en"><head><title>proxy</title></head><body><main><h1>Blog</h1>
      <trending-papers id="trending" src="papers.json" limit="4" variant="compact" thumbnails
        thumbnail-src="/img-proxy?id={id}&amp;url={url}"></trending-papers>
      </main><script src="papertrend.js"></script></body></html>`;
    const asked: string[] = [];
    const { page, context, problems } = await openPage('/proxy.html', html, (opened) => {
      opened.on('request', (request) => asked.push(request.url()));
      return opened.route(/\/img-proxy\?/, (route) =>
        route.fulfill({
          contentType: 'image/svg+xml',
          body: readFileSync(new URL('../../packages/react/test/fixtures/thumbnails/0.svg', import.meta.url)),
        }),
      );
    });
    const trending = widget(page);
    const shown = listing.papers.slice(0, 4).filter((paper) => paper.links?.thumbnail);
    expect(shown.length).toBeGreaterThan(0);
    await expect.poll(() => trending.locator('img.pt-thumb').count()).toBe(shown.length);
    expect(
      await trending.locator('img.pt-thumb').evaluateAll((images) => images.map((image) => image.getAttribute('src'))),
    ).toEqual(
      shown.map(
        (paper) =>
          `/img-proxy?id=${encodeURIComponent(paper.id)}&url=${encodeURIComponent(paper.links?.thumbnail ?? '')}`,
      ),
    );
    // Loaded, not removed as broken: the proxy answered.
    await expect.poll(() => asked.filter((url) => url.includes('/img-proxy?')).length).toBe(shown.length);
    expect(await trending.locator('img.pt-thumb').count()).toBe(shown.length);
    expect(asked.filter((url) => new URL(url).hostname.endsWith('huggingface.co'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('serves prerendered papers to readers without JavaScript: a declarative shadow root, styled, nothing dead offered', async () => {
    const titles = listing.papers.slice(0, 5).map((paper) => paper.title);
    await expectReadableWithoutJavaScript(site, '/prerendered.html', titles, 'html-embed-prerendered-no-js');
    // The page's `h3 { 2.5em; red }` stays outside: the widget's own stylesheet came with the HTML.
    const { page, context } = await openWatchedPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/prerendered.html`);
    const title = widget(page).locator('.pt-title').first();
    expect(await title.evaluate((node) => getComputedStyle(node).color)).not.toBe('rgb(179, 38, 30)');
    await context.close();
  });

  it('upgrades prerendered papers in place when the script runs: same cards, then searchable', async () => {
    const titles = listing.papers.slice(0, 5).map((paper) => paper.title);
    const target = listing.papers[7]?.title ?? '';
    await expectUpgradedAndSearchable(site, '/prerendered.html', titles, target, 'html-embed-prerendered');
  });

  it("keeps a hostile title inert when the CLI's --json output is inlined in the page, and survives a bad locale", async () => {
    // The README's recipe: `papertrend … --json` written into <script type="application/json">.
    const title = 'Inlined </script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const file = join(mkdtempSync(join(tmpdir(), 'papertrend-inline-')), 'listing.json');
    const paper = { id: '2106.09685', title, links: {}, metrics: {}, source: 'hf-api' };
    writeFileSync(
      file,
      JSON.stringify({ format: 'hf-api', papers: [paper, ...listing.papers.slice(0, 2)], issues: [], meta: {} }),
    );
    const cli = spawnSync(process.execPath, [cliPath, 'parse', file, '--json'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const html = `<!doctype html><html lang="en"><head><title>inline</title></head><body><main>
      <trending-papers id="trending"><script type="application/json">${cli.stdout}</script></trending-papers>
      <trending-papers id="badlocale" src="papers.json" limit="2" locale="en_US!"></trending-papers>
      </main><script src="papertrend.js"></script></body></html>`;
    const { page, context, problems } = await openPage('/inline.html', html);
    const trending = widget(page);
    await trending.locator('.pt-card').first().waitFor();
    expect(await trending.locator('.pt-title').allTextContents()).toContain(title);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('body > main > script, body > script').count()).toBe(1);
    // An invalid locale renders with the default one and says so once, instead of rendering nothing.
    await widget(page, '#badlocale').locator('.pt-card').first().waitFor();
    expect(await widget(page, '#badlocale').locator('.pt-item').count()).toBe(Math.min(2, listing.papers.length));
    expect(problems).toEqual([expect.stringMatching(/"en_US!" is not a valid locale/)]);
    await context.close();
  });

  it('refuses a src listing larger than 16 MiB with its error state instead of filling the tab', async () => {
    const html = `<!doctype html><html lang="en"><head><title>huge</title></head><body><main>
      <trending-papers id="trending" src="huge.json"></trending-papers></main>
      <script src="papertrend.js"></script></body></html>`;
    const watched = await openWatchedPage(site.browser);
    await watched.page.route(`${site.url}/huge.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: html }),
    );
    // Refused by its declared length; without one, the bytes are counted as they arrive (same message).
    await watched.page.route(`${site.url}/huge.json`, (route) =>
      route.fulfill({ contentType: 'application/json', body: Buffer.alloc(17 * 1024 * 1024, 0x20) }),
    );
    await watched.page.goto(`${site.url}/huge.html`);
    const detail = widget(watched.page).locator('.pt-error-detail');
    await detail.waitFor();
    // Readers get a sentence; the site owner gets the detail in the console, once (logged by an effect after
    // the error is painted, so it may arrive a moment later).
    expect(await detail.textContent()).toBe('The list of papers could not be read.');
    await expect.poll(() => watched.problems.length).toBeGreaterThan(0);
    expect(watched.problems).toEqual([
      expect.stringMatching(
        /^console\.warning: papertrend: could not load papers: .*huge\.json: the listing is larger than 16 MiB$/,
      ),
    ]);
    await watched.context.close();
  });

  it('executes nothing from a hostile listing', async () => {
    const html = `<!doctype html><html lang="en"><head><title>hostile</title></head><body>
      <trending-papers id="trending" src="hostile-papers.json"></trending-papers>
      <script src="papertrend.js"></script></body></html>`;
    const { page, context, problems } = await openPage('/hostile.html', html);
    await expectHostilePapersInert(page, '#trending');
    expect(problems).toEqual([]);
    await context.close();
  });
});

// The script the page loads is the embed's build, byte for byte.
it('ships the embed build as papertrend.js', () => {
  const built = readFileSync(new URL('../../packages/embed/dist/papertrend.global.js', import.meta.url));
  expect(embedScript.equals(built)).toBe(true);
});

describe('html-embed: <paper-card>, one paper from the same script tag', () => {
  it('shows a paper by id from Hugging Face, a saved one, and says when a paper is unknown', async () => {
    const hfDay = JSON.parse(
      readFileSync(new URL('../../packages/core/test/fixtures/hf-api/2026-08-21.json', import.meta.url), 'utf8'),
    ) as { paper: { id: string; title: string } }[];
    const record = hfDay.find((entry) => entry.paper.id === '2608.19880')?.paper;
    const watched = await openWatchedPage(site.browser);
    // A stand-in for Hugging Face's one-paper endpoint behind the page's `api` base.
    await watched.page.route(`${site.url}/hf/api/papers/**`, (route) =>
      route.request().url().endsWith('/2608.19880')
        ? route.fulfill({ contentType: 'application/json', body: JSON.stringify(record) })
        : route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"Not Found"}' }),
    );
    await watched.page.goto(`${site.url}/paper.html`);
    const byId = watched.page.locator('#by-id');
    await expect.poll(() => byId.locator('.pt-title').textContent()).toBe(record?.title);
    expect(await byId.locator('.pt-votes').count()).toBe(1);
    const saved = watched.page.locator('#saved');
    await expect.poll(() => saved.locator('.pt-title').textContent()).toBe(listing.papers[0]?.title);
    const unknown = watched.page.locator('#unknown');
    await expect.poll(() => unknown.locator('.pt-not-found p').textContent()).toBe('This paper could not be found.');
    expect(await unknown.locator('a').getAttribute('href')).toBe('https://arxiv.org/abs/2101.00001');
    // The page's `h3 { font-size: 2.5em }` stays outside the shadow root.
    expect(await byId.locator('.pt-title').evaluate((title) => getComputedStyle(title).fontSize)).not.toBe('47.5px');
    for (const host of ['#by-id', '#saved', '#unknown']) expect(await axeViolations(watched.page, host)).toEqual([]);
    await watched.page.screenshot({ path: await screenshotPath('html-embed-paper-card'), fullPage: true });
    // The one failed request is the unknown paper's 404, as the browser reports it.
    expect(watched.problems.filter((problem) => !/404/.test(problem))).toEqual([]);
    await watched.context.close();
  });
});
