/**
 * A fetch client for Hugging Face and arXiv, built on ky: timeouts on the whole response, retries with
 * exponential backoff and jitter that honour `Retry-After`, a politeness delay per host, de-duplication of
 * identical in-flight requests, a TTL cache, typed errors, and an optional offline fallback to the bundled
 * snapshot. Responses go through the same source parsers as `parseListing`: one parsing path per format.
 * Only `fetch` is used, so it runs in Node 20+, browsers and edge runtimes.
 */
import ky, { HTTPError, type KyInstance, TimeoutError } from 'ky';
import {
  HttpError,
  isHttpError,
  isPapertrendError,
  isRequestError,
  isResponseFormatError,
  NetworkError,
  type RequestInfo,
  RequestTimeoutError,
  ResponseFormatError,
} from './errors.js';
import type { Listing } from './model.js';
import { normalizeArxivId } from './normalize.js';
import { parseListing } from './parse.js';

/** Where cached response bodies live. The default keeps them in memory; plug in any store. */
export interface CacheStore {
  get(key: string): string | undefined | Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): void | Promise<void>;
}

/** A small in-memory TTL cache (the default store). */
export function createMemoryCache(maxEntries = 200): CacheStore {
  const entries = new Map<string, { value: string; expires: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, ttlMs) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, expires: Date.now() + ttlMs });
    },
  };
}

export interface RetryPolicy {
  /** Retries after the first attempt (default 3). */
  limit?: number;
  /** First backoff delay in ms, doubled each retry, with jitter (default 500). */
  baseDelay?: number;
  /** Longest backoff delay in ms (default 10,000). */
  maxDelay?: number;
  /** Longest `Retry-After` honoured, in ms; longer ones are capped to this (default 60,000). */
  maxRetryAfter?: number;
}

export interface ClientOptions {
  /** Base URLs; tests and proxies point these elsewhere. */
  baseUrls?: { huggingface?: string; arxiv?: string };
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** Milliseconds for one attempt, headers and body together (default 15,000). */
  timeout?: number;
  retry?: RetryPolicy;
  /** Sent as `User-Agent` where the runtime allows it (not in browsers). */
  userAgent?: string;
  /** `false` to disable caching; or a store and a TTL (default: in memory, 5 minutes for HF, 1 hour for arXiv). */
  cache?: false | { store?: CacheStore; ttl?: number };
  /** Minimum milliseconds between two requests to the same host (default: arXiv 3,000 as its terms ask; HF 0). */
  politeness?: { huggingface?: number; arxiv?: number };
  /** `'snapshot'`: when Hugging Face cannot be reached, answer `trending`/`daily` from the bundled snapshot. */
  fallback?: 'snapshot';
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface DailyOptions extends CallOptions {
  /** A day, `YYYY-MM-DD`. */
  date?: string;
  /** An ISO week, `YYYY-Www`. */
  week?: string;
  /** A month, `YYYY-MM`. */
  month?: string;
  /** 1–100 (default 50). */
  limit?: number;
  /** Page number from 0. */
  page?: number;
  sort?: 'trending' | 'publishedAt';
}

export interface ArxivSearchOptions extends CallOptions {
  /** arXiv query syntax, e.g. `all:electron AND ti:proton`. */
  query?: string;
  /** Restrict to these categories (`cs.LG`), joined with OR. */
  categories?: string[];
  start?: number;
  maxResults?: number;
  sortBy?: 'relevance' | 'lastUpdatedDate' | 'submittedDate';
  sortOrder?: 'ascending' | 'descending';
}

export interface PapertrendClient {
  /** Hugging Face Daily Papers (`/api/daily_papers`). */
  daily(options?: DailyOptions): Promise<Listing>;
  /** Trending papers: `daily_papers?sort=trending` (there is no `/api/papers/trending`). */
  trending(options?: { limit?: number } & CallOptions): Promise<Listing>;
  /** Hugging Face paper search (`/api/papers/search`). */
  search(query: string, options?: { limit?: number } & CallOptions): Promise<Listing>;
  /** One paper (`/api/papers/{id}`); any id form `normalizeArxivId` reads. */
  paper(id: string, options?: CallOptions): Promise<Listing>;
  /** Pages of Daily Papers until an empty page. */
  dailyPages(options?: Omit<DailyOptions, 'page'>): AsyncGenerator<Listing>;
  arxiv: {
    search(options: ArxivSearchOptions): Promise<Listing>;
    byIds(ids: string[], options?: CallOptions): Promise<Listing>;
    /** Pages of an arXiv search, advancing by the entries actually received. */
    pages(options: ArxivSearchOptions): AsyncGenerator<Listing>;
  };
}

const DEFAULTS = {
  huggingface: 'https://huggingface.co',
  arxiv: 'https://export.arxiv.org',
  timeout: 15_000,
  retry: { limit: 3, baseDelay: 500, maxDelay: 10_000, maxRetryAfter: 60_000 },
  politeness: { huggingface: 0, arxiv: 3_000 },
};

type Service = 'huggingface' | 'arxiv';

/** Create a client. Every option has a sensible default; `createClient()` talks to the real services. */
export function createClient(options: ClientOptions = {}): PapertrendClient {
  const bases = {
    huggingface: (options.baseUrls?.huggingface ?? DEFAULTS.huggingface).replace(/\/$/, ''),
    arxiv: (options.baseUrls?.arxiv ?? DEFAULTS.arxiv).replace(/\/$/, ''),
  };
  const timeout = options.timeout ?? DEFAULTS.timeout;
  const retry = { ...DEFAULTS.retry, ...options.retry };
  const politeness = { ...DEFAULTS.politeness, ...options.politeness };
  const cache = options.cache === false ? undefined : (options.cache?.store ?? createMemoryCache());
  const ttl = (service: Service): number =>
    (options.cache === false ? 0 : options.cache?.ttl) ?? (service === 'arxiv' ? 3_600_000 : 300_000);
  const inFlight = new Map<string, Promise<string>>();
  const nextSlot = new Map<string, number>();

  const http: KyInstance = ky.create({
    timeout: false,
    throwHttpErrors: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.userAgent ? { headers: { 'user-agent': options.userAgent } } : {}),
    retry: {
      limit: retry.limit,
      methods: ['get'],
      // 403 is a refusal (bot blocking), not a hiccup: never retried.
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.maxRetryAfter,
      backoffLimit: retry.maxDelay,
      delay: (attempt) => retry.baseDelay * 2 ** (attempt - 1),
      // Half-jitter: spread retries of many clients without ever retrying at once.
      jitter: (delay) => delay / 2 + Math.random() * (delay / 2),
    },
  });

