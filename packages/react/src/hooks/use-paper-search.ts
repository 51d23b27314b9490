import type { Paper } from '@papertrend/core';
import {
  createSearchIndex,
  type SearchFilter,
  type SearchHit,
  type SearchIndex,
  type SearchSort,
} from '@papertrend/core/search';
import { useCallback, useEffect, useMemo, useRef } from 'react';

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
 * query, if that comes sooner).
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
