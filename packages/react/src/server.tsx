/**
 * `@papertrend/react/server`: components that fetch on the server, for React Server Components (Next.js App
 * Router and other RSC hosts). No `'use client'` here: `Paper` is an async server component; the card it
 * renders comes from the package's client entry, so the page receives the card's HTML and no fetching code.
 * `trimForWidget` keeps only what the widget shows of a listing, for props serialised into the page.
 */
import { type GetPaperWithClientOptions, getPaper, isPaperNotFoundError } from '@papertrend/core';
import { type ReactNode, Suspense } from 'react';
import { EmbeddedPaper, type EmbeddedPaperProps, PaperNotFound, PaperSkeleton, type PaperStateProps } from './index.js';

// Plain data for props that travel in the page; a function a server component can call (not a client reference).
export { type TrimOptions, trimForWidget } from './trim.js';

export interface PaperProps extends Omit<EmbeddedPaperProps, 'paper'> {
  /** An arXiv id in any form (`2106.09685`, `arXiv:2106.09685v2`), or an arXiv or Hugging Face paper URL. */
  id: string;
  /**
   * How to fetch: `client` (its cache — `createFileCache()` from `@papertrend/core/node` for builds —,
   * retries, base URLs) and `services`. Default: core's shared client, both services.
   */
  fetchOptions?: GetPaperWithClientOptions;
}

/** The paper's card, once fetched: a not-found card for a paper neither service knows; other failures throw. */
export async function PaperContent({ id, fetchOptions, ...card }: PaperProps): Promise<ReactNode> {
  let paper: Awaited<ReturnType<typeof getPaper>>;
  try {
    paper = await getPaper(id, fetchOptions);
  } catch (error) {
    if (!isPaperNotFoundError(error)) throw error;
    const NotFound = card.components?.PaperNotFound ?? PaperNotFound;
    return <NotFound {...frameOf(card)} id={error.id} />;
  }
  return <EmbeddedPaper {...card} paper={paper} />;
}

/**
 * One paper by id, fetched on the server, as react-tweet's `Tweet`: a skeleton streams first, then the card.
 *
 * @example
 * ```tsx
 * import { Paper } from '@papertrend/react/server';
 * export default function Post() {
 *   return <Paper id="2106.09685" />;
 * }
 * ```
 */
export function Paper(props: PaperProps): ReactNode {
  const Skeleton = props.components?.PaperSkeleton ?? PaperSkeleton;
  return (
    <Suspense fallback={<Skeleton {...frameOf(props)} />}>
      <PaperContent {...props} />
    </Suspense>
  );
}

// The client entry's `frameOf` would be a client reference here (its file is 'use client'), not a function
// a server component can call: this is its server twin.
function frameOf({ theme, labels, className }: PaperStateProps): PaperStateProps {
  const frame: PaperStateProps = {};
  if (theme) frame.theme = theme;
  if (labels) frame.labels = labels;
  if (className) frame.className = className;
  return frame;
}
