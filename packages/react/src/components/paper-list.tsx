'use client';
import type { SearchHit } from '@papertrend/core';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { whenIdle } from '../hooks/when-idle.js';
import { PaperCard, type PaperCardProps } from './paper-card.js';
import { PaperRow } from './paper-row.js';
import type { Variant } from './types.js';

export interface PaperListProps extends Omit<PaperCardProps, 'paper' | 'matches'> {
  hits: readonly SearchHit[];
  /** `card` (default): every detail; `compact`: rank, title, date and upvotes. */
  variant?: Variant;
  renderPaper?: (hit: SearchHit) => ReactNode;
}

const MOVES = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/*
 * A long listing mounted in the browser shows its first cards at once and the rest a task later, after the
 * first cards are painted: a reader sees the widget without waiting for cards below the fold to be built.
 * Server renders and hydration render every card (the HTML must be complete and match), and so does every
 * later render: typing, sorting and "Show more" never hold cards back.
 */
const FIRST_CARDS = 20;
const noSubscription = () => () => {};
const useIsServerOrHydrating = () =>
  useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );

function useMountedInFull(count: number): boolean {
  const serverOrHydrating = useIsServerOrHydrating();
  const [inFull, setInFull] = useState(() => serverOrHydrating || count <= FIRST_CARDS);
  useEffect(() => {
    if (inFull) return;
    const timer = setTimeout(() => setInFull(true), 0);
    return () => clearTimeout(timer);
  }, [inFull]);
  return inFull;
}

/**
 * Whether the cards are laid out in full (`data-laid-out` on the list): from the first idle moment after they
 * change, so that a full-page capture or find-in-page meets every card instead of blank estimated heights.
 * Until then, at first render and at each keystroke, cards below the fold cost nothing (`content-visibility:
 * auto`): new hits render without the attribute, in the same commit as the cards.
 */
function useLaidOutWhenIdle(ready: boolean, hits: readonly SearchHit[]): boolean {
  const [laidOutFor, setLaidOutFor] = useState<readonly SearchHit[] | null>(null);
  useEffect(() => {
    if (!ready || hits.length === 0) return undefined;
    return whenIdle(() => setLaidOutFor(hits));
  }, [ready, hits]);
  return ready && laidOutFor === hits;
}

/**
 * A list of papers. From a title link, ArrowDown and ArrowUp move to the next and previous paper's title,
 * Home and End to the first and last: a keyboard reader skims titles without tabbing through every card.
 */
export function PaperList({ hits, renderPaper, variant = 'card', ...cardProps }: PaperListProps): ReactNode {
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLOListElement>) => {
    if (!MOVES.has(event.key)) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('.pt-title-link')];
    const current = links.indexOf(event.target as HTMLAnchorElement);
    if (current === -1) return;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? links.length - 1
          : Math.min(links.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    links[next]?.focus();
  }, []);
  const inFull = useMountedInFull(hits.length);
  const shown = inFull ? hits : hits.slice(0, FIRST_CARDS);
  const laidOut = useLaidOutWhenIdle(inFull, hits);
  return (
    <ol
      className={variant === 'compact' ? 'pt-list pt-compact' : 'pt-list'}
      data-laid-out={laidOut ? '' : undefined}
      onKeyDown={onKeyDown}
    >
      {shown.map((hit, index) => (
        <li key={hit.paper.id} className="pt-item">
          {renderPaper ? (
            renderPaper(hit)
          ) : variant === 'compact' ? (
            <PaperRow paper={hit.paper} matches={hit.matches} rank={index + 1} {...cardProps} />
          ) : (
            <PaperCard paper={hit.paper} matches={hit.matches} {...cardProps} />
          )}
        </li>
      ))}
    </ol>
  );
}
