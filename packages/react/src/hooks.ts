import type { Paper } from '@papertrend/core';
import { createSearchIndex, type SearchFilter, type SearchHit, type SearchSort } from '@papertrend/core/search';
import { useCallback, useEffect, useMemo, useState } from 'react';

export type PapersState =
  | { status: 'loading'; papers: readonly Paper[]; error?: undefined }
  | { status: 'error'; papers: readonly Paper[]; error: Error }
  | { status: 'ready'; papers: readonly Paper[]; error?: undefined };

/** The part of core's client the widget calls; `createClient()` from `@papertrend/core` fits. */
export interface PapersClient {
  trending(options?: { signal?: AbortSignal; limit?: number }): Promise<{ papers: readonly Paper[] }>;
}

export interface UsePapersOptions {
  /** Static papers (built at build time or by a server component). Wins over `src`. */
  papers?: readonly Paper[];
  /** URL of a listing in any format `parseListing` reads (JSON from the CLI, an HF API response, …). */
  src?: string;
  /** A papertrend client: the widget shows `client.trending()` (retries, cache and fallback are the client's). */
  client?: PapersClient;
  /** Custom loader, for anything else (`client.daily({ date })`, your own API…). Wins over `client`. */
  load?: (signal: AbortSignal) => Promise<readonly Paper[]>;
}

const EMPTY: readonly Paper[] = [];

async function loadSrc(src: string, signal: AbortSignal): Promise<readonly Paper[]> {
  const response = await fetch(src, { signal });
  if (!response.ok) throw new Error(`${src}: ${response.status} ${response.statusText}`);
  const text = await response.text();
  // Any format parseListing knows, validated like all input. Loaded on demand, so widgets given static
  // papers never download a parser; JSON and page text need only the lite parser, markup (Hugging Face
  // HTML, arXiv feeds) the full one with its HTML/XML parser.
  const { parseListing } = /^\s*</.test(text)
    ? await import('@papertrend/core')
    : await import('@papertrend/core/lite');
  return parseListing(text).papers;
}

/** Papers from props, a URL or a loader, with loading and error states and a retry. No fetch during SSR. */
export function usePapers(options: UsePapersOptions): PapersState & { retry: () => void } {
  const { papers, src, client, load } = options;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PapersState>(() =>
    papers ? { status: 'ready', papers } : { status: 'loading', papers: EMPTY },
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry() asks for a reload
  useEffect(() => {
    if (papers) {
      setState({ status: 'ready', papers });
      return;
    }
    const loader =
      load ??
      (client ? (signal: AbortSignal) => client.trending({ signal }).then((listing) => listing.papers) : undefined) ??
      (src ? (signal: AbortSignal) => loadSrc(src, signal) : undefined);
    if (!loader) {
      setState({ status: 'ready', papers: EMPTY });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', papers: previous.papers }));
    loader(controller.signal).then(
      (loaded) => {
        if (!controller.signal.aborted) setState({ status: 'ready', papers: loaded });
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
  }, [papers, src, client, load, attempt]);
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, retry };
}

export interface UsePaperSearchOptions {
  sort?: SearchSort;
  filter?: SearchFilter;
}

/** Search as you type over papers: the index is built once per list, each query is synchronous. */
export function usePaperSearch(
  papers: readonly Paper[],
  query: string,
  options: UsePaperSearchOptions = {},
): SearchHit[] {
  const index = useMemo(() => createSearchIndex(papers), [papers]);
  const { sort, filter } = options;
  return useMemo(
    () => index.search(query, { limit: papers.length || 1, ...(sort ? { sort } : {}), ...(filter ? { filter } : {}) }),
    [index, query, sort, filter, papers.length],
  );
}
