/**
 * The index reads ASCII text code by code, folding capitals as it hashes instead of lower-casing a copy of
 * the text first. What it records must be what the tokenizer gives for the same text: checked on random
 * text over all of ASCII (capitals, digits, hyphens, control characters) and on the real corpus.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex, type Paper, parseListing } from '../src/entries/index.js';
import { isAscii, tokens } from '../src/search/text.js';
import { corpusDays } from './helpers.js';

const paperWith = (title: string, abstract?: string): Paper => ({
  id: 'p',
  title,
  ...(abstract === undefined ? {} : { abstract }),
  links: {},
  metrics: {},
  source: 'test',
});

/** The index's terms for one paper whose title is `text`. */
const indexedTerms = (text: string) => new Set(createSearchIndex([paperWith(text)]).toJSON().terms);

describe('the ASCII scan of the index', () => {
  it('records the tokenizer’s terms for any ASCII text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 12 }),
      fc.stringMatching(/^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8}){0,3}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join(' ');
        expect(isAscii(text)).toBe(true);
        expect(indexedTerms(text)).toEqual(new Set(tokens(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('records the tokenizer’s terms for text that is ASCII until it is not (accents, marks, Unicode hyphens)', () => {
    // The scan reads ASCII until a character outside it, then hands the whole value to the tokenizer: what
    // it recorded before must be the tokenizer's own tokens, and no term may be recorded twice.
    const piece = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 10 }),
      fc.stringMatching(/^[A-Za-z0-9]{1,6}(-[A-Za-z0-9]{1,6}){0,3}$/),
      fc.constantFrom('é', 'Jégou', 'e\u0301', 'x²', 'pre\u2010trained', 'l’art', '—', 'π', 'ﬁne', '½', 'Σ'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(piece, { maxLength: 6 }), (first, second) => {
        const title = first.join(' ');
        const abstract = second.join('');
        const papers = [paperWith(title, abstract), { ...paperWith(abstract, title), id: 'q' }];
        const terms = createSearchIndex(papers).toJSON().terms;
        expect(new Set(terms)).toEqual(new Set([...tokens(title), ...tokens(abstract)]));
        expect(terms.length).toBe(new Set(terms).size);
      }),
      { numRuns: 2000 },
    );
  });

  it('records a hyphen chain that ends the text after a last hyphen (found by the property below, seed 1953439710)', () => {
    for (const text of ['0-0-', 'pre-trained-', 'a-b-', 'Scaling pre-Trained-']) {
      expect(indexedTerms(text)).toEqual(new Set(tokens(text)));
    }
    expect(indexedTerms('pre-trained-')).toContain('pretrained');
  });

  it('finds words whatever their case, and folds capitals only (not the characters next to them)', () => {
    // `@` and `[` are one code below `A` and one above `Z`; `` ` `` and `{` frame `a`–`z`; \x10–\x19 OR 32
    // would read as digits. None of them is a letter or digit, and none becomes one.
    const text = 'Diffusion TRANSFORMERS @A[Z` {zz} x\x10\x19y Pre-Trained GPT-4o';
    expect(indexedTerms(text)).toEqual(new Set(tokens(text)));
    expect([...indexedTerms(text)].every((term) => term === term.toLowerCase())).toBe(true);
    const index = createSearchIndex([paperWith('Scaling Diffusion TRANSFORMERS', 'We Pre-Train GPT-4o.')]);
    for (const query of ['diffusion', 'Transformers', 'DIFFUSION transformers', 'pretrain', 'gpt 4o', 'pre-train']) {
      expect(index.search(query).length, query).toBe(1);
    }
  });

  it('finds a hyphen chain’s joined term again, whatever its capitals, and gives it every paper', () => {
    const titles = ['Pre-Trained Models', 'pretrained nets', 'A PRE-TRAINED-X and a pre-trained Y', 'PRETRAINED'];
    const index = createSearchIndex(titles.map((title, at) => ({ ...paperWith(title), id: `p${at}` })));
    const terms = index.toJSON().terms;
    expect(terms.filter((term) => term === 'pretrained')).toEqual(['pretrained']);
    expect(terms).toContain('pretrainedx');
    expect(
      index
        .search('pretrained')
        .map((hit) => hit.paper.id)
        .sort(),
    ).toEqual(['p0', 'p1', 'p2', 'p3']);
  });

  it('records the tokenizer’s terms for the real corpus’s titles and abstracts', () => {
    const papers = corpusDays()
      .flatMap((day) => parseListing(day.text).papers)
      .filter((paper) => isAscii(paper.title) && isAscii(paper.abstract ?? ''))
      .slice(0, 400);
    expect(papers.length).toBe(400);
    const expected = new Set(papers.flatMap((paper) => [...tokens(paper.title), ...tokens(paper.abstract ?? '')]));
    const terms = createSearchIndex(papers.map((paper) => paperWith(paper.title, paper.abstract))).toJSON().terms;
    expect(new Set(terms)).toEqual(expected);
    // Each term once: a token or joined hyphen chain met again is found, whatever its capitals.
    expect(terms.length).toBe(expected.size);
  });
});
