/**
 * arXiv's Atom feeds: the API (`export.arxiv.org/api/query`, every backend generation) and the listing feeds
 * (`rss.arxiv.org/atom/cs.LG`, and the RSS 2.0 flavour `rss.arxiv.org/rss/cs.LG`). htmlparser2 in XML mode reads the markup; elements are matched by local
 * name, so namespace prefixes, `xmlns` placement, element order and optional attributes do not matter.
 * A feed whose only entry is titled `Error` is arXiv reporting a bad request: that is `ArxivApiError`.
 */

import type { FailureKind } from '../errors.js';
import { ListingFormatError, PapertrendError, UnknownFormatError } from '../errors.js';
import type { Author, ListingMeta, Paper } from '../model.js';
import { cleanLine, cleanParagraphs, lineLocator, parseArxivId } from '../parse/normalize.js';
import { defineSource, type ParseContext, type SourceResult } from '../parse/source.js';
import { readXmlFields } from './xml-fields.js';

/** arXiv answered with an error entry instead of results (e.g. `incorrect id format for abc`). */
export class ArxivApiError extends PapertrendError {
  override name = 'ArxivApiError';
  /** arXiv's error id, e.g. `https://arxiv.org/api/errors#incorrect_id_format_for_abc`. */
  readonly errorId: string;
  constructor(message: string, errorId: string) {
    super(`arXiv API error: ${message}`);
    this.errorId = errorId;
  }
  /** arXiv refused the query itself (a malformed id or search): asking again will not help. */
  override get failure(): FailureKind {
    return 'refused';
  }
}

export function isArxivApiError(error: unknown): error is ArxivApiError {
  return error instanceof ArxivApiError || (error instanceof Error && error.name === 'ArxivApiError');
}

/** One `<entry>` as read from the XML, before validation. */
interface RawEntry {
  /** Character offset of `<entry>`, for the issue's line number. */
  offset: number;
  id?: string;
  title?: string;
  summary?: string;
  published?: string;
  updated?: string;
  authors: { name: string; affiliations: string[] }[];
  links: { href: string; rel?: string; type?: string; title?: string }[];
  categories: string[];
  primaryCategory?: string;
  comment?: string;
  journalRef?: string;
  doi?: string;
  /** Listing feeds: `<arxiv:announce_type>` and the dc:creator author string. */
  creator?: string;
  /** No `</entry>` before the next entry or the end of the feed: kept, with a warning. */
  unclosed?: boolean;
  /** The input ended inside this entry: its last field may be cut short, so it is not read. */
  truncated?: boolean;
  /** Character offset just past `</entry>`, for the raw snippet of an issue. */
  end?: number;
}

interface RawFeed {
  entries: RawEntry[];
  totalResults?: number;
  startIndex?: number;
  itemsPerPage?: number;
  title?: string;
  sawFeed: boolean;
}

/** Elements that hold fields; an element inside one of them is a field whose text is read whole. */
const CONTAINERS = new Set(['feed', 'channel', 'entry', 'item', 'author']);

function readFeed(xml: string): RawFeed {
  const feed: RawFeed = { entries: [], sawFeed: false };
  let entry: RawEntry | undefined;
  let author: { name: string; affiliations: string[] } | undefined;
  const finishEntry = (): void => {
    if (entry) feed.entries.push(entry);
    entry = undefined;
    author = undefined;
  };
  readXmlFields(xml, 'arxiv-atom', {
    isRecord: (name) => name === 'entry' || name === 'item',
    isField: (name, parent) => !CONTAINERS.has(name) && parent !== undefined && CONTAINERS.has(parent),
    openRecord(offset) {
      if (entry) {
        // The previous entry was never closed: keep what it had, say so, and start the next one.
        entry.unclosed = true;
        finishEntry();
      }
      entry = { offset, authors: [], links: [], categories: [] };
    },
    closeRecord(end) {
      if (!entry) return;
      if (end.kind === 'closed') entry.end = end.end;
      else if (end.kind === 'truncated') entry.truncated = true;
      else entry.unclosed = true;
      finishEntry();
    },
    openElement(name, attributes) {
      if (name === 'feed' || name === 'channel') feed.sawFeed = true;
      else if (entry) readEntryElement(entry, name, attributes, () => (author = { name: '', affiliations: [] }));
    },
    closeElement(name) {
      if (name === 'author' && entry && author) {
        entry.authors.push(author);
        author = undefined;
      }
    },
    field(name, _rawName, parent, raw) {
      const value = raw.trim();
      if (entry && author && parent === 'author') {
        if (name === 'name') author.name = value;
        else if (name === 'affiliation' && value) author.affiliations.push(value);
      } else if (entry && (parent === 'entry' || parent === 'item')) readEntryField(entry, name, value);
      else if (!entry && (parent === 'feed' || parent === 'channel')) readFeedField(feed, name, value);
    },
  });
  return feed;
}

