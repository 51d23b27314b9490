/**
 * The writers and the model on what an attacker or an unlucky file gives them (issue "Hostile world, second
 * round"): a symlink planted at the temporary name, options the CLI passed on and lost, 200,000 papers, dates
 * the model accepted but feeds cannot carry, and papers that must serialise byte for byte the same.
 */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../../test/process.js';
import { writeFileAtomically } from '../src/cli/io.js';
import { toFeed } from '../src/entries/feed.js';
import { mergeListings, type Paper, parseListing } from '../src/entries/index.js';
import { isIsoDate } from '../src/model.js';
import { fixture } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'papertrend-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function dated(count: number): Paper[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `p${index}`,
    title: `Paper ${index}`,
    featuredAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    links: { page: `https://example.org/p/${index}` },
    metrics: {},
    source: 'test',
  }));
}

describe('--out writes through its own temporary file, never through a planted one', () => {
  it('refuses a symlink planted at the temporary name: its target and the published file stay as they were', () => {
    const target = join(dir, 'victim.txt');
    const published = join(dir, 'feed.xml');
    writeFileSync(target, 'precious');
    writeFileSync(published, 'yesterday');
    const planted = join(dir, '.feed.xml.planted.tmp');
    symlinkSync(target, planted);
    expect(() => writeFileAtomically(published, 'today', () => planted)).toThrow(/cannot write .*EEXIST/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readFileSync(published, 'utf8')).toBe('yesterday');
    // Someone else's file at the name is not removed either.
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  });

  it('writes through its own temporary file and leaves only the published file behind', () => {
    const folder = join(dir, 'random');
    mkdirSync(folder);
    const file = join(folder, 'out.bib');
    for (let run = 0; run < 3; run++) writeFileAtomically(file, `run ${run}`);
    expect(readdirSync(folder)).toEqual(['out.bib']);
    expect(readFileSync(file, 'utf8')).toBe('run 2');
  });
});

describe('feed options that must not be lost, and sizes that must not crash', () => {
  it('papertrend feed --max-items 150 writes 150 items', async () => {
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(dated(200)));
    const out = join(dir, 'many.xml');
    const run = await runProcess(process.execPath, [
      cliPath,
      'feed',
      '--file',
      file,
      '--max-items',
      '150',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseFeed(readFileSync(out, 'utf8')).items).toHaveLength(150);
  });

  it('toFeed of 200,000 dated papers writes them (no stack overflow from spreading their dates)', () => {
    const papers = dated(200_000);
    const json = JSON.parse(toFeed(papers, { format: 'json', maxItems: 200_000 })) as { items: unknown[] };
    expect(json.items).toHaveLength(200_000);
  });
});

describe('dates stay inside years 0001–9999 in UTC, and never change on the way through', () => {
  it('the model refuses what a feed cannot write, and the leap second Date cannot hold', () => {
    expect(isIsoDate('9999-12-31T23:59:59-14:00')).toBe(false);
    expect(isIsoDate('0001-01-01T00:00:00+01:00')).toBe(false);
    expect(isIsoDate('0000-06-01')).toBe(false);
    expect(isIsoDate('2016-12-31T23:59:60Z')).toBe(false);
    expect(isIsoDate('9999-12-31T23:59:59+14:00')).toBe(true);
    expect(isIsoDate('0001-01-01T00:00:00-01:00')).toBe(true);
    expect(isIsoDate('2024-02-29T12:00:00.5+05:30')).toBe(true);
  });

  it('a paper built by hand with year 10000 gets the feed date, not a seven-digit year', () => {
    const [paper] = dated(1) as [Paper];
    const far = { ...paper, featuredAt: '9999-12-31T23:59:59-14:00' };
    for (const format of ['rss', 'atom'] as const) {
      const xml = toFeed([far, ...dated(2).slice(1)], { format });
      expect(xml).not.toMatch(/10000|\+0100/);
    }
  });

  it('an RSS date in year 0000 is reported, not read as 2000', () => {
    const rss = toFeed(dated(1), { format: 'rss' }).replace(
      /<pubDate>[^<]*<\/pubDate>/,
      '<pubDate>Sat, 01 Jan 0000 00:00:00 GMT</pubDate>',
    );
    const listing = parseListing(rss);
    expect(listing.format).toBe('papertrend-feed');
    expect(listing.papers[0]?.featuredAt).toBeUndefined();
    expect(listing.issues.map((issue) => issue.message).join('\n')).toMatch(/dropped the item date: "Sat, 01 Jan 0000/);
  });
});

describe('one key order: the same papers write the same bytes', () => {
  it('re-merging a saved merged listing gives the same JSON, byte for byte', () => {
    const api = parseListing(fixture('hf-api/2024-08-01.json'));
    const page = parseListing(fixture('hf-page-text/daily-2024-08-01.txt'));
    const html = parseListing(fixture('hf-html/papers_daily_2024-08-01.html'));
    const merged = mergeListings(page, api, html);
    const saved = JSON.stringify(merged.papers);
    const again = mergeListings(parseListing(saved), parseListing(saved));
    expect(JSON.stringify(again.papers)).toBe(saved);
    // Whichever order the sources came in, each paper's keys are in the model's order.
    const other = mergeListings(api, html, page);
    const byId = new Map(other.papers.map((paper) => [paper.id, paper]));
    for (const paper of merged.papers) {
      expect(Object.keys(byId.get(paper.id) ?? {})).toEqual(Object.keys(paper));
      for (const [index, author] of (paper.authors ?? []).entries()) {
        expect(Object.keys(byId.get(paper.id)?.authors?.[index] ?? {})).toEqual(Object.keys(author));
      }
    }
  });
});
