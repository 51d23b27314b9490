import type { FailureKind, Paper } from '@papertrend/core';

/** What went wrong, in the ways a reader can act on (see `Labels.errorHint` and core's `FailureKind`). */
export type LoadFailure = FailureKind;

const FAILURES: readonly string[] = ['offline', 'unavailable', 'refused', 'unreadable'] satisfies LoadFailure[];

/** An error of the widget's own `src` loading, with the kind of failure it is. */
class SrcError extends Error {
  override name = 'SrcError';
  readonly failure: LoadFailure;
  /** The HTTP status, when the server answered with an error. */
  readonly status: number | undefined;
  constructor(message: string, failure: LoadFailure, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.failure = failure;
    this.status = options?.status;
  }
}

/**
 * The kind of a loading failure. papertrend's errors (and the widget's own) say it in `failure`; anything else
 * (a bug or a rejection in a site's own `load()`) is `unavailable`: the reader can only try again later.
 * A `JSON` `SyntaxError` is no listing.
 */
export function failureOf(error: Error): LoadFailure {
  const failure = (error as { failure?: unknown }).failure;
  if (typeof failure === 'string' && FAILURES.includes(failure)) return failure as LoadFailure;
  return error.name === 'SyntaxError' ? 'unreadable' : 'unavailable';
}

/** A `src` listing larger than this is refused: a real one is under 1 MiB; a hostile one must not fill the tab. */
const MAX_SRC_BYTES = 16 * 1024 * 1024;
/** Headers and body of a `src` listing must arrive within this, or the widget shows its error and retry. */
const SRC_TIMEOUT_MS = 30_000;

/** Fetches and parses a listing URL, with a deadline and a size cap; failures say what kind they are. */
export async function loadSrc(src: string, signal: AbortSignal): Promise<readonly Paper[]> {
  const controller = new AbortController();
  const stop = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(
    () => controller.abort(new SrcError(`${src}: no complete response within ${SRC_TIMEOUT_MS / 1000} s`, 'offline')),
    SRC_TIMEOUT_MS,
  );
  let text: string;
  try {
    let response: Response;
    try {
      response = await fetch(src, { signal: controller.signal });
    } catch (error) {
      // The browser's TypeError of a failed fetch: no answer (offline, DNS, CORS refused).
      if (controller.signal.aborted) throw error;
      throw new SrcError(`${src}: ${error instanceof Error ? error.message : String(error)}`, 'offline', {
        cause: error,
      });
    }
    if (!response.ok) {
      const passing = response.status >= 500 || response.status === 429 || response.status === 408;
      throw new SrcError(`${src}: ${response.status} ${response.statusText}`, passing ? 'unavailable' : 'refused', {
        status: response.status,
      });
    }
    text = await readCapped(response, src);
  } catch (error) {
    throw controller.signal.aborted && !signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
  // Any format parseListing knows, validated like all input. Loaded on demand, so widgets given static
  // papers never download a parser; JSON and page text need only the lite parser, markup (Hugging Face
  // HTML, arXiv feeds) the full one with its HTML/XML parser.
  const { parseListing } = /^\s*</.test(text)
    ? await import('@papertrend/core/parse')
    : await import('@papertrend/core/lite');
  return parseListing(text).papers;
}

/** The body as text, counting bytes as they arrive so an endless or enormous body stops at the cap. */
async function readCapped(response: Response, src: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_SRC_BYTES || !response.body) {
    if (declared > MAX_SRC_BYTES) throw new SrcError(`${src}: the listing is larger than 16 MiB`, 'unreadable');
    return response.text();
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > MAX_SRC_BYTES) {
      reader.cancel().catch(() => {});
      throw new SrcError(`${src}: the listing is larger than 16 MiB`, 'unreadable');
    }
    text += decoder.decode(value, { stream: true });
  }
}
