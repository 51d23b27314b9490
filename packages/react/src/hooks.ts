import type { Paper } from '@papertrend/core';
import {
  createSearchIndex,
  type SearchFilter,
  type SearchHit,
  type SearchIndex,
  type SearchSort,
} from '@papertrend/core/search';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Period, periodRequest } from './view.js';

export type PapersState =
  | { status: 'loading'; papers: readonly Paper[]; error?: undefined; saved?: undefined }
  | { status: 'error'; papers: readonly Paper[]; error: Error; saved?: undefined }
  | {
      status: 'ready';
      papers: readonly Paper[];
      error?: undefined;
      /**
       * Set when the client could not reach the live service and answered from its saved snapshot
       * (`fallback: 'snapshot'`): `date` is the saved listing's day (`2026-08-21`), when it has one.
       */
      saved?: { date?: string };
    };

/** What a client call answers: a listing's papers, and its `meta` when the client says where they came from. */
export interface PapersListing {
  papers: readonly Paper[];
  meta?: { fallback?: unknown; date?: unknown };
}

/** The part of core's client the widget calls; `createClient()` from `@papertrend/core` fits. */
export interface PapersClient {
  trending(options?: { signal?: AbortSignal; limit?: number }): Promise<PapersListing>;
  /** Daily Papers of a day, ISO week or month; with it the widget offers `Period`s. */
  daily?(options: { signal?: AbortSignal; week?: string; month?: string }): Promise<PapersListing>;
}

export interface UsePapersOptions {
  /** Static papers (built at build time or by a server component). Wins over `src`. */
  papers?: readonly Paper[];
  /** URL of a listing in any format `parseListing` reads (JSON from the CLI, an HF API response, …). */
  src?: string;
  /** A papertrend client: the widget shows `client.trending()` (retries, cache and fallback are the client's). */
  client?: PapersClient;
  /** With a `client` that has `daily`: which papers to show (default `trending`). */
  period?: Period;
  /** The time `period` is counted from (default: now). */
  now?: number;
  /** Custom loader, for anything else (`client.daily({ date })`, your own API…). Wins over `client`. */
  load?: (signal: AbortSignal) => Promise<readonly Paper[]>;
}

const EMPTY: readonly Paper[] = [];

/** What went wrong, in the three ways a reader can tell apart (see `Labels.errorHint`). */
export type LoadFailure = 'offline' | 'unavailable' | 'unreadable';

/** An error of the widget's own `src` loading, with the kind of failure it is. */
class SrcError extends Error {
  override name = 'SrcError';
  readonly failure: LoadFailure;
  constructor(message: string, failure: LoadFailure) {
    super(message);
    this.failure = failure;
  }
}

const UNREADABLE = new Set([
  'UnknownFormatError',
  'ListingFormatError',
  'ListingValidationError',
  'ResponseFormatError',
  'ResponseTooLargeError',
  'SyntaxError',
]);

/**
 * The kind of a loading failure, from the error's name (papertrend's errors, the browser's `TypeError` of
 * a failed fetch) so the widget does not import core's error classes into every page.
 */
export function failureOf(error: Error): LoadFailure {
  if (error instanceof SrcError) return error.failure;
  if (UNREADABLE.has(error.name)) return 'unreadable';
  if (error.name === 'NetworkError' || error.name === 'RequestTimeoutError' || error.name === 'TypeError') {
    return 'offline';
  }
  return 'unavailable';
}

/** A `src` listing larger than this is refused: a real one is under 1 MiB; a hostile one must not fill the tab. */
const MAX_SRC_BYTES = 16 * 1024 * 1024;
/** Headers and body of a `src` listing must arrive within this, or the widget shows its error and retry. */
const SRC_TIMEOUT_MS = 30_000;

