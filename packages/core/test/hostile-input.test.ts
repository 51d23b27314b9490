import { describe, expect, it } from 'vitest';
import {
  isArxivApiError,
  isListingFormatError,
  isPapertrendError,
  type Listing,
  parseListing,
  type UnknownFormatError,
} from '../src/entries/index.js';
import { fixture, thrown } from './helpers.js';

// Inputs that once threw something other than a papertrend error, or lost entries without an issue
// (issue "Survive a hostile world", items 8–10).

const feed = fixture('arxiv/api-new-2026_search-testing_start0_max10.xml');
const day = JSON.parse(fixture('hf-api/2026-08-21.json')) as Record<string, unknown>[];

function accounted(listing: Listing): number {
  const errors = listing.issues.filter((issue) => issue.severity === 'error').length;
  return listing.papers.length + errors + listing.meta.duplicates;
}

describe('values that made the parser throw a non-papertrend error', () => {
  it('5,000-deep nested arrays in one entry’s authors: that entry salvaged with a short snippet', () => {
    const entry = structuredClone(day[0]) as { paper: Record<string, unknown> };
    entry.paper.authors = 'DEEP';
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const listing = parseListing(JSON.stringify([entry, day[1]]).replace('"DEEP"', deep));
    expect(listing.papers).toHaveLength(2);
    expect(listing.papers[0]?.authors).toEqual([]);
    const issue = listing.issues.find((item) => item.message.startsWith('dropped paper.authors[0]'));
    expect(issue?.snippet.length).toBeLessThanOrEqual(200);
  });

  it('a lone surrogate in paper.id: kept, and its page link is a well-formed URL', () => {
    const entry = structuredClone(day[0]) as { paper: Record<string, unknown> };
    entry.paper.id = 'abc\uD800def';
    const listing = parseListing(JSON.stringify([entry]));
    expect(listing.papers[0]?.links.page).toBe('https://huggingface.co/papers/abc%EF%BF%BDdef');
  });
});

