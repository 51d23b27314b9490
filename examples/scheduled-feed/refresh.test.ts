/**
 * The scheduled refresh end to end, as the daily CI job runs it: the script against the built package and a
 * local stand-in for Hugging Face that has a good day, a partial day and an outage.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseListing } from '@papertrend/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startServer, type TestServer } from '../../packages/core/test/http-server.js';
import { runProcess } from '../../test/process.js';

const script = fileURLToPath(new URL('./refresh.mjs', import.meta.url));
const day = JSON.parse(
  readFileSync(new URL('../../packages/core/test/fixtures/hf-api/2026-08-21.json', import.meta.url), 'utf8'),
) as unknown[];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function huggingFace(kind: 'good' | 'partial' | 'outage'): void {
  server.reset();
  server.handlers.set('/api/daily_papers', (_req, res) => {
    if (kind === 'outage') res.writeHead(503).end('down for maintenance');
    else res.writeHead(200).end(JSON.stringify(kind === 'good' ? day : day.slice(0, 2)));
  });
}

const refresh = async (out: string) => {
  const run = await runProcess(process.execPath, [script, '--out', out, '--site', 'https://blog.example'], {
    env: { ...process.env, PAPERTREND_HF_URL: server.base },
  });
  return run;
};

const read = (out: string, file: string) => readFileSync(join(out, file), 'utf8');
const ids = (out: string, file: string) => parseListing(read(out, file)).papers.map((paper) => paper.id);
const wellFormed = (xml: string) => spawnSync('xmllint', ['--noout', '-'], { input: xml }).status === 0;

describe('scheduled-feed: refresh.mjs', () => {
  it('publishes a good day, keeps the previous papers through a partial day and an outage', async () => {
    const out = mkdtempSync(join(tmpdir(), 'scheduled-feed-'));

    huggingFace('good');
    const good = await refresh(out);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['feed.json', 'feed.xml', 'papers.json']);
    const goodIds = ids(out, 'papers.json');
    expect(goodIds).toHaveLength(17);
    expect(ids(out, 'feed.xml')).toEqual(goodIds);
    expect(ids(out, 'feed.json')).toEqual(goodIds);
    expect(wellFormed(read(out, 'feed.xml'))).toBe(true);
    expect(read(out, 'feed.xml')).toContain('<atom:link href="https://blog.example/feed.xml" rel="self"');
    // The widget's file keeps everything the API said (upvotes included), not just what a feed carries.
    expect(parseListing(read(out, 'papers.json')).papers[0]?.metrics.upvotes).toBeGreaterThan(0);

    huggingFace('partial');
    const partial = await refresh(out);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toBe(
      'refresh: kept 15 papers from the previous run: Hugging Face returned 2 papers (fewer than 9)\n',
    );
    expect(new Set(ids(out, 'papers.json'))).toEqual(new Set(goodIds));
    expect(ids(out, 'feed.xml')).toEqual(ids(out, 'papers.json'));

    huggingFace('outage');
    const before = read(out, 'papers.json');
    const outage = await refresh(out);
    expect(outage.code).toBe(0);
    expect(outage.stderr).toMatch(/^refresh: kept 17 papers from the previous run: Hugging Face failed: .*503/);
    expect(JSON.parse(read(out, 'papers.json')).papers).toEqual(JSON.parse(before).papers);
    expect(wellFormed(read(out, 'feed.xml'))).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['feed.json', 'feed.xml', 'papers.json']);
    // Three runs of a Node process, each 1-2 s while the rest of the suite keeps both cores busy.
  }, 30_000);

  it('writes nothing on a first run during an outage, and says why', async () => {
    const out = mkdtempSync(join(tmpdir(), 'scheduled-feed-'));
    huggingFace('outage');
    const result = await refresh(out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^refresh: nothing to publish \(Hugging Face failed: .*503.*\); files left as they were/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('ships a workflow that runs the same script daily and commits only the three files', () => {
    const workflow = parseYaml(
      readFileSync(new URL('./.github/workflows/refresh-papers.yml', import.meta.url), 'utf8'),
    ) as {
      on: { schedule: { cron: string }[] };
      jobs: { refresh: { steps: { run?: string; with?: { 'node-version'?: number } }[] } };
    };
    expect(workflow.on.schedule[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const steps = workflow.jobs.refresh.steps;
    expect(steps.some((step) => step.with?.['node-version'] === 20)).toBe(true);
    expect(steps.some((step) => step.run?.startsWith('node refresh.mjs --out public'))).toBe(true);
    expect(steps.find((step) => step.run?.includes('git add'))?.run).toContain(
      'git add public/papers.json public/feed.xml public/feed.json',
    );
  });
});
