import type { ListingIssue } from './model.js';

// Symbol.for is shared by every realm, so the brands identify papertrend's errors across iframes, workers'
// structured copies aside, and duplicated installs, where `instanceof` fails.
const ERROR_BRAND = Symbol.for('papertrend.error');
const REQUEST_ERROR_BRAND = Symbol.for('papertrend.request-error');

function hasBrand(error: unknown, brand: symbol): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}

/**
 * What a failure means for someone waiting on it, in the four ways a reader can act on:
 * - `offline`: no answer at all (no network, timeout): check the connection, try again;
 * - `unavailable`: the server answered with a passing error (5xx, 429): try again later;
 * - `refused`: the server refused this request (404, 403, other 4xx): trying again will not help;
 * - `unreadable`: an answer came, but it is no listing (or too large).
 */
export type FailureKind = 'offline' | 'unavailable' | 'refused' | 'unreadable';

/** Base class of every error papertrend throws on purpose. Anything else is a bug: please report it. */
export class PapertrendError extends Error {
  override name = 'PapertrendError';
  readonly [ERROR_BRAND] = true;
  /** What the failure means for the caller (see `FailureKind`); input that is no listing is `unreadable`. */
  get failure(): FailureKind {
    return 'unreadable';
  }
}

/**
 * The input is not a listing papertrend knows: empty, binary, an HTML error page, JSON of another shape.
 * `tried` lists the formats that were considered, `reason` what was wrong with the input as a whole.
 */
export class UnknownFormatError extends PapertrendError {
  override name = 'UnknownFormatError';
  readonly tried: readonly string[];
  readonly reason: string;
  constructor(reason: string, tried: readonly string[]) {
    super(`Not a paper listing: ${reason}. Formats tried: ${tried.join(', ')}.`);
    this.tried = tried;
    this.reason = reason;
  }
}

/**
 * The input looks like a known format but cannot be read as one as a whole (a JSON object where the
 * format promises an array, a truncated document). Per-entry problems are `ListingIssue`s, not this.
 */
export class ListingFormatError extends PapertrendError {
  override name = 'ListingFormatError';
  readonly format: string;
  constructor(format: string, message: string, options?: { cause?: unknown }) {
    super(`Cannot read this as ${format}: ${message}`, options);
    this.format = format;
  }
}

/**
 * `loadSearchIndex` was given data that is not a sound saved index: the wrong shape or version, counts that
 * disagree, postings pointing outside the papers, or papers other than those it was built from. Saved
 * indexes often arrive over the network, so every part is checked before any is used.
 */
export class SearchIndexFormatError extends PapertrendError {
  override name = 'SearchIndexFormatError';
  constructor(problem: string) {
    super(`Cannot load this search index: ${problem}.`);
  }
}

/**
 * `getPaper` found no such paper: neither Hugging Face nor arXiv knows `id`, or `input` is no arXiv id or
 * paper URL at all (`id` is then `undefined`). Trying again will not help, so its failure is `refused`.
 */
export class PaperNotFoundError extends PapertrendError {
  override name = 'PaperNotFoundError';
  /** What the caller asked for, as given. */
  readonly input: string;
  /** The arXiv id it was read as, when it is one. */
  readonly id: string | undefined;
  constructor(input: string, id: string | undefined) {
    super(
      id === undefined
        ? `Not an arXiv id or paper URL: ${JSON.stringify(input.length > 80 ? `${input.slice(0, 79)}…` : input)}`
        : `No paper ${id}: neither Hugging Face nor arXiv knows it`,
    );
    this.input = input;
    this.id = id;
  }
  override get failure(): FailureKind {
    return 'refused';
  }
}

/** Thrown by `parseListing(input, { strict: true })` when any issue was found; carries all of them. */
export class ListingValidationError extends PapertrendError {
  override name = 'ListingValidationError';
  readonly format: string;
  readonly issues: readonly ListingIssue[];
  constructor(format: string, issues: readonly ListingIssue[]) {
    const first = issues
      .slice(0, 3)
      .map((issue) => `  - ${describePosition(issue)}: ${issue.message}`)
      .join('\n');
    const more = issues.length > 3 ? `\n  … and ${issues.length - 3} more` : '';
    super(`${issues.length} problem(s) in ${format} input:\n${first}${more}`);
    this.format = format;
    this.issues = issues;
  }
}

