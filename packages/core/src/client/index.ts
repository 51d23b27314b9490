/**
 * A fetch client for Hugging Face and arXiv, built on ky: a deadline per attempt that covers headers and
 * body, a cap on response size, retries with exponential backoff and jitter that honour `Retry-After`, a
 * politeness delay per host, de-duplication of identical in-flight requests, a TTL cache, typed errors, and
 * an optional offline fallback to the bundled snapshot. Responses go through the same source parsers as
 * `parseListing`: one parsing path per format. Only `fetch` is used, so it runs in Node 20+, browsers and
 * edge runtimes.
 *
 * The rooms: `transport.ts` runs one attempt under its deadline and size cap, `retry.ts` decides when to try
 * again and how long to wait, `shared-requests.ts` lets identical calls share one request; this file holds the
 * services, the cache and the mapping to typed errors.
 */
import ky, { type KyInstance } from 'ky';
import { parseListing } from '../entries/parse.js';
import {
  HttpError,
  isHttpError,
  isPapertrendError,
  isRequestError,
  isResponseFormatError,
  isResponseTooLargeError,
  NetworkError,
  type RequestInfo,
  RequestTimeoutError,
  ResponseFormatError,
  ResponseTooLargeError,
} from '../errors.js';
import type { Listing, Paper } from '../model.js';
import { normalizeArxivId, wellFormed } from '../parse/normalize.js';
import { type GetPaperOptions, paperLookup } from './paper-lookup.js';
import { DEFAULT_RETRY, isRetriedStatus, politely, type RetryPolicy, retryDelay, sleep } from './retry.js';
import { SharedRequests } from './shared-requests.js';
import { AttemptError, type AttemptResponse, attempt } from './transport.js';
import { type WarningHandler, warningHandler } from './warnings.js';

export type { RetryPolicy } from './retry.js';

/**
 * Where cached response bodies live. The default keeps them in memory; `createFileCache` (from
 * `@papertrend/core/node`) keeps them on disk for builds; plug in any store.
 */
export interface CacheStore {
  /** The value stored under `key` while it is fresh; `undefined` once it has expired. */
  get(key: string): string | undefined | Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): void | Promise<void>;
  /**
   * Optional: the last value stored under `key` even when it has expired. When a service cannot be reached,
   * the client answers with it (HTTP's `stale-if-error`) and warns (`stale-cache`) instead of failing.
   */
  getStale?(key: string): StaleEntry | undefined | Promise<StaleEntry | undefined>;
}

/** An expired cached value, and when it was stored (milliseconds since the epoch). */
export interface StaleEntry {
  value: string;
  savedAt: number;
}

/**
 * A small in-memory TTL cache (the default store). Expired entries stay until newer ones push them out, so a
 * failed request can still be answered from its last copy.
 */
export function createMemoryCache(maxEntries = 200): CacheStore {
  const entries = new Map<string, { value: string; expires: number; savedAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      return entry && entry.expires > Date.now() ? entry.value : undefined;
    },
    set(key, value, ttlMs) {
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      const now = Date.now();
      entries.set(key, { value, expires: now + ttlMs, savedAt: now });
    },
    getStale(key) {
      const entry = entries.get(key);
      return entry && { value: entry.value, savedAt: entry.savedAt };
    },
  };
}

export interface ClientOptions {
  /** Base URLs; tests and proxies point these elsewhere. */
  baseUrls?: { huggingface?: string; arxiv?: string };
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /**
   * Milliseconds for one attempt, headers and body together, for every response, errors included
   * (default 15,000). A timed-out attempt is not retried.
   */
  timeout?: number;
  /**
   * The largest response body accepted, counted in decoded bytes, so a compressed bomb stops at the cap
   * (default 16 MiB; the largest real listings, arXiv pages of 2,000 entries, are about 6 MB). A larger
   * body ends the call with `ResponseTooLargeError`.
   */
  maxResponseBytes?: number;
  retry?: RetryPolicy;
  /** Sent as `User-Agent` where the runtime allows it (not in browsers). */
  userAgent?: string;
  /** `false` to disable caching; or a store and a TTL (default: in memory, 5 minutes for HF, 1 hour for arXiv). */
  cache?: false | { store?: CacheStore; ttl?: number };
  /** Minimum milliseconds between two requests to the same host (default: arXiv 3,000 as its terms ask; HF 0). */
  politeness?: { huggingface?: number; arxiv?: number };
  /**
   * `'snapshot'`: when Hugging Face cannot be reached, answer `daily` and `trending` from the bundled Daily
   * Papers day (`snapshot.daily`; for `trending` most upvoted first, as `snapshotPapers`). The listing's
   * `meta.fallback` says so, and a `snapshot` warning is given.
   */
  fallback?: 'snapshot';
  /**
   * Told when an answer is not fresh from the service: the snapshot, an expired cached copy, a paper read
   * from one service only. Default: `console.warn` once per distinct message; `false` says nothing.
   */
  onWarning?: WarningHandler | false;
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
  /**
   * One paper by arXiv id or paper URL, from Hugging Face and arXiv merged (see `getPaper`). Throws
   * `PaperNotFoundError` when neither knows it.
   */
  getPaper(idOrUrl: string, options?: GetPaperOptions): Promise<Paper>;
  /** Many papers at once, politely batched; `undefined` where a paper is unknown (see `getPapers`). */
  getPapers(idsOrUrls: readonly string[], options?: GetPaperOptions): Promise<(Paper | undefined)[]>;
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
  maxResponseBytes: 16 * 1024 * 1024,
  politeness: { huggingface: 0, arxiv: 3_000 },
};

