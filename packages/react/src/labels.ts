/** Every string the widget shows, for translation. Functions receive the numbers they talk about. */
export interface Labels {
  /** The widget's accessible name (its `<section>` is a group named this: several widgets on a page stay valid). */
  region: string;
  searchLabel: string;
  searchPlaceholder: string;
  resultCount: (count: number, total: number) => string;
  noMatch: (query: string) => string;
  clearSearch: string;
  empty: string;
  loading: string;
  error: string;
  /**
   * One line under `error` saying what a reader can do, by what went wrong: `offline` (no answer, or no
   * network), `unavailable` (the server answered with a passing error), `refused` (the server refused the
   * request, as a 404: no retry is offered), `unreadable` (the answer was no listing, or too large). The technical detail goes to the site owner: `onError` and one `console.warn`.
   */
  errorHint: { offline: string; unavailable: string; refused: string; unreadable: string };
  retry: string;
  showMore: (remaining: number) => string;
  /** The one control under a card's text: the rest of it, and the other text (abstract or AI summary). */
  more: string;
  less: string;
  /** The label of the summary Hugging Face's model wrote, so readers never take it for the authors' abstract. */
  aiSummary: string;
  /** The label of the authors' abstract, shown when both texts are open. */
  abstract: string;
  submittedBy: (name: string) => string;
  /** Before a date that is the day Hugging Face featured the paper ("Featured 2 days ago"). */
  featured: (relative: string) => string;
  /** `formatted` is the locale's compact number ("1.2K"); `value` the exact one, for plural rules. */
  upvotes: (formatted: string, value: number) => string;
  comments: (formatted: string, value: number) => string;
  stars: (formatted: string, value: number) => string;
  moreAuthors: (count: number) => string;
  links: { code: string; project: string; pdf: string; abstract: string };
  sortLabel: string;
  sorts: { relevance: string; upvotes: string; date: string };
  /** The period picker, shown when the widget has a `client` (see `TrendingPapersProps.period`). */
  periodLabel: string;
  periods: { day: string; week: string; month: string; trending: string };
  /** The checkbox that keeps only papers with a code link. */
  withCode: string;
  /**
   * The note shown when the papers come from a saved copy because the live service could not be reached
   * (the client's `fallback: 'snapshot'`). `date` is the saved listing's day as the reader's locale writes
   * it ("21 Aug"), or `undefined` when the copy has no date.
   */
  savedPapers: (date: string | undefined) => string;
  /**
   * Alternative text of a paper's thumbnail. Empty by default: the title next to it already says what the
   * picture belongs to, so screen readers skip it instead of reading the title twice (WCAG technique H67).
   */
  thumbnailAlt: (title: string) => string;
  /** An embedded paper (`Paper`, `<paper-card>`) that could not be loaded; `errorHint` follows it. */
  paperError: string;
  /** An embedded paper (`Paper`, `<paper-card>`) that neither Hugging Face nor arXiv knows. */
  paperNotFound: string;
  /** The link under `paperNotFound` to arXiv's own page for the id. */
  openOnArxiv: (id: string) => string;
}

export const defaultLabels: Labels = {
  region: 'Papers',
  searchLabel: 'Search papers',
  searchPlaceholder: 'Search titles, authors, abstracts…',
  resultCount: (count, total) => (count === total ? `${total} papers` : `${count} of ${total} papers`),
  noMatch: (query) => `No papers match “${query}”.`,
  clearSearch: 'Clear search',
  empty: 'No papers to show yet.',
  loading: 'Loading papers…',
  error: 'Could not load papers.',
  errorHint: {
    offline: 'Check your connection, then try again.',
    unavailable: 'The paper service is not answering right now. Try again in a moment.',
    refused: 'These papers are not available here. The site may have a wrong link.',
    unreadable: 'The list of papers could not be read.',
  },
  retry: 'Try again',
  showMore: (remaining) => `Show more (${remaining})`,
  more: 'More',
  less: 'Less',
  aiSummary: 'AI summary',
  abstract: 'Abstract',
  submittedBy: (name) => `Submitted by ${name}`,
  featured: (relative) => `Featured ${relative}`,
  upvotes: (count, value) => `${count} ${value === 1 ? 'upvote' : 'upvotes'}`,
  comments: (count, value) => `${count} ${value === 1 ? 'comment' : 'comments'}`,
  stars: (count, value) => `${count} GitHub ${value === 1 ? 'star' : 'stars'}`,
  moreAuthors: (count) => `+${count}`,
  links: { code: 'Code', project: 'Project', pdf: 'PDF', abstract: 'arXiv' },
  sortLabel: 'Sort by',
  // "Top": the listing's own order, or the best matches once a query is typed ("Trending" is a period).
  sorts: { relevance: 'Top', upvotes: 'Most upvoted', date: 'Newest' },
  periodLabel: 'Period',
  periods: { day: 'Today', week: 'This week', month: 'This month', trending: 'Trending' },
  withCode: 'With code',
  savedPapers: (date) => (date ? `Saved papers from ${date}` : 'Saved papers'),
  thumbnailAlt: () => '',
  paperError: 'Could not load this paper.',
  paperNotFound: 'This paper could not be found.',
  openOnArxiv: (id) => `Look for arXiv:${id} on arXiv`,
};
