/**
 * Every part of a query costs time linear in its length: a pasted URL, a paragraph, a word repeated a
 * thousand times, hundreds of phrases or exclusions, unbalanced quotes. Measured by growth, not by a clock:
 * ten times the input must cost well under a hundred times the time (a quadratic step shows ×100). The
 * inputs are shared with `pnpm bench`, which prints the ratios.
 */
import { describe, expect, it } from 'vitest';
import { QUERY_SHAPES } from '../bench/pathological-inputs.js';
import { createSearchIndex, parseListing, parseSearchQuery } from '../src/entries/index.js';
import { corpusDays } from './helpers.js';

const index = createSearchIndex(corpusDays().flatMap((day) => parseListing(day.text).papers));

/** The smallest of a few runs: a busy machine adds time, never takes it away. */
function fastest(query: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    index.search(query, { limit: 20 });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('search costs linear time in the query', () => {
  it.each(QUERY_SHAPES.map((shape) => [shape.name, shape] as const))(
    '%s: ×10 input is far from ×100 time',
    (_n, shape) => {
      // Both sizes run first once, so the comparison is of warm code on both sides.
      fastest(shape.make(300));
      fastest(shape.make(3_000));
      const small = Math.max(fastest(shape.make(300)), 0.5);
      const large = fastest(shape.make(3_000));
      expect(large / small).toBeLessThan(30);
      // And in absolute terms, on 2,966 papers: a tenth of a second even on a loaded machine.
      expect(fastest(shape.make(30_000))).toBeLessThan(100);
    },
  );

  it('reads the first 1,000 characters and 64 clauses of a query, and says when it stopped', () => {
    expect(parseSearchQuery('diffusion video').truncated).toBe(false);
    const long = parseSearchQuery('x'.repeat(5_000));
    expect(long.truncated).toBe(true);
    expect(long.clauses[0]?.words[0]).toHaveLength(1_000);
    const many = parseSearchQuery('word '.repeat(100));
    expect(many.truncated).toBe(true);
    expect(many.clauses).toHaveLength(64);
    // A surrogate pair at the cut is kept whole or left out, never halved.
    const astral = parseSearchQuery(`${'a'.repeat(999)}😀`);
    expect(astral.clauses[0]?.words[0]).toBe('a'.repeat(999));
  });
});
