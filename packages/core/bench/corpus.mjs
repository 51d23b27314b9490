// Corpora for the search benchmark: the real papers, and deterministic synthetic corpora recombined from
// real titles, abstracts and author names so that text statistics stay realistic.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseListing } from '../dist/index.js';
import { random } from './random.mjs';

export { random };

export const sharedFixtures =
  process.env.PAPERTREND_SHARED_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures', import.meta.url));

/** The 2,966 API papers plus the 60 of the trending page text, de-duplicated by id. */
export function realCorpus() {
  const dir = `${sharedFixtures}/hf-api/daily_papers`;
  const byId = new Map();
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    for (const paper of parseListing(readFileSync(`${dir}/${name}`, 'utf8')).papers) byId.set(paper.id, paper);
  }
  const text = readFileSync(`${sharedFixtures}/hf-page-text/trending-mar-11.txt`, 'utf8');
  for (const paper of parseListing(text).papers) byId.set(paper.id, paper);
  return [...byId.values()];
}

/** The 2,966 papers of the 156 API days vendored in the repository (what the tests search), by id. */
export function vendoredCorpus() {
  const lines = gunzipSync(
    readFileSync(new URL('../test/fixtures/corpus/hf-api-daily-papers.jsonl.gz', import.meta.url)),
  )
    .toString('utf8')
    .split('\n');
  const byId = new Map();
  for (const line of lines) for (const paper of parseListing(JSON.parse(line).text).papers) byId.set(paper.id, paper);
  return [...byId.values()];
}

/** `size` papers: each title joins halves of two real titles, each abstract ~1,500 chars of real sentences. */
export function syntheticCorpus(real, size, seed = 42) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const withAbstract = real.filter((paper) => paper.abstract && paper.abstract.length > 600);
  const sentences = withAbstract.flatMap((paper) => paper.abstract.split(/(?<=\.)\s+/));
  const names = real.flatMap((paper) => paper.authors?.map((author) => author.name) ?? []);
  const keywordSets = real.map((paper) => paper.keywords).filter(Boolean);
  const papers = [];
  for (let i = 0; i < size; i++) {
    const a = pick(real).title.split(' ');
    const b = pick(real).title.split(' ');
    const title = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' ');
    // Sentences joined once: a paper parsed from JSON holds flat strings, and so must these. Built with `+=`
    // and trimmed, they were slices of rope strings, which V8 reads a character at a time ~25 % slower.
    const picked = [];
    for (let length = 0; length < 1500; length += picked.at(-1).length + 1) picked.push(pick(sentences));
    const abstract = picked.join(' ');
    const authors = Array.from({ length: 2 + Math.floor(next() * 8) }, () => ({ name: pick(names) }));
    const day = new Date(Date.UTC(2024, 4, 1) + Math.floor(next() * 800) * 86_400_000).toISOString().slice(0, 10);
    const paper = {
      id: `synthetic:${i}`,
      title,
      abstract,
      authors,
      publishedAt: day,
      links: next() < 0.4 ? { code: `https://github.com/example/repo-${i}` } : {},
      metrics: { upvotes: Math.floor(next() * 200) },
      source: 'synthetic',
    };
    if (next() < 0.6) paper.keywords = pick(keywordSets);
    papers.push(paper);
  }
  return papers;
}

/** Queries as a person types them: every prefix of each query, one keystroke at a time. */
export function keystrokes(queries) {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
}
