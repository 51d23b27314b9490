import type { Paper } from '@papertrend/core';
import {
  createSearchIndex,
  type SearchFilter,
  type SearchHit,
  type SearchIndex,
  type SearchPage,
  type SearchSort,
} from '@papertrend/core/search';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { whenIdle } from './when-idle.js';

export interface UsePaperSearchOptions {
  sort?: SearchSort;
  filter?: SearchFilter;
}

export interface UsePaperSearchPageOptions extends UsePaperSearchOptions {
  /** How many hits the page holds (the rest are only counted). */
  limit: number;
}

/**
 * Search as you type over papers; each query is synchronous. The listing's own order needs no index, so the
 * first render does not wait for one: the index is built when the browser is next idle (or by the first
 * query, if that comes sooner). Returns every hit; `usePaperSearchPage` returns one page and the total.
 */
export function usePaperSearch(
  papers: readonly Paper[],
  query: string,
  options: UsePaperSearchOptions = {},
): SearchHit[] {
  return usePaperSearchPage(papers, query, { ...options, limit: papers.length }).hits;
}

/**
 * One page of search results and how many there are in all: what a list with "Show more" needs. Only the
 * page's hits are ranked and wrapped, so a keystroke over thousands of papers costs what twenty cost.
 */
export function usePaperSearchPage(
  papers: readonly Paper[],
  query: string,
  options: UsePaperSearchPageOptions,
): SearchPage {
  const built = useRef<{ papers: readonly Paper[]; index: SearchIndex } | undefined>(undefined);
  const indexFor = useCallback((): SearchIndex => {
    if (built.current?.papers !== papers) built.current = { papers, index: createSearchIndex(papers) };
    return built.current.index;
  }, [papers]);
  useEffect(() => (papers.length > 0 ? whenIdle(() => indexFor()) : undefined), [papers, indexFor]);
  const { sort, filter, limit } = options;
  return useMemo(() => {
    if (query.trim() === '' && (sort === undefined || sort === 'relevance') && !filter) {
      return { hits: papers.slice(0, limit).map((paper) => ({ paper, score: 0, matches: [] })), total: papers.length };
    }
    return indexFor().searchPage(query, {
      limit: limit || 1,
      ...(sort ? { sort } : {}),
      ...(filter ? { filter } : {}),
    });
  }, [indexFor, papers, query, sort, filter, limit]);
}