/** An element of an entry read for its attributes: links, categories, and where an author begins. */
function readEntryElement(
  entry: RawEntry,
  name: string,
  attributes: Record<string, string>,
  startAuthor: () => void,
): void {
  if (name === 'author') startAuthor();
  else if (name === 'link' && attributes.href !== undefined) {
    const link: RawEntry['links'][number] = { href: attributes.href };
    if (attributes.rel) link.rel = attributes.rel;
    if (attributes.type) link.type = attributes.type;
    if (attributes.title) link.title = attributes.title;
    entry.links.push(link);
  } else if (name === 'category' && attributes.term?.trim()) entry.categories.push(attributes.term.trim());
  else if (name === 'primary_category' && attributes.term) entry.primaryCategory = attributes.term;
}

/** The entry fields read by name: Atom's, RSS 2.0's, and arXiv's own (`arxiv:comment`, `arxiv:doi`, …). */
const ENTRY_FIELDS: Record<string, (entry: RawEntry, value: string) => void> = {
  id: (entry, value) => {
    entry.id = value;
  },
  guid: (entry, value) => {
    entry.id = value;
  },
  // RSS 2.0 puts the URL in the element's text (Atom uses the href attribute, read above).
  link: (entry, value) => {
    if (value) entry.links.push({ href: value });
  },
  pubdate: (entry, value) => {
    const time = value.length <= 64 ? Date.parse(value) : Number.NaN;
    entry.published = Number.isNaN(time) ? value : new Date(time).toISOString();
  },
  title: (entry, value) => {
    entry.title = value;
  },
  summary: (entry, value) => {
    entry.summary = value;
  },
  description: (entry, value) => {
    entry.summary = value;
  },
  published: (entry, value) => {
    entry.published = value;
  },
  updated: (entry, value) => {
    entry.updated = value;
  },
  comment: (entry, value) => {
    entry.comment = value;
  },
  journal_ref: (entry, value) => {
    entry.journalRef = value;
  },
  doi: (entry, value) => {
    entry.doi = value;
  },
  creator: (entry, value) => {
    entry.creator = value;
  },
  category: (entry, value) => {
    if (value && !entry.categories.includes(value)) entry.categories.push(value);
  },
};

function readEntryField(entry: RawEntry, name: string, value: string): void {
  if (Object.hasOwn(ENTRY_FIELDS, name)) ENTRY_FIELDS[name]?.(entry, value);
}

function readFeedField(feed: RawFeed, name: string, value: string): void {
  const number = Number(value);
  if (name === 'totalresults' && Number.isFinite(number)) feed.totalResults = number;
  else if (name === 'startindex' && Number.isFinite(number)) feed.startIndex = number;
  else if (name === 'itemsperpage' && Number.isFinite(number)) feed.itemsPerPage = number;
  else if (name === 'title') feed.title = value;
}

export const arxivAtomSource = defineSource({
  name: 'arxiv-atom',
  description:
    "arXiv's feeds: the Atom API (export.arxiv.org/api/query) and listing feeds (rss.arxiv.org, Atom or RSS)",
  detect(input) {
    const { text } = input;
    if (text === undefined || input.isJson) return false;
    const head = text.trimStart().slice(0, 1024);
    return head.startsWith('<') && /<(\w+:)?(feed|rss)[\s>]/.test(head) && /arxiv/i.test(head);
  },
  parse(input, context) {
    return parseArxivFeed(input.text ?? '', context);
  },
});

