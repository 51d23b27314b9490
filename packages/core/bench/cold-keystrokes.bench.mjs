// Cold keystrokes: what a reader meets the first time they type into a search box. Every engine gets a fresh
// index, then each query is typed one character at a time and every keystroke is timed once — the index has
// never seen these words, so nothing is cached. The queries are generated with a seed of this bench's own
// (six kinds, not the set the engine is tested or tuned on). Side by side in one run: papertrend now, the
// engine as it was before the automaton (bundled in bench/baseline/), FlexSearch and MiniSearch.
// Usage: pnpm bench, or `pnpm --filter @papertrend/core build && node --expose-gc bench/cold-keystrokes.bench.mjs`
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { createSearchIndex } from '../dist/index.js';
import * as baseline from './baseline/search-before-automaton.mjs';
import { keystrokes, syntheticCorpus, vendoredCorpus } from './corpus.mjs';
import { generateQueries } from './generate-queries.mjs';

const COLD_SEED = 9_577;
const gc = globalThis.gc ?? (() => {});
const heapMb = () => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 / 1024;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const WEIGHTS = { title: 5, keywords: 2.5, authors: 2.5, summary: 1.2, abstract: 1 };
const FIELDS = Object.keys(WEIGHTS);
const flat = (papers) =>
  papers.map((paper, id) => ({
    id,
    title: paper.title,
    abstract: paper.abstract ?? '',
    summary: paper.aiSummary ?? '',
    authors: (paper.authors ?? []).map((author) => author.name).join(', '),
    keywords: (paper.keywords ?? []).join(', '),
  }));

/** Each engine: build from papers, return `search(query)` for the top 20. */
const engines = {
  papertrend(papers) {
    const index = createSearchIndex(papers);
    return (query) => index.search(query, { limit: 20 });
  },
  'before (baseline)'(papers) {
    const index = baseline.createSearchIndex(papers);
    return (query) => index.search(query, { limit: 20 });
  },
  FlexSearch(papers) {
    const index = new FlexSearch.Document({
      document: { id: 'id', index: FIELDS.map((field) => ({ field, tokenize: 'forward' })) },
      encoder: 'LatinBalance',
    });
    for (const doc of flat(papers)) index.add(doc);
    return (query) => index.search(query, { limit: 20, suggest: true, merge: true });
  },
  MiniSearch(papers) {
    const mini = new MiniSearch({
      fields: FIELDS,
      storeFields: [],
      searchOptions: { boost: WEIGHTS, prefix: true, fuzzy: 0.2 },
    });
    mini.addAll(flat(papers));
    return (query) => mini.search(query).slice(0, 20);
  },
};

const real = vendoredCorpus();
const queries = generateQueries(real, COLD_SEED).map((item) => item.query);
const typed = keystrokes(queries);
// Each corpus is made when its turn comes and dropped after it: a 100,000-paper corpus held in memory beside
// the 10,000 one made every major collection during those keystrokes several times longer than a reader's.
const corpora = [
  { name: `real ${real.length}`, papers: () => real, typed },
  // MiniSearch's fuzzy keystrokes take up to seconds at 10k: it types every fourth query there.
  { name: '10,000', papers: () => syntheticCorpus(real, 10_000), typed, sampled: { MiniSearch: 4 } },
  // At 100k every third query, still typed in full; FlexSearch's build (minutes) and MiniSearch's fuzzy
  // keystrokes (seconds each) are measured at 10k only.
  {
    name: '100,000',
    papers: () => syntheticCorpus(real, 100_000),
    typed: keystrokes(queries.filter((_, i) => i % 3 === 0)),
    only: ['papertrend', 'before (baseline)'],
  },
];

// For a quicker look: COLD_ENGINES='papertrend|FlexSearch' COLD_CORPORA='10,000' (names as printed).
const pick = (variable) => process.env[variable]?.split('|');
const onlyEngines = pick('COLD_ENGINES');
const onlyCorpora = pick('COLD_CORPORA');

const fmt = (ms) => (ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`);
const rows = [['corpus', 'engine', 'build', 'memory', 'median', 'p95', 'p99', 'max', 'keystrokes']];
const results = {};
for (const corpus of corpora) {
  if (onlyCorpora && !onlyCorpora.includes(corpus.name)) continue;
  const papers = corpus.papers();
  for (const [name, build] of Object.entries(engines)) {
    if (corpus.only && !corpus.only.includes(name)) continue;
    if (onlyEngines && !onlyEngines.includes(name)) continue;
    const before = heapMb();
    const start = performance.now();
    const search = build(papers);
    const buildMs = performance.now() - start;
    const memory = heapMb() - before;
    const every = corpus.sampled?.[name] ?? 1;
    const typedHere = every === 1 ? corpus.typed : keystrokes(queries.filter((_, i) => i % every === 0));
    const samples = new Float64Array(typedHere.length);
    typedHere.forEach((query, i) => {
      const t = performance.now();
      search(query);
      samples[i] = performance.now() - t;
    });
    samples.sort();
    const row = {
      build: buildMs,
      median: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      max: samples[samples.length - 1],
    };
    results[corpus.name] = { ...results[corpus.name], [name]: row };
    rows.push([
      corpus.name,
      name,
      fmt(row.build),
      `${memory.toFixed(0)} MB`,
      fmt(row.median),
      fmt(row.p95),
      fmt(row.p99),
      fmt(row.max),
      String(samples.length),
    ]);
    process.stderr.write(`  … ${rows[rows.length - 1].join('  ')}\n`);
  }
}

const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
console.log(
  `\nCold keystrokes: fresh indexes, ${queries.length} generated queries (seed ${COLD_SEED}) typed one character at a time\n`,
);
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
console.log('');
for (const [corpus, byEngine] of Object.entries(results)) {
  const ours = byEngine.papertrend;
  const ratio = (other, key) => (other[key] / ours[key]).toFixed(1);
  const parts = Object.entries(byEngine)
    .filter(([name]) => name !== 'papertrend')
    .map(([name, row]) => `${name} median ${ratio(row, 'median')}×, p99 ${ratio(row, 'p99')}×`);
  console.log(`${corpus}: papertrend vs ${parts.join('; ')} (above 1: papertrend faster)`);
}
const target = (label, value, limit) => `${label} ${fmt(value)} (≤ ${fmt(limit)} ${value <= limit ? 'met' : 'MISSED'})`;
const ten = results['10,000']?.papertrend;
const hundred = results['100,000']?.papertrend;
if (ten) {
  console.log(
    `targets at 10k: ${target('median', ten.median, 0.5)}, ${target('p99', ten.p99, 4)}, ${target('max', ten.max, 10)}, ${target('build', ten.build, 500)}`,
  );
}
if (hundred) {
  console.log(
    `targets at 100k: ${target('p95', hundred.p95, 8)}, ${target('p99', hundred.p99, 16)}, ${target('build', hundred.build, 3000)}`,
  );
}
