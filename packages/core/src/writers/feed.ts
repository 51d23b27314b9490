/**
 * Papers as a feed: RSS 2.0, Atom 1.0 or JSON Feed 1.1.
 *
 * The XML is written by fast-xml-builder, which escapes text and attribute values, rather than by the `feed`
 * package: `feed` writes through xml-js (last released 2019), which leaves `<` unescaped in attributes (a
 * keyword `a<b` makes the Atom feed ill-formed), turns the text `&amp;` into `&`, and splits only the first
 * `]]>` of a CDATA section; its JSON Feed is version 1 with one author per item. Each writer below is a plain
 * object tree, so what lands in the feed is visible in one place.
 */
import XMLBuilder from 'fast-xml-builder';
import { EARLIEST_DATE, LATEST_DATE, type Listing, type Paper } from '../model.js';
import { cleanLine } from '../parse/normalize.js';
import { texToUnicode } from '../tex/split.js';
import { defined } from '../utils/defined.js';
import { feedDate } from './feed-date.js';
import { type NeverBlankOptions, planFeedItems } from './never-blank.js';
import { paragraphsToHtml, xmlSafe } from './text.js';

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** Who wrote the feed; papertrend reads its own feeds back by this mark (`--previous feed.xml`). */
export const FEED_GENERATOR = { name: 'papertrend', uri: 'https://www.npmjs.com/package/@papertrend/core' } as const;

export interface FeedOptions extends NeverBlankOptions {
  /** `rss` (RSS 2.0), `atom` (Atom 1.0) or `json` (JSON Feed 1.1). */
  format: FeedFormat;
  /** The feed's title. Default: from the listing (`Hugging Face Daily Papers`, `Hugging Face trending papers`). */
  title?: string;
  /** The page the feed is about. Default: `https://huggingface.co/papers`. */
  link?: string;
  /** Where the feed itself is published (its self link; feed validators ask for one). */
  feedUrl?: string;
  description?: string;
  /** The feed's language as a BCP 47 tag (`en`). Default: `en`, the language of the papers' abstracts. */
  language?: string;
  /**
   * What an item's summary shows: the abstract (default), or Hugging Face's one-sentence AI summary, with
   * the abstract then as the item's full content. Either falls back to the other when a paper lacks it.
   */
  summary?: 'abstract' | 'ai-summary';
  /** When the feed last changed. Default: the newest item's date, so an unchanged list writes the same feed. */
  updated?: Date | string;
}