function parseArxivFeed(xml: string, context: ParseContext): SourceResult {
  const feed = readFeed(xml);
  if (!feed.sawFeed) {
    throw new ListingFormatError('arxiv-atom', 'no <feed> or <rss> element: this is not an Atom or RSS feed');
  }
  // arXiv reports a bad request as a feed whose only entry is an error; an entry titled "Error" among real
  // results is just a paper with an unlucky title.
  const [only] = feed.entries;
  if (feed.entries.length === 1 && only?.title === 'Error' && only.id?.includes('/api/errors')) {
    throw new ArxivApiError(only.summary ?? 'unknown error', only.id ?? '');
  }

  const papers: Paper[] = [];
  const lineOf = lineLocator(xml);
  let missing = 0;
  feed.entries.forEach((entry, index) => {
    if (!entry.id && !entry.title && !entry.truncated) {
      // arXiv's answer for an id it does not have: an entry with nothing in it. Not an entry of the listing.
      missing++;
      const raw = xml.slice(entry.offset, entry.end ?? entry.offset + 200);
      context.notice(
        () => ({ index, line: lineOf(entry.offset) }),
        'arXiv answered an id it does not have with an empty entry: no paper, nothing lost',
        raw,
        'arxiv-missing-id',
      );
      return;
    }
    const paper = mapEntry(entry, index, context, () => lineOf(entry.offset));
    if (paper) papers.push(paper);
  });
  // A feed whose every entry is something other than an arXiv paper is not arXiv's feed (the word "arxiv"
  // near its top made detection try it): refused as a whole, not returned as an empty listing of errors.
  if (papers.length === 0 && feed.entries.length > missing && !feed.entries.some((entry) => entry.truncated)) {
    const rejected = context.issues.filter((issue) => issue.severity === 'error');
    if (rejected.length > 0 && rejected.every((issue) => / is not an arXiv id$/.test(issue.message))) {
      throw new UnknownFormatError(
        `the closest format is arxiv-atom, but none of its ${rejected.length} entries has an arXiv id or an arXiv abstract link`,
        ['arxiv-atom'],
      );
    }
  }
  const meta: Partial<ListingMeta> = { entries: feed.entries.length - missing };
  if (missing > 0) meta.missing = missing;
  if (feed.totalResults !== undefined) meta.totalResults = feed.totalResults;
  if (feed.startIndex !== undefined) meta.startIndex = feed.startIndex;
  if (feed.itemsPerPage !== undefined) meta.itemsPerPage = feed.itemsPerPage;
  if (feed.title) meta.title = feed.title;
  return { papers, meta };
}