async function loadSrc(src: string, signal: AbortSignal): Promise<readonly Paper[]> {
  const controller = new AbortController();
  const stop = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(
    () => controller.abort(new SrcError(`${src}: no complete response within ${SRC_TIMEOUT_MS / 1000} s`, 'offline')),
    SRC_TIMEOUT_MS,
  );
  let text: string;
  try {
    const response = await fetch(src, { signal: controller.signal });
    if (!response.ok) throw new SrcError(`${src}: ${response.status} ${response.statusText}`, 'unavailable');
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

/**
 * Papers from props, a URL or a loader, with loading and error states and a retry. No fetch during SSR.
 * `periods` says whether the `period` option decides what loads (a client with `daily`, nothing winning over it).
 */
export function usePapers(options: UsePapersOptions): PapersState & { retry: () => void; periods: boolean } {
  const { papers, src, client, load } = options;
  const period = offersPeriods(options) ? (options.period ?? 'trending') : 'trending';
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PapersState>(() =>
    papers ? { status: 'ready', papers } : { status: 'loading', papers: EMPTY },
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry() asks for a reload
  useEffect(() => {
    if (papers) {
      // Same papers as the first render: keep the state object, so mounting does not render the list twice.
      setState((previous) =>
        previous.status === 'ready' && previous.papers === papers ? previous : { status: 'ready', papers },
      );
      return;
    }
    const loader = loaderFor(options, period);
    if (!loader) {
      setState({ status: 'ready', papers: EMPTY });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', papers: previous.papers }));
    loader(controller.signal).then(
      ({ papers: loaded, meta }) => {
        if (controller.signal.aborted) return;
        const date = typeof meta?.date === 'string' ? meta.date : undefined;
        setState(
          meta?.fallback === 'snapshot'
            ? { status: 'ready', papers: loaded, saved: date ? { date } : {} }
            : { status: 'ready', papers: loaded },
        );
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({
            status: 'error',
            papers: EMPTY,
            error: error instanceof Error ? error : new Error(String(error)),
          });
        }
      },
    );
    return () => controller.abort();
  }, [papers, src, client, load, period, attempt]);
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, retry, periods: offersPeriods(options) };
}

/** Whether `period` decides what loads: no `papers` or `load` win over a client that has `daily`. */
function offersPeriods({ papers, load, client }: UsePapersOptions): boolean {
  return !papers && !load && client?.daily !== undefined;
}

/** How the options load papers, in the order they win (`load`, then `client`, then `src`); none: nothing to load. */
function loaderFor(
  { load, client, src, now }: UsePapersOptions,
  period: Period,
): ((signal: AbortSignal) => Promise<PapersListing>) | undefined {
  if (load) return (signal) => load(signal).then((papers) => ({ papers }));
  if (client) {
    return (signal) =>
      client.daily && period !== 'trending'
        ? client.daily({ signal, ...periodRequest(period, now ?? Date.now()) })
        : client.trending({ signal });
  }
  if (src) return (signal) => loadSrc(src, signal).then((papers) => ({ papers }));
  return undefined;
}

export interface UsePaperSearchOptions {
  sort?: SearchSort;
  filter?: SearchFilter;
}

/** Runs `task` when the browser is idle (or soon, where it has no idle callback); returns a canceller. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 1);
  return () => clearTimeout(handle);
}

/**
 * Search as you type over papers; each query is synchronous. The listing's own order needs no index, so the
 * first render does not wait for one: the index is built when the browser is next idle (or by the first
 * query, if that comes sooner). For 3,000 papers that moves ~250 ms out of the first render.
 */
export function usePaperSearch(
  papers: readonly Paper[],
  query: string,
  options: UsePaperSearchOptions = {},
): SearchHit[] {
  const built = useRef<{ papers: readonly Paper[]; index: SearchIndex } | undefined>(undefined);
  const indexFor = useCallback((): SearchIndex => {
    if (built.current?.papers !== papers) built.current = { papers, index: createSearchIndex(papers) };
    return built.current.index;
  }, [papers]);
  useEffect(() => (papers.length > 0 ? whenIdle(() => indexFor()) : undefined), [papers, indexFor]);
  const { sort, filter } = options;
  return useMemo(() => {
    if (query.trim() === '' && (sort === undefined || sort === 'relevance') && !filter) {
      return papers.map((paper) => ({ paper, score: 0, matches: [] }));
    }
    const limit = papers.length || 1;
    return indexFor().search(query, { limit, ...(sort ? { sort } : {}), ...(filter ? { filter } : {}) });
  }, [indexFor, papers, query, sort, filter]);
}
