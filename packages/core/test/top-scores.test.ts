import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { popcount, reorderBestFirst, TopScores } from '../src/search/scoring.js';

if (process.env.CI) fc.configureGlobal({ seed: 20_261_205 });

type Scored = { doc: number; score: number };
/** The order hits are returned in: higher score first, then the earlier document. */
const reference = (items: Scored[]): Scored[] =>
  [...items].sort((a, b) => (a.score !== b.score ? b.score - a.score : a.doc - b.doc));

/** Distinct documents with scores from a small set, so that ties are common. */
const scoredDocs = fc
  .uniqueArray(fc.nat(5_000), { maxLength: 300 })
  .chain((docs) =>
    fc.tuple(
      fc.constant(docs),
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: docs.length, maxLength: docs.length }),
    ),
  )
  .map(([docs, scores]) => docs.map((doc, i) => ({ doc, score: (scores[i] as number) / 2 })));

describe('best-k heap: sorted in place', () => {
  it('holds the best `capacity` documents and sorts them best first, ties to the earlier document', () => {
    const heap = new TopScores(0);
    fc.assert(
      fc.property(scoredDocs, fc.integer({ min: 1, max: 400 }), (items, capacity) => {
        // One heap reused, as every keystroke reuses the index's.
        heap.reset(capacity);
        for (const { doc, score } of items) if (heap.accepts(score)) heap.push(doc, score);
        const count = heap.sortBestFirst();
        const got = Array.from({ length: count }, (_, k) => ({ doc: heap.docs[k], score: heap.scores[k] }));
        expect(got).toEqual(reference(items).slice(0, capacity));
      }),
    );
  });

  it('puts a best-first list back in order after some scores were raised', () => {
    fc.assert(
      fc.property(scoredDocs, fc.array(fc.integer({ min: 0, max: 4 })), (items, raises) => {
        const sorted = reference(items);
        const docs = Int32Array.from(sorted, (item) => item.doc);
        const scores = Float64Array.from(sorted, (item) => item.score);
        // Raise some (the phrase reward multiplies by 1 or more), then reorder.
        raises.forEach((factor, k) => {
          if (k < scores.length) scores[k] = (scores[k] as number) * (1 + factor / 2);
        });
        const expected = reference(Array.from(docs, (doc, k) => ({ doc, score: scores[k] as number })));
        reorderBestFirst(docs, scores, docs.length);
        expect(Array.from(docs, (doc, k) => ({ doc, score: scores[k] }))).toEqual(expected);
      }),
    );
  });
});

describe('popcount', () => {
  it('counts the set bits of any 32-bit mask of query words, the sign bit too', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (mask) => {
        let bits = 0;
        for (let bit = 0; bit < 32; bit++) bits += (mask >>> bit) & 1;
        expect(popcount(mask)).toBe(bits);
      }),
    );
    expect([0, 1, 0xff, 1 << 31, -1].map(popcount)).toEqual([0, 1, 8, 1, 32]);
  });
});
