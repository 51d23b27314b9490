import { createGzip } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../src/client/retry.js';
import {
  type ClientOptions,
  createClient,
  isHttpError,
  isPapertrendError,
  isRequestTimeoutError,
  isResponseTooLargeError,
} from '../src/entries/index.js';
import { runChild } from './child-process.js';
import { failure, fixture } from './helpers.js';
import { drip, startServer, stream, type TestServer } from './http-server.js';

// Each case here once crashed, hung or silently misbehaved against a real server (issue "Survive a hostile
// world"). The ones that killed the process run in a child process with a small heap, so a regression fails
// the test instead of the runner.

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const day = fixture('hf-api/2026-08-21.json');
const zeros = Buffer.alloc(64 * 1024, 0x20);

/** Client options pointing at the test server; the child gets them as JSON. */
const options = (extra: ClientOptions = {}): ClientOptions => ({
  baseUrls: { huggingface: server.base, arxiv: server.base },
  timeout: 3_000,
  retry: { limit: 0, baseDelay: 20, maxDelay: 100, maxRetryAfter: 60_000 },
  politeness: { arxiv: 0 },
  cache: false,
  ...extra,
});

function inChild(scenario: Record<string, unknown>, nodeFlags: string[] = []) {
  return runChild('./child/client-call.ts', [JSON.stringify(scenario)], {
    nodeFlags: ['--max-old-space-size=256', ...nodeFlags],
  });
}

describe('client against a hostile server: size', () => {
  it('stops a gzip bomb at maxResponseBytes, counting decoded bytes (was: fatal out-of-memory)', async () => {
    server.handlers.set('/api/daily_papers', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      const gzip = createGzip({ level: 1 });
      gzip.on('error', () => {});
      gzip.pipe(res);
      // 3 GB of spaces would inflate from ~3 MB; the client must stop long before.
      let sent = 0;
      const pump = (): void => {
        while (sent < 3 * 1024 ** 3 && !res.destroyed) {
          sent += zeros.length;
          if (!gzip.write(zeros)) {
            gzip.once('drain', pump);
            return;
          }
        }
        gzip.end();
      };
      res.on('close', () => gzip.destroy());
      pump();
    });
    const child = await inChild({ client: options({ maxResponseBytes: 4 * 1024 * 1024 }), call: 'daily' });
    expect(child.code, child.stderr).toBe(0);
    expect(child.result).toMatchObject({ outcome: 'rejected', name: 'ResponseTooLargeError', papertrend: true });
    expect(child.result?.message).toMatch(/exceeded the limit of 4194304 bytes/);
    expect(child.result?.rssMb as number).toBeLessThan(230);
  });

  it('stops an endless plain body at the default cap before the timeout', async () => {
    server.handlers.set('/api/daily_papers', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      stream(res, () => zeros);
    });
    const child = await inChild({ client: options({ timeout: 20_000 }), call: 'daily' });
    expect(child.code, child.stderr).toBe(0);
    expect(child.result).toMatchObject({ outcome: 'rejected', name: 'ResponseTooLargeError' });
    expect(child.result?.message).toMatch(/16777216 bytes/);
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    server.handlers.set('/api/daily_papers', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) });
      res.write(day);
    });
    const error = await failure(createClient(options()).daily());
    expect(isResponseTooLargeError(error)).toBe(true);
    expect(error.message).toMatch(/announces 104857600 bytes/);
  });

  it('reads an endless error body only as far as its excerpt', async () => {
    server.handlers.set('/api/daily_papers', (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      stream(res, () => zeros);
    });
    const child = await inChild({ client: options({ timeout: 10_000 }), call: 'daily' });
    expect(child.code, child.stderr).toBe(0);
    expect(child.result).toMatchObject({ outcome: 'rejected', name: 'HttpError' });
    expect(child.result?.elapsed as number).toBeLessThan(5_000);
  });
});

