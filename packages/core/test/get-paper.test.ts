/**
 * One paper by id against stand-ins for Hugging Face and arXiv on 127.0.0.1: found in both, only on arXiv, in
 * neither, one service down, both down with the disk cache warm and with it cold, and batches.
 */

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ClientOptions,
  createClient,
  getPaper,
  isNetworkError,
  isPaperNotFoundError,
  type PapertrendWarning,
} from '../src/entries/index.js';
import { createFileCache } from '../src/entries/node.js';
import { failure, fixture } from './helpers.js';
import { startServer, type TestServer } from './http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const ARXIV_ONE = fixture('arxiv/api-new-2026_id-1707.08567.xml');
const ARXIV_TWO = fixture('arxiv/api-new-2026_id-0808.05394_1707.08567.xml');
const ARXIV_NONE = fixture('arxiv/api-new-2026_empty_id-0000.0000.xml');
/** A real Hugging Face paper record, re-keyed to the arXiv paper the stand-in serves. */
const hfRecord = (id: string, changes: Record<string, unknown> = {}): string => {
  const real = JSON.parse(fixture('hf-api/2026-08-21.json'))[0].paper;
  return JSON.stringify({ ...real, id, ...changes });
};

const send = (res: ServerResponse, body: string, type: string, status = 200): void => {
  res.writeHead(status, { 'content-type': type }).end(body);
};
const atom = (body: string) => (_req: unknown, res: ServerResponse) => send(res, body, 'application/atom+xml');
const json = (body: string) => (_req: unknown, res: ServerResponse) => send(res, body, 'application/json');

function client(options: ClientOptions = {}) {
  const warnings: PapertrendWarning[] = [];
  const made = createClient({
    baseUrls: { huggingface: server.base, arxiv: server.base },
    timeout: 1_000,
    retry: { limit: 0 },
    politeness: { arxiv: 0 },
    onWarning: (warning) => warnings.push(warning),
    ...options,
  });
  return Object.assign(made, { warnings });
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'papertrend-cache-'));

describe('getPaper: Hugging Face and arXiv merged', () => {
  it('merges a paper both know: bibliographic fields from arXiv, upvotes and code from Hugging Face', async () => {
    server.handlers.set('/api/papers/1707.08567', json(hfRecord('1707.08567', { title: 'An HF spelling' })));
    server.handlers.set('/api/query', atom(ARXIV_ONE));
    const paper = await client().getPaper('https://huggingface.co/papers/1707.08567');
    expect(paper.id).toBe('1707.08567');
    expect(paper.title).toBe('Proceedings of Workshop AEW10: Concepts in Information Theory and Communications');
    expect(paper.source).toBe('arxiv-atom+hf-api');
    expect(paper.metrics.upvotes).toBeGreaterThan(0);
    expect(paper.aiSummary).toBeTruthy();
    expect(paper.categories?.length).toBeGreaterThan(0);
    expect(server.log.map((entry) => entry.url).sort()).toEqual([
      '/api/papers/1707.08567',
      '/api/query?id_list=1707.08567&max_results=1',
    ]);
  });

  it('gives a paper Hugging Face does not know a card from arXiv alone', async () => {
    server.handlers.set('/api/query', atom(ARXIV_ONE));
    const paper = await client().getPaper('arXiv:1707.08567v1');
    expect(paper.source).toBe('arxiv-atom');
    expect(paper.metrics.upvotes).toBeUndefined();
  });

  it('is a PaperNotFoundError when neither knows the id, and for input that is no id, with no request', async () => {
    server.handlers.set('/api/query', atom(ARXIV_NONE));
    const missing = await failure(client().getPaper('0000.0000'));
    expect(isPaperNotFoundError(missing)).toBe(true);
    expect(missing).toMatchObject({ id: '0000.0000', failure: 'refused' });
    server.reset();
    const garbage = await failure(getPaper('not a paper <script>', { client: client() }));
    expect(isPaperNotFoundError(garbage)).toBe(true);
    expect(garbage).toMatchObject({ id: undefined, input: 'not a paper <script>' });
    expect(server.log).toEqual([]);
  });

  it('asks arXiv once for a batch, keeps the order asked, and leaves unknown ids undefined', async () => {
    // The real answer to this id_list: arXiv has no 0808.05394, so the feed holds one entry.
    server.handlers.set('/api/query', atom(ARXIV_TWO));
    const papers = await client().getPapers([
      'https://arxiv.org/abs/1707.08567',
      '0808.05394',
      'nonsense',
      'arXiv:1707.08567v2',
    ]);
    expect(papers.map((paper) => paper?.id)).toEqual(['1707.08567', undefined, undefined, '1707.08567']);
    const arxivRequests = server.log.filter((entry) => entry.path === '/api/query');
    expect(arxivRequests.map((entry) => entry.url)).toEqual([
      '/api/query?id_list=1707.08567%2C0808.05394&max_results=2',
    ]);
  });

  it('keeps hostile fields inert: markup stays text, a javascript: link is dropped', async () => {
    server.handlers.set(
      '/api/papers/1707.08567',
      json(hfRecord('1707.08567', { githubRepo: 'javascript:alert(1)', ai_summary: '<img src=x onerror=alert(1)>' })),
    );
    server.handlers.set('/api/query', atom(ARXIV_ONE));
    const paper = await client().getPaper('1707.08567');
    expect(paper.links.code).toBeUndefined();
    expect(paper.aiSummary).toBe('<img src=x onerror=alert(1)>');
  });

  it('answers from one service with a partial-paper warning when the other fails, and does not keep it', async () => {
    server.handlers.set('/api/papers/1707.08567', (_req, res) => send(res, 'busy', 'text/plain', 503));
    server.handlers.set('/api/query', atom(ARXIV_ONE));
    const dir = tempDir();
    const made = client({ cache: { store: createFileCache({ dir }) } });
    const paper = await made.getPaper('1707.08567');
    expect(paper.source).toBe('arxiv-atom');
    expect(made.warnings.map((warning) => warning.code)).toEqual(['partial-paper']);
    // Next time Hugging Face is asked again: a partial answer is not remembered as the paper.
    server.handlers.set('/api/papers/1707.08567', json(hfRecord('1707.08567')));
    expect((await made.getPaper('1707.08567')).source).toBe('arxiv-atom+hf-api');
  });

  it('fails with the network error when both are down and nothing is cached', async () => {
    const down = client({ baseUrls: { huggingface: 'http://127.0.0.1:9', arxiv: 'http://127.0.0.1:9' } });
    const error = await failure(down.getPaper('1707.08567'));
    expect(isNetworkError(error)).toBe(true);
  });
});

