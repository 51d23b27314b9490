import { readXmlFields } from '../xml-fields.js';

export interface RawEntry {
  /** Character offset of `<entry>`, for the line number. */
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

export function readFeed(xml: string): RawFeed {
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

/** Entry fields whose text is the value, by local name: Atom's, RSS 2.0's and arXiv's own. */
type TextField = 'id' | 'title' | 'summary' | 'published' | 'updated' | 'comment' | 'journalRef' | 'doi' | 'creator';
const TEXT_FIELDS: Record<string, TextField> = {
  id: 'id',
  guid: 'id',
  title: 'title',
  summary: 'summary',
  description: 'summary',
  published: 'published',
  updated: 'updated',
  comment: 'comment',
  journal_ref: 'journalRef',
  doi: 'doi',
  creator: 'creator',
};

function readEntryField(entry: RawEntry, name: string, value: string): void {
  if (Object.hasOwn(TEXT_FIELDS, name)) entry[TEXT_FIELDS[name] as TextField] = value;
  // RSS 2.0 puts the URL in the element's text (Atom uses the href attribute, read above).
  else if (name === 'link' && value) entry.links.push({ href: value });
  else if (name === 'pubdate') {
    const time = value.length <= 64 ? Date.parse(value) : Number.NaN;
    entry.published = Number.isNaN(time) ? value : new Date(time).toISOString();
  } else if (name === 'category' && value && !entry.categories.includes(value)) entry.categories.push(value);
}

function readFeedField(feed: RawFeed, name: string, value: string): void {
  const number = Number(value);
  if (name === 'totalresults' && Number.isFinite(number)) feed.totalResults = number;
  else if (name === 'startindex' && Number.isFinite(number)) feed.startIndex = number;
  else if (name === 'itemsperpage' && Number.isFinite(number)) feed.itemsPerPage = number;
  else if (name === 'title') feed.title = value;
}
