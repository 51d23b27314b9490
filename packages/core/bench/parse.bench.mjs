// Parse throughput, side by side with bare JSON.parse on the same bytes, in one run.
// Usage: pnpm bench (builds first). Reads the shared corpus beside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseListing } from '../dist/index.js';

const shared =
  process.env.PAPERTREND_SHARED_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures', import.meta.url));
const dailyDir = `${shared}/hf-api/daily_papers`;
const days = readdirSync(dailyDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => readFileSync(`${dailyDir}/${name}`, 'utf8'));
const bytes = days.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const pageText = readFileSync(`${shared}/hf-page-text/trending-mar-11.txt`, 'utf8');
const markdown = readFileSync(`${shared}/hf-page-text/trending-2026-10-excerpt.md`, 'utf8');
const html = readFileSync(`${shared}/hf-html/papers_daily_2024-08-01.html`, 'utf8');
const arxivDir = `${shared}/arxiv`;
// The error feed throws by design; benchmark the feeds that hold results.
const feeds = readdirSync(arxivDir)
  .filter((name) => name.endsWith('.xml') && !name.includes('error'))
  .map((name) => readFileSync(`${arxivDir}/${name}`, 'utf8'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `fn` over `rounds` runs after `warmup` runs, in ms. */
function time(fn, rounds = 15, warmup = 3) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

// Interleave the two measurements so machine noise hits both alike.
let papers = 0;
const jsonMs = [];
const parseMs = [];
for (let round = 0; round < 5; round++) {
  jsonMs.push(
    time(
      () => {
        for (const text of days) JSON.parse(text);
      },
      3,
      1,
    ),
  );
  parseMs.push(
    time(
      () => {
        papers = 0;
        for (const text of days) papers += parseListing(text).papers.length;
      },
      3,
      1,
    ),
  );
}
const json = median(jsonMs);
const parsed = median(parseMs);

const pageMs = time(() => parseListing(pageText), 50, 5);
const pageJsonMs = time(() => JSON.parse(JSON.stringify(pageText)), 50, 5);
const markdownMs = time(() => parseListing(markdown), 50, 5);
const htmlMs = time(() => parseListing(html), 30, 5);
const feedsMs = time(
  () => {
    for (const feed of feeds) parseListing(feed);
  },
  30,
  5,
);
const feedBytes = feeds.reduce((sum, feed) => sum + feed.length, 0);
const feedPapers = feeds.reduce((sum, feed) => sum + parseListing(feed).papers.length, 0);

const mb = bytes / 1024 / 1024;
const rows = [
  ['input', 'size', 'papers', 'JSON.parse', 'parseListing', 'ratio'],
  [
    `HF API, ${days.length} days`,
    `${mb.toFixed(1)} MB`,
    String(papers),
    `${json.toFixed(1)} ms`,
    `${parsed.toFixed(1)} ms`,
    `${(parsed / json).toFixed(2)}×`,
  ],
  [
    'HF trending page text',
    `${(pageText.length / 1024).toFixed(0)} kB`,
    String(parseListing(pageText).papers.length),
    `${pageJsonMs.toFixed(2)} ms¹`,
    `${pageMs.toFixed(2)} ms`,
    `${(pageMs / pageJsonMs).toFixed(1)}×`,
  ],
  [
    'HF trending markdown',
    `${(markdown.length / 1024).toFixed(0)} kB`,
    String(parseListing(markdown).papers.length),
    '',
    `${markdownMs.toFixed(2)} ms`,
    '',
  ],
  [
    'HF papers page HTML',
    `${(html.length / 1024).toFixed(0)} kB`,
    String(parseListing(html).papers.length),
    '',
    `${htmlMs.toFixed(2)} ms`,
    '',
  ],
  [
    `arXiv Atom, ${feeds.length} feeds`,
    `${(feedBytes / 1024).toFixed(0)} kB`,
    String(feedPapers),
    '',
    `${feedsMs.toFixed(2)} ms`,
    '',
  ],
];
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
console.log(
  `\nAPI throughput: ${(mb / (parsed / 1000)).toFixed(0)} MB/s validated vs ${(mb / (json / 1000)).toFixed(0)} MB/s JSON.parse (target: ratio ≤ 3×)`,
);
console.log('¹ JSON.parse of the same text as a JSON string, for scale: text has no JSON baseline.');