describe('getPaper with the disk cache', () => {
  const down = { huggingface: 'http://127.0.0.1:9', arxiv: 'http://127.0.0.1:9' };

  it('fetches each paper once; a later build reads it from disk without the network', async () => {
    server.handlers.set('/api/papers/1707.08567', json(hfRecord('1707.08567')));
    server.handlers.set('/api/query', atom(ARXIV_TWO));
    const dir = tempDir();
    const first = await client({
      cache: { store: createFileCache({ dir, maxAge: Number.POSITIVE_INFINITY }) },
    }).getPapers(['1707.08567', '0808.05394']);
    expect(first.map((paper) => paper?.id)).toEqual(['1707.08567', undefined]);
    // One file a paper, the unknown one included; the responses they were made of are not kept twice.
    expect(readdirSync(dir)).toHaveLength(2);
    const requests = server.log.length;
    const offline = client({
      baseUrls: down,
      cache: { store: createFileCache({ dir, maxAge: Number.POSITIVE_INFINITY }) },
    });
    const again = await offline.getPapers(['0808.05394', '1707.08567']);
    expect(again).toEqual([first[1], first[0]]);
    expect(server.log.length).toBe(requests);
    expect(offline.warnings).toEqual([]);
    // A paper neither knows is remembered as unknown, so it costs no request either.
    server.handlers.set('/api/query', atom(ARXIV_NONE));
    await failure(client({ cache: { store: createFileCache({ dir }) } }).getPaper('0000.0000'));
    const missing = await failure(
      client({ baseUrls: down, cache: { store: createFileCache({ dir }) } }).getPaper('0000.0000'),
    );
    expect(isPaperNotFoundError(missing)).toBe(true);
  });

  it('renders yesterday’s copy with a stale-cache warning when the services are down and the copy expired', async () => {
    server.handlers.set('/api/papers/1707.08567', json(hfRecord('1707.08567')));
    server.handlers.set('/api/query', atom(ARXIV_ONE));
    const dir = tempDir();
    const fresh = await client({ cache: { store: createFileCache({ dir }), ttl: 1 } }).getPaper('1707.08567');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const offline = client({ baseUrls: down, cache: { store: createFileCache({ dir }), ttl: 1 } });
    expect(await offline.getPaper('1707.08567')).toEqual(fresh);
    expect(offline.warnings.length).toBeGreaterThan(0);
    expect(offline.warnings.every((warning) => warning.code === 'stale-cache')).toBe(true);
    expect(offline.warnings[0]?.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('treats a damaged or foreign cache file as a miss', async () => {
    server.handlers.set('/api/query', atom(ARXIV_ONE));
    const dir = tempDir();
    const store = createFileCache({ dir, maxAge: Number.POSITIVE_INFINITY });
    await client({ cache: { store } }).getPaper('1707.08567');
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), '{"key": "something else", "value": 1');
    const before = server.log.length;
    expect((await client({ cache: { store } }).getPaper('1707.08567')).id).toBe('1707.08567');
    expect(server.log.length).toBeGreaterThan(before);
  });

  it('writes atomically: many writers of one key at once leave one whole entry and no temporary files', async () => {
    const dir = tempDir();
    const stores = Array.from({ length: 4 }, () => createFileCache({ dir }));
    const values = Array.from({ length: 40 }, (_, n) => `${n}:${'x'.repeat(50_000 + n)}`);
    const reads: (string | undefined)[] = [];
    await Promise.all(
      values.map(async (value, n) => {
        const store = stores[n % stores.length];
        await store?.set('one key', value, 60_000);
        reads.push(await store?.get('one key'));
      }),
    );
    // Every read saw some whole value, never a torn one.
    for (const read of reads) expect(values).toContain(read);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const entry = JSON.parse(readFileSync(join(dir, files[0] as string), 'utf8'));
    expect(values).toContain(entry.value);
  });
});
