/**
 * The rule that keeps a published feed from going blank. Scrapers fail the way their source fails: the day
 * Hugging Face published one paper of its list, an unofficial feed served one paper. A feed built with the
 * previous one at hand keeps the previous items whenever today's list is missing or much shorter.
 */
import type { Listing, Paper } from '../model.js';
import { feedDate } from './feed-date.js';

export interface NeverBlankOptions {
  /**
   * The feed (or listing) published last time, as `parseListing` reads it: `parseListing(previousFeedXml)`
   * reads papertrend's own RSS, Atom and JSON feeds back. Without it there is nothing to keep.
   */
  previous?: Listing | readonly Paper[] | undefined;
  /**
   * Today's list counts as complete from this many papers; below it the previous items are kept and merged
   * with today's. Default: half the previous feed's items (at least 1).
   */
  minPapers?: number | undefined;
  /** The most items the feed holds, newest first. Default: 100. */
  maxItems?: number | undefined;
}

/** What `planFeedItems` decided. */
export interface FeedPlan {
  /** The feed's items, in order. */
  papers: Paper[];
  /** How many of them came from the previous feed (0 when today's list was complete). */
  keptFromPrevious: number;
  /** The threshold used. */
  minPapers: number;
  /** The previous feed's title, when it was one of papertrend's feeds: a kept feed keeps its name. */
  previousTitle?: string;
}

export const DEFAULT_MAX_FEED_ITEMS = 100;

/**
 * The items a feed should hold: today's `papers` when there are at least `minPapers` of them; otherwise
 * today's and the previous feed's together, merged by id (today's version wins), newest first, at most
 * `maxItems`. Pass `undefined` for `papers` when today's fetch failed.
 */
export function planFeedItems(papers: readonly Paper[] | undefined, options: NeverBlankOptions = {}): FeedPlan {
  const maxItems = wholeOr(options.maxItems, DEFAULT_MAX_FEED_ITEMS, 'maxItems');
  const previousListing =
    options.previous !== undefined && !Array.isArray(options.previous) ? (options.previous as Listing) : undefined;
  const previous = previousListing ? previousListing.papers : ((options.previous ?? []) as readonly Paper[]);
  const minPapers = wholeOr(options.minPapers, Math.max(1, Math.ceil(uniqueCount(previous) / 2)), 'minPapers');
  const today = papers ?? [];
  if (today.length >= minPapers || previous.length === 0) {
    return { papers: today.slice(0, maxItems), keptFromPrevious: 0, minPapers };
  }
  const byId = new Map<string, { paper: Paper; order: number; fromPrevious: boolean }>();
  today.forEach((paper, order) => {
    if (!byId.has(paper.id)) byId.set(paper.id, { paper, order, fromPrevious: false });
  });
  previous.forEach((paper, order) => {
    if (!byId.has(paper.id)) byId.set(paper.id, { paper, order: today.length + order, fromPrevious: true });
  });
  const merged = [...byId.values()].sort((a, b) => {
    const [timeA, timeB] = [timeOf(a.paper), timeOf(b.paper)];
    if (timeA !== timeB) return timeA < timeB ? 1 : -1;
    return a.order - b.order;
  });
  const kept = merged.slice(0, maxItems);
  const plan: FeedPlan = {
    papers: kept.map((entry) => entry.paper),
    keptFromPrevious: kept.filter((entry) => entry.fromPrevious).length,
    minPapers,
  };
  const title = previousListing?.format === 'papertrend-feed' ? previousListing.meta.title : undefined;
  if (typeof title === 'string' && title !== '') plan.previousTitle = title;
  return plan;
}

function uniqueCount(papers: readonly Paper[]): number {
  return new Set(papers.map((paper) => paper.id)).size;
}

function timeOf(paper: Paper): number {
  const date = feedDate(paper);
  const time = date === undefined ? Number.NaN : Date.parse(date);
  // Undated items sort last, in their order.
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function wholeOr(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, not ${value}`);
  return value;
}
