import type { Author, Paper } from '../../model.js';
import { cleanLine, cleanParagraphs, parseArxivId } from '../../parse/normalize.js';
import type { ParseContext } from '../../parse/source.js';
import type { RawEntry } from './read-feed.js';

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

export function mapEntry(entry: RawEntry, index: number, context: ParseContext, line: () => number): Paper | undefined {
  const position = () => ({ index, line: line() });
  const arxiv = entryIdentity(entry, position, context);
  if (!arxiv) return undefined;
  const paper: Paper = {
    id: arxiv.id,
    arxivId: arxiv.id,
    title: cleanLine(entry.title ?? ''),
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
  const authors = authorsOf(entry);
  if (authors.length > 0) paper.authors = authors;
  const publishedAt = context.date(entry.published, position, 'publishedAt');
  if (publishedAt) paper.publishedAt = publishedAt;
  const updatedAt = context.date(entry.updated, position, 'updatedAt');
  if (updatedAt) paper.updatedAt = updatedAt;
  readLinks(entry, paper, position, context);
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

/**
 * The entry's arXiv id, or `undefined` after reporting why the entry is left out: cut off by the end of the
 * input, no arXiv id, or no title.
 */
function entryIdentity(
  entry: RawEntry,
  position: () => { index: number; line: number },
  context: ParseContext,
): ReturnType<typeof parseArxivId> {
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
  if (!cleanLine(entry.title ?? '')) {
    context.reject(position, `entry ${arxiv.id} has no title`, entry);
    return undefined;
  }
  return arxiv;
}

export function authorsOf(entry: RawEntry): Author[] {
  if (entry.authors.length === 0) return entry.creator ? splitCreators(entry.creator) : [];
  return entry.authors
    .filter((author) => author.name.trim() !== '')
    .map((author) =>
      author.affiliations.length > 0
        ? { name: cleanLine(author.name), affiliations: author.affiliations.map(cleanLine) }
        : { name: cleanLine(author.name) },
    );
}

/** PDF and landing-page links other than arXiv's own (which stay the canonical ones set from the id). */
function readLinks(
  entry: RawEntry,
  paper: Paper,
  position: () => { index: number; line: number },
  context: ParseContext,
): void {
  for (const link of entry.links) {
    const href = context.url(link.href, position);
    if (!href) continue;
    // The 2025-11 backend sent links with no rel, type or title: recognise the PDF from its URL too.
    if (link.title === 'pdf' || link.type === 'application/pdf' || /\/pdf\//.test(href)) {
      if (!ARXIV_HOST.test(href)) paper.links.pdf = href;
    } else if (link.title === 'doi' || /doi\.org\//.test(href)) continue;
    else if ((link.rel === 'alternate' || /\/abs\//.test(href)) && !ARXIV_HOST.test(href)) {
      paper.links.abstract = href;
    }
  }
}
