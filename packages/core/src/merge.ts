import type { Author, Listing, Paper } from './model.js';
import { foldToken } from './search.js';

/** Fields that describe the paper itself: arXiv, where the paper comes from, is trusted first for these. */
const BIBLIOGRAPHIC = new Set<keyof Paper>([
  'title',
  'abstract',
  'authors',
  'authorCount',
  'publishedAt',
  'updatedAt',
  'version',
  'categories',
  'doi',
  'comment',
  'journalRef',
]);

function titleKey(title: string): string {
  return (
    title
      .match(/[\p{L}\p{N}]+/gu)
      ?.map((word) => foldToken(word))
      .join(' ') ?? ''
  );
}

/**
 * Combine listings of the same papers from several sources (arXiv metadata + Hugging Face upvotes, say)
 * into one listing where each paper appears once.
 *
 * The rule:
 * - Papers are the same when their `id`s are equal (the arXiv id, for every source that knows it) or, for
 *   papers without an arXiv id, when their titles are equal ignoring case, accents and punctuation.
 * - For each field the first paper that has it wins, in the order the listings are given — except the
 *   bibliographic fields (title, abstract, authors, dates, version, categories, DOI, comment, journal ref),
 *   where a record from arXiv wins because arXiv is where the paper comes from.
 * - `links` and `metrics` are combined key by key by the same rule. Metrics are never summed: upvotes are
 *   Hugging Face's, stars GitHub's.
 * - Authors kept from arXiv gain the Hugging Face usernames of same-named authors.
 * - `source` lists the sources that contributed, joined by `+` (`arxiv-atom+hf-api`).
 * Duplicates inside one listing collapse the same way. Issues are kept; `meta.duplicates` counts every
 * record merged into another, so `papers + error issues + duplicates = entries` still holds.
 */
export function mergeListings(...listings: Listing[]): Listing {
  // Groups hold [sequence, paper] so that "first listing wins" survives regrouping.
  const merged = new Map<string, [number, Paper][]>();
  const titleToKey = new Map<string, string>();
  const arxivKeys = new Set<string>();
  let entries = 0;
  let duplicates = 0;
  let sequence = 0;
  for (const listing of listings) {
    entries += listing.meta.entries;
    duplicates += listing.meta.duplicates;
    for (const paper of listing.papers) {
      const byTitle = titleKey(paper.title);
      const key = paper.arxivId ?? titleToKey.get(byTitle) ?? paper.id;
      if (paper.arxivId) {
        arxivKeys.add(paper.arxivId);
        const known = titleToKey.get(byTitle);
        if (known === undefined || !arxivKeys.has(known)) titleToKey.set(byTitle, paper.arxivId);
      } else if (!titleToKey.has(byTitle)) titleToKey.set(byTitle, key);
      const group = merged.get(key);
      if (group) {
        group.push([sequence++, paper]);
        duplicates++;
      } else merged.set(key, [[sequence++, paper]]);
    }
  }
  // A record without an arXiv id seen before its arXiv twin was grouped under its own id: move it over.
  for (const [key, group] of [...merged]) {
    if (arxivKeys.has(key)) continue;
    const target = titleToKey.get(titleKey(group[0]?.[1].title ?? ''));
    const targetGroup = target === undefined ? undefined : merged.get(target);
    if (target !== key && targetGroup) {
      targetGroup.push(...group);
      targetGroup.sort((a, b) => a[0] - b[0]);
      merged.delete(key);
      duplicates += group.length;
    }
  }
  return {
    papers: [...merged.values()].map((group) => combine(group.map(([, paper]) => paper))),
    issues: listings.flatMap((listing) => listing.issues),
    format: [...new Set(listings.map((listing) => listing.format))].join('+') || 'merged',
    meta: { entries, duplicates },
  };
}

function combine(group: Paper[]): Paper {
  if (group.length === 1) return group[0] as Paper;
  const arxivFirst = [...group].sort((a, b) => Number(b.source === 'arxiv-atom') - Number(a.source === 'arxiv-atom'));
  const result: Record<string, unknown> = {};
  const keys = new Set(group.flatMap((paper) => Object.keys(paper) as (keyof Paper)[]));
  for (const key of keys) {
    if (key === 'links' || key === 'metrics' || key === 'source') continue;
    const order = BIBLIOGRAPHIC.has(key) ? arxivFirst : group;
    const from = order.find((paper) => paper[key] !== undefined);
    if (from) result[key] = from[key];
  }
  const withArxivId = group.find((paper) => paper.arxivId);
  if (withArxivId) result.id = withArxivId.arxivId;
  result.links = Object.assign({}, ...[...group].reverse().map((paper) => paper.links));
  result.metrics = Object.assign({}, ...[...group].reverse().map((paper) => paper.metrics));
  result.source = [...new Set(group.map((paper) => paper.source))].join('+');
  const authors = result.authors as Author[] | undefined;
  if (authors) result.authors = withUsernames(authors, group);
  return result as Paper;
}

function withUsernames(authors: Author[], group: Paper[]): Author[] {
  const usernames = new Map<string, string>();
  for (const paper of group) {
    for (const author of paper.authors ?? []) {
      if (author.hfUsername) usernames.set(titleKey(author.name), author.hfUsername);
    }
  }
  if (usernames.size === 0) return authors;
  return authors.map((author) => {
    const username = author.hfUsername ?? usernames.get(titleKey(author.name));
    return username ? { ...author, hfUsername: username } : author;
  });
}
