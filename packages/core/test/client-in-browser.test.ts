/**
 * The client where the widget uses it: in a real browser (Debian's chromium), calling a server on another
 * origin. Hugging Face's CORS behaviour is not documented, so the client must send only "simple" requests (a
 * GET without custom headers): a preflight (OPTIONS) that the server does not answer would fail every call.
 * And when the browser refuses the answer (no CORS header), `fallback: 'snapshot'` must still serve the
 * bundled papers, marked as such.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage, siteInChromium } from '../../../test/browser.js';
import { startServer, type TestServer } from './http-server.js';

const site = mkdtempSync(join(tmpdir(), 'papertrend-client-in-browser-'));
await build({
  stdin: {
    contents: "export { createClient } from './src/entries/index.ts';",
    resolveDir: new URL('..', import.meta.url).pathname,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  outfile: join(site, 'client.js'),
  logLevel: 'silent',
});
writeFileSync(
  join(site, 'index.html'),
  `<!doctype html><html lang="en"><head><title>client</title></head><body>
  <script type="module">import { createClient } from './client.js'; window.createClient = createClient;</script>
  </body></html>`,
);

const page = siteInChromium(site);
const dailyJson = readFile(new URL('./fixtures/hf-api/2026-08-21.json', import.meta.url), 'utf8');

let api: TestServer;
const methods: string[] = [];
beforeAll(async () => {
  api = await startServer();
});
afterAll(() => api.close());

/** Runs `client.trending()` in the page against the API server; what it answered, or the error's name. */
async function trendingInPage(options: Record<string, unknown>) {
  const { page: tab, context, problems } = await openWatchedPage(page.browser);
  await tab.goto(page.url);
  await tab.waitForFunction(() => 'createClient' in window);
  const result = await tab.evaluate(
    async ({ base, options }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's module put it there
      const { createClient } = window as any;
      try {
        const listing = await createClient({ baseUrls: { huggingface: base }, cache: false, ...options }).trending();
        return { papers: listing.papers.length, fallback: listing.meta.fallback ?? null };
      } catch (error) {
        return { error: (error as Error).name };
      }
    },
    { base: api.base, options },
  );
  await context.close();
  return { result, problems };
}

describe('the client in chromium, across origins', () => {
  it('sends a simple GET, no preflight, so a server that only answers GET with CORS headers works', async () => {
    api.handlers.set('/api/daily_papers', async (req, res) => {
      methods.push(req.method ?? '');
      if (req.method !== 'GET') {
        res.writeHead(405).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(await dailyJson);
    });
    const { result, problems } = await trendingInPage({});
    expect(result).toEqual({ papers: 17, fallback: null });
    expect(methods).toEqual(['GET']);
    expect(problems).toEqual([]);
  });

  it('falls back to the snapshot when the browser refuses an answer without CORS headers', async () => {
    methods.length = 0;
    api.handlers.set('/api/daily_papers', async (req, res) => {
      methods.push(req.method ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(await dailyJson);
    });
    const refused = await trendingInPage({ retry: { limit: 0 } });
    expect(refused.result).toEqual({ error: 'NetworkError' });
    const saved = await trendingInPage({ retry: { limit: 0 }, fallback: 'snapshot' });
    expect(saved.result).toEqual({ papers: 17, fallback: 'snapshot' });
    expect(methods).toEqual(['GET', 'GET']);
    // Chromium reports the refused answers on the console; that is the browser speaking. The client's own
    // word is one warning that the snapshot answered.
    const own = saved.problems.filter((problem) => problem.includes('[papertrend]'));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(
      /Hugging Face could not be reached .*bundled snapshot, the Daily Papers of 2026-08-21 most upvoted first/,
    );
    for (const problem of [...refused.problems, ...saved.problems.filter((problem) => !own.includes(problem))])
      expect(problem).toMatch(/CORS|Failed to fetch|ERR_FAILED/);
  });
});
