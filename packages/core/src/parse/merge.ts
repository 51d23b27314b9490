import { type Author, canonicalPaper, type Listing, type Paper } from '../model.js';
import { foldToken } from '../search/text.js';

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

const ARXIV_SOURCE = 'arxiv-atom';

const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  '∇': 'nabla',
  '∂': 'partial',
  '∞': 'infty',
};
const GREEK_LETTERS = new RegExp(`[${Object.keys(GREEK).join('')}]`, 'gu');

/**
 * What two spellings of one title have in common: TeX markup undone (`$\zeta$` and `ζ` are both `zeta`,
 * `$\nabla^2$DFT` and `nabla^2DFT` agree), then letters and digits only, case and accents folded, spaces
 * ignored (`Pre-Train` = `PreTrain`).
 */
export function titleKey(title: string): string {
  const plain = title
    .toLowerCase()
    .replace(GREEK_LETTERS, (letter) => GREEK[letter] ?? letter)
    .replace(/\\([a-z]+)/g, '$1');
  return (
    plain
      .match(/[\p{L}\p{N}]+/gu)
      ?.map((word) => foldToken(word))
      .join('') ?? ''
  );
}

/** The sources of a record: `hf-api+arxiv-atom` is both. */
function sourcesOf(paper: Paper): string[] {
  return paper.source.split('+').filter(Boolean);
}

function fromArxiv(paper: Paper): boolean {
  return sourcesOf(paper).includes(ARXIV_SOURCE);
}

/**
 * Combine listings of the same papers from several sources (arXiv metadata + Hugging Face upvotes, say)
 * into one listing where each paper appears once.
 *
 * The rule:
 * - Papers are the same when their `id`s are equal (the arXiv id, for every source that knows it) or, for
 *   papers without an arXiv id, when their titles agree ignoring TeX markup, case, accents and punctuation.
 * - For each field the first paper that has it wins, in the order the listings are given — except the
 *   bibliographic fields (title, abstract, authors, author count, dates, version, categories, DOI, comment,
 *   journal ref): when any record of the paper comes from arXiv (its `source` includes `arxiv-atom`, merged
 *   records too), those fields come from arXiv records only, the first that has each.
 * - `links` and `metrics` are combined key by key, first wins. Metrics are never summed: upvotes are Hugging
 *   Face's, stars GitHub's.
 * - Authors kept from arXiv gain the Hugging Face usernames of same-named authors (the first one known).
 * - `source` is the set of contributing sources in alphabetical order (`arxiv-atom+hf-api`).
 *
 * So merging is a set operation: `merge(m, m)` has the papers of `m`; `merge(merge(a, b), c)`,
 * `merge(a, merge(b, c))` and `merge(a, b, c)` have the same papers with the same fields; re-merging a saved
 * merged listing changes nothing. Duplicates inside one listing collapse the same way. Issues are kept;
 * `meta.duplicates` counts every record merged into another, so `papers + error issues + duplicates =
 * entries` still holds.
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
  const formats = new Set(listings.flatMap((listing) => listing.format.split('+').filter(Boolean)));
  return {
    papers: Array.from(merged.values()).map((group) => canonicalPaper(combine(group.map(([, paper]) => paper)))),
    issues: listings.flatMap((listing) => listing.issues),
    format: [...formats].sort().join('+') || 'merged',
    meta: { entries, duplicates },
  };
}

function combine(group: Paper[]): Paper {
  const sources = Array.from(new Set(group.flatMap(sourcesOf))).sort();
  if (group.length === 1) {
    const [only] = group as [Paper];
    return only.source === sources.join('+') ? only : { ...only, source: sources.join('+') };
  }
  const arxivRecords = group.filter(fromArxiv);
  const result: Record<string, unknown> = {};
  const keys = new Set(group.flatMap((paper) => Object.keys(paper) as (keyof Paper)[]));
  for (const key of keys) {
    if (key === 'links' || key === 'metrics' || key === 'source') continue;
    const candidates = BIBLIOGRAPHIC.has(key) && arxivRecords.length > 0 ? arxivRecords : group;
    const from = candidates.find((paper) => paper[key] !== undefined);
    if (from) result[key] = from[key];
  }
  const withArxivId = group.find((paper) => paper.arxivId);
  if (withArxivId) result.id = withArxivId.arxivId;
  result.links = Object.assign({}, ...[...group].reverse().map((paper) => paper.links));
  result.metrics = Object.assign({}, ...[...group].reverse().map((paper) => paper.metrics));
  result.source = sources.join('+');
  const authors = result.authors as Author[] | undefined;
  if (authors) result.authors = withUsernames(authors, group);
  return result as Paper;
}

function withUsernames(authors: Author[], group: Paper[]): Author[] {
  const usernames = new Map<string, string>();
  for (const paper of group) {
    for (const author of paper.authors ?? []) {
      const key = titleKey(author.name);
      if (author.hfUsername && !usernames.has(key)) usernames.set(key, author.hfUsername);
    }
  }
  if (usernames.size === 0) return authors;
  return authors.map((author) => {
    const username = author.hfUsername ?? usernames.get(titleKey(author.name));
    return username ? { ...author, hfUsername: username } : author;
  });
}
