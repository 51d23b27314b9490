/**
 * The client's options and calls as users write them, and the same options normalised once into the
 * `ClientConfig` every part of the client reads (defaults applied, base URLs checked), as ky does with its
 * options.
 */
import ky, { type KyInstance } from 'ky';
import type { Listing, Paper } from '../model.js';
import { defined } from '../utils/defined.js';
import { type CacheStore, createMemoryCache } from './cache.js';
import type { GetPaperOptions } from './paper-lookup.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { type WarningHandler, warningHandler } from './warnings.js';

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

export type Service = 'huggingface' | 'arxiv';

/** `ClientOptions` with every default applied: what the rest of the client reads. */
export interface ClientConfig {
  bases: Record<Service, string>;
  timeout: number;
  maxBytes: number;
  retry: Required<RetryPolicy>;
  politeness: Record<Service, number>;
  cache: CacheStore | undefined;
  /** How long a response of each service stays fresh in the cache. */
  ttl: Record<Service, number>;
  fallback: 'snapshot' | undefined;
  warn: WarningHandler;
  /** ky, for one attempt at a time (see `request.ts` for why the retries are papertrend's). */
  http: KyInstance;
}

const DEFAULTS = {
  huggingface: 'https://huggingface.co',
  arxiv: 'https://export.arxiv.org',
  timeout: 15_000,
  maxResponseBytes: 16 * 1024 * 1024,
  politeness: { huggingface: 0, arxiv: 3_000 },
  ttl: { huggingface: 300_000, arxiv: 3_600_000 },
};

export function configure(options: ClientOptions): ClientConfig {
  const cacheTtl = options.cache === false ? 0 : options.cache?.ttl;
  return {
    bases: {
      huggingface: baseUrl('huggingface', options.baseUrls?.huggingface ?? DEFAULTS.huggingface),
      arxiv: baseUrl('arxiv', options.baseUrls?.arxiv ?? DEFAULTS.arxiv),
    },
    timeout: options.timeout ?? DEFAULTS.timeout,
    maxBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    politeness: { ...DEFAULTS.politeness, ...options.politeness },
    cache: options.cache === false ? undefined : (options.cache?.store ?? createMemoryCache()),
    ttl: {
      huggingface: cacheTtl ?? DEFAULTS.ttl.huggingface,
      arxiv: cacheTtl ?? DEFAULTS.ttl.arxiv,
    },
    fallback: options.fallback,
    warn: warningHandler(options.onWarning),
    http: ky.create({
      timeout: false,
      retry: 0,
      throwHttpErrors: false,
      ...defined({
        fetch: options.fetch,
        headers: options.userAgent ? { 'user-agent': options.userAgent } : undefined,
      }),
    }),
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

/** `base` + `path` with the defined `params` as its query string: the URL is also the cache key. */
export function serviceUrl(base: string, path: string, params: Record<string, string | number | undefined>): string {
  const url = new URL(`${base}${path}`);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.href;
}