describe('client against a hostile server: time', () => {
  it('times out a dripping body even while garbage collections run (undici stops forwarding aborts after GC)', async () => {
    server.handlers.set('/api/daily_papers', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      drip(res, ' ', 200);
    });
    const child = await inChild({ client: options({ timeout: 1_000 }), call: 'daily', gcEvery: 50 }, ['--expose-gc']);
    expect(child.code, child.stderr).toBe(0);
    expect(child.result).toMatchObject({ outcome: 'rejected', name: 'RequestTimeoutError' });
    expect(child.result?.elapsed as number).toBeLessThan(4_000);
  });

  it('times out an error response whose body drips, and says what the status was', async () => {
    server.handlers.set('/api/daily_papers', (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.write('overloaded');
      drip(res, '.', 100);
    });
    const started = Date.now();
    const error = await failure(createClient(options({ timeout: 800 })).daily());
    expect(isHttpError(error)).toBe(true);
    expect(error.message).toMatch(/503 Service Unavailable/);
    expect((error as { bodyExcerpt?: string }).bodyExcerpt).toMatch(/^overloaded\.*/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.each([
    ['429 with Retry-After: 30', 429, { 'retry-after': '30' }, {}],
    ['503 and a long backoff', 503, {}, { baseDelay: 30_000, maxDelay: 30_000 }],
  ])(
    'cancelling while waiting to retry after %s rejects once and kills nothing',
    async (_name, status, headers, retry) => {
      server.handlers.set('/api/daily_papers', (_req, res) => res.writeHead(status, headers).end('wait'));
      const child = await inChild({
        client: options({ retry: { limit: 3, maxRetryAfter: 60_000, ...retry } }),
        call: 'daily',
        abortAfter: 500,
        linger: 1_500,
      });
      // An unhandled rejection after the caller's catch exits the child with code 1.
      expect(child.code, child.stderr).toBe(0);
      expect(child.stderr).toBe('');
      expect(child.result).toMatchObject({ outcome: 'rejected', message: 'caller left' });
      expect(child.result?.elapsed as number).toBeLessThan(1_500);
      expect(server.log).toHaveLength(1);
    },
  );

  it('falls back to the backoff when Retry-After cannot be read', async () => {
    server.handlers.set('/api/daily_papers', (_req, res, attempt) =>
      attempt === 1
        ? res.writeHead(429, { 'retry-after': 'soon, please' }).end()
        : res.writeHead(200, { 'content-type': 'application/json' }).end(day),
    );
    const started = Date.now();
    await createClient(options({ retry: { limit: 1, baseDelay: 20, maxRetryAfter: 60_000 } })).daily();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(parseRetryAfter('soon, please')).toBeUndefined();
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
    expect(parseRetryAfter(`Wed, 21 Oct 2015 07:28:00 GMT${' '.repeat(100_000)}x`)).toBeUndefined();
  });

  it('keeps the arXiv politeness gap across clients in one process', async () => {
    const feed = fixture('arxiv/api-new-2026_id-1707.08567.xml');
    server.handlers.set('/api/query', (_req, res) => res.writeHead(200).end(feed));
    const polite = options({ politeness: { arxiv: 300 } });
    await Promise.all([
      createClient(polite).arxiv.search({ query: 'all:a' }),
      createClient(polite).arxiv.search({ query: 'all:b' }),
    ]);
    expect(server.log).toHaveLength(2);
    expect(Math.abs((server.log[1]?.at ?? 0) - (server.log[0]?.at ?? 0))).toBeGreaterThanOrEqual(280);
  });
});

describe('client: shared in-flight requests keep their own cancellation', () => {
  const slowDay = (_req: unknown, res: import('node:http').ServerResponse): void => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(day), 300);
  };

  it('one caller leaving does not cancel the other', async () => {
    server.handlers.set('/api/daily_papers', slowDay);
    const client = createClient(options());
    const a = new AbortController();
    const first = client.daily({ signal: a.signal });
    const second = client.daily();
    setTimeout(() => a.abort(new Error('A left')), 50);
    expect((await failure(first)).message).toBe('A left');
    expect((await second).papers).toHaveLength(17);
    expect(server.log).toHaveLength(1);
  });

  it('a caller who joined and left is rejected at once, and the request goes on for the rest', async () => {
    server.handlers.set('/api/daily_papers', slowDay);
    const client = createClient(options());
    const b = new AbortController();
    const first = client.daily();
    const second = client.daily({ signal: b.signal });
    setTimeout(() => b.abort(new Error('B left')), 50);
    const started = Date.now();
    expect((await failure(second)).message).toBe('B left');
    expect(Date.now() - started).toBeLessThan(250);
    expect((await first).papers).toHaveLength(17);
  });

  it('the last caller leaving cancels the request; an already-aborted signal sends nothing', async () => {
    let closed = false;
    server.handlers.set('/api/daily_papers', (req) => req.socket.on('close', () => (closed = true)));
    const client = createClient(options({ timeout: 10_000 }));
    const a = new AbortController();
    const b = new AbortController();
    const calls = [client.daily({ signal: a.signal }), client.daily({ signal: b.signal })];
    await new Promise((resolve) => setTimeout(resolve, 100));
    a.abort(new Error('A left'));
    b.abort(new Error('B left'));
    await Promise.allSettled(calls);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(true);

    server.reset();
    const gone = AbortSignal.abort(new Error('never mind'));
    expect((await failure(createClient(options()).daily({ signal: gone }))).message).toBe('never mind');
    expect((await failure(createClient(options()).arxiv.search({ query: 'x', signal: gone }))).message).toBe(
      'never mind',
    );
    expect(server.log).toHaveLength(0);
  });
});