describe('entries that were lost without an issue', () => {
  it('JSON forced through the arXiv parser is refused, not "0 papers, 0 issues"', () => {
    const error = thrown(() => parseListing(JSON.stringify(day), { format: 'arxiv-atom' }));
    expect(isListingFormatError(error)).toBe(true);
    expect((error as Error).message).toMatch(/no <feed> or <rss> element/);
    expect(isListingFormatError(thrown(() => parseListing('<html></html>', { format: 'papertrend-json' })))).toBe(true);
  });

  it('an Atom feed with one </entry> removed keeps every entry and says which was unclosed', () => {
    const broken = feed.replace('</entry>', '');
    const listing = parseListing(broken);
    expect(listing.papers).toHaveLength(10);
    expect(listing.meta.entries).toBe(10);
    expect(listing.issues).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/no closing <\/entry>/) }),
    ]);
  });

  it('a feed cut off mid-title rejects the cut entry instead of keeping a shortened title', () => {
    const cut = feed.slice(0, feed.indexOf('Learning-to-Rank'));
    const listing = parseListing(cut);
    expect(listing.papers).toHaveLength(1);
    expect(listing.issues).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/input ends inside this entry/) }),
    ]);
    expect(accounted(listing)).toBe(listing.meta.entries);
  });

  it('markup inside a title or abstract is part of its text', () => {
    const marked = feed
      .replace(
        '<title>Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques</title>',
        '<title>Quantum <i>effects</i> in <b>graph<sub>e</sub>ne</b></title>',
      )
      .replace(/<summary>/, '<summary>We <em>show</em> that ');
    const [first] = parseListing(marked).papers;
    expect(first?.title).toBe('Quantum effects in graphene');
    expect(first?.abstract).toMatch(/^We show that /);
  });

  it('an entry with 19 wrongly typed optional fields is kept, each field dropped with a warning', () => {
    const entry = structuredClone(day[0]) as Record<string, unknown> & { paper: Record<string, unknown> };
    const paperFields = ['summary', 'authors', 'publishedAt', 'submittedOnDailyAt', 'submittedOnDailyBy', 'upvotes'];
    paperFields.push('numComments', 'githubRepo', 'githubStars', 'projectPage', 'ai_summary', 'ai_keywords');
    paperFields.push('organization');
    const counts = ['upvotes', 'numComments', 'githubStars'];
    for (const field of paperFields) entry.paper[field] = counts.includes(field) || field === 'ai_keywords' ? 'x' : 42;
    for (const field of ['publishedAt', 'numComments', 'thumbnail', 'mediaUrl', 'submittedBy', 'organization']) {
      entry[field] = field === 'numComments' ? -1 : 42;
    }
    const listing = parseListing(JSON.stringify([entry]));
    expect(listing.papers).toHaveLength(1);
    expect(listing.issues.filter((issue) => issue.severity === 'warning')).toHaveLength(19);
    expect(listing.issues.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  it('hundreds of broken authors in one entry: each dropped, the rest kept, in one pass', () => {
    const entry = structuredClone(day[0]) as { paper: { authors: unknown[] } };
    const good = entry.paper.authors.slice(0, 3);
    entry.paper.authors = [...good, ...Array.from({ length: 500 }, (_, index) => ({ name: index })), ...good];
    const listing = parseListing(JSON.stringify([entry]));
    expect(listing.papers[0]?.authors).toHaveLength(6);
    expect(listing.issues).toHaveLength(500);
    expect(listing.issues[499]?.position.path).toEqual([0, 'paper', 'authors', 502]);
  });

  it.each([
    ['2026-02-30', false],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-01-01T24:00:00Z', false],
    ['2026-01-01T10:00:00+99:99', false],
    ['2026-01-01T10:00:00+05:30', true],
    ['2026-01-01T10:00:00.123Z', true],
  ])('the date %s is kept: %s', (date, kept) => {
    const entry = structuredClone(day[0]) as { paper: Record<string, unknown> };
    entry.paper.publishedAt = date;
    const listing = parseListing(JSON.stringify([entry]));
    expect(listing.papers[0]?.publishedAt).toBe(kept ? date : undefined);
    if (!kept) expect(listing.issues[0]?.message).toMatch(/is not an ISO-8601 date that exists/);
    const saved = parseListing(
      JSON.stringify({ format: 'hf-api', papers: [{ ...listing.papers[0], publishedAt: date }] }),
    );
    expect(saved.papers[0]?.publishedAt).toBe(kept ? date : undefined);
  });

  it('an entry titled "Error" among real results is a paper, not an arXiv API error', () => {
    const withError = feed.replace(
      '<title>Towards Explainable Test Case Prioritisation with Learning-to-Rank Models</title>',
      '<title>Error</title>',
    );
    const listing = parseListing(withError);
    expect(listing.papers.map((paper) => paper.title)).toContain('Error');
    expect(isArxivApiError(thrown(() => parseListing(fixture('arxiv/api-new-2026_error-http400_id-abc.xml'))))).toBe(
      true,
    );
  });
});

describe('encodings', () => {
  const text = JSON.stringify(day.slice(0, 3));

  it('a UTF-8 byte-order mark at the start of a string or of bytes', () => {
    expect(parseListing(`\uFEFF${text}`).papers).toHaveLength(3);
    expect(parseListing(new TextEncoder().encode(`\uFEFF${text}`)).papers).toHaveLength(3);
  });

  it('UTF-16 bytes, with or without a byte-order mark, little- and big-endian', () => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    expect(parseListing(le).papers).toHaveLength(3);
    expect(parseListing(le.subarray(2)).papers).toHaveLength(3);
    const be = Buffer.from(le);
    be.swap16();
    expect(parseListing(be).papers).toHaveLength(3);
  });

  it('UTF-16 decoded as UTF-8 is named for what it is', () => {
    const mangled = Buffer.from(`\uFEFF${text}`, 'utf16le').toString('utf8');
    const error = thrown(() => parseListing(mangled));
    expect(isPapertrendError(error)).toBe(true);
    expect((error as UnknownFormatError).message).toMatch(/UTF-16 text decoded as if it were UTF-8/);
  });
});

describe('a saved papertrend listing is held to the same URL rules as every source', () => {
  it.each([
    ['https:///', false],
    ['https://exa\u0000mple.com/', false],
    ['https://example.com/"><script>', false],
    ['https://example.com/\u202Egpj.exe', false],
    ['javascript:alert(1)', false],
    ['https://GitHub.com/Owner/Repo', true],
    ['https://example.com', true],
  ])('%j kept: %s', (url, kept) => {
    const paper = { id: 'x', title: 'T', links: { project: url }, metrics: {}, source: 'hf-api' };
    const listing = parseListing(JSON.stringify({ format: 'hf-api', papers: [paper], meta: {} }));
    expect(listing.papers[0]?.links.project).toBe(kept ? url : undefined);
  });

  it('copies only plain meta facts: no __proto__, no nested values, counts recomputed', () => {
    const text =
      '{"format":"hf-api","papers":[],"meta":{"__proto__":{"polluted":1},"date":"2026-08-21","entries":99,"x":{"y":1}}}';
    const listing = parseListing(text);
    expect(listing.meta).toEqual({ date: '2026-08-21', entries: 0, duplicates: 0 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
