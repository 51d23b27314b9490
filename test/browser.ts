/**
 * Real-browser test harness: Debian's chromium driven by playwright-core (never a downloaded browser),
 * pages served from this machine's loopback, axe-core for accessibility, console errors collected.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM_PATH = process.env.PAPERTREND_CHROMIUM ?? '/usr/bin/chromium';

/** Launches Debian's chromium headless; fails with the fix when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Root in a container needs --no-sandbox; the closed network needs background networking off, or
    // chromium keeps failing to reach Google's hosts while the tests run.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves `root` on 127.0.0.1 at a free port; `index.html` for directories; nothing outside `root`. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const handler = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (pathname === '/favicon.ico') {
      // Chromium asks every origin for one; a 404 would show up as a console error in every test.
      response.writeHead(204).end();
      return;
    }
    let file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        // Tests that visit many pages of one build reuse its scripts instead of parsing megabytes again.
        'cache-control': 'max-age=600',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  const server = createServer((request, response) => {
    void handler(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings, uncaught exceptions, dialogs and failed requests seen so far. */
  problems: string[];
}

const CDN_FIGURE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#9ab"/></svg>';

/** A fresh context and page that records every console error/warning, page error and dialog. */
export async function openWatchedPage(
  browser: Browser,
  options: {
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    forcedColors?: 'active' | 'none';
    /** `false`: a reader with JavaScript turned off (what prerendered HTML must serve). */
    javaScriptEnabled?: boolean;
  } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
    viewport: options.viewport ?? { width: 1000, height: 900 },
    reducedMotion: 'reduce',
  });
  // Hugging Face's image CDNs, stood in for: the bundled listings' thumbnails point there, the machines running
  // the tests are offline, and a reader online would get the image. A fixed small figure keeps layouts real.
  await context.route(/^https:\/\/cdn-(thumbnails|uploads)\.huggingface\.co\//, (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: CDN_FIGURE }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  return { page, context, problems };
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page (or inside `selector`), as readable one-line strings. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await axeSource });
  return page.evaluate(async (context) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (window as any).axe;
    const results = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return results.violations.flatMap(
      (violation: { id: string; help: string; nodes: { target: string[]; failureSummary: string }[] }) =>
        violation.nodes.map(
          (node) => `${violation.id} (${violation.help}) at ${node.target.join(' ')}: ${node.failureSummary}`,
        ),
    );
  }, selector);
}

/** Where screenshots go: test-results/screenshots at the repo root, kept as CI artifacts. */
export async function screenshotPath(name: string): Promise<string> {
  const dir = new URL('../test-results/screenshots/', import.meta.url).pathname;
  await mkdir(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

/** The relative luminance of a computed CSS colour (`rgb(…)`, `color(srgb …)`), 0 black to 1 white. */
export function luminance(cssColor: string): number {
  const numbers = cssColor.match(/[\d.]+/g)?.map(Number) ?? [];
  const srgb = cssColor.startsWith('color(') ? numbers.slice(0, 3) : numbers.slice(0, 3).map((n) => n / 255);
  const [r = 0, g = 0, b = 0] = srgb.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** What a page shows after hostile papers were rendered in `host` (an element, or a shadow host). */
export interface HostileReport {
  /** Set by any payload that ran. */
  pwned: unknown;
  /** Elements that only markup in paper text could have created. */
  injected: number;
  hrefs: (string | null)[];
  text: string;
}

/**
 * Expands every abstract, searches for the payload, waits for handlers to have run, then asserts what must
 * hold for the hostile fixture (test/fixtures/hostile-papers.json of @papertrend/react): nothing ran, nothing
 * was injected, the markup shows as text, every link is http(s). Returns the report for further checks.
 */
export async function expectHostilePapersInert(page: Page, hostSelector: string): Promise<HostileReport> {
  const host = page.locator(hostSelector);
  await host.locator('.pt-card').first().waitFor();
  for (const button of await host.locator('.pt-expand').all()) await button.click();
  await host.getByRole('searchbox').fill('img onerror');
  await host.getByRole('searchbox').fill('');
  // Give any injected handler (img onerror, svg onload, iframe srcdoc) time to run if it existed.
  await page.waitForTimeout(300);
  const report: HostileReport = await host.evaluate((element) => {
    // The host is a shadow host (the embed), the widget's own root, or an element around it.
    const scope: ParentNode = element.shadowRoot ?? element;
    const widget = element.matches('.pt-root') ? element : scope.querySelector('.pt-root');
    return {
      // biome-ignore lint/suspicious/noExplicitAny: the payloads set this global if they ever run
      pwned: (window as any).__pwned,
      // The widget's own inline icons are the only SVG it draws; anything else came from the data.
      injected: widget?.querySelectorAll('img, script, svg:not(.pt-icon), iframe, math').length ?? -1,
      hrefs: [...(widget?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href')),
      text: widget?.textContent ?? '',
    };
  });
  expect(report.pwned).toBeUndefined();
  expect(report.injected).toBe(0);
  expect(report.text).toContain('<img src=x onerror=');
  expect(report.text).toContain('<script>');
  for (const href of report.hrefs) expect(href).toMatch(/^https?:\/\//);
  return report;
}

/**
 * For a test file: serves `root` on 127.0.0.1 and launches chromium before its tests, closes both after.
 * Read `site.url` and `site.browser` inside tests.
 */
export function siteInChromium(root: string): { readonly url: string; readonly browser: Browser } {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveStatic(root), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('the site is served only while the tests run');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('chromium runs only while the tests run');
      return browser;
    },
  };
}

/** The relative luminance of the first matching element's computed background colour. */
export function backgroundLuminance(locator: Locator): Promise<number> {
  return locator
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor)
    .then(luminance);
}
