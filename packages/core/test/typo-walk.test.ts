/**
 * The typo walk finds exactly the terms the plain edit distance accepts: every term within the bound, at its
 * distance, and no other. Checked on the real corpus's vocabulary and on small random vocabularies where
 * shared prefixes, short terms and transpositions are dense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, parseListing } from '../src/entries/index.js';
import { sortTerms, TypoWalk } from '../src/search/typos.js';
import { corpusDays } from './helpers.js';

function walked(walk: TypoWalk, word: string, max: number, terms: string[]): Map<string, number> {
  const out = new Map<string, number>();
  walk.walk(word, max, sortTerms(terms), (id, distance) => out.set(terms[id] as string, distance));
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
        walk.walk(word, max, sorted, (id, distance) => got.set(terms[id] as string, distance));
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
