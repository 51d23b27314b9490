/**
 * papertrend's own feeds read back: the RSS 2.0, Atom 1.0 and JSON Feed 1.1 that `toFeed` and
 * `papertrend feed` write, recognised by their generator mark. This is what makes `--previous feed.xml`
 * work with nothing else kept: yesterday's feed is today's fallback.
 *
 * A feed carries less than a listing (no upvotes, one date per item), so a paper read back has what the feed
 * shows: id, title, link, abstract or AI summary, authors, the item's date as `featuredAt`, keywords and the
 * thumbnail. Other people's feeds are not this format (arXiv's are `arxiv-atom`).
 */
import { ListingFormatError } from '../errors.js';
import type { Paper } from '../model.js';
import { cleanLine, cleanParagraphs, lineLocator, parseArxivId } from '../parse/normalize.js';
import { defineSource, type ParseContext, type SourceResult } from '../parse/source.js';
import { readMarkup } from './markup.js';
import { readXmlFields } from './xml-fields.js';

/** One item or entry as read, before it becomes a `Paper`. */
interface RawItem {
  offset: number;
  id?: string;
  title?: string;
  link?: string;
  summary?: string;
  /** Only in the HTML-bearing RSS elements: `summary`/`content` are HTML there, plain text in Atom. */
  summaryIsHtml?: boolean;
  content?: string;
  contentIsHtml?: boolean;
  date?: string;
  published?: string;
  authors: string[];
  categories: string[];
  thumbnail?: string;
  truncated?: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isOurJsonFeed(json: unknown): json is Record<string, unknown> {
  return (
    isObject(json) &&
    typeof json.version === 'string' &&
    json.version.startsWith('https://jsonfeed.org/version/') &&
    isObject(json._papertrend)
  );
}

/** The generator element papertrend writes, near the top of every RSS and Atom feed it writes. */
const XML_MARK = /<generator(\s[^>]*)?>\s*papertrend\b/;

export const papertrendFeedSource = defineSource({
  name: 'papertrend-feed',
  description: "papertrend's own feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1), as `papertrend feed` writes them",
  detect(input) {
    if (input.isJson) return isOurJsonFeed(input.json);
    const head = input.text?.trimStart().slice(0, 4096) ?? '';
    if (!head.startsWith('<') || !/<(rss|feed)[\s>]/.test(head)) return false;
    return XML_MARK.test(head) ? 1 : { confidence: 0, missing: 'the papertrend generator mark' };
  },
  parse(input, context) {
    if (input.isJson) {
      if (!isOurJsonFeed(input.json)) {
        throw new ListingFormatError(
          'papertrend-feed',
          'not a JSON Feed written by papertrend (no `_papertrend` mark)',
        );
      }
      return parseJsonFeed(input.json, context);
    }
    return parseXmlFeed(input.text ?? '', context);
  },
});

function parseJsonFeed(feed: Record<string, unknown>, context: ParseContext): SourceResult {
  const items = feed.items;
  if (!Array.isArray(items)) throw new ListingFormatError('papertrend-feed', 'the JSON Feed has no `items` array');
  const papers: Paper[] = [];
  items.forEach((raw, index) => {
    const position = { index, path: ['items', index] };
    if (!isObject(raw)) {
      context.reject(position, 'a feed item must be an object', raw);
      return;
    }
    const text = (key: string): string | undefined => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
    const extension = isObject(raw._papertrend) ? raw._papertrend : {};
    const item: RawItem = { offset: 0, authors: [], categories: [] };
    const set = <K extends keyof RawItem>(key: K, value: RawItem[K] | undefined): void => {
      if (value !== undefined) item[key] = value;
    };
    set('id', text('id'));
    set('title', text('title'));
    set('link', text('url'));
    // content_text is the abstract; summary, when present, the AI summary (see the writer).
    set('content', text('content_text') || undefined);
    set('summary', text('summary'));
    set('date', text('date_published'));
    set('published', typeof extension.published === 'string' ? extension.published : undefined);
    set('thumbnail', text('image'));
    if (Array.isArray(raw.authors)) {
      for (const author of raw.authors)
        if (isObject(author) && typeof author.name === 'string') item.authors.push(author.name);
    }
    if (Array.isArray(raw.tags)) for (const tag of raw.tags) if (typeof tag === 'string') item.categories.push(tag);
    const paper = toPaper(item, () => position, context);
    if (paper) papers.push(paper);
  });
  const meta: SourceResult['meta'] = { entries: items.length };
  if (typeof feed.title === 'string') meta.title = feed.title.slice(0, 1_000);
  return { papers, meta };
}

/** Elements that only hold other elements; every other element outside an item or inside one is a field. */
const NOT_FIELDS = new Set(['channel', 'author', 'rss', 'feed']);

function parseXmlFeed(xml: string, context: ParseContext): SourceResult {
  const items: RawItem[] = [];
  let sawFeed = false;
  let feedTitle: string | undefined;
  let item: RawItem | undefined;
  readXmlFields(xml, 'papertrend-feed', {
    isRecord: (name) => name === 'item' || name === 'entry',
    isField: (name) => !NOT_FIELDS.has(name),
    openRecord(offset) {
      if (item) items.push(item);
      item = { offset, authors: [], categories: [] };
    },
    closeRecord(end) {
      if (!item) return;
      if (end.kind === 'truncated') item.truncated = true;
      items.push(item);
      item = undefined;
    },
    openElement(name, attributes) {
      if (name === 'rss' || name === 'feed') sawFeed = true;
      if (!item) return;
      if (name === 'link' && attributes.href !== undefined) {
        if (attributes.rel === 'alternate' || attributes.rel === undefined) item.link = attributes.href;
      } else if (name === 'thumbnail' && attributes.url) item.thumbnail = attributes.url;
      else if (name === 'category' && attributes.term) item.categories.push(attributes.term);
    },
    field(name, rawName, parent, text) {
      if (item) readField(item, name, rawName, parent, text);
      else if (name === 'title' && (parent === 'channel' || parent === 'feed')) feedTitle = cleanLine(text);
    },
  });
  if (item) items.push(item);
  if (!sawFeed) throw new ListingFormatError('papertrend-feed', 'no <rss> or <feed> element: this is not a feed');
  const lineOf = lineLocator(xml);
  const papers: Paper[] = [];
  items.forEach((raw, index) => {
    const paper = toPaper(raw, () => ({ index, line: lineOf(raw.offset) }), context);
    if (paper) papers.push(paper);
  });
  const meta: SourceResult['meta'] = { entries: items.length };
  if (feedTitle) meta.title = feedTitle.slice(0, 1_000);
  return { papers, meta };
}

function readField(item: RawItem, name: string, rawName: string, parent: string | undefined, value: string): void {
  if (parent === 'author' && name === 'name') {
    const author = cleanLine(value);
    if (author) item.authors.push(author);
    return;
  }
  if (parent !== 'item' && parent !== 'entry') return;
  switch (rawName.toLowerCase()) {
    case 'guid':
    case 'id':
      item.id = value.trim();
      break;
    case 'title':
      item.title = value;
      break;
    case 'link':
      if (value.trim()) item.link = value.trim();
      break;
    case 'description':
      item.summary = value;
      item.summaryIsHtml = true;
      break;
    case 'content:encoded':
      item.content = value;
      item.contentIsHtml = true;
      break;
    case 'summary':
      item.summary = value;
      break;
    case 'content':
      item.content = value;
      break;
    case 'pubdate':
    case 'updated':
      item.date = value.trim();
      break;
    case 'published':
      item.published = value.trim();
      break;
    case 'dc:creator': {
      const author = cleanLine(value);
      if (author) item.authors.push(author);
      break;
    }
    case 'category':
      if (value.trim()) item.categories.push(cleanLine(value));
      break;
  }
}

/** The paragraphs of the HTML papertrend writes into RSS (`<p>` per paragraph, text escaped) as plain text. */
function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let current = '';
  readMarkup(
    html,
    'papertrend-feed',
    {
      ontext(chunk) {
        current += chunk;
      },
      onclosetag(name) {
        if (name === 'p' || name === 'br') {
          paragraphs.push(current);
          current = '';
        }
      },
    },
    { xmlMode: false, decodeEntities: true },
  );
  paragraphs.push(current);
  return paragraphs
    .map(cleanLine)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** RSS dates (`Tue, 27 Oct 2026 00:00:00 GMT`) and Atom's ISO dates, as ISO; anything else undefined. */
function isoDate(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value.length > 64) return undefined;
  const time = Date.parse(value);
  // `Date.parse` reads the year 0000 of an RSS date as 2000: a date whose written year it did not keep is
  // passed on as written, for the model to refuse and report.
  const written = /\b(\d{4})\b/.exec(value)?.[1];
  if (
    Number.isNaN(time) ||
    (written !== undefined && Math.abs(new Date(time).getUTCFullYear() - Number(written)) > 1)
  ) {
    return value;
  }
  return new Date(time).toISOString();
}