/** `A (X, Y), B, C (Z)` → names, keeping commas inside parentheses with the affiliation. */
function splitCreators(creators: string): Author[] {
  const authors: Author[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= creators.length; i++) {
    const char = creators[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (i === creators.length || (char === ',' && depth === 0)) {
      const author = readCreator(creators.slice(start, i));
      if (author) authors.push(author);
      start = i + 1;
    }
  }
  return authors;
}

/** `Name (Affiliation)` → an author. Index arithmetic, not a backtracking regex: linear in any input. */
function readCreator(raw: string): Author | undefined {
  const text = raw.trim();
  const open = text.indexOf('(');
  const hasAffiliation = open !== -1 && text.endsWith(')');
  const name = cleanLine(hasAffiliation ? text.slice(0, open) : text);
  if (!name) return undefined;
  const affiliation = hasAffiliation ? cleanLine(text.slice(open + 1, -1)) : '';
  return affiliation ? { name, affiliations: [affiliation] } : { name };
}

const ARXIV_HOST = /^https?:\/\/(export\.|www\.)?arxiv\.org\//i;

/** The arXiv id of an entry's arXiv abstract or PDF link, if it has one. */
function arxivIdOfLinks(entry: RawEntry): ReturnType<typeof parseArxivId> {
  for (const link of entry.links) {
    if (!ARXIV_HOST.test(link.href)) continue;
    const id = parseArxivId(link.href);
    if (id) return id;
  }
  return undefined;
}

function mapEntry(entry: RawEntry, index: number, context: ParseContext, line: () => number): Paper | undefined {
  const position = () => ({ index, line: line() });
  if (entry.truncated) {
    context.reject(
      position,
      'the input ends inside this entry (the feed is cut off): its fields may be incomplete',
      entry,
    );
    return undefined;
  }
  if (entry.unclosed) context.warn(position, 'the entry has no closing </entry>: read up to the next entry', entry.id);
  // Digests that other tools write (python-feedgen: `<id>arxiv:2601.02610:hepml-v1</id>`) carry the paper in
  // its arXiv abstract link instead of the id.
  const arxiv = (entry.id ? parseArxivId(entry.id) : undefined) ?? arxivIdOfLinks(entry);
  if (!arxiv) {
    context.reject(position, `the entry id ${JSON.stringify(entry.id ?? '')} is not an arXiv id`, entry);
    return undefined;
  }
  const title = cleanLine(entry.title ?? '');
  if (!title) {
    context.reject(position, `entry ${arxiv.id} has no title`, entry);
    return undefined;
  }
  const paper: Paper = {
    id: arxiv.id,
    arxivId: arxiv.id,
    title,
    links: { abstract: `https://arxiv.org/abs/${arxiv.id}`, pdf: `https://arxiv.org/pdf/${arxiv.id}` },
    metrics: {},
    source: context.source,
  };
  if (arxiv.version !== undefined) paper.version = arxiv.version;
  if (entry.summary) {
    // Listing feeds prefix the abstract with `arXiv:… Announce Type: new Abstract:`.
    const abstract = cleanParagraphs(entry.summary.replace(/^arXiv:\S+\s+Announce Type:\s*\S+\s+Abstract:\s*/i, ''));
    if (abstract) paper.abstract = abstract;
  }
  const authors: Author[] =
    entry.authors.length > 0
      ? entry.authors
          .filter((author) => author.name.trim() !== '')
          .map((author) =>
            author.affiliations.length > 0
              ? { name: cleanLine(author.name), affiliations: author.affiliations.map(cleanLine) }
              : { name: cleanLine(author.name) },
          )
      : entry.creator
        ? splitCreators(entry.creator)
        : [];
  if (authors.length > 0) paper.authors = authors;
  const publishedAt = context.date(entry.published, position, 'publishedAt');
  if (publishedAt) paper.publishedAt = publishedAt;
  const updatedAt = context.date(entry.updated, position, 'updatedAt');
  if (updatedAt) paper.updatedAt = updatedAt;

  for (const link of entry.links) {
    const href = context.url(link.href, position);
    if (!href) continue;
    // The 2025-11 backend sent links with no rel, type or title: recognise the PDF from its URL too.
    // arXiv's own PDF link stays the canonical https, versionless one set above, like the abstract link.
    if (link.title === 'pdf' || link.type === 'application/pdf' || /\/pdf\//.test(href)) {
      if (!ARXIV_HOST.test(href)) paper.links.pdf = href;
    } else if (link.title === 'doi' || /doi\.org\//.test(href)) continue;
    // arXiv's own abstract page stays the canonical https link set above; other landing pages replace it.
    else if ((link.rel === 'alternate' || /\/abs\//.test(href)) && !ARXIV_HOST.test(href)) {
      paper.links.abstract = href;
    }
  }
  const categories = [
    ...new Set([entry.primaryCategory, ...entry.categories].filter((term): term is string => !!term)),
  ];
  if (categories.length > 0) paper.categories = categories;
  const doi = entry.doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  // arXiv's own DOI is the arXiv id again, not a publisher DOI.
  if (doi && !/^10\.48550\/arxiv\./i.test(doi)) paper.doi = doi;
  if (entry.comment) paper.comment = cleanLine(entry.comment);
  if (entry.journalRef) paper.journalRef = cleanLine(entry.journalRef);
  return paper;
}
