import type { SearchSort } from '@papertrend/core/search';
import { useState } from 'react';
import type { Period } from '../view.js';

export interface TrendingPapersStateOptions {
  /** Starting query (uncontrolled). */
  initialQuery?: string;
  /** Controlled query; pair with `onQueryChange`. */
  query?: string;
  onQueryChange?: (query: string) => void;
  /** Starting sort (default `relevance`). */
  sort?: SearchSort;
  /** Starting period (default `trending`); a new value is a new starting point. */
  period?: Period;
  /** Papers per page (default 20). */
  limit?: number;
}

export interface TrendingPapersState {
  query: string;
  setQuery: (query: string) => void;
  sort: SearchSort;
  setSort: (sort: SearchSort) => void;
  withCode: boolean;
  setWithCode: (withCode: boolean) => void;
  period: Period;
  setPeriod: (period: Period) => void;
  /** How many papers are shown: `limit`, plus a page per "show more"; back to `limit` when what is listed changes. */
  shown: number;
  showMore: () => void;
  /** Empties the query and the with-code filter (the "clear search" of the no-match state). */
  clear: () => void;
}

/**
 * Everything a reader changes in the widget, with nothing synced by effects: a new `period` prop replaces
 * the reader's choice during render, and the page count belongs to what is listed (query, sort, filter,
 * period, limit), so it starts over when any of them changes. Use it to build your own widget around
 * `usePapers`, `usePaperSearch` and the components.
 */
export function useTrendingPapersState(options: TrendingPapersStateOptions = {}): TrendingPapersState {
  const limit = options.limit ?? 20;
  const [ownQuery, setOwnQuery] = useState(options.initialQuery ?? '');
  const query = options.query ?? ownQuery;
  const setQuery = (value: string): void => {
    if (options.query === undefined) setOwnQuery(value);
    options.onQueryChange?.(value);
  };
  const [sort, setSort] = useState<SearchSort>(options.sort ?? 'relevance');
  const [withCode, setWithCode] = useState(false);
  // The reader's period, and the prop it started from: a different prop is a new starting point.
  const [chosen, setChosen] = useState({ from: options.period, period: options.period ?? 'trending' });
  const period = chosen.from === options.period ? chosen.period : (options.period ?? 'trending');
  const setPeriod = (value: Period): void => setChosen({ from: options.period, period: value });
  const listed = `${query}\u0000${sort}\u0000${withCode}\u0000${period}\u0000${limit}`;
  const [paging, setPaging] = useState({ listed, shown: limit });
  const shown = paging.listed === listed ? paging.shown : limit;
  return {
    query,
    setQuery,
    sort,
    setSort,
    withCode,
    setWithCode,
    period,
    setPeriod,
    shown,
    showMore: () => setPaging({ listed, shown: shown + limit }),
    clear: () => {
      setQuery('');
      setWithCode(false);
    },
  };
}
