/**
 * A response body, fetched with everything a polite and robust client does: the cache read first, identical
 * in-flight requests shared, each attempt under its deadline and size cap (`transport.ts`), retries with
 * backoff that honour `Retry-After` (`retry.ts`), and an expired cached copy when the service cannot be
 * reached. Failures come out as papertrend's typed errors.
 *
 * Why the retry loop is papertrend's and not ky's: ky 1.14, when a call is aborted while it waits to retry
 * with any `afterResponse` hook installed, rejects a promise nobody awaits, an unhandled rejection that
 * exits Node (`test/ky-limits.test.ts` shows it, and says when ky no longer does). Each attempt still goes
 * through ky.
 */
import {
  isHttpError,
  isRequestError,
  isResponseFormatError,
  isResponseTooLargeError,
  NetworkError,
  type RequestInfo,
  RequestTimeoutError,
  ResponseTooLargeError,
} from '../errors.js';
import type { ClientConfig, Service } from './options.js';
import { checkFormat, type Expected, errorFor } from './response.js';
import { isRetriedStatus, politely, retryDelay, sleep } from './retry.js';
import { SharedRequests } from './shared-requests.js';
import { AttemptError, type AttemptResponse, attempt } from './transport.js';

/** An error response is only read for its excerpt and arXiv's error feed, both small. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** How one body is fetched: cancelled by `signal`; `cached: false` skips the cache both ways. */
export interface FetchOptions {
  signal?: AbortSignal | undefined;
  cached?: boolean;
}

/** A response body, and for JSON endpoints the value it parsed to (absent when it came from the cache). */
export interface ResponseBody {
  text: string;
  json: unknown;
}

export class BodyFetcher {
  readonly #config: ClientConfig;
  readonly #shared = new SharedRequests<ResponseBody>();

  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /**
   * The body of `url` (from the cache, or fetched once however many callers ask at the same time). `cached:
   * false` neither reads nor writes the cache: for callers that cache what they make of the body instead.
   */
  async fetch(
    url: string,
    service: Service,
    expect: Expected,
    { signal, cached = true }: FetchOptions,
  ): Promise<ResponseBody> {
    // An already-aborted call sends nothing and reads nothing.
    if (signal?.aborted) throw signal.reason;
    const store = cached ? this.#config.cache : undefined;
    const hit = await store?.get(url);
    if (hit !== undefined) return { text: hit, json: undefined };
    // Shared only with callers that treat the cache alike.
    const key = cached ? url : `uncached ${url}`;
    try {
      return await this.#shared.run(key, signal, (sharedSignal) =>
        this.#request(url, service, expect, sharedSignal, cached),
      );
    } catch (error) {
      const stale = isUnreachable(error) ? await store?.getStale?.(url) : undefined;
      if (stale === undefined) throw error;
      const savedAt = new Date(stale.savedAt).toISOString();
      this.#config.warn({
        code: 'stale-cache',
        message: `${url} could not be reached (${(error as Error).message}); answered with the copy saved at ${savedAt}`,
        url,
        savedAt,
        cause: error,
      });
      return { text: stale.value, json: undefined };
    }
  }

  /** Every attempt of one request, under one signal (aborted only when every caller has gone). */
  async #request(
    url: string,
    service: Service,
    expect: Expected,
    signal: AbortSignal,
    store: boolean,
  ): Promise<ResponseBody> {
    const { retry, politeness, cache, ttl } = this.#config;
    const info: RequestInfo = { method: 'GET', url, retries: 0 };
    const host = new URL(url).host;
    for (let retries = 0; ; retries++) {
      info.retries = retries;
      await politely(host, politeness[service], signal);
      const response = await this.#attempt(url, info, signal);
      if (response === undefined) {
        await sleep(retryDelay(retries + 1, retry), signal);
        continue;
      }
      if (response.ok) {
        const json = checkFormat(response.body, expect, response.headers.get('content-type') ?? '', info);
        if (store) await cache?.set(url, response.body, ttl[service]);
        return { text: response.body, json };
      }
      if (isRetriedStatus(response.status) && retries < retry.limit) {
        await sleep(retryDelay(retries + 1, retry, response), signal);
        continue;
      }
      throw errorFor(response, info);
    }
  }

  /** One attempt: its response, `undefined` for a network failure worth retrying, or a typed error. */
  async #attempt(url: string, info: RequestInfo, signal: AbortSignal): Promise<AttemptResponse | undefined> {
    const { http, timeout, maxBytes, retry } = this.#config;
    try {
      return await attempt(http, url, { timeout, maxBytes, maxErrorBytes: MAX_ERROR_BODY_BYTES, signal });
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
      if (info.retries >= retry.limit || isNameNotFound(failure.cause)) throw new NetworkError(info, failure.cause);
      return undefined;
    }
  }
}

/** `ENOTFOUND`: DNS answered that the host does not exist, or there is no DNS at all (offline). */
function isNameNotFound(cause: unknown): boolean {
  for (let error = cause, depth = 0; error instanceof Error && depth < 4; error = error.cause, depth++) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTFOUND') return true;
  }
  return false;
}

/** Could the service not be reached at all (rather than answering wrongly)? Then a saved copy may answer. */
export function isUnreachable(error: unknown): boolean {
  // A server that answered with the wrong thing or too much of it is reachable: say so, do not hide it.
  if (!isRequestError(error) || isResponseFormatError(error) || isResponseTooLargeError(error)) return false;
  return !isHttpError(error) || error.status >= 500 || error.status === 429;
}
