/**
 * When to try again and how long to wait: the retry policy, `Retry-After`, and the per-host politeness
 * slots every client in the process shares (arXiv asks one request every 3 s of a *caller*, not of a
 * client object: two clients in one process must not hit it 0 ms apart).
 */

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

export const DEFAULT_RETRY: Required<RetryPolicy> = {
  limit: 3,
  baseDelay: 500,
  maxDelay: 10_000,
  maxRetryAfter: 60_000,
};

/** Statuses worth another attempt. 403 is a refusal (bot blocking), not a hiccup: never retried. */
const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Statuses whose `Retry-After` is honoured (RFC 9110 §10.2.3). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

export function isRetriedStatus(status: number): boolean {
  return RETRIED_STATUSES.has(status);
}

/**
 * How long to wait before retry number `retry` (1-based): the server's `Retry-After` for 429/503 when it
 * parses (seconds or an HTTP date, capped at `maxRetryAfter`), otherwise exponential backoff with half-jitter
 * (spreads many clients' retries without ever retrying at once). An unparseable `Retry-After` falls back to
 * the backoff: waiting the whole cap for a header nobody can read would punish the caller for the server's bug.
 */
export function retryDelay(
  retry: number,
  policy: Required<RetryPolicy>,
  response?: { status: number; headers: Headers },
): number {
  if (response && RETRY_AFTER_STATUSES.has(response.status)) {
    const after = parseRetryAfter(response.headers.get('retry-after'));
    if (after !== undefined) return Math.min(after, policy.maxRetryAfter);
  }
  const backoff = Math.min(policy.baseDelay * 2 ** (retry - 1), policy.maxDelay);
  return backoff / 2 + Math.random() * (backoff / 2);
}

/** `Retry-After` in milliseconds from now, or `undefined` when it is neither delay-seconds nor an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1_000;
  // An HTTP date is short; anything long is not one and is not handed to the date parser.
  if (text.length > 64 || !/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The next free moment per host, shared by every client in this process. */
const nextSlotByHost = new Map<string, number>();

/**
 * Take this host's next politeness slot and wait for it. Every attempt (retries too) takes one, so a host
 * never sees two requests closer than `gap` from this process.
 */
export async function politely(host: string, gap: number, signal: AbortSignal): Promise<void> {
  if (!(gap > 0)) return;
  const now = Date.now();
  const slot = Math.max(now, nextSlotByHost.get(host) ?? 0);
  nextSlotByHost.set(host, slot + gap);
  if (slot > now) await sleep(slot - now, signal);
}

/** Wait `ms`, or reject with the signal's reason as soon as it aborts (the timer is then cleared). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
