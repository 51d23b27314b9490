/**
 * `@papertrend/core/feed`: papers out of papertrend, into the places people read them — RSS 2.0, Atom 1.0
 * and JSON Feed 1.1 feeds that never go blank, BibTeX for a bibliography, and Markdown digests. Its own
 * entry, so no widget bundle carries the XML writer.
 */
export type { Listing, Paper } from '../model.js';
export { type BibtexOptions, bibtexTitle, citationKey, escapeTex, toBibtex } from '../writers/bibtex.js';
export {
  FEED_FORMATS,
  FEED_GENERATOR,
  type FeedFormat,
  type FeedOptions,
  feedItemId,
  toFeed,
} from '../writers/feed.js';
export { feedDate } from '../writers/feed-date.js';
export { escapeMarkdown, type MarkdownOptions, toMarkdown } from '../writers/markdown.js';
export {
  DEFAULT_MAX_FEED_ITEMS,
  type FeedPlan,
  type NeverBlankOptions,
  planFeedItems,
} from '../writers/never-blank.js';
