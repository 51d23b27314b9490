import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Listing, mergeListings, type Paper, parseListing } from '../src/entries/index.js';
import { fixture } from './helpers.js';

// Merging is a set operation: idempotent, associative in papers and in every field's winner, and stable
// under saving and re-merging. Checked with fast-check over the real listings of one day in four sources.

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** An arXiv API feed of these papers, read back through the real arXiv parser. */
function arxivFeed(papers: readonly Paper[], texify: (title: string) => string = (title) => title): Listing {
  const entries = papers
    .filter((paper) => paper.arxivId)
    .map(
      (paper, index) => `<entry><id>http://arxiv.org/abs/${paper.arxivId}v${(index % 3) + 1}</id>
<title>${escapeXml(texify(paper.title))}</title><summary>${escapeXml(paper.abstract ?? 'No abstract.')}</summary>
<published>2024-07-3${index % 2}T17:59:59Z</published>
${(paper.authors ?? []).map((author) => `<author><name>${escapeXml(author.name)}</name></author>`).join('')}
${index % 2 === 0 ? '<arxiv:comment>12 pages</arxiv:comment>' : ''}<category term="cs.CL"/></entry>`,
    );
  return parseListing(
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">${entries.join('\n')}</feed>`,
  );
}

const api = parseListing(fixture('hf-api/2024-08-01.json'));
const html = parseListing(fixture('hf-html/papers_daily_2024-08-01.html'));
const cards = parseListing(fixture('hf-page-text/daily-2024-08-01.txt'));
const arxiv = arxivFeed(api.papers);
const saved = parseListing(JSON.stringify(mergeListings(cards, api, arxiv)));
const pool = [api, html, cards, arxiv, saved];

const subset = (listing: Listing, keep: boolean[]): Listing => {
  const papers = listing.papers.filter((_, index) => keep[index % keep.length] !== false);
  return { ...listing, papers, issues: [], meta: { entries: papers.length, duplicates: 0 } };
};
const listing = fc
  .tuple(fc.nat(pool.length - 1), fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }))
  .map(([which, keep]) => subset(pool[which] as Listing, keep));

describe('merge laws over real listings (fast-check)', () => {
  it('merge(m, m) has the papers of m', () => {
    fc.assert(
      fc.property(listing, listing, (a, b) => {
        const m = mergeListings(a, b);
        expect(mergeListings(m, m).papers).toEqual(m.papers);
      }),
      { numRuns: 150 },
    );
  });

  it('merge(merge(a, b), c) = merge(a, merge(b, c)) = merge(a, b, c), in papers and every field', () => {
    fc.assert(
      fc.property(listing, listing, listing, (a, b, c) => {
        const flat = mergeListings(a, b, c).papers;
        expect(mergeListings(mergeListings(a, b), c).papers).toEqual(flat);
        expect(mergeListings(a, mergeListings(b, c)).papers).toEqual(flat);
      }),
      { numRuns: 200 },
    );
  });

  it('re-merging a saved merged listing changes nothing', () => {
    fc.assert(
      fc.property(listing, listing, (a, b) => {
        const m = mergeListings(a, b);
        const reread = parseListing(JSON.stringify(m));
        expect(mergeListings(reread).papers).toEqual(m.papers);
        expect(mergeListings(reread, a).papers).toEqual(mergeListings(m, a).papers);
      }),
      { numRuns: 100 },
    );
  });
});

describe('merge: the cases that broke the laws', () => {
  const hfEntry = (id: string, title: string): Record<string, unknown> => ({
    paper: {
      id,
      title,
      authors: [{ name: 'A. Author', user: { user: 'aauthor' } }],
      publishedAt: '2025-01-01T00:00:00.000Z',
    },
    publishedAt: '2025-01-01T00:00:00.000Z',
  });

  it('re-merging keeps arXiv’s bibliographic fields; source stays a set', () => {
    const hf = parseListing(JSON.stringify([hfEntry('2501.00001', 'Zetta ζ: fast things')]));
    const fromArxiv = arxivFeed([{ ...(hf.papers[0] as Paper), title: 'Zetta $\\zeta$: fast things' }]);
    const first = mergeListings(hf, fromArxiv);
    expect(first.papers[0]?.title).toBe('Zetta $\\zeta$: fast things');
    const again = mergeListings(hf, parseListing(JSON.stringify(first)));
    expect(again.papers).toEqual(first.papers);
    expect(again.papers[0]?.source).toBe('arxiv-atom+hf-api');
    expect(again.papers[0]?.authors?.[0]?.hfUsername).toBe('aauthor');
  });

  it('a title-only record still finds a paper whose title arXiv spelled in TeX', () => {
    const hf = parseListing(JSON.stringify([hfEntry('2501.00002', 'nabla^2DFT: a universal benchmark')]));
    const fromArxiv = arxivFeed([{ ...(hf.papers[0] as Paper), title: '$\\nabla^2$DFT: A Universal Benchmark' }]);
    const page = parseListing(
      `Jan 2\n\nnabla^2DFT: A universal benchmark\n\n${'An abstract sentence here. '.repeat(12)}`,
    );
    const stepwise = mergeListings(mergeListings(hf, fromArxiv), page);
    expect(stepwise.papers).toHaveLength(1);
    expect(stepwise.papers).toEqual(mergeListings(hf, fromArxiv, page).papers);
    expect(stepwise.papers[0]?.source).toBe('arxiv-atom+hf-api+hf-page-text');
  });
});
