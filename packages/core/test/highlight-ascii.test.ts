/**
 * Highlights on ASCII text are read code by code instead of through the tokenizer; the two must give the
 * same ranges. Checked on the real corpus's titles and abstracts against terms taken from them (whole words,
 * prefixes, joined hyphen chains) and on random ASCII text dense in hyphens, digits and case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseListing } from '../src/entries/index.js';
import { asciiRanges, filterOf, unicodeRanges } from '../src/search/highlight.js';
import { isAscii, tokenSpans } from '../src/search/text.js';
import { corpusDays } from './helpers.js';

const sortedRanges = (ranges: [number, number][]) => [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('ASCII highlight ranges', () => {
  it('equal the tokenizer path on real titles and abstracts', () => {
    const texts = corpusDays()
      .flatMap((day) => parseListing(day.text).papers)
      .flatMap((paper) => [paper.title, paper.abstract ?? ''])
      .filter((text) => isAscii(text) && text.length > 0);
    expect(texts.length).toBeGreaterThan(200);
    let compared = 0;
    texts.forEach((text, i) => {
      const spans = tokenSpans(text);
      const terms = new Map<string, number>();
      // Every seventh token whole, every fifth as a typed prefix, and any joined chain.
      spans.forEach((span, j) => {
        if (span.joined) terms.set(span.token, Number.POSITIVE_INFINITY);
        else if ((i + j) % 7 === 0) terms.set(span.token, Number.POSITIVE_INFINITY);
        else if ((i + j) % 5 === 0 && span.token.length > 3) terms.set(span.token, 2);
      });
      terms.set('zzzz', Number.POSITIVE_INFINITY);
      const expected = sortedRanges(unicodeRanges(text, terms));
      expect(sortedRanges(asciiRanges(text, filterOf(terms)))).toEqual(expected);
      compared += expected.length;
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it('equal the tokenizer path on random ASCII text', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9]{1,6}$/);
    const glue = fc.constantFrom(' ', '-', '--', ' - ', ', ', '.', '-\n', '(');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, glue), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom(Number.POSITIVE_INFINITY, 1, 2, 3)), { maxLength: 8 }),
        (pieces, picks) => {
          const text = pieces.map(([w, g]) => w + g).join('');
          const spans = tokenSpans(text);
          const terms = new Map<string, number>();
          for (const [at, length] of picks) {
            const span = spans[at % Math.max(1, spans.length)];
            if (span) terms.set(span.token, length);
          }
          expect(sortedRanges(asciiRanges(text, filterOf(terms)))).toEqual(sortedRanges(unicodeRanges(text, terms)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
