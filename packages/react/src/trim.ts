/**
 * `trimForWidget`: only what the widget shows of a listing, for props that travel in the page. A server
 * component (Next) or an island (Astro) serialises its props into the HTML, so whole papers — abstracts of
 * papers past `limit`, every author's affiliations, media lists, arXiv comments — cost readers bytes the widget
 * never shows. Plain data in, plain data out: it runs on the server and is exported from
 * `@papertrend/react/server`.
 */
import type { Paper } from '@papertrend/core';
import type { Variant } from './components/types.js';
import type { PapersListing } from './hooks/use-papers.js';

export interface TrimOptions {
  /** Keep the first `limit` papers (pass the widget's `limit`; readers then search and page through these only). */
  limit?: number;
  /** The variant the widget renders (default `card`): `compact` rows show no text, authors, links or counts. */
  variant?: Variant;
  /** Whether readers can search (default: as the widget, `true` for cards, `false` for `compact`). */
  search?: boolean;
  /** Whether thumbnails are shown (default: as the widget, `true` for cards, `false` for `compact`). */
  showThumbnails?: boolean;
  /** How many author names a card shows when readers cannot search (default 3, as the card). */
  maxAuthors?: number;
}

/**
 * The listing (or papers) with only what the widget renders: the first `limit` papers, and of each the fields
 * the variant shows, plus the text search reads when readers can search. A listing keeps its `meta`, so a
 * saved snapshot still carries the widget's "saved papers" note.
 *
 * @example
 * ```tsx
 * const listing = await createClient({ fallback: 'snapshot' }).trending();
 * <TrendingPapers listing={trimForWidget(listing, { limit: 5, variant: 'compact' })} limit={5} variant="compact" />
 * ```
 */
export function trimForWidget(papers: readonly Paper[], options?: TrimOptions): Paper[];
export function trimForWidget(listing: PapersListing, options?: TrimOptions): PapersListing;
export function trimForWidget(
  input: readonly Paper[] | PapersListing,
  options: TrimOptions = {},
): Paper[] | PapersListing {
  const papers = Array.isArray(input) ? (input as readonly Paper[]) : (input as PapersListing).papers;
  const kept = papers.slice(0, options.limit ?? papers.length).map((paper) => trimPaper(paper, options));
  if (Array.isArray(input)) return kept;
  const { meta } = input as PapersListing;
  if (meta === undefined) return { papers: kept };
  // Only what the widget reads of `meta`: whether a snapshot answered, and its day.
  return { papers: kept, meta: { fallback: meta.fallback, date: meta.date } };
}

function trimPaper(paper: Paper, options: TrimOptions): Paper {
  const compact = options.variant === 'compact';
  const search = options.search ?? !compact;
  const thumbnails = options.showThumbnails ?? !compact;
  const { links, metrics } = paper;
  const out: Paper = {
    id: paper.id,
    title: paper.title,
    source: paper.source,
    links: pick(links, compact ? ['page', 'abstract'] : ['page', 'abstract', 'pdf', 'code', 'project']),
    metrics: pick(metrics, compact ? ['upvotes'] : ['upvotes', 'comments', 'githubStars']),
  };
  // The card's preview: its own thumbnail, else the first image of its media (as the card picks it).
  const thumbnail = links.thumbnail ?? paper.media?.find((media) => media.type === 'image')?.url;
  if (thumbnails && thumbnail) out.links.thumbnail = thumbnail;
  if (paper.publishedAt) out.publishedAt = paper.publishedAt;
  if (paper.featuredAt) out.featuredAt = paper.featuredAt;
  if (!compact || search) {
    // Search reads every name and keyword and both texts; a card shows both texts, and names up to maxAuthors.
    const authors = paper.authors?.map((author) => ({ name: author.name }));
    const shown = search ? authors : authors?.slice(0, options.maxAuthors ?? 3);
    if (shown) out.authors = shown;
    const count = Math.max(paper.authorCount ?? 0, paper.authors?.length ?? 0);
    if (count > (shown?.length ?? 0)) out.authorCount = count;
    const keywords = search ? paper.keywords : paper.keywords?.slice(0, 4);
    if (keywords) out.keywords = keywords;
    copyText(paper, out, 'abstract');
    copyText(paper, out, 'aiSummary');
  }
  if (!compact) {
    if (paper.organization) out.organization = account(paper.organization);
    if (paper.submitter) out.submitter = account(paper.submitter);
  }
  return out;
}

function copyText(paper: Paper, out: Paper, field: 'abstract' | 'aiSummary'): void {
  const text = paper[field];
  if (text) out[field] = text;
}

function account({ name, fullname }: NonNullable<Paper['organization']>): NonNullable<Paper['organization']> {
  return fullname ? { name, fullname } : { name };
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}
