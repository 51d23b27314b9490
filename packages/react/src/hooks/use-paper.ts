import type { Paper } from '@papertrend/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadSrc } from './load-src.js';

/** The part of core's client `usePaper` calls; `createClient()` from `@papertrend/core` fits. */
export interface PaperClient {
  getPaper(
    idOrUrl: string,
    options?: { signal?: AbortSignal; services?: readonly ('huggingface' | 'arxiv')[] },
  ): Promise<Paper>;
}

export interface UsePaperOptions {
  /** The client to fetch with (default: core's `getPaper`, loaded when first needed). */
  client?: PaperClient;
  /**
   * A saved paper instead of a live one: the URL of a JSON file holding one `Paper` (as `getPaper` returns it),
   * or a listing that holds the paper. Wins over `client`.
   */
  src?: string;
  /**
   * Which services to ask. Default `['huggingface']`: this hook runs in browsers, and arXiv sends no CORS
   * header, so a paper only arXiv knows needs a server (`Paper` from `@papertrend/react/server`) or `src`.
   */
  services?: readonly ('huggingface' | 'arxiv')[];
}

export type PaperState =
  | { status: 'loading'; paper?: undefined; error?: undefined; notFound?: undefined }
  | { status: 'ready'; paper: Paper; error?: undefined; notFound?: undefined }
  | {
      status: 'error';
      paper?: undefined;
      error: Error;
      /** Neither service knows the paper (a `PaperNotFoundError`): trying again will not help. */
      notFound: boolean;
    };

const BROWSER_SERVICES = ['huggingface'] as const;

/**
 * One paper by arXiv id or paper URL, for client-only apps: loading, ready and error states, and a retry.
 * Nothing is fetched during server rendering; in a React Server Component use `Paper` from
 * `@papertrend/react/server`, which fetches on the server.
 */
export function usePaper(idOrUrl: string, options: UsePaperOptions = {}): PaperState & { retry: () => void } {
  const latest = useRef(options);
  latest.current = options;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PaperState>({ status: 'loading' });
  const { src } = options;
  const servicesKey = (options.services ?? BROWSER_SERVICES).join('+');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on what loads; a new client object alone loads nothing again
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    loadPaper(idOrUrl, latest.current, controller.signal).then(
      (paper) => {
        if (!controller.signal.aborted) setState({ status: 'ready', paper });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure = error instanceof Error ? error : new Error(String(error));
        setState({ status: 'error', error: failure, notFound: failure.name === 'PaperNotFoundError' });
      },
    );
    return () => controller.abort();
  }, [idOrUrl, src, servicesKey, attempt]);
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, retry };
}

async function loadPaper(idOrUrl: string, options: UsePaperOptions, signal: AbortSignal): Promise<Paper> {
  const services = options.services ?? BROWSER_SERVICES;
  if (options.src !== undefined) {
    const papers = await loadSrc(options.src, signal).catch((error: unknown) => {
      // A saved paper that is not there, or Hugging Face's one-paper endpoint answering 404: no such paper.
      throw (error as { status?: number }).status === 404 ? notFound(`${options.src}: 404, no such paper`) : error;
    });
    const wanted = idOrUrl.trim();
    const paper =
      papers.length === 1
        ? papers[0]
        : papers.find((candidate) => candidate.id === wanted || candidate.arxivId === wanted);
    if (paper) return paper;
    throw notFound(`${options.src} holds no paper ${JSON.stringify(wanted)}`);
  }
  if (options.client) return options.client.getPaper(idOrUrl, { signal, services });
  // Core's client is loaded only by pages that fetch a paper in the browser.
  const { getPaper } = await import('@papertrend/core');
  return getPaper(idOrUrl, { signal, services });
}

/** Shaped as core's `PaperNotFoundError` (named so, and `refused`: loading again will not help). */
function notFound(message: string): Error {
  return Object.assign(new Error(message), { name: 'PaperNotFoundError', failure: 'refused' });
}
