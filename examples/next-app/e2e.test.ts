/**
 * The Next.js App Router example under `next start` on 127.0.0.1, in Debian's chromium: the Server
 * Component page's HTML already holds the papers, hydration is silent, the widget then searches, follows the
 * docs theme, moves with the keyboard, and a hostile listing from "Hugging Face" (a local server) executes
 * nothing after travelling client → parser → server render → hydration.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  backgroundLuminance,
  expectHostilePapersInert,
  launchChromium,
  openWatchedPage,
  screenshotPath,
} from '../../test/browser.js';

const appDir = new URL('./', import.meta.url).pathname;
if (!existsSync(`${appDir}.next/BUILD_ID`)) {
  throw new Error(`${appDir} is not built: run \`pnpm --filter @papertrend/example-next-app build\``);
}

// Hostile papers in the shape of Hugging Face's API, served by a local stand-in for huggingface.co.
const hostilePapers = JSON.parse(
  readFileSync(new URL('../../packages/react/test/fixtures/hostile-papers.json', import.meta.url), 'utf8'),
) as {
  id: string;
  title: string;
  abstract: string;
  aiSummary: string;
  keywords?: string[];
  authors?: { name: string }[];
  links: Record<string, string>;
}[];
const hostileApiBody = JSON.stringify(
  hostilePapers.map((paper, index) => ({
    paper: {
      id: `2601.0000${index + 1}`,
      title: paper.title,
      summary: paper.abstract,
      authors: (paper.authors ?? []).map((author) => ({ name: author.name, hidden: false })),
      publishedAt: '2026-08-20T00:00:00.000Z',
      upvotes: 10 - index,
      githubRepo: paper.links.code,
      projectPage: paper.links.project,
      ai_summary: paper.aiSummary,
      ai_keywords: paper.keywords,
    },
    publishedAt: '2026-08-21T00:00:00.000Z',
    title: paper.title,
    thumbnail: paper.links.thumbnail,
    numComments: index,
  })),
);

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

// A real Daily Papers answer, for the latest day, which the browser page asks for through the site's proxy.
const realApiBody = readFileSync(new URL('../../packages/core/test/fixtures/hf-api/2026-08-21.json', import.meta.url));
const realTitles = (JSON.parse(realApiBody.toString()) as { title: string }[]).map((entry) => entry.title);
const hfRequests: string[] = [];

let fakeHf: Server;
let next: ChildProcess;
let nextLog = '';
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  fakeHf = createServer((request, response) => {
    hfRequests.push(request.url ?? '');
    const latestDay = request.url === '/api/daily_papers?limit=50';
    response.writeHead(200, { 'content-type': 'application/json' }).end(latestDay ? realApiBody : hostileApiBody);
  });
  await new Promise<void>((done) => fakeHf.listen(0, '127.0.0.1', done));
  const hfUrl = `http://127.0.0.1:${(fakeHf.address() as AddressInfo).port}`;
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const nextBin = new URL('./node_modules/next/dist/bin/next', import.meta.url).pathname;
  next = spawn(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PAPERTREND_HF_URL: hfUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  next.stdout?.on('data', (chunk) => {
    nextLog += chunk;
  });
  next.stderr?.on('data', (chunk) => {
    nextLog += chunk;
  });
  const started = Date.now();
  for (;;) {
    if (next.exitCode !== null) throw new Error(`next start exited: ${nextLog}`);
    if (Date.now() - started > 60_000) throw new Error(`next start did not answer within 60 s: ${nextLog}`);
    const ok = await fetch(baseUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  next?.kill('SIGTERM');
  await new Promise((done) => fakeHf?.close(done));
});

const cardLuminance = (page: Page) => backgroundLuminance(page.locator('.pt-card'));

describe('next-app in chromium', () => {
  it('serves the papers in the HTML of the Server Component page, before any script runs', async () => {
    const html = await (await fetch(baseUrl)).text();
    expect(html.match(/class="pt-card"/g)).toHaveLength(10);
    expect(html).toMatch(/<time class="pt-date" dateTime="\d{4}-\d{2}-\d{2}T[^"]+"/);
    expect(html).toMatch(/<label class="pt-search-label" for="[^"]+">Search papers<\/label>/);
    // Built offline, the page holds the bundled snapshot, and says so to readers (the build log said so too).
    expect(html).toContain('<p class="pt-note">Saved papers from Aug 21</p>');
  });

  it('hydrates without warnings, then searches, follows the docs theme and moves with the keyboard', async () => {
    const { page, context, problems } = await openWatchedPage(browser);
    await page.goto(baseUrl);
    // Hydration done: typing now filters (before hydration the input would do nothing).
    const search = page.getByRole('searchbox');
    const total = Number((await page.locator('.pt-count').textContent())?.match(/\d+/)?.[0]);
    await expect
      .poll(async () => {
        await search.fill('');
        await search.pressSequentially('agent');
        return page.locator('.pt-count').textContent();
      })
      .toMatch(/^\d+ of \d+ papers$/);
    const shown = await page.locator('.pt-item').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(Math.min(10, total));
    for (const mark of await page.locator('mark').allTextContents()) expect(mark.toLowerCase()).toContain('agent');
    await search.fill('');

    expect(await cardLuminance(page)).toBeGreaterThan(0.8);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('next-app-light'), fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => cardLuminance(page)).toBeLessThan(0.05);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await screenshotPath('next-app-dark'), fullPage: true });

    const links = page.locator('.pt-title-link');
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await links.nth(2).textContent());
    // No hydration mismatch, no React warning, no failed request.
    expect(problems).toEqual([]);
    await context.close();
  });

  it('renders a hostile listing from the API on the server and executes nothing in the browser', async () => {
    const html = await (await fetch(`${baseUrl}/live`)).text();
    // The markup, without the scripts that carry React's payload (there the text sits in JSON strings).
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    // The widget's own inline icons are its only SVG (`class="pt-icon …"`), and its only images are thumbnails
    // with an http(s) source; no markup comes from the data.
    expect(markup).not.toMatch(
      /<img(?! class="pt-thumb"[^>]* src="https?:[^"]*"\/>)|<svg(?! class="pt-icon)|<iframe|<math|<a\b[^>]*href="(?!https?:)/i,
    );
    expect(markup).toContain('&lt;img src=x onerror=');

    const { page, context, problems } = await openWatchedPage(browser);
    await page.goto(`${baseUrl}/live`);
    await expectHostilePapersInert(page, '.pt-root');
    // The one https thumbnail in the hostile listing is a legitimate image URL; offline it fails to load, and
    // the widget removes it rather than show a broken image. Nothing else may go wrong.
    await expect.poll(() => page.locator('.pt-thumb').count()).toBe(0);
    const unexpected = problems.filter(
      (problem) =>
        !problem.startsWith('request failed: https://evil.example/protocol-relative') &&
        problem !== 'console.error: Failed to load resource: net::ERR_NAME_NOT_RESOLVED',
    );
    expect(unexpected).toEqual([]);
    await context.close();
  });

  it('proxies Hugging Face for the browser in a route handler: allow-listed paths only, CORS and a shared cache', async () => {
    const answer = await fetch(`${baseUrl}/hf/api/daily_papers?limit=50`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('cache-control')).toMatch(/s-maxage=300/);
    expect(await answer.text()).toBe(realApiBody.toString());
    expect(hfRequests.at(-1)).toBe('/api/daily_papers?limit=50');
    // One paper and search pass too: the paths `<paper-card api="/hf">` and a client with this base URL ask.
    for (const path of ['api/papers/2608.19880', 'api/papers/math/0611800', 'api/papers/search?q=agents']) {
      expect((await fetch(`${baseUrl}/hf/${path}`)).status, path).toBe(200);
      expect(hfRequests.at(-1)).toBe(`/${path}`);
    }
    // Not an open proxy: anything but the papers API is refused, and never asked of Hugging Face.
    const asked = hfRequests.length;
    for (const path of [
      'api/whoami-v2',
      'api/models/gpt2',
      'api/papers/..%2Fwhoami-v2',
      'api/daily_papers/x',
      'papers',
    ]) {
      expect((await fetch(`${baseUrl}/hf/${path}`)).status, path).toBe(404);
    }
    expect(hfRequests.length).toBe(asked);

    // The widget fetches in the browser, from the page's own origin only.
    const { page, context, problems } = await openWatchedPage(browser);
    const origins = new Set<string>();
    page.on('request', (request) => {
      if (!request.url().startsWith('https://cdn-thumbnails.huggingface.co/'))
        origins.add(new URL(request.url()).origin);
    });
    await page.goto(`${baseUrl}/browser`);
    await expect.poll(() => page.locator('.pt-card').count()).toBe(10);
    expect(await page.locator('.pt-title-link').first().textContent()).toBe(realTitles[0]);
    await page.getByRole('searchbox').pressSequentially('agent');
    await expect.poll(() => page.locator('.pt-count').textContent()).toMatch(/^\d+ of \d+ papers$/);
    expect([...origins]).toEqual([baseUrl]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('embeds one paper by id with the server component: cards in the HTML, silent hydration, axe clean', async () => {
    const html = await (await fetch(`${baseUrl}/paper`)).text();
    expect(html.match(/class="pt-root pt-embedded"/g)).toHaveLength(2);
    expect(html).toContain('EnvHarness: Awakening Static Worlds for Agent Learning');
    expect(html).toContain('Proceedings of Workshop AEW10: Concepts in Information Theory and Communications');
    expect(html).not.toContain('pt-skeleton');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, problems } = await openWatchedPage(browser, { colorScheme });
      await page.goto(`${baseUrl}/paper`);
      if (colorScheme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await page.locator('.pt-embedded .pt-card').count()).toBe(2);
      // Hydrated: "More" opens the rest of the first card.
      await page.getByRole('button', { name: 'More' }).first().click();
      await expect.poll(() => page.locator('.pt-text[data-expanded="true"]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: await screenshotPath(`next-app-paper-${colorScheme}`), fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
