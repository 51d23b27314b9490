/**
 * Filters and sorts applied to results (and to the empty query's listing), and the `limit` rule.
 */
import type { Paper } from '../model.js';

/** Filters applied to results (and to the empty query's listing). All given conditions must hold. */
export interface SearchFilter {
  /** Earliest date, inclusive (`2024-05-01` or a `Date`); compared with `publishedAt`, else `featuredAt`. */
  from?: string | Date;
  /** Latest date, inclusive. */
  to?: string | Date;
  /** Only papers with a code link. */
  hasCode?: boolean;
  /** Only papers with at least this many upvotes. */
  minUpvotes?: number;
  /** Only papers from these sources (`Paper.source`). */
  source?: string | readonly string[];
}

export type SearchSort = 'relevance' | 'upvotes' | 'date';

function dateOf(paper: Paper): string {
  return paper.publishedAt ?? paper.featuredAt ?? '';
}

export function sortPapers(papers: Paper[], sort: 'upvotes' | 'date'): Paper[] {
  const copy = [...papers];
  if (sort === 'upvotes') copy.sort((a, b) => (b.metrics.upvotes ?? -1) - (a.metrics.upvotes ?? -1));
  else copy.sort((a, b) => (dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : 0));
  return copy;
}

/** A whole number ≥ 0, or `Infinity`; anything else (NaN, negative, not a number) is the default 20. */
export function limitOf(limit: unknown): number {
  if (typeof limit !== 'number' || Number.isNaN(limit) || limit < 0) return 20;
  return limit === Number.POSITIVE_INFINITY ? limit : Math.floor(limit);
}

/** A filter day (`YYYY-MM-DD`) from a string or a `Date`; anything else sets no bound. */
function dayOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.slice(0, 10);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

export function toPredicate(filter: SearchFilter | ((paper: Paper) => boolean) | undefined): (paper: Paper) => boolean {
  if (filter === undefined) return () => true;
  if (typeof filter === 'function') return filter;
  const sources = filter.source === undefined ? undefined : new Set([filter.source].flat());
  const from = dayOf(filter.from);
  const to = dayOf(filter.to);
  const minUpvotes =
    typeof filter.minUpvotes === 'number' && !Number.isNaN(filter.minUpvotes) ? filter.minUpvotes : undefined;
  return (paper) => {
    if (filter.hasCode && !paper.links.code) return false;
    if (minUpvotes !== undefined && (paper.metrics.upvotes ?? 0) < minUpvotes) return false;
    if (sources && !sources.has(paper.source)) return false;
    if (from !== undefined || to !== undefined) {
      const day = dateOf(paper).slice(0, 10);
      if (day === '') return false;
      if (from !== undefined && day < from) return false;
      if (to !== undefined && day > to) return false;
    }
    return true;
  };
}

/**
 * Hits sorted by upvotes or date. The sort applies to the relevant results, not to every weak partial match:
 * hits under a twentieth of the best score are left out.
 */
export function sortRelevant<Hit extends { paper: Paper; score: number }>(
  hits: Hit[],
  sort: 'upvotes' | 'date',
): Hit[] {
  const top = hits[0]?.score ?? 0;
  const relevant = hits.filter((hit) => hit.score >= top * 0.05);
  const order = new Map(
    sortPapers(
      relevant.map((hit) => hit.paper),
      sort,
    ).map((paper, at) => [paper, at]),
  );
  return relevant.sort((a, b) => (order.get(a.paper) as number) - (order.get(b.paper) as number));
}
