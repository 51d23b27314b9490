/**
 * The widget's speed in a real browser (Debian's chromium), through the script-tag build: time to first
 * render of 100 papers (to the first painted frame, and until all 100 cards are built: a long listing shows
 * its first cards first), in a new page each time as a reader meets it and again in one page; first render
 * of 3,000 (the search index is built afterwards, when the browser is idle); and per-keystroke latency of
 * search over 3,000 real papers, each keystroke timed until the next frame is painted. Prints numbers for
 * the closing note; asserts nothing. Run with `pnpm bench` (needs ../shared/fixtures and a build).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, openWatchedPage, serveStatic } from '../../../test/browser.js';
// @ts-expect-error: a plain .mjs helper of core's benchmarks
import { realCorpus } from '../../core/bench/corpus.mjs';

const RUNS = 15;
const queries: { query: string }[] = JSON.parse(
  readFileSync(new URL('../../core/bench/relevance-queries.json', import.meta.url), 'utf8'),
);
const site = mkdtempSync(join(tmpdir(), 'papertrend-bench-'));
writeFileSync(join(site, 'papertrend.js'), readFileSync(new URL('../dist/papertrend.global.js', import.meta.url)));
writeFileSync(
  join(site, 'thumb.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="#8ab"/></svg>',
);
writeFileSync(
  join(site, 'index.html'),
  '<!doctype html><html lang="en"><head><title>bench</title></head><body><script src="papertrend.js"></script></body></html>',
);

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const server = await serveStatic(site);
// Thumbnails load from the bench's own server, as they would from Hugging Face's CDN for a reader online
// (offline, every one would fail name resolution and be removed: a cost no reader pays). Absolute, as real
// links are: a relative one would take the URL parser's slow, throwing path in every card.
const corpus = realCorpus()
  .slice(0, 3000)
  .map((paper: { links: Record<string, string> }) =>
    paper.links.thumbnail ? { ...paper, links: { ...paper.links, thumbnail: `${server.url}/thumb.svg` } } : paper,
  );
writeFileSync(join(site, 'papers.json'), JSON.stringify(corpus));
const browser = await launchChromium();
/** A new page (a new renderer: nothing compiled, no locale data loaded) with the corpus fetched. */
const openPage = async () => {
  const opened = await openWatchedPage(browser);
  await opened.page.goto(server.url);
  await opened.page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: bench globals
    (window as any).corpus = await (await fetch('papers.json')).json();
  });
  return opened;
};
try {
  const { page, problems } = await openPage();

  // First render: element created with papers set, appended, until every card exists and a frame is painted.
  // `fresh`: each run in a new page, as a reader meets the widget (the script's code compiled on first use, the
  // browser's locale data loaded by the first date or count formatted); else every run in the same page.
  const firstRender = async (count: number, limit: number, fresh: boolean) => {
    const samples: { firstPaint: number; allPainted: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const opened = fresh ? await openPage() : { page, problems };
      samples.push(
        await opened.page.evaluate(
          async ({ count, limit }) => {
            // biome-ignore lint/suspicious/noExplicitAny: bench globals
            const papers = (window as any).corpus.slice(0, count);
            const element = document.createElement('trending-papers') as HTMLElement & { papers: unknown };
            element.setAttribute('limit', String(limit));
            const start = performance.now();
            element.papers = papers;
            document.body.append(element);
            const expected = Math.min(count, limit);
            // (No helper functions in here: tsx would wrap them in a __name() the page does not have.)
            while (!element.shadowRoot?.querySelector('.pt-card'))
              await new Promise((resolve) => setTimeout(resolve, 0));
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            const firstPaint = performance.now() - start;
            while ((element.shadowRoot?.querySelectorAll('.pt-card').length ?? 0) < expected) {
              await new Promise((resolve) => setTimeout(resolve, 0));
            }
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            const allPainted = performance.now() - start;
            element.remove();
            return { firstPaint, allPainted };
          },
          { count, limit },
        ),
      );
      if (fresh) {
        problems.push(...opened.problems);
        await opened.page.context().close();
      }
    }
    return {
      firstPaint: stats(samples.map((sample) => sample.firstPaint)),
      allPainted: stats(samples.map((sample) => sample.allPainted)),
    };
  };

  const render100Fresh = await firstRender(100, 100, true);
  const render100 = await firstRender(100, 100, false);
  const render3000 = await firstRender(3000, 20, false);

  // Keystrokes: each character set on the input and an input event dispatched, timed to the next paint.
  await page.evaluate(() => {
    const element = document.createElement('trending-papers') as HTMLElement & { papers: unknown };
    element.id = 'typing';
    element.setAttribute('limit', '20');
    // biome-ignore lint/suspicious/noExplicitAny: bench globals
    element.papers = (window as any).corpus;
    document.body.append(element);
  });
  await page.locator('#typing .pt-card').first().waitFor();
  // `changes: false` is the baseline: the same events and frame waits with a value that does not change, so
  // nothing re-renders; the difference is the widget's own cost.
  const typeQueries = (changes: boolean) =>
    page.evaluate(
      async ({ texts, changes }) => {
        const host = document.getElementById('typing') as HTMLElement;
        const input = host.shadowRoot?.querySelector('input') as HTMLInputElement;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set as (
          value: string,
        ) => void;
        // (No helper functions in here: tsx would wrap them in a __name() the page does not have.)
        const samples: number[] = [];
        for (const text of texts) {
          for (let length = 1; length <= text.length; length++) {
            const start = performance.now();
            setValue.call(input, changes ? text.slice(0, length) : '');
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            samples.push(performance.now() - start);
          }
          setValue.call(input, '');
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        }
        return samples;
      },
      { texts: queries.map((entry) => entry.query), changes },
    );
  const baseline = stats(await typeQueries(false));
  const keystrokes = await typeQueries(true);
  const typing = stats(keystrokes);
  const frame = 1000 / 60;

  const verdict = (value: number, target: number) => `target ≤ ${target} ms: ${value <= target ? 'met' : 'MISSED'}`;
  console.log(`papertrend widget in chromium (script-tag build, ${RUNS} runs each, real papers)`);
  console.log(
    `  first render in a new page, 100 papers, painted: median ${ms(render100Fresh.firstPaint.median)}  p95 ${ms(render100Fresh.firstPaint.p95)}  (median ${verdict(render100Fresh.firstPaint.median, 50)})`,
  );
  console.log(
    `    ... until all 100 cards are built:             median ${ms(render100Fresh.allPainted.median)}  p95 ${ms(render100Fresh.allPainted.p95)}`,
  );
  console.log(
    `  first render again in the same page, painted:    median ${ms(render100.firstPaint.median)}  p95 ${ms(render100.firstPaint.p95)}  (median ${verdict(render100.firstPaint.median, 50)})`,
  );
  console.log(
    `    ... until all 100 cards are built:             median ${ms(render100.allPainted.median)}  p95 ${ms(render100.allPainted.p95)}`,
  );
  console.log(
    `  first render, 3,000 papers (20 shown):      median ${ms(render3000.allPainted.median)}  p95 ${ms(render3000.allPainted.p95)}`,
  );
  console.log(
    `  keystroke to painted results, 3,000 papers: median ${ms(typing.median)}  p95 ${ms(typing.p95)}  max ${ms(typing.max)}  (${keystrokes.length} keystrokes of ${queries.length} queries; p95 ${verdict(typing.p95, 33)}, two frames)`,
  );
  console.log(
    `  same events, nothing to re-render (baseline): median ${ms(baseline.median)}  p95 ${ms(baseline.p95)}; the widget's own cost: median ${ms(typing.median - baseline.median)}`,
  );
  console.log(
    `  ratios: keystroke median to a 60 Hz frame ${(typing.median / frame).toFixed(2)}×, to the baseline ${(typing.median / baseline.median).toFixed(2)}×`,
  );
  if (problems.length > 0) console.log(`  page problems: ${problems.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
}
