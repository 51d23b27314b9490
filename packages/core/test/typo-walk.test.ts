/**
 * The typo walk finds exactly the terms the plain edit distance accepts: every term within the bound, at its
 * distance, and no other. Checked on the real corpus's vocabulary and on small random vocabularies where
 * shared prefixes, short terms and transpositions are dense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, parseListing } from '../src/entries/index.js';
import { layOutLines, sortTerms } from '../src/search/sorted-terms.js';
import { TypoWalk } from '../src/search/typos.js';
import { corpusDays } from './helpers.js';

function walked(walk: TypoWalk, word: string, max: number, terms: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const count = walk.walk(word, max, sortTerms(terms));
  for (let k = 0; k < count; k++) out.set(terms[walk.found[k] as number] as string, walk.distances[k] as number);
  return out;
}

function brute(word: string, max: number, terms: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const term of terms) {
    const distance = boundedEditDistance(word, term, max);
    if (distance <= max) out.set(term, distance);
  }
  return out;
}

describe('typo walk over the sorted vocabulary', () => {
  it('matches the plain distance on the real vocabulary, for slips of every kind', () => {
    const terms = [
      ...new Set(
        corpusDays()
          .flatMap((day) => parseListing(day.text).papers)
          .flatMap((paper) => `${paper.title} ${paper.abstract ?? ''}`.toLowerCase().split(/\W+/)),
      ),
    ].filter(Boolean);
    const sorted = sortTerms(terms);
    const walk = new TypoWalk();
    const words = ['rleation', 'transfomer', 'challeng', 'attnetion', 'benjámin', 'a', 'zz', 'xqzv'];
    for (const term of terms.slice(0, 40)) words.push(term.slice(1), `${term}s`, `${term.slice(0, -1)}q`);
    for (const word of words) {
      for (const max of [1, 2]) {
        const got = new Map<string, number>();
        const count = walk.walk(word, max, sorted);
        for (let k = 0; k < count; k++) got.set(terms[walk.found[k] as number] as string, walk.distances[k] as number);
        expect(got, `${word} within ${max}`).toEqual(brute(word, max, terms));
      }
    }
  });

  it('matches the plain distance on random vocabularies of near-identical terms', () => {
    const letter = fc.constantFrom('a', 'b', 'c', 'é');
    const word = fc.array(letter, { minLength: 0, maxLength: 9 }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 60 }),
        word,
        fc.constantFrom(0, 1, 2),
        (terms, query, max) => {
          expect(walked(new TypoWalk(), query, max, terms)).toEqual(brute(query, max, terms));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('the sorted vocabulary, as built and as loaded', () => {
  // Units from both ends of UTF-16, where code-unit order and code-point order part: a surrogate half (part of
  // an astral letter) sorts before U+FA0E, a compatibility ideograph that folding leaves as it is.
  const unit = fc.constantFrom('a', 'b', 'é', '\u{1d400}', '\ufa0e');
  const term = fc.array(unit, { minLength: 1, maxLength: 6 }).map((units) => units.join(''));

  it('lays out terms saved one a line exactly as sorting them does, from any order they were found in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(term, { maxLength: 40 }), (found) => {
        const ascending = [...found].sort();
        const built = sortTerms(found);
        // The same layout, ids aside: a build's ids are its found order, a loaded index's its sorted order.
        const loaded = layOutLines(ascending.join('\n'), ascending.length, 1_000);
        expect(loaded).toEqual({ ...sortTerms(ascending), ids: loaded?.ids });
        expect(Array.from(built.ids, (id) => found[id])).toEqual(ascending);
        expect(loaded?.chars).toEqual(built.chars);
        expect(loaded?.shared).toEqual(built.shared);
        expect(Array.from(loaded?.ids ?? [])).toEqual(ascending.map((_, id) => id));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses lines out of order, repeated, empty, too long, or not as many as promised', () => {
    expect(layOutLines('a\nab\nb', 3, 2)).toBeDefined();
    for (const [text, count] of [
      ['b\na', 2],
      ['ab\na', 2],
      ['a\na', 2],
      ['\ufa0e\n\u{1d400}', 2],
      ['a\n\nb', 3],
      ['a\nb\n', 3],
      ['abc\nb', 2],
      ['a\nb', 3],
      ['a\nb\nc', 2],
      ['', 1],
      ['a', 0],
    ] as const) {
      expect(layOutLines(text, count, 2), JSON.stringify(text)).toBeUndefined();
    }
    expect(layOutLines('', 0, 2)?.ids).toEqual(new Int32Array(0));
  });
});