  /** Wait for this host's politeness slot; every attempt (retries too) takes one. */
  async function politely(url: string, service: Service, signal: AbortSignal): Promise<void> {
    const gap = politeness[service];
    if (!gap) return;
    const host = new URL(url).host;
    const now = Date.now();
    const slot = Math.max(now, nextSlot.get(host) ?? 0);
    nextSlot.set(host, slot + gap);
    if (slot > now) await sleep(slot - now, signal);
  }

  async function fetchText(
    url: string,
    service: Service,
    expect: 'json' | 'xml',
    signal?: AbortSignal,
  ): Promise<string> {
    const cached = await cache?.get(url);
    if (cached !== undefined) return cached;
    const pending = inFlight.get(url);
    if (pending) return pending;
    const request = (async () => {
      const info: RequestInfo = { method: 'GET', url, retries: 0 };
      const controller = new AbortController();
      const onAbort = (): void => controller.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const armTimeout = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(new TimeoutError(new Request(url))), timeout);
      };
      try {
        await politely(url, service, controller.signal);
        armTimeout();
        const response = await http.get(url, {
          signal: controller.signal,
          hooks: {
            // An error status ends the attempt: stop its clock so a long Retry-After wait is not a timeout.
            afterResponse: [
              (_request, _options, response) => {
                if (!response.ok) clearTimeout(timer);
              },
            ],
            beforeRetry: [
              async ({ retryCount }) => {
                info.retries = retryCount;
                await politely(url, service, controller.signal);
                armTimeout();
              },
            ],
          },
        });
        const text = await response.text();
        clearTimeout(timer);
        checkFormat(text, expect, response.headers.get('content-type') ?? '', info);
        await cache?.set(url, text, ttl(service));
        return text;
      } catch (error) {
        throw await toClientError(error, info, controller.signal, timeout, signal);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
    })();
    inFlight.set(url, request);
    try {
      return await request;
    } finally {
      inFlight.delete(url);
    }
  }

  function hfUrl(path: string, query: Record<string, string | number | undefined>): string {
    const url = new URL(`${bases.huggingface}${path}`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.href;
  }

  async function hf(url: string, signal?: AbortSignal, useFallback = false): Promise<Listing> {
    try {
      return parseListing(await fetchText(url, 'huggingface', 'json', signal), { format: 'hf-api' });
    } catch (error) {
      if (!(useFallback && options.fallback === 'snapshot' && isUnreachable(error))) throw error;
      const { snapshot } = await import('./snapshot.js');
      return {
        ...snapshot.daily,
        meta: { ...snapshot.daily.meta, fallback: 'snapshot', fallbackReason: String((error as Error).message) },
      };
    }
  }

  function daily(dailyOptions: DailyOptions = {}): Promise<Listing> {
    const { date, week, month, limit, page, sort, signal } = dailyOptions;
    return hf(hfUrl('/api/daily_papers', { date, week, month, limit, p: page, sort }), signal, true);
  }

  async function arxivQuery(
    params: Record<string, string | number | undefined>,
    signal?: AbortSignal,
  ): Promise<Listing> {
    const url = new URL(`${bases.arxiv}/api/query`);
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return parseListing(await fetchText(url.href, 'arxiv', 'xml', signal), { format: 'arxiv-atom' });
  }

  function arxivSearch(search: ArxivSearchOptions): Promise<Listing> {
    const parts = [
      search.query?.trim(),
      search.categories?.length ? `(${search.categories.map((c) => `cat:${c}`).join(' OR ')})` : undefined,
    ].filter((part): part is string => !!part);
    return arxivQuery(
      {
        search_query: parts.join(' AND ') || 'all:*',
        start: search.start,
        max_results: search.maxResults,
        sortBy: search.sortBy,
        sortOrder: search.sortOrder,
      },
      search.signal,
    );
  }

  return {
    daily,
    trending: ({ limit, signal } = {}) =>
      daily({ sort: 'trending', ...(limit === undefined ? {} : { limit }), ...(signal ? { signal } : {}) }),
    search: (query, { limit, signal } = {}) =>
      hf(hfUrl('/api/papers/search', { q: query.slice(0, 250), limit }), signal),
    paper: (id, { signal } = {}) =>
      hf(hfUrl(`/api/papers/${encodeURIComponent(normalizeArxivId(id) ?? id)}`, {}), signal),
    async *dailyPages(pageOptions = {}) {
      for (let page = 0; ; page++) {
        const listing = await daily({ ...pageOptions, page });
        if (listing.papers.length === 0 && listing.issues.length === 0) return;
        yield listing;
      }
    },
    arxiv: {
      search: arxivSearch,
      byIds: (ids, { signal } = {}) =>
        arxivQuery({ id_list: ids.map((id) => normalizeArxivId(id) ?? id).join(','), max_results: ids.length }, signal),
      async *pages(search) {
        let start = search.start ?? 0;
        let emptyRetried = false;
        for (;;) {
          const listing = await arxivSearch({ ...search, start });
          const total = typeof listing.meta.totalResults === 'number' ? listing.meta.totalResults : 0;
          if (listing.meta.entries === 0) {
            // An empty page before the end is a known transient failure: worth one retry, not the end.
            if (start < total && !emptyRetried) {
              emptyRetried = true;
              continue;
            }
            return;
          }
          emptyRetried = false;
          yield listing;
          start += listing.meta.entries;
          if (start >= total) return;
        }
      },
    },
  };
}

