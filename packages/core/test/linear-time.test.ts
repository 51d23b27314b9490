import { describe, expect, it } from 'vitest';
import { PATHOLOGICAL } from '../bench/pathological-inputs.js';
import { isPapertrendError, parseArxivId, parseListing } from '../src/entries/index.js';

// Each input once took seconds to minutes at this size (quadratic regexes, line counting, htmlparser2's
// stack). Linear, each parses in a few milliseconds; the one-second bound is a wide margin for a busy CI
// machine, not a benchmark (`pnpm bench` prints the growth ratios).
const SIZE = 200_000;

describe('every parser is linear in its input: 200k-character pathological inputs', () => {
  it.each(PATHOLOGICAL.map((input) => [input.name, input] as const))('%s', (_name, input) => {
    const text = input.make(SIZE);
    const started = performance.now();
    let outcome: unknown;
    try {
      outcome = parseListing(text, input.format ? { format: input.format } : {});
    } catch (error) {
      outcome = error;
    }
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    if (outcome instanceof Error) {
      expect(isPapertrendError(outcome), String(outcome)).toBe(true);
    } else {
      const listing = outcome as ReturnType<typeof parseListing>;
      const errors = listing.issues.filter((issue) => issue.severity === 'error').length;
      expect(listing.papers.length + errors + listing.meta.duplicates).toBe(listing.meta.entries);
    }
  });

  it('reads arXiv references of any length in linear time (client.paper and the CLI pass user text here)', () => {
    const started = performance.now();
    expect(parseArxivId(`${'?'.repeat(SIZE)}\n`)).toBeUndefined();
    expect(parseArxivId(`2106.09685${'?'.repeat(1_000)}\nx`)).toEqual({ id: '2106.09685' });
    expect(parseArxivId('https://arxiv.org/pdf/2106.09685v2.pdf?download=1#page=2')).toEqual({
      id: '2106.09685',
      version: 2,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