describe('client: any sequence of misbehaviour settles within its deadline with a Listing or a papertrend error', () => {
  // One server behaviour per attempt, chosen by fast-check; the deadline of a call follows from its options.
  type Behaviour =
    | { kind: 'ok'; delay: number }
    | { kind: 'status'; status: number; retryAfter?: string }
    | { kind: 'silent' }
    | { kind: 'drip'; status: number }
    | { kind: 'truncated' }
    | { kind: 'reset' }
    | { kind: 'html' }
    | { kind: 'huge'; gzip: boolean };
  const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
    fc.record({ kind: fc.constant('ok' as const), delay: fc.integer({ min: 0, max: 150 }) }),
    fc.record(
      {
        kind: fc.constant('status' as const),
        status: fc.constantFrom(400, 403, 404, 408, 429, 500, 502, 503, 504),
        retryAfter: fc.constantFrom('0', '1', 'garbage', 'Wed, 21 Oct 2015 07:28:00 GMT', '999999'),
      },
      { requiredKeys: ['kind', 'status'] },
    ),
    fc.constant({ kind: 'silent' as const }),
    fc.record({ kind: fc.constant('drip' as const), status: fc.constantFrom(200, 503) }),
    fc.constant({ kind: 'truncated' as const }),
    fc.constant({ kind: 'reset' as const }),
    fc.constant({ kind: 'html' as const }),
    fc.record({ kind: fc.constant('huge' as const), gzip: fc.boolean() }),
  );

  function serve(script: Behaviour[]): void {
    server.handlers.set('/api/daily_papers', (req, res, attempt) => {
      const step = script[Math.min(attempt, script.length) - 1] as Behaviour;
      switch (step.kind) {
        case 'ok':
          setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(day), step.delay);
          return;
        case 'status':
          res.writeHead(step.status, step.retryAfter ? { 'retry-after': step.retryAfter } : {}).end('no');
          return;
        case 'silent':
          return;
        case 'drip':
          res.writeHead(step.status, { 'content-type': 'application/json' });
          drip(res, ' ', 30);
          return;
        case 'truncated':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(day.length) });
          res.end(day.slice(0, 500), () => req.socket.destroy());
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'html':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Sign in</title>');
          return;
        case 'huge': {
          if (!step.gzip) {
            res.writeHead(200, { 'content-type': 'application/json' });
            stream(res, () => zeros);
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          const gzip = createGzip({ level: 1 });
          gzip.on('error', () => {});
          gzip.pipe(res);
          res.on('close', () => gzip.destroy());
          const pump = (): void => {
            while (!res.destroyed && gzip.write(zeros));
            if (!res.destroyed) gzip.once('drain', pump);
          };
          pump();
        }
      }
    });
  }

  it('holds for random scripts, random aborts, and never leaves an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(behaviour, { minLength: 1, maxLength: 4 }),
          fc.integer({ min: 0, max: 3 }),
          fc.option(fc.integer({ min: 0, max: 600 })),
          async (script, limit, abortAfter) => {
            server.reset();
            serve(script);
            const timeout = 400;
            const retry = { limit, baseDelay: 10, maxDelay: 40, maxRetryAfter: 150 };
            const client = createClient(options({ timeout, retry, maxResponseBytes: 256 * 1024 }));
            const controller = new AbortController();
            const reason = new Error('caller left');
            const abortTimer = abortAfter === null ? undefined : setTimeout(() => controller.abort(reason), abortAfter);
            // Every attempt within its timeout, every wait within the larger of backoff and Retry-After caps.
            const deadline = (limit + 1) * timeout + limit * retry.maxRetryAfter + 500;
            const started = Date.now();
            let outcome: unknown;
            try {
              outcome = await client.daily({ signal: controller.signal });
            } catch (error) {
              outcome = error;
            } finally {
              clearTimeout(abortTimer);
            }
            const elapsed = Date.now() - started;
            expect(elapsed).toBeLessThanOrEqual(deadline);
            if (outcome instanceof Error && !isPapertrendError(outcome)) expect(outcome).toBe(reason);
            if (!(outcome instanceof Error)) expect((outcome as { papers: unknown[] }).papers).toHaveLength(17);
            if (isRequestTimeoutError(outcome)) expect(elapsed).toBeGreaterThanOrEqual(timeout - 20);
          },
        ),
        { numRuns: 60, seed: 20_261_127 },
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  }, 120_000);
});