/** An error response is only read for its excerpt and arXiv's error feed, both small. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

type Service = 'huggingface' | 'arxiv';

/** Create a client. Every option has a sensible default; `createClient()` talks to the real services. */
export function createClient(options: ClientOptions = {}): PapertrendClient {
  const bases = {
    huggingface: baseUrl('huggingface', options.baseUrls?.huggingface ?? DEFAULTS.huggingface),
    arxiv: baseUrl('arxiv', options.baseUrls?.arxiv ?? DEFAULTS.arxiv),
  };
  const timeout = options.timeout ?? DEFAULTS.timeout;
  const maxBytes = options.maxResponseBytes ?? DEFAULTS.maxResponseBytes;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const politeness = { ...DEFAULTS.politeness, ...options.politeness };
  const cache = options.cache === false ? undefined : (options.cache?.store ?? createMemoryCache());
  const ttl = (service: Service): number =>
    (options.cache === false ? 0 : options.cache?.ttl) ?? (service === 'arxiv' ? 3_600_000 : 300_000);
  const shared = new SharedRequests<ResponseBody>();
  const warn = warningHandler(options.onWarning);

  // ky sends one attempt at a time: retries, deadlines and error statuses are handled here (see retry.ts and
  // transport.ts). ky's own retry loop rejects a promise nobody awaits when a call is aborted while it waits
  // to retry with any afterResponse hook installed (an unhandled rejection that exits Node), so it is off.
  const http: KyInstance = ky.create({
    timeout: false,
    retry: 0,
    throwHttpErrors: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.userAgent ? { headers: { 'user-agent': options.userAgent } } : {}),
  });

  /** Every attempt of one request, under one signal (aborted only when every caller has gone). */
  async function request(
    url: string,
    service: Service,
    expect: 'json' | 'xml',
    signal: AbortSignal,
    store: boolean,
  ): Promise<ResponseBody> {
    const info: RequestInfo = { method: 'GET', url, retries: 0 };
    const host = new URL(url).host;
    for (let retries = 0; ; retries++) {
      info.retries = retries;
      await politely(host, politeness[service], signal);
      let response: AttemptResponse;
      try {
        response = await attempt(http, url, { timeout, maxBytes, maxErrorBytes: MAX_ERROR_BODY_BYTES, signal });
      } catch (error) {
        if (!(error instanceof AttemptError)) throw error;
        const { failure } = error;
        if (failure.kind === 'aborted') throw failure.reason;
        if (failure.kind === 'timeout') throw new RequestTimeoutError(info, timeout);
        if (failure.kind === 'too-large') {
          throw new ResponseTooLargeError(info, failure.limit, failure.received, failure.declared);
        }
        // A name that does not resolve will not resolve a second later either: fail at once, so an offline
        // machine reaches its fallback in milliseconds instead of after every retry's backoff.
        if (retries >= retry.limit || isNameNotFound(failure.cause)) throw new NetworkError(info, failure.cause);
        await sleep(retryDelay(retries + 1, retry), signal);
        continue;
      }
      if (response.ok) {
        const json = checkFormat(response.body, expect, response.headers.get('content-type') ?? '', info);
        if (store) await cache?.set(url, response.body, ttl(service));
        return { text: response.body, json };
      }
      if (isRetriedStatus(response.status) && retries < retry.limit) {
        await sleep(retryDelay(retries + 1, retry, response), signal);
        continue;
      }
      throw errorFor(response, info);
    }
  }

  /**
   * The body of `url` (from the cache, or fetched once however many callers ask at the same time). `cached:
   * false` neither reads nor writes the cache: for callers that cache what they make of the body instead.
   */
  async function fetchBody(
    url: string,
    service: Service,
    expect: 'json' | 'xml',
    { signal, cached = true }: FetchOptions,
  ): Promise<ResponseBody> {
    // An already-aborted call sends nothing and reads nothing.
    if (signal?.aborted) throw signal.reason;
    const store = cached ? cache : undefined;
    const hit = await store?.get(url);
    if (hit !== undefined) return { text: hit, json: undefined };
    // Shared only with callers that treat the cache alike.
    const key = cached ? url : `uncached ${url}`;
    try {
      return await shared.run(key, signal, (sharedSignal) => request(url, service, expect, sharedSignal, cached));
    } catch (error) {
      const stale = isUnreachable(error) ? await store?.getStale?.(url) : undefined;
      if (stale === undefined) throw error;
      const savedAt = new Date(stale.savedAt).toISOString();
      warn({
        code: 'stale-cache',
        message: `${url} could not be reached (${(error as Error).message}); answered with the copy saved at ${savedAt}`,
        url,
        savedAt,
        cause: error,
      });
      return { text: stale.value, json: undefined };
    }
  }

  function hfUrl(path: string, query: Record<string, string | number | undefined>): string {
    const url = new URL(`${bases.huggingface}${path}`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.href;
  }

  /**
   * `order` says how the bundled Daily Papers day answers when Hugging Face cannot be reached (with
   * `fallback`): as the day (`daily`), or most upvoted first, as Hugging Face's trending sort shows it
   * (`trending`). The snapshot's trending page is not used: copied page text, it has no links, dates or ids.
   */
  async function hf(url: string, fetchOptions: FetchOptions, order?: 'daily' | 'trending'): Promise<Listing> {
    try {
      const body = await fetchBody(url, 'huggingface', 'json', fetchOptions);
      // The JSON was parsed once to check it arrived whole; the parser reads that value instead of parsing again.
      const { json } = body;
      return parseListing(typeof json === 'object' && json !== null ? json : body.text, { format: 'hf-api' });
    } catch (error) {
      if (!(order && options.fallback === 'snapshot' && isUnreachable(error))) throw error;
      const { snapshot, snapshotPapers } = await import('../entries/snapshot.js');
      const day = snapshot.daily.meta.date as string;
      const reason = String((error as Error).message);
      warn({
        code: 'snapshot',
        message: `Hugging Face could not be reached (${reason}); answered with the bundled snapshot, the Daily Papers of ${day}${order === 'trending' ? ' most upvoted first' : ''}, not today's papers`,
        url,
        savedAt: day,
        cause: error,
      });
      return {
        ...snapshot.daily,
        papers: order === 'trending' ? [...snapshotPapers] : snapshot.daily.papers,
        meta: { ...snapshot.daily.meta, fallback: 'snapshot', fallbackReason: reason },
      };
    }
  }

  function dailyPapers(dailyOptions: DailyOptions, order: 'daily' | 'trending'): Promise<Listing> {
    const { date, week, month, limit, page, sort, signal } = dailyOptions;
    return hf(hfUrl('/api/daily_papers', { date, week, month, limit, p: page, sort }), { signal }, order);
  }
  const daily = (dailyOptions: DailyOptions = {}): Promise<Listing> => dailyPapers(dailyOptions, 'daily');
  const paperUrl = (id: string): string =>
    hfUrl(`/api/papers/${encodeURIComponent(wellFormed(normalizeArxivId(id) ?? id))}`, {});
  const paper = (id: string, { signal }: CallOptions = {}): Promise<Listing> => hf(paperUrl(id), { signal });

  async function arxivQuery(
    params: Record<string, string | number | undefined>,
    fetchOptions: FetchOptions,
  ): Promise<Listing> {
    const url = new URL(`${bases.arxiv}/api/query`);
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return parseListing((await fetchBody(url.href, 'arxiv', 'xml', fetchOptions)).text, { format: 'arxiv-atom' });
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
      { signal: search.signal },
    );
  }

  const arxivByIds = (ids: string[], fetchOptions: FetchOptions = {}): Promise<Listing> =>
    arxivQuery(
      { id_list: ids.map((id) => normalizeArxivId(id) ?? id).join(','), max_results: ids.length },
      fetchOptions,
    );

  // The lookup caches each merged paper itself (under its id, not under the batch that fetched it), so the
  // responses it is made of are not cached a second time.
  const lookup = paperLookup({
    hfPaper: (id, { signal }) => hf(paperUrl(id), { signal, cached: false }),
    arxivByIds: (ids, { signal }) => arxivByIds(ids, { signal, cached: false }),
    cache,
    // A paper's record mixes both services; it is as fresh as the fresher-changing one (Hugging Face's upvotes).
    ttl: ttl('huggingface'),
    warn,
  });

  return {
    daily,
    trending: ({ limit, signal } = {}) =>
      dailyPapers(
        { sort: 'trending', ...(limit === undefined ? {} : { limit }), ...(signal ? { signal } : {}) },
        'trending',
      ),
    search: (query, { limit, signal } = {}) =>
      hf(hfUrl('/api/papers/search', { q: query.slice(0, 250), limit }), { signal }),
    paper,
    ...lookup,
    async *dailyPages(pageOptions = {}) {
      for (let page = 0; ; page++) {
        const listing = await daily({ ...pageOptions, page });
        if (listing.papers.length === 0 && listing.issues.length === 0) return;
        yield listing;
      }
    },
    arxiv: {
      search: arxivSearch,
      byIds: (ids, { signal } = {}) => arxivByIds(ids, { signal }),
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

/** A base URL option, checked when the client is made rather than failing as a TypeError at the first call. */
function baseUrl(service: Service, value: string): string {
  let valid = false;
  try {
    valid = /^https?:$/.test(new URL(value).protocol);
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new TypeError(
      `createClient: baseUrls.${service} must be an absolute http(s) URL, not ${JSON.stringify(value)}`,
    );
  }
  return value.replace(/\/$/, '');
}

/** `ENOTFOUND`: DNS answered that the host does not exist, or there is no DNS at all (offline). */
function isNameNotFound(cause: unknown): boolean {
  for (let error = cause, depth = 0; error instanceof Error && depth < 4; error = error.cause, depth++) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTFOUND') return true;
  }
  return false;
}

function isUnreachable(error: unknown): boolean {
  // A server that answered with the wrong thing or too much of it is reachable: say so, do not hide it.
  if (!isRequestError(error) || isResponseFormatError(error) || isResponseTooLargeError(error)) return false;
  return !isHttpError(error) || error.status >= 500 || error.status === 429;
}

const excerpt = (text: string): string => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

/** How one body is fetched: cancelled by `signal`; `cached: false` skips the cache both ways. */
interface FetchOptions {
  signal?: AbortSignal | undefined;
  cached?: boolean;
}

/** A response body, and for JSON endpoints the value it parsed to (absent when it came from the cache). */
interface ResponseBody {
  text: string;
  json: unknown;
}

/**
 * A 200 must carry what the endpoint promises; say precisely what came instead. Returns the parsed value of a
 * JSON body.
 */
function checkFormat(text: string, expect: 'json' | 'xml', contentType: string, info: RequestInfo): unknown {
  const head = text.trimStart();
  if (head === '') throw new ResponseFormatError(info, 'the response body is empty', '');
  if (expect === 'json') {
    if (head.startsWith('<') || contentType.includes('text/html')) {
      throw new ResponseFormatError(info, 'expected JSON but received an HTML page', excerpt(text));
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ResponseFormatError(
        info,
        `the JSON body does not parse (${(error as Error).message}); the response was probably truncated`,
        excerpt(text.slice(-300)),
      );
    }
  }
  if (!head.startsWith('<') || !/<(\w+:)?feed[\s>]/.test(head.slice(0, 2048))) {
    throw new ResponseFormatError(info, 'expected an Atom feed but received something else', excerpt(text));
  }
  // Only the end matters: look at the last characters instead of letting a regex scan a 16 MiB body.
  if (!/<\/(\w+:)?feed>$/.test(text.trimEnd().slice(-64))) {
    throw new ResponseFormatError(info, 'the Atom feed is cut off (no closing </feed>)', excerpt(text.slice(-300)));
  }
  return undefined;
}

/** An error status as a typed error; arXiv's error feed (HTTP 400) as arXiv's own message. */
function errorFor(response: AttemptResponse, info: RequestInfo): unknown {
  if (response.body.includes('/api/errors')) {
    try {
      parseListing(response.body, { format: 'arxiv-atom' });
    } catch (arxivError) {
      if (isPapertrendError(arxivError)) return arxivError;
    }
  }
  return new HttpError(info, response.status, response.statusText, excerpt(response.body));
}