/** An item as every format sees it, worked out once. */
interface FeedItem {
  id: string;
  title: string;
  link: string;
  /** The short text (RSS description, Atom summary, JSON Feed summary or content). */
  summary?: string;
  /** The long text, only when `summary` holds the AI summary: then this is the abstract. */
  content?: string;
  authors: string[];
  date: Date;
  published?: Date;
  categories: string[];
  thumbnail?: { url: string; type?: string };
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/**
 * The feed's id for a paper: its arXiv abstract URL when it has an arXiv id (the same paper keeps the same id
 * in every feed and every day, so readers never show it twice), else a `urn:papertrend:` form of its `id`.
 */
export function feedItemId(paper: Pick<Paper, 'id' | 'arxivId'>): string {
  if (paper.arxivId !== undefined && paper.arxivId === paper.id) return `https://arxiv.org/abs/${paper.arxivId}`;
  return `urn:papertrend:${encodeURIComponent(xmlSafe(paper.id))}`;
}

function toItem(paper: Paper, options: FeedOptions, fallbackDate: Date): FeedItem {
  const link =
    paper.links.page ??
    paper.links.abstract ??
    (paper.arxivId ? `https://huggingface.co/papers/${paper.arxivId}` : undefined) ??
    paper.links.pdf ??
    'https://huggingface.co/papers';
  const wantsAi = options.summary === 'ai-summary' && paper.aiSummary !== undefined;
  const item: FeedItem = {
    id: feedItemId(paper),
    // TeX can leave spaces at the ends (`\ Title`, `\quad`): a feed reader trims them, so they are not written.
    title: cleanLine(xmlSafe(texToUnicode(paper.title))),
    link,
    authors: (paper.authors ?? [])
      .map((author) => cleanLine(xmlSafe(texToUnicode(author.name))))
      .filter((name) => name !== ''),
    date: dateOf(feedDate(paper)) ?? fallbackDate,
    categories: (paper.keywords ?? []).map(xmlSafe).filter((keyword) => keyword !== ''),
  };
  const summary = wantsAi ? paper.aiSummary : (paper.abstract ?? paper.aiSummary);
  if (summary) item.summary = xmlSafe(texToUnicode(summary));
  if (wantsAi && paper.abstract) item.content = xmlSafe(texToUnicode(paper.abstract));
  const published = dateOf(paper.publishedAt);
  if (published) item.published = published;
  const thumbnail = paper.links.thumbnail ?? paper.media?.find((media) => media.type === 'image')?.url;
  if (thumbnail) {
    const extension = /\.([a-z0-9]+)$/i.exec(new URL(thumbnail).pathname)?.[1]?.toLowerCase();
    const type = extension === undefined ? undefined : IMAGE_TYPES[extension];
    item.thumbnail = type ? { url: thumbnail, type } : { url: thumbnail };
  }
  return item;
}

/** A date a feed can write: none for one that is not a date, or outside years 0001–9999 in UTC. */
function dateOf(value: string | Date | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  const time = date.getTime();
  return time >= EARLIEST_DATE && time <= LATEST_DATE ? date : undefined;
}

function defaultTitle(listing: Listing | undefined): string {
  const kind = listing?.meta.kind;
  if (kind === 'trending' || listing?.meta.sort === 'trending') return 'Hugging Face trending papers';
  if (listing?.format === 'arxiv-atom') return 'arXiv papers';
  if (typeof listing?.meta.title === 'string' && listing.format === 'papertrend-feed') return listing.meta.title;
  return 'Hugging Face Daily Papers';
}

/**
 * Write papers as a feed. Pass a `Listing` (its kind names the feed) or the papers themselves.
 *
 * With `previous` (the last feed you published, read with `parseListing`, or its listing), a failed or partial
 * day never empties the feed: when `papers` has fewer than `minPapers`, the previous items are kept (see
 * `planFeedItems`, which also says what it did).
 *
 * @example
 * import { toFeed } from '@papertrend/core/feed';
 * const rss = toFeed(await client.trending(), { format: 'rss', feedUrl: 'https://example.com/papers.xml' });
 */
export function toFeed(input: Listing | readonly Paper[], options: FeedOptions): string {
  const listing = isListing(input) ? input : undefined;
  const plan = planFeedItems(listing ? listing.papers : (input as readonly Paper[]), options);
  // A loop, not `Math.max(...dates)`: spreading 200,000 arguments overflows the stack.
  let newestTime = Number.NEGATIVE_INFINITY;
  for (const paper of plan.papers) {
    const time = dateOf(feedDate(paper))?.getTime();
    if (time !== undefined && time > newestTime) newestTime = time;
  }
  const newest = Number.isFinite(newestTime) ? new Date(newestTime) : undefined;
  const updated = dateOf(options.updated) ?? newest ?? new Date();
  const items = plan.papers.map((paper) => toItem(paper, options, updated));
  const channel: Channel = {
    title: xmlSafe(
      options.title ?? (plan.keptFromPrevious > 0 ? plan.previousTitle : undefined) ?? defaultTitle(listing),
    ),
    link: options.link ?? 'https://huggingface.co/papers',
    description: xmlSafe(
      options.description ?? 'Research papers, written by papertrend from Hugging Face and arXiv listings.',
    ),
    language: options.language ?? 'en',
    updated,
    ...defined({ feedUrl: options.feedUrl }),
  };
  switch (options.format) {
    case 'rss':
      return rss(channel, items);
    case 'atom':
      return atom(channel, items);
    case 'json':
      return jsonFeed(channel, items);
    default:
      throw new TypeError(`toFeed: format must be one of ${FEED_FORMATS.join(', ')}, not ${String(options.format)}`);
  }
}

function isListing(input: Listing | readonly Paper[]): input is Listing {
  return !Array.isArray(input);
}

interface Channel {
  title: string;
  link: string;
  feedUrl?: string;
  description: string;
  language: string;
  updated: Date;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

function xml(tree: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(tree)}`;
}

function rss(channel: Channel, items: FeedItem[]): string {
  return xml({
    rss: {
      '@version': '2.0',
      '@xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@xmlns:media': 'http://search.yahoo.com/mrss/',
      channel: {
        title: channel.title,
        link: channel.link,
        description: channel.description,
        language: channel.language,
        lastBuildDate: channel.updated.toUTCString(),
        generator: `${FEED_GENERATOR.name} (${FEED_GENERATOR.uri})`,
        ...defined({
          'atom:link': channel.feedUrl
            ? { '@href': channel.feedUrl, '@rel': 'self', '@type': 'application/rss+xml' }
            : undefined,
        }),
        item: items.map((item) =>
          defined({
            title: item.title,
            link: item.link,
            guid: { '@isPermaLink': 'false', '#text': item.id },
            pubDate: item.date.toUTCString(),
            // RSS readers show `description` as HTML: the text is escaped into it, then the XML escapes that.
            description: item.summary ? paragraphsToHtml(item.summary) : undefined,
            'content:encoded': item.content ? paragraphsToHtml(item.content) : undefined,
            'dc:creator': item.authors,
            category: item.categories,
            enclosure: item.thumbnail?.type
              ? { '@url': item.thumbnail.url, '@length': '0', '@type': item.thumbnail.type }
              : undefined,
            'media:thumbnail': item.thumbnail && { '@url': item.thumbnail.url },
          }),
        ),
      },
    },
  });
}

function atom(channel: Channel, items: FeedItem[]): string {
  return xml({
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xmlns:media': 'http://search.yahoo.com/mrss/',
      '@xml:lang': channel.language,
      id: channel.feedUrl ?? channel.link,
      title: { '@type': 'text', '#text': channel.title },
      subtitle: { '@type': 'text', '#text': channel.description },
      updated: channel.updated.toISOString(),
      generator: { '@uri': FEED_GENERATOR.uri, '#text': FEED_GENERATOR.name },
      link: [
        { '@rel': 'alternate', '@type': 'text/html', '@href': channel.link },
        ...(channel.feedUrl ? [{ '@rel': 'self', '@type': 'application/atom+xml', '@href': channel.feedUrl }] : []),
      ],
      // Atom wants an author for every entry and lends the feed's to entries without one: papers whose
      // source lists no authors (copied page text) are credited to the listing they came from.
      author: { name: channel.title, uri: channel.link },
      entry: items.map((item) =>
        defined({
          id: item.id,
          title: { '@type': 'text', '#text': item.title },
          link: [
            { '@rel': 'alternate', '@type': 'text/html', '@href': item.link },
            ...(item.thumbnail?.type
              ? [{ '@rel': 'enclosure', '@type': item.thumbnail.type, '@href': item.thumbnail.url }]
              : []),
          ],
          updated: item.date.toISOString(),
          published: item.published?.toISOString(),
          author: item.authors.map((name) => ({ name })),
          category: item.categories.map((term) => ({ '@term': term })),
          // Atom can say "this is plain text": no escaping layer for a reader to get wrong.
          summary: item.summary ? { '@type': 'text', '#text': item.summary } : undefined,
          content: item.content ? { '@type': 'text', '#text': item.content } : undefined,
          'media:thumbnail': item.thumbnail && { '@url': item.thumbnail.url },
        }),
      ),
    },
  });
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `JSON.stringify` leaves out the `undefined` members. */
function jsonFeed(channel: Channel, items: FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.feedUrl || undefined,
    description: channel.description,
    language: channel.language,
    // JSON Feed's extension mark: papertrend reads its own feeds back by it.
    _papertrend: { about: FEED_GENERATOR.uri, updated: channel.updated.toISOString() },
    items: items.map((item) => ({
      id: item.id,
      url: item.link,
      title: item.title,
      // Every item needs content_text or content_html: the abstract when known, else the summary or nothing.
      content_text: item.content ?? item.summary ?? '',
      summary: item.content && item.summary ? item.summary : undefined,
      image: item.thumbnail?.url,
      date_published: item.date.toISOString(),
      _papertrend: item.published && { published: item.published.toISOString() },
      authors: item.authors.length > 0 ? item.authors.map((name) => ({ name })) : undefined,
      tags: item.categories.length > 0 ? item.categories : undefined,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
