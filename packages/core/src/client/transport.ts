/**
 * One HTTP attempt under a deadline papertrend owns: headers and body together must arrive within
 * `timeout`, the decoded body may not exceed `maxBytes`, and the caller's signal stops it at any point.
 *
 * Why not ky's `timeout` and `signal` alone: ky wraps the signal with `AbortSignal.any`, and Node 20's bundled
 * undici stops forwarding that abort to a response body once a garbage collection has run after the headers
 * arrived (nodejs/undici#2198, nodejs/node#48951): a dripping body then outlives any timeout. So the body is
 * read here with a reader that is cancelled directly, every wait is raced against a timer held here, and
 * bytes are counted as they are decoded, so a compression bomb stops at the cap instead of at the heap limit.
 */
import type { KyInstance } from 'ky';

/** What one attempt brings back: the status line, headers and the decoded body (capped). */
export interface AttemptResponse {
  status: number;
  statusText: string;
  ok: boolean;
  headers: Headers;
  /** The decoded body; an error response's is cut at its excerpt limit or its deadline. */
  body: string;
}

/** Why an attempt stopped before the response was complete. */
export type AttemptFailure =
  | { kind: 'timeout' }
  | { kind: 'aborted'; reason: unknown }
  | { kind: 'too-large'; limit: number; received: number; declared: boolean }
  | { kind: 'network'; cause: unknown };

/** Thrown by `attempt`; the client turns it into its typed errors (it knows the request). */
export class AttemptError extends Error {
  readonly failure: AttemptFailure;
  constructor(failure: AttemptFailure) {
    super(failure.kind);
    this.failure = failure;
  }
}

export interface AttemptOptions {
  /** Milliseconds for headers and body together. */
  timeout: number;
  /** Largest decoded body accepted from a successful response. */
  maxBytes: number;
  /** Largest decoded body read from an error response (the rest is not needed: it is an excerpt). */
  maxErrorBytes: number;
  /** Stops the attempt; its reason becomes the failure's reason. */
  signal?: AbortSignal;
}

/**
 * A promise that rejects when the deadline passes or the signal aborts, with `race` to bound any wait by it.
 * Both ways of stopping also abort `controller`, so the connection is closed where the runtime lets us.
 */
class Stopper {
  readonly stopped: Promise<never>;
  failure: AttemptFailure | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort: () => void;

  constructor(timeout: number, controller: AbortController, signal: AbortSignal | undefined) {
    let reject: (error: AttemptError) => void = () => {};
    this.stopped = new Promise<never>((_, rejectStopped) => {
      reject = rejectStopped;
    });
    // Nobody may be racing when it fires: never let it become an unhandled rejection.
    this.stopped.catch(() => {});
    const stop = (failure: AttemptFailure): void => {
      if (this.failure) return;
      this.failure = failure;
      controller.abort();
      reject(new AttemptError(failure));
    };
    this.#signal = signal;
    this.#onAbort = () => stop({ kind: 'aborted', reason: signal?.reason });
    this.#timer = setTimeout(() => stop({ kind: 'timeout' }), timeout);
    if (signal?.aborted) this.#onAbort();
    else signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** `promise`, unless the attempt is stopped first. A late rejection of `promise` is swallowed. */
  race<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => {});
    return Promise.race([promise, this.stopped]);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener('abort', this.#onAbort);
  }
}

/** One GET through `http` (a ky instance with retries, timeout and HTTP errors turned off). */
export async function attempt(http: KyInstance, url: string, options: AttemptOptions): Promise<AttemptResponse> {
  const controller = new AbortController();
  const stopper = new Stopper(options.timeout, controller, options.signal);
  try {
    if (stopper.failure) throw new AttemptError(stopper.failure);
    let response: Response;
    try {
      response = await stopper.race(http.get(url, { signal: controller.signal }));
    } catch (error) {
      if (error instanceof AttemptError) throw error;
      throw new AttemptError(stopper.failure ?? { kind: 'network', cause: error });
    }
    const limit = response.ok ? options.maxBytes : options.maxErrorBytes;
    const declared = Number(response.headers.get('content-length'));
    // Only a success's declared size is final; an error body is read up to its excerpt anyway.
    if (response.ok && Number.isFinite(declared) && declared > limit) {
      response.body?.cancel().catch(() => {});
      throw new AttemptError({ kind: 'too-large', limit, received: declared, declared: true });
    }
    const body = await readBody(response, limit, stopper, response.ok);
    return {
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      headers: response.headers,
      body,
    };
  } finally {
    stopper.dispose();
  }
}

/**
 * Read and decode the body chunk by chunk. Past `limit` decoded bytes a success fails (`too-large`) and an
 * error response is cut (its excerpt is all anyone reads). An error response whose body is still dripping
 * when the deadline passes keeps what arrived: its status already says what happened.
 */
async function readBody(response: Response, limit: number, stopper: Stopper, strict: boolean): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await stopper.race(reader.read());
      } catch (error) {
        if (!strict && stopper.failure?.kind === 'timeout') return text + decoder.decode();
        if (error instanceof AttemptError) throw error;
        throw new AttemptError(stopper.failure ?? { kind: 'network', cause: error });
      }
      if (chunk.done) break;
      received += chunk.value.byteLength;
      if (received > limit) {
        if (strict) throw new AttemptError({ kind: 'too-large', limit, received, declared: false });
        const room = chunk.value.byteLength - (received - limit);
        return text + decoder.decode(chunk.value.subarray(0, room));
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    // Cancelling the reader closes the stream (and undici's socket) even where the abort signal no longer reaches.
    reader.cancel().catch(() => {});
  }
}