/** `entry 3`, `line 12`, `$[3].paper.upvotes` — how an issue's position reads in messages. */
export function describePosition(issue: Pick<ListingIssue, 'position'>): string {
  const { index, line, path } = issue.position;
  if (path && path.length > 0) {
    return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}`;
  }
  if (line !== undefined) return `line ${line}`;
  if (index !== undefined) return `entry ${index}`;
  return 'input';
}

// Guards check `name` as well as `instanceof` so they work across realms and duplicated installs.
function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

function guardFor<T extends Error>(
  type: abstract new (...args: never[]) => T,
  name: string,
): (error: unknown) => error is T {
  return (error: unknown): error is T => error instanceof type || hasName(error, name);
}

export function isPapertrendError(error: unknown): error is PapertrendError {
  return error instanceof PapertrendError || hasBrand(error, ERROR_BRAND);
}

/** What every client error knows about the request that failed. */
export interface RequestInfo {
  method: string;
  url: string;
  /** How many times the request was retried before giving up. */
  retries: number;
}

function describeRequest(request: RequestInfo): string {
  return `[${request.method}] "${request.url}"`;
}

function retriesSuffix(retries: number): string {
  return retries > 0 ? ` (after ${retries} ${retries === 1 ? 'retry' : 'retries'})` : '';
}

/** Base of the client's errors: the request failed, and `request` says which and after how many retries. */
export class RequestError extends PapertrendError {
  override name = 'RequestError';
  readonly [REQUEST_ERROR_BRAND] = true;
  readonly request: RequestInfo;
  /** `detail` follows the request in the message: `[GET] "https://…": <detail>`. */
  constructor(request: RequestInfo, detail: string, options?: { cause?: unknown }) {
    super(`${describeRequest(request)}: ${detail}`, options);
    this.request = request;
  }
}

/** The server answered with an error status (after any retries). */
export class HttpError extends RequestError {
  override name = 'HttpError';
  readonly status: number;
  /** The first 300 characters of the response body. */
  readonly bodyExcerpt: string;
  constructor(request: RequestInfo, status: number, statusText: string, bodyExcerpt: string) {
    const hint = status === 403 ? ' — the server refused: not retried (blocked or not allowed)' : '';
    super(request, `${status} ${statusText}${retriesSuffix(request.retries)}${hint}`);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }
  override get failure(): FailureKind {
    return this.status >= 500 || this.status === 429 || this.status === 408 ? 'unavailable' : 'refused';
  }
}

/** The request took longer than the timeout (headers and body together). */
export class RequestTimeoutError extends RequestError {
  override name = 'RequestTimeoutError';
  readonly timeout: number;
  constructor(request: RequestInfo, timeout: number) {
    super(request, `no complete response within ${timeout} ms${retriesSuffix(request.retries)}`);
    this.timeout = timeout;
  }
  override get failure(): FailureKind {
    return 'offline';
  }
}

/** The request never got an answer: offline, DNS failure, connection refused or reset. */
export class NetworkError extends RequestError {
  override name = 'NetworkError';
  constructor(request: RequestInfo, cause: unknown) {
    const reason =
      cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    super(request, `network error: ${reason}${retriesSuffix(request.retries)}`, { cause });
  }
  override get failure(): FailureKind {
    return 'offline';
  }
}

/**
 * The server said 200 but sent something that is not what the endpoint promises: an empty body, truncated
 * JSON, an HTML page instead of JSON or XML. (Upstream sent data we did not expect; the network was fine.)
 */
export class ResponseFormatError extends RequestError {
  override name = 'ResponseFormatError';
  readonly bodyExcerpt: string;
  constructor(request: RequestInfo, problem: string, bodyExcerpt: string) {
    super(request, problem);
    this.bodyExcerpt = bodyExcerpt;
  }
}

/**
 * The response body was larger than `maxResponseBytes` (counted decoded, so a compressed bomb stops early).
 * `declared` says whether the server announced the size (`Content-Length`) or it was counted while reading.
 */
export class ResponseTooLargeError extends RequestError {
  override name = 'ResponseTooLargeError';
  readonly limit: number;
  readonly received: number;
  readonly declared: boolean;
  constructor(request: RequestInfo, limit: number, received: number, declared: boolean) {
    super(
      request,
      declared
        ? `the response announces ${received} bytes, more than the limit of ${limit} (maxResponseBytes)`
        : `the response body exceeded the limit of ${limit} bytes (maxResponseBytes); reading stopped there`,
    );
    this.limit = limit;
    this.received = received;
    this.declared = declared;
  }
}

/** Any of the client's errors: the request failed (status, timeout, network, unexpected body). */
export function isRequestError(error: unknown): error is RequestError {
  return error instanceof RequestError || hasBrand(error, REQUEST_ERROR_BRAND);
}

// Pure annotations let bundlers drop the guards an app does not use.
export const isUnknownFormatError: (error: unknown) => error is UnknownFormatError = /* @__PURE__ */ guardFor(
  UnknownFormatError,
  'UnknownFormatError',
);
export const isListingFormatError: (error: unknown) => error is ListingFormatError = /* @__PURE__ */ guardFor(
  ListingFormatError,
  'ListingFormatError',
);
export const isListingValidationError: (error: unknown) => error is ListingValidationError = /* @__PURE__ */ guardFor(
  ListingValidationError,
  'ListingValidationError',
);
export const isHttpError: (error: unknown) => error is HttpError = /* @__PURE__ */ guardFor(HttpError, 'HttpError');
export const isRequestTimeoutError: (error: unknown) => error is RequestTimeoutError = /* @__PURE__ */ guardFor(
  RequestTimeoutError,
  'RequestTimeoutError',
);
export const isNetworkError: (error: unknown) => error is NetworkError = /* @__PURE__ */ guardFor(
  NetworkError,
  'NetworkError',
);
export const isResponseFormatError: (error: unknown) => error is ResponseFormatError = /* @__PURE__ */ guardFor(
  ResponseFormatError,
  'ResponseFormatError',
);
export const isResponseTooLargeError: (error: unknown) => error is ResponseTooLargeError = /* @__PURE__ */ guardFor(
  ResponseTooLargeError,
  'ResponseTooLargeError',
);
export const isPaperNotFoundError: (error: unknown) => error is PaperNotFoundError = /* @__PURE__ */ guardFor(
  PaperNotFoundError,
  'PaperNotFoundError',
);
export const isSearchIndexFormatError: (error: unknown) => error is SearchIndexFormatError = /* @__PURE__ */ guardFor(
  SearchIndexFormatError,
  'SearchIndexFormatError',
);
