'use client';
import { type ReactNode, useEffect } from 'react';
import { failureOf } from '../hooks/load-src.js';
import { type UsePaperOptions, usePaper } from '../hooks/use-paper.js';
import { defaultLabels } from '../labels.js';
import {
  EmbeddedPaper,
  type EmbeddedPaperProps,
  PaperNotFound,
  PaperSkeleton,
  type PaperStateProps,
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
  const { theme, labels, className, components } = rest;
  const frame: PaperStateProps = {};
  if (theme) frame.theme = theme;
  if (labels) frame.labels = labels;
  if (className) frame.className = className;
  if (state.status === 'loading') {
    const Skeleton = components?.PaperSkeleton ?? PaperSkeleton;
    return <Skeleton {...frame} />;
  }
  if (state.status === 'error') {
    if (state.notFound) {
      const NotFound = components?.PaperNotFound ?? PaperNotFound;
      return <NotFound {...frame} id={(state.error as { id?: string }).id ?? id} />;
    }
    const text = { ...defaultLabels, ...labels };
    const failure = failureOf(state.error);
    return (
      <div
        className={className ? `pt-root pt-embedded ${className}` : 'pt-root pt-embedded'}
        data-pt-theme={theme ?? 'auto'}
      >
        <div className="pt-error" role="alert">
          <p>{text.paperError}</p>
          <p className="pt-error-detail">{text.errorHint[failure]}</p>
          {failure === 'refused' ? null : (
            <button type="button" className="pt-button" onClick={state.retry}>
              {text.retry}
            </button>
          )}
        </div>
      </div>
    );
  }
  return <EmbeddedPaper {...rest} paper={state.paper} />;
}
