/**
 * `papertrend feed` and `papertrend export` as a site's build runs them: the built CLI against a local stand-in
 * for Hugging Face that has a good day, a partial day and an outage.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../../test/process.js';
import { parseListing } from '../src/entries/parse.js';
import { fixture } from './helpers.js';
import { startServer, type TestServer } from './http-server.js';

const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const day = JSON.parse(fixture('hf-api/2026-08-21.json')) as unknown[];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

type Day = 'good' | 'partial' | 'outage';
function huggingFace(kind: Day): void {
  server.reset();
  server.handlers.set('/api/daily_papers', (_req, res) => {
    if (kind === 'outage') res.writeHead(503).end('upstream down');
    else
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(kind === 'good' ? day : day.slice(3, 4)));
  });
}

const cli = async (args: string[], cwd?: string) => {
  const run = await runProcess(process.execPath, [bin, ...args], {
    env: { ...process.env, PAPERTREND_HF_URL: server.base },
    ...(cwd ? { cwd } : {}),
  });
  return { code: run.code, stdout: run.stdout, stderr: run.stderr };
};

const itemCount = (xml: string): number => parseFeed(xml).items.length;

describe('papertrend feed', () => {
  it("writes today's feed on a good day, keeps the previous items on a partial day and through an outage", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'papertrend-feed-'));
    const feed = join(dir, 'feed.xml');
    const firstRun = ['feed', '--format', 'rss', '--out', feed, '--feed-url', 'https://example.com/feed.xml'];
    const args = [...firstRun, '--previous', feed];

    huggingFace('good');
    const first = await cli(firstRun);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(itemCount(readFileSync(feed, 'utf8'))).toBe(17);

    huggingFace('partial');
    const partial = await cli(args);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toBe(
      'papertrend: kept 16 items from the previous feed: Hugging Face returned 1 paper (fewer than 9)\n',
    );
    const afterPartial = parseListing(readFileSync(feed, 'utf8'));
    expect(afterPartial.format).toBe('papertrend-feed');
    expect(afterPartial.papers).toHaveLength(17);

    huggingFace('outage');
    const outage = await cli(args);
    expect(outage.code).toBe(0);
    expect(outage.stderr).toMatch(
      /^papertrend: kept 17 items from the previous feed: Hugging Face failed: \[GET\] .* 503/,
    );
    expect(parseListing(readFileSync(feed, 'utf8')).papers.map((paper) => paper.id)).toEqual(
      afterPartial.papers.map((paper) => paper.id),
    );
    expect(readdirSync(dir)).toEqual(['feed.xml']);
  });

  it('fails an outage with nothing to keep, leaving the published file as it was and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'papertrend-feed-'));
    const feed = join(dir, 'feed.json');
    writeFileSync(feed, 'yesterday');
    huggingFace('outage');
    const result = await cli(['feed', '--format', 'json', '--out', feed]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^papertrend: \[GET\] .*503/);
    expect(readFileSync(feed, 'utf8')).toBe('yesterday');
    expect(readdirSync(dir)).toEqual(['feed.json']);
    const unwritable = await cli(['feed', '--offline', '--out', join(dir, 'missing', 'feed.xml')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write .*missing\/feed\.xml: ENOENT/);
    expect(readdirSync(dir)).toEqual(['feed.json']);
  });

  it('builds from a saved listing of any format, and offline from the snapshot with a notice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'papertrend-feed-'));
    const listing = join(dir, 'papers.txt');
    writeFileSync(listing, fixture('hf-page-text/daily-2024-08-01.txt'));
    const fromFile = await cli(['feed', '--file', listing, '--format', 'atom']);
    expect(fromFile.code).toBe(0);
    expect(parseFeed(fromFile.stdout).title).toBe('Papers from papers.txt');
    expect(itemCount(fromFile.stdout)).toBe(13);

    server.reset();
    const offline = await cli(['feed', 'daily', '--offline', '--format', 'json']);
    expect(offline.code).toBe(0);
    expect(server.log).toEqual([]);
    expect(JSON.parse(offline.stdout).items).toHaveLength(17);
    expect(offline.stderr).toMatch(/serving the bundled snapshot .*\(--offline\)/);
  });

  it('says what is wrong with its options', async () => {
    for (const [args, message] of [
      [['feed', '--format', 'rdf'], /feed --format takes one of rss, atom, json, not "rdf"/],
      [['feed', 'weekly'], /takes "trending" or "daily", not "weekly"/],
      [['feed', '--max-items', '0'], /--max-items takes a whole number of at least 1/],
      [['feed', '--min-papers', 'x'], /--min-papers takes a whole number of at least 0/],
      [['feed', '--feed-url', 'javascript:alert(1)'], /--feed-url takes an http\(s\) URL/],
      [['feed', '--summary', 'short'], /--summary takes "abstract" or "ai"/],
      [['export'], /export takes one of --bibtex or --markdown/],
      [['export', '--bibtex', '--markdown'], /export takes one of --bibtex or --markdown/],
      [['feed', '--file', 'x', 'daily'], /--file replaces "daily"/],
    ] as const) {
      const result = await cli([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const previous = join(mkdtempSync(join(tmpdir(), 'papertrend-feed-')), 'feed.xml');
    writeFileSync(previous, '<html><body>not a feed</body></html>');
    const badPrevious = await cli(['feed', '--offline', '--previous', previous]);
    expect(badPrevious.code).toBe(1);
    expect(badPrevious.stderr).toMatch(/^papertrend: Not a paper listing/);
  });
});

describe('papertrend export', () => {
  it('writes BibTeX and Markdown from Hugging Face, a file or the snapshot', async () => {
    huggingFace('good');
    const bibtex = await cli(['export', 'daily', '--bibtex', '--limit', '2']);
    expect(bibtex.code).toBe(0);
    expect(bibtex.stdout).toMatch(/^@misc\{huang2026envharness,\n {2}title = \{\{EnvHarness:\} Awakening/);
    expect(bibtex.stdout.match(/^@misc/gm)).toHaveLength(2);
    const markdown = await cli(['export', '--markdown', '--offline', '--limit', '3']);
    expect(markdown.stdout).toMatch(
      /^## Hugging Face Daily Papers of 2026-08-21, most upvoted first \(the bundled snapshot, not today's papers\)\n\n1\. \*\*\[EnvHarness: Awakening Static Worlds for Agent Learning\]\(<https:\/\/huggingface\.co\/papers\/2608\.19880>\)\*\*/,
    );
    const slack = await cli(['export', '--markdown', '--slack', '--offline', '--limit', '1']);
    expect(slack.stdout).toMatch(
      /^\*Hugging Face Daily Papers of 2026-08-21, most upvoted first \(the bundled snapshot, not today's papers\)\*\n\n1\. \*<https:\/\/huggingface\.co\/papers\/2608\.19880\|EnvHarness/,
    );
  });
});
