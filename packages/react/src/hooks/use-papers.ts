import type { Paper } from '@papertrend/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Period, periodRequest } from '../view.js';
import { loadSrc } from './load-src.js';

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
  /**
   * A listing as the client answered it (in a server component, at build time): its papers, and, when the
   * client answered from its bundled snapshot (`meta.fallback`), the "saved papers" note readers see. Wins
   * over `src`; `papers` wins over it.
   */
  listing?: PapersListing;
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
  /**
   * What is being loaded, when `load` or `client` change what that is. Papers load again when `src`,
   * `period` or `loadKey` change, not when a new `load` function or client object arrives: an inline
   * `load={() => …}` or `client={createClient()}` renders without refetching.
   */
  loadKey?: string | number;
}

const EMPTY: readonly Paper[] = [];

/**
 * Papers from props, a URL or a loader, with loading and error states and a retry. No fetch during SSR.
 * `periods` says whether the `period` option decides what loads (a client with `daily`, nothing winning over it).
 */
export function usePapers(options: UsePapersOptions): PapersState & { retry: () => void; periods: boolean } {
  const { src, loadKey, listing } = options;
  const papers = options.papers ?? listing?.papers;
  const saved = options.papers ? undefined : savedOf(listing?.meta);
  const periods = offersPeriods(options);
  const period = periods ? (options.period ?? 'trending') : 'trending';
  // The latest options, read when a load starts: new function or client identities alone start nothing.
  const latest = useRef(options);
  latest.current = options;
  const kind = options.load ? 'load' : options.client ? 'client' : src ? 'src' : 'none';
  const [attempt, setAttempt] = useState(0);
  // Papers given are shown in the same render as the props that brought them: taken in an effect, they would
  // trail a new query by a commit, and a reader would see one frame of the old papers (or none) under it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `saved` is a new object each render; its date is what counts
  const given = useMemo(
    () => (papers ? readyState(papers, saved) : undefined),
    [papers, saved?.date, saved === undefined],
  );
  const [state, setState] = useState<PapersState>({ status: 'loading', papers: EMPTY });
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on what loads (see `loadKey`); `attempt` is how retry() asks again
  useEffect(() => {
    if (papers) return;
    const loader = loaderFor(latest.current, period);
    if (!loader) {
      setState({ status: 'ready', papers: EMPTY });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', papers: previous.papers }));
    loader(controller.signal).then(
      ({ papers: loaded, meta }) => {
        if (!controller.signal.aborted) setState(readyState(loaded, savedOf(meta)));
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
  }, [papers, src, kind, loadKey, period, attempt, saved?.date, saved === undefined]);
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...(given ?? state), retry, periods };
}

/** The saved-copy note of a listing's `meta`: set when the client answered from its snapshot. */
function savedOf(meta: PapersListing['meta']): { date?: string } | undefined {
  if (meta?.fallback !== 'snapshot') return undefined;
  return typeof meta.date === 'string' ? { date: meta.date } : {};
}

function readyState(papers: readonly Paper[], saved: { date?: string } | undefined): PapersState {
  return saved ? { status: 'ready', papers, saved } : { status: 'ready', papers };
}

/** Whether `period` decides what loads: no `papers` or `load` win over a client that has `daily`. */
function offersPeriods({ papers, listing, load, client }: UsePapersOptions): boolean {
  return !papers && !listing && !load && client?.daily !== undefined;
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
