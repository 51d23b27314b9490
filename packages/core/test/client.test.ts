import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ArxivApiError,
  type ClientOptions,
  createClient,
  HttpError,
  isNetworkError,
  isRequestTimeoutError,
  isResponseFormatError,
  type PapertrendWarning,
} from '../src/entries/index.js';
import { snapshot, snapshotPapers } from '../src/entries/snapshot.js';
import { failure, fixture } from './helpers.js';
import { type Handler, startServer, type TestServer } from './http-server.js';

// A real HTTP server on 127.0.0.1 that misbehaves on demand (see http-server.ts).
let server: TestServer;
let base = '';
let handlers: Map<string, Handler>;
let log: TestServer['log'];

beforeAll(async () => {
  server = await startServer();
  ({ base, handlers, log } = server);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const day = fixture('hf-api/2026-08-21.json');
const feed = fixture('arxiv/api-new-2026_id-1707.08567.xml');
const json = (res: ServerResponse, body: string, status = 200, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
};
const client = (options: ClientOptions = {}) =>
  createClient({
    baseUrls: { huggingface: base, arxiv: base },
    timeout: 1_000,
    retry: { limit: 2, baseDelay: 20, maxDelay: 100, maxRetryAfter: 2_000 },
    politeness: { arxiv: 0 },
    cache: false,
    ...options,
  });
describe('client: Hugging Face endpoints', () => {
  it('fetches and validates a day through the hf-api source, with the query the API expects', async () => {
    handlers.set('/api/daily_papers', (_req, res) => json(res, day));
    const listing = await client().daily({ date: '2026-08-21', limit: 50, page: 1 });
    expect(listing.format).toBe('hf-api');
    expect(listing.papers).toHaveLength(17);
    expect(log[0]?.url).toBe('/api/daily_papers?date=2026-08-21&limit=50&p=1');
  });

  it('asks for trending with sort=trending, searches, and reads one paper by any id form', async () => {
    handlers.set('/api/daily_papers', (_req, res) => json(res, day));
    handlers.set('/api/papers/search', (_req, res) => json(res, day));
    handlers.set('/api/papers/2608.19880', (_req, res) => json(res, JSON.stringify(JSON.parse(day)[0].paper)));
    await client().trending({ limit: 5 });
    await client().search('agents', { limit: 3 });
    const paper = await client().paper('https://arxiv.org/abs/2608.19880v2');
    expect(log.map((entry) => entry.url)).toEqual([
      '/api/daily_papers?limit=5&sort=trending',
      '/api/papers/search?q=agents&limit=3',
      '/api/papers/2608.19880',
    ]);
    expect(paper.papers[0]?.id).toBe('2608.19880');
  });

  it('parses a response body once: the check that it arrived whole hands its value to the parser', async () => {
    handlers.set('/api/daily_papers', (_req, res) => json(res, day));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const listing = await client().daily();
      expect(listing.papers).toHaveLength(17);
      expect(parse.mock.calls.filter(([text]) => text === day)).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
    // From the cache (text only), it is parsed once too, by the parser.
    const cached = client({ cache: { ttl: 60_000 } });
    await cached.daily();
    const again = vi.spyOn(JSON, 'parse');
    try {
      expect((await cached.daily()).papers).toHaveLength(17);
      expect(again.mock.calls.filter(([text]) => text === day)).toHaveLength(1);
    } finally {
      again.mockRestore();
    }
  });
});

describe('client: retries', () => {
  it('retries 503 twice, then succeeds', async () => {
    handlers.set('/api/daily_papers', (_req, res, attempt) => (attempt < 3 ? json(res, 'busy', 503) : json(res, day)));
    const listing = await client().daily();
    expect(listing.papers).toHaveLength(17);
    expect(log).toHaveLength(3);
  });

  it('gives up after the retry limit with a typed error that reads like a log line', async () => {
    handlers.set('/api/daily_papers', (_req, res) => json(res, '{"error":"overloaded"}', 503));
    const error = await failure(client().daily({ date: '2026-08-21' }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe(
      `[GET] "${base}/api/daily_papers?date=2026-08-21": 503 Service Unavailable (after 2 retries)`,
    );
    expect((error as HttpError).bodyExcerpt).toBe('{"error":"overloaded"}');
    expect(log).toHaveLength(3);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    handlers.set('/api/daily_papers', (_req, res, attempt) =>
      attempt === 1 ? json(res, 'slow down', 429, { 'retry-after': '1' }) : json(res, day),
    );
    await client().daily();
    expect((log[1]?.at ?? 0) - (log[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);

    log.length = 0;
    handlers.set('/api/papers/search', (_req, res, attempt) =>
      attempt === 1
        ? json(res, 'later', 503, { 'retry-after': new Date(Date.now() + 1_500).toUTCString() })
        : json(res, day),
    );
    await client().search('x');
    // HTTP dates have one-second resolution: at least ~0.5 s must have passed.
    expect((log[1]?.at ?? 0) - (log[0]?.at ?? 0)).toBeGreaterThanOrEqual(450);
  });

  it('caps a huge Retry-After at maxRetryAfter', async () => {
    handlers.set('/api/daily_papers', (_req, res, attempt) =>
      attempt === 1 ? json(res, 'no', 429, { 'retry-after': '3600' }) : json(res, day),
    );
    const started = Date.now();
    await client({ retry: { limit: 1, maxRetryAfter: 200 } }).daily();
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('does not retry 403 (a refusal) and says so', async () => {
    handlers.set('/api/daily_papers', (_req, res) => json(res, 'forbidden', 403));
    const error = await failure(client().daily());
    expect((error as HttpError).status).toBe(403);
    expect(error.message).toMatch(/403 Forbidden — the server refused: not retried/);
    expect(log).toHaveLength(1);
  });

  it('retries a reset connection, then reports a network error', async () => {
    handlers.set('/api/daily_papers', (req) => req.socket.destroy());
    const error = await failure(client().daily());
    expect(isNetworkError(error)).toBe(true);
    expect(error.message).toMatch(/: network error: .*\(after 2 retries\)$/);
    expect(log).toHaveLength(3);
  });

  it('reports a closed port as a network error', async () => {
    const error = await failure(
      createClient({ baseUrls: { huggingface: 'http://127.0.0.1:9' }, retry: { limit: 0 }, cache: false }).daily(),
    );
    expect(isNetworkError(error)).toBe(true);
  });
});

describe('client: responses that are not what the endpoint promises', () => {
  it('times out a request that never answers, and one whose body never ends', async () => {
    handlers.set('/api/daily_papers', () => {});
    const silent = await failure(client({ timeout: 200 }).daily());
    expect(isRequestTimeoutError(silent)).toBe(true);
    expect(silent.message).toMatch(/no complete response within 200 ms/);

    handlers.set('/api/papers/search', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(day.slice(0, 1000));
    });
    const endless = await failure(client({ timeout: 300 }).search('x'));
    expect(isRequestTimeoutError(endless)).toBe(true);
  });

  it('says when a 200 is truncated JSON, an HTML page or empty', async () => {
    handlers.set('/api/daily_papers', (_req, res) => json(res, day.slice(0, 2_000)));
    expect((await failure(client().daily())).message).toMatch(/the JSON body does not parse .*probably truncated/);
    handlers.set('/api/daily_papers', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Login</title>'),
    );
    const html = await failure(client().daily());
    expect(isResponseFormatError(html)).toBe(true);
    expect(html.message).toMatch(/expected JSON but received an HTML page/);
    handlers.set('/api/daily_papers', (_req, res) => json(res, ''));
    expect((await failure(client().daily())).message).toMatch(/the response body is empty/);
  });
});

describe('client: arXiv', () => {
  it('reads a feed by ids and turns the HTTP 400 error feed into ArxivApiError', async () => {
    handlers.set('/api/query', (req, res) => {
      if (req.url?.includes('abc')) {
        res
          .writeHead(400, { 'content-type': 'application/atom+xml' })
          .end(fixture('arxiv/api-new-2026_error-http400_id-abc.xml'));
      } else res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(feed);
    });
    const listing = await client().arxiv.byIds(['arXiv:1707.08567v1']);
    expect(listing.papers.map((paper) => paper.id)).toEqual(['1707.08567']);
    expect(log[0]?.url).toBe('/api/query?id_list=1707.08567&max_results=1');
    const error = await failure(client().arxiv.byIds(['abc']));
    expect(error).toBeInstanceOf(ArxivApiError);
    expect(error.message).toBe('arXiv API error: incorrect id format for abc');
  });

  it('keeps the politeness delay between requests to one host, retries included', async () => {
    handlers.set('/api/query', (_req, res, attempt) =>
      attempt === 2 ? res.writeHead(503).end() : res.writeHead(200).end(feed),
    );
    const polite = client({ politeness: { arxiv: 250 } });
    await polite.arxiv.search({ query: 'all:a' });
    await polite.arxiv.search({ query: 'all:b' });
    expect(log).toHaveLength(3);
    expect((log[1]?.at ?? 0) - (log[0]?.at ?? 0)).toBeGreaterThanOrEqual(230);
    expect((log[2]?.at ?? 0) - (log[1]?.at ?? 0)).toBeGreaterThanOrEqual(230);
  });

  it('pages by the entries actually received, retrying one empty page before the end', async () => {
    const search = fixture('arxiv/api-new-2026_search-testing_start0_max10.xml').replace(
      /<opensearch:totalResults>\d+</,
      '<opensearch:totalResults>20<',
    );
    const second = fixture('arxiv/api-new-2026_search-testing_start10_max10.xml').replace(
      /<opensearch:totalResults>\d+</,
      '<opensearch:totalResults>20<',
    );
    const empty = fixture('arxiv/api-new-2026_empty_id-0000.0000.xml').replace(
      /<opensearch:totalResults>\d+</,
      '<opensearch:totalResults>20<',
    );
    let emptyServed = false;
    handlers.set('/api/query', (req, res) => {
      const start = new URL(req.url ?? '', 'http://x').searchParams.get('start');
      if (start === '10' && !emptyServed) {
        emptyServed = true;
        res.writeHead(200).end(empty);
      } else res.writeHead(200).end(start === '10' ? second : search);
    });
    const ids: string[] = [];
    for await (const page of client().arxiv.pages({ query: 'all:testing', maxResults: 10 })) {
      ids.push(...page.papers.map((paper) => paper.id));
    }
    expect(ids).toHaveLength(20);
    expect(log.map((entry) => new URL(entry.url, 'http://x').searchParams.get('start'))).toEqual(['0', '10', '10']);
  });
});

describe('client: de-duplication, cache, cancellation and offline fallback', () => {
  it('sends one request for identical concurrent calls and serves repeats from the cache until the TTL', async () => {
    handlers.set('/api/daily_papers', (_req, res) => setTimeout(() => json(res, day), 100));
    const cached = client({ cache: { ttl: 300 } });
    const [a, b] = await Promise.all([cached.daily({ date: '2026-08-21' }), cached.daily({ date: '2026-08-21' })]);
    expect(a.papers).toHaveLength(17);
    expect(b.papers).toHaveLength(17);
    expect(log).toHaveLength(1);
    await cached.daily({ date: '2026-08-21' });
    expect(log).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await cached.daily({ date: '2026-08-21' });
    expect(log).toHaveLength(2);
  });

  it('stops when the caller aborts', async () => {
    handlers.set('/api/daily_papers', () => {});
    const controller = new AbortController();
    const pending = client({ timeout: 5_000 }).daily({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user went away')), 50);
    expect((await failure(pending)).message).toBe('user went away');
  });

  it('answers from the bundled snapshot when asked and Hugging Face is unreachable, and warns once', async () => {
    handlers.set('/api/daily_papers', (_req, res) => json(res, 'down', 503));
    const warnings: PapertrendWarning[] = [];
    const offline = client({ fallback: 'snapshot', retry: { limit: 0 }, onWarning: (w) => warnings.push(w) });
    const listing = await offline.trending();
    // Both answer from the saved Daily Papers day; trending most upvoted first, as Hugging Face sorts it.
    expect(listing.papers).toEqual(snapshotPapers);
    expect(listing.meta.fallback).toBe('snapshot');
    expect(String(listing.meta.fallbackReason)).toMatch(/503 Service Unavailable/);
    expect((await offline.daily()).papers).toEqual(snapshot.daily.papers);
    expect(warnings.map((warning) => warning.code)).toEqual(['snapshot', 'snapshot']);
    expect(warnings[0]?.message).toMatch(
      /bundled snapshot, the Daily Papers of 2026-08-21 most upvoted first, not today's papers/,
    );
    expect(warnings[1]?.message).toMatch(/bundled snapshot, the Daily Papers of 2026-08-21, not today's papers/);
    // The default handler says each distinct warning once on the console; `false` says nothing.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const loud = client({ fallback: 'snapshot', retry: { limit: 0 } });
      await loud.trending();
      await loud.trending();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[papertrend\] Hugging Face could not be reached/);
      await client({ fallback: 'snapshot', retry: { limit: 0 }, onWarning: false }).trending();
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
    // Without the option, the error surfaces.
    expect(await failure(client({ retry: { limit: 0 } }).trending())).toBeInstanceOf(HttpError);
  });
});