function toPaper(raw: RawItem, position: () => { index: number }, context: ParseContext): Paper | undefined {
  if (raw.truncated) {
    context.reject(
      position,
      'the input ends inside this item (the feed is cut off): its fields may be incomplete',
      raw.id,
    );
    return undefined;
  }
  const id = raw.id === undefined ? undefined : paperId(raw.id);
  if (id === undefined) {
    context.reject(position, `the item id ${JSON.stringify(raw.id ?? '')} is not one papertrend writes`, raw.id);
    return undefined;
  }
  const title = cleanLine(raw.title ?? '');
  if (!title) {
    context.reject(position, `item ${id.id} has no title`, raw.id);
    return undefined;
  }
  const paper: Paper = { id: id.id, title, links: {}, metrics: {}, source: context.source };
  if (id.arxivId) paper.arxivId = id.arxivId;
  const link = context.url(raw.link, position);
  if (link) paper.links.page = link;
  const summary =
    raw.summary === undefined ? '' : raw.summaryIsHtml ? htmlToText(raw.summary) : cleanParagraphs(raw.summary);
  const content =
    raw.content === undefined ? '' : raw.contentIsHtml ? htmlToText(raw.content) : cleanParagraphs(raw.content);
  // With a content element the summary is the AI summary and the content the abstract; alone, it is the abstract.
  if (content) {
    paper.abstract = content;
    if (summary) paper.aiSummary = cleanLine(summary);
  } else if (summary) paper.abstract = summary;
  if (raw.authors.length > 0)
    paper.authors = raw.authors.map((name) => ({ name: cleanLine(name) })).filter((a) => a.name);
  if (paper.authors?.length === 0) delete paper.authors;
  const featuredAt = context.date(isoDate(raw.date), position, 'the item date');
  if (featuredAt) paper.featuredAt = featuredAt;
  const publishedAt = context.date(isoDate(raw.published), position, 'publishedAt');
  if (publishedAt) paper.publishedAt = publishedAt;
  const keywords = [...new Set(raw.categories.map(cleanLine).filter((keyword) => keyword !== ''))];
  if (keywords.length > 0) paper.keywords = keywords;
  const thumbnail = context.url(raw.thumbnail, position);
  if (thumbnail) paper.links.thumbnail = thumbnail;
  return paper;
}

/** The paper id behind a feed item id: `https://arxiv.org/abs/<id>` or `urn:papertrend:<encoded id>`. */
function paperId(itemId: string): { id: string; arxivId?: string } | undefined {
  if (itemId.startsWith('urn:papertrend:')) {
    try {
      const id = decodeURIComponent(itemId.slice('urn:papertrend:'.length));
      return id === '' ? undefined : { id };
    } catch {
      return undefined;
    }
  }
  if (!/^https:\/\/arxiv\.org\/abs\//.test(itemId)) return undefined;
  const arxiv = parseArxivId(itemId);
  return arxiv ? { id: arxiv.id, arxivId: arxiv.id } : undefined;
}
