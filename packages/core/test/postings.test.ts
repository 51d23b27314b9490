/**
 * The posting store in segments: a large build keeps its sorted batches as segments, a small index has one,
 * and a store of too many segments is laid out as one again. Whatever its shape, every term reads back the
 * postings recorded for it, in document order, with its count. Checked against postings kept aside in plain
 * arrays, on random documents large enough to make the store keep its batches.
 */
import { describe, expect, it } from 'vitest';
import { random } from '../bench/random.mjs';
import { PendingPostings, PostingStore } from '../src/search/postings.js';

const TERMS = 5_000;

/** Documents from `first` on, each seeing `tokens` terms (a few common, most rare) in random fields. */
function addDocuments(
  pending: PendingPostings,
  expected: number[][],
  first: number,
  docs: number,
  tokens: number,
  next: () => number,
): void {
  pending.reserve(TERMS);
  for (let doc = first; doc < first + docs; doc++) {
    const masks = new Map<number, number>();
    for (let k = 0; k < tokens; k++) {
      const term = Math.floor(next() ** 3 * TERMS);
      const bit = 1 << Math.floor(next() * 5);
      pending.see(term, doc, bit);
      masks.set(term, (masks.get(term) ?? 0) | bit);
    }
    pending.flush(doc, TERMS);
    for (const [term, mask] of masks) (expected[term] as number[]).push((doc << 5) | mask);
  }
}

function readBack(store: PostingStore, term: number): number[] {
  store.ready(term);
  const out: number[] = [];
  for (const { data, starts } of store.segments) {
    if (term + 1 >= starts.length) continue;
    for (let i = starts[term] as number; i < (starts[term + 1] as number); i++) out.push(data[i] as number);
  }
  return out;
}

function expectSame(store: PostingStore, expected: number[][]): void {
  for (let term = 0; term < TERMS; term++) {
    const want = expected[term] as number[];
    expect(store.count(term)).toBe(want.length);
    // Compared whole only when different, so a failure names the term without printing 5,000 arrays.
    const got = readBack(store, term);
    if (got.length !== want.length || got.some((value, k) => value !== want[k]))
      expect([term, got]).toEqual([term, want]);
  }
}

describe('postings in segments', () => {
  it('reads back every posting of a large build kept as segments, then of the same store laid out as one', () => {
    const next = random(25);
    const expected = Array.from({ length: TERMS }, () => [] as number[]);
    const pending = new PendingPostings();
    const store = new PostingStore();
    // 20,000 documents of 300 tokens: about 5.5 million postings, past what is laid out as one segment.
    addDocuments(pending, expected, 0, 20_000, 300, next);
    pending.finish(store, TERMS);
    expect(store.segments.length).toBeGreaterThan(4);
    expectSame(store, expected);

    // Papers added one at a time to the large store: a segment each, until there are too many, and then one.
    let doc = 20_000;
    let most = 0;
    for (let add = 0; add < 600; add++, doc++) {
      addDocuments(pending, expected, doc, 1, 50, next);
      pending.finish(store, TERMS);
      most = Math.max(most, store.segments.length);
    }
    expect(most).toBeGreaterThan(500);
    expect(store.segments.length).toBeLessThan(200);
    expectSame(store, expected);
  });

  it('keeps a small index in one segment however often papers are added to it', () => {
    const next = random(7);
    const expected = Array.from({ length: TERMS }, () => [] as number[]);
    const pending = new PendingPostings();
    const store = new PostingStore();
    for (let add = 0; add < 30; add++) {
      addDocuments(pending, expected, add * 20, 20, 200, next);
      pending.finish(store, TERMS);
      expect(store.segments.length).toBe(1);
    }
    expectSame(store, expected);
  });

  it('reads back documents added out of a row, and a document with more distinct terms than the first buffer holds', () => {
    const next = random(11);
    const expected = Array.from({ length: TERMS }, () => [] as number[]);
    const pending = new PendingPostings();
    const store = new PostingStore();
    // Each batch holds documents in a row; a gap in the numbers starts a new batch, before it is full.
    addDocuments(pending, expected, 0, 40, 100, next);
    addDocuments(pending, expected, 500, 40, 100, next);
    // All 5,000 terms in one document: past the smallest buffer, which grows to hold it.
    const whole = 600;
    for (let term = 0; term < TERMS; term++) {
      pending.see(term, whole, 2);
      (expected[term] as number[]).push((whole << 5) | 2);
    }
    pending.flush(whole, TERMS);
    addDocuments(pending, expected, whole + 1, 40, 100, next);
    pending.finish(store, TERMS);
    expectSame(store, expected);
  });

  it('refuses more distinct terms than a pending posting can name', () => {
    expect(() => new PendingPostings().reserve(2 ** 27 + 1)).toThrow(RangeError);
  });
});
