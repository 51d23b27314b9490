/**
 * Screenshots of every Storybook story and of the three example sites (Vite, Next.js, plain HTML) at 390 and
 * 1280 px, light, dark and forced colours, for comparing one build of the widget with another.
 *
 *   npx tsx scripts/screenshots.ts                         # this checkout → test-results/screenshots/after/
 *   git worktree add /tmp/before 7a8f059^                  # the card before issue 22, say
 *   (cd /tmp/before && pnpm install && pnpm build && pnpm build-storybook && pnpm build:examples)
 *   npx tsx scripts/screenshots.ts /tmp/before before      # → test-results/screenshots/before/
 *
 * The checkout must be built (Storybook, examples). Pictures always land in this repository's test-results,
 * named alike for both checkouts so that a pair is one file name in two folders. What a checkout does not
 * have (a story added later) is skipped with a line saying so.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openWatchedPage, serveStatic } from '../test/browser.js';

const root = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
const label = process.argv[3] ?? 'after';
const outDir = new URL(`../test-results/screenshots/${label}/`, import.meta.url).pathname;
mkdirSync(outDir, { recursive: true });

const looks = [
  { name: 'light', colorScheme: 'light', forcedColors: 'none' },
  { name: 'dark', colorScheme: 'dark', forcedColors: 'none' },
  { name: 'forced-colors', colorScheme: 'light', forcedColors: 'active' },
] as const;
const widths = [390, 1280] as const;

const browser = await launchChromium();
let shots = 0;

/** A page per look and width, kept open while every target is shot (a fresh context per picture is slow). */
const pages: { look: (typeof looks)[number]; width: number; page: Page }[] = [];
for (const look of looks) {
  for (const width of widths) {
    const { page } = await openWatchedPage(browser, {
      colorScheme: look.colorScheme,
      forcedColors: look.forcedColors,
      viewport: { width, height: 900 },
    });
    pages.push({ look, width, page });
  }
}

/** Opens `url` in each look and width, waits for `ready`, and saves the picture as `<name>-<look>-<width>.png`. */
async function shoot(name: string, url: string, ready: (page: Page) => Promise<void>) {
  for (const { look, width, page } of pages) {
    try {
      await page.goto(url);
      await ready(page);
      await page.screenshot({ path: `${outDir}${name}-${look.name}-${width}.png`, fullPage: true });
      shots++;
    } catch (error) {
      console.warn(`${name} (${look.name}, ${width} px): ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

/** Done loading: some card or row is there and nothing says it is busy. */
async function widgetReady(page: Page) {
  await page.waitForFunction(
    () => {
      const roots = [document, ...[...document.querySelectorAll('*')].flatMap((el) => el.shadowRoot ?? [])];
      // A story may show the widget or any component of it (a custom card): something inside a root.
      const shown = roots.some((r) => r.querySelector('.pt-root > *, .pt-card, .pt-row'));
      const busy = roots.some((r) => r.querySelector('.pt-root[aria-busy="true"]'));
      return shown && !busy;
    },
    undefined,
    { timeout: 15_000 },
  );
  // Thumbnails loaded (or failed and removed), so that a picture shows what a reader sees. Lazy ones would
  // wait for a scroll the full-page picture never makes: they are asked for now.
  await page
    .waitForFunction(
      () => {
        const roots = [document, ...[...document.querySelectorAll('*')].flatMap((el) => el.shadowRoot ?? [])];
        const images = roots.flatMap((r) => [...r.querySelectorAll('img')]);
        for (const image of images) image.loading = 'eager';
        return images.every((image) => image.complete);
      },
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => console.warn(`${page.url()}: some images were still loading`));
  // An idle moment or two, as a reader's page has before anyone captures it (the widget lays out the cards
  // below the fold then).
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 1_000 })));
  }
}

// Every story, alone in its iframe.
const storybook = `${root}/packages/react/storybook-static/`;
if (existsSync(`${storybook}index.json`)) {
  const site = await serveStatic(storybook);
  const entries = Object.values(
    JSON.parse(readFileSync(`${storybook}index.json`, 'utf8')).entries as Record<string, { id: string; type: string }>,
  ).filter((entry) => entry.type === 'story');
  for (const { id } of entries) {
    await shoot(`story-${id.replace('--', '-')}`, `${site.url}/iframe.html?id=${id}&viewMode=story`, async (page) => {
      await page.waitForSelector('#storybook-root > *');
      if (!id.endsWith('loading')) await widgetReady(page);
    });
  }
  await site.close();
} else console.warn(`${storybook} is not built: no stories`);

// The plain-HTML page and the Vite blog, as built.
for (const [name, dir] of [
  ['html-embed', 'examples/html-embed/dist/'],
  ['vite-blog', 'examples/vite-blog/dist/'],
] as const) {
  if (!existsSync(`${root}/${dir}index.html`)) {
    console.warn(`${root}/${dir} is not built: no ${name}`);
    continue;
  }
  const site = await serveStatic(`${root}/${dir}`);
  await shoot(name, `${site.url}/`, widgetReady);
  await site.close();
}

// The Next.js app, served by `next start` (offline, its pages hold the bundled snapshot).
const nextDir = `${root}/examples/next-app/`;
if (existsSync(`${nextDir}.next/BUILD_ID`)) {
  const port = await new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
  const next: ChildProcess = spawn(
    process.execPath,
    [`${nextDir}node_modules/next/dist/bin/next`, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    { cwd: nextDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  while (
    !(await fetch(url).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() - started > 60_000) throw new Error('next start did not answer within 60 s');
    await new Promise((done) => setTimeout(done, 200));
  }
  await shoot('next-app', url, widgetReady);
  next.kill('SIGTERM');
} else console.warn(`${nextDir} is not built: no next-app`);

await browser.close();
console.log(`${shots} screenshots in ${outDir}`);
