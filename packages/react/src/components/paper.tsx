'use client';
import { type ReactNode, useEffect } from 'react';
import { failureOf } from '../hooks/load-src.js';
import { type UsePaperOptions, usePaper } from '../hooks/use-paper.js';
import {
  EmbeddedPaper,
  type EmbeddedPaperProps,
  frameOf,
  PaperError,
  PaperNotFound,
  PaperSkeleton,
} from './embedded-paper.js';

export interface PaperProps extends Omit<EmbeddedPaperProps, 'paper'>, UsePaperOptions {
  /** An arXiv id in any form (`2106.09685`, `arXiv:2106.09685v2`), or an arXiv or Hugging Face paper URL. */
  id: string;
}

/**
 * One paper by id, fetched in the browser (see `usePaper`): a skeleton while it loads, the card, or a
 * not-found card. In a React Server Component (Next.js App Router) use `Paper` from
 * `@papertrend/react/server` instead: it fetches on the server and sends no fetching code to the page.
 */
export function Paper({ id, client, src, services, ...rest }: PaperProps): ReactNode {
  const options: UsePaperOptions = {};
  if (client) options.client = client;
  if (src !== undefined) options.src = src;
  if (services) options.services = services;
  const state = usePaper(id, options);
  const failed = state.status === 'error' ? state.error : undefined;
  useEffect(() => {
    // The detail is for the site owner, once per failure; readers see the card's short message.
    if (failed) console.warn(`papertrend: could not load paper ${id}: ${failed.message}`);
  }, [failed, id]);
  const frame = frameOf(rest);
  const { components } = rest;
  if (state.status === 'loading') {
    const Skeleton = components?.PaperSkeleton ?? PaperSkeleton;
    return <Skeleton {...frame} />;
  }
  if (state.status === 'error') {
    if (!state.notFound) return <PaperError {...frame} failure={failureOf(state.error)} retry={state.retry} />;
    const NotFound = components?.PaperNotFound ?? PaperNotFound;
    return <NotFound {...frame} id={(state.error as { id?: string }).id ?? id} />;
  }
  return <EmbeddedPaper {...rest} paper={state.paper} />;
}