function isUnreachable(error: unknown): boolean {
  if (!isRequestError(error) || isResponseFormatError(error)) return false;
  return !isHttpError(error) || error.status >= 500 || error.status === 429;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

const excerpt = (text: string): string => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

/** A 200 must carry what the endpoint promises; say precisely what came instead. */
function checkFormat(text: string, expect: 'json' | 'xml', contentType: string, info: RequestInfo): void {
  const head = text.trimStart();
  if (head === '') throw new ResponseFormatError(info, 'the response body is empty', '');
  if (expect === 'json') {
    if (head.startsWith('<') || contentType.includes('text/html')) {
      throw new ResponseFormatError(info, 'expected JSON but received an HTML page', excerpt(text));
    }
    try {
      JSON.parse(text);
    } catch (error) {
      throw new ResponseFormatError(
        info,
        `the JSON body does not parse (${(error as Error).message}); the response was probably truncated`,
        excerpt(text.slice(-300)),
      );
    }
    return;
  }
  if (!head.startsWith('<') || !/<(\w+:)?feed[\s>]/.test(head.slice(0, 2048))) {
    throw new ResponseFormatError(info, 'expected an Atom feed but received something else', excerpt(text));
  }
  if (!/<\/(\w+:)?feed>\s*$/.test(text)) {
    throw new ResponseFormatError(info, 'the Atom feed is cut off (no closing </feed>)', excerpt(text.slice(-300)));
  }
}

async function toClientError(
  error: unknown,
  info: RequestInfo,
  controllerSignal: AbortSignal,
  timeout: number,
  callerSignal: AbortSignal | undefined,
): Promise<unknown> {
  if (isPapertrendError(error)) return error;
  if (callerSignal?.aborted) return callerSignal.reason ?? error;
  if (error instanceof TimeoutError || controllerSignal.reason instanceof TimeoutError) {
    return new RequestTimeoutError(info, timeout);
  }
  if (error instanceof HTTPError) {
    const body = await error.response.text().catch(() => '');
    // arXiv reports bad requests as HTTP 400 with an error feed: surface arXiv's own message.
    if (body.includes('/api/errors')) {
      try {
        parseListing(body, { format: 'arxiv-atom' });
      } catch (arxivError) {
        if (isPapertrendError(arxivError)) return arxivError;
      }
    }
    return new HttpError(info, error.response.status, error.response.statusText, excerpt(body));
  }
  return new NetworkError(info, error);
}
