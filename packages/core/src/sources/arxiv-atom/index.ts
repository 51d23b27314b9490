/**
 * arXiv's Atom feeds: the API (`export.arxiv.org/api/query`, every backend generation) and the listing feeds
 * (`rss.arxiv.org/atom/cs.LG`, and the RSS 2.0 flavour `rss.arxiv.org/rss/cs.LG`). `read-feed.ts` reads the
 * XML into raw entries, `map-entry.ts` makes them papers; this file decides what the feed as a whole is. A
 * feed whose only entry is titled `Error` is arXiv reporting a bad request: that is `ArxivApiError`.
 */
import type { FailureKind } from '../../errors.js';
import { ListingFormatError, PapertrendError, UnknownFormatError } from '../../errors.js';
import type { ListingMeta, Paper } from '../../model.js';
import { lineLocator } from '../../parse/normalize.js';
import { defineSource, type ParseContext, type SourceResult } from '../../parse/source.js';
import { mapEntry } from './map-entry.js';
import { readFeed } from './read-feed.js';

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
