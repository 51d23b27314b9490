/**
 * Fields the phrase reward has read are kept as term ids (`KeptTokens`) and read again from there. A loaded
 * index whose terms are not hashed reads every field anew with the query's small table: the two must reward
 * alike, keystroke after keystroke, when the same papers come back as candidates again and again.
 */
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { createSearchIndex, loadSearchIndex, type Paper, parseListing, saveSearchIndex } from '../src/entries/index.js';
import { KeptFields, KeptTokens } from '../src/search/kept-tokens.js';
import { corpusDays } from './helpers.js';

/** Every prefix of `query`, as a reader types it. */
const typing = (query: string): string[] => Array.from(query, (_, i) => query.slice(0, i + 1));

describe('the phrase reward over kept fields', () => {
  it('answers every keystroke as a loaded index that reads each field anew', () => {
    const papers: Paper[] = corpusDays()
      .slice(0, 30)
      .flatMap((day) => parseListing(day.text).papers);
    const built = createSearchIndex(papers);
    const loaded = loadSearchIndex(saveSearchIndex(built), papers);
    // Words of titles and abstracts typed in order, and again a word later: candidates return, so fields are
    // read a second time (and kept) and a third (read from the pools).
    const queries = papers.slice(0, 60).flatMap((paper, k) => {
      const words = `${paper.title} ${paper.abstract ?? ''}`.split(/\s+/);
      const from = k % 7;
      return [words.slice(from, from + 4).join(' '), words.slice(from + 1, from + 3).join(' ')];
    });
    // The built index reads kept fields (the main entry installed them); the loaded one cannot.
    const find = vi.spyOn(KeptFields.prototype, 'find');
    let compared = 0;
    for (const query of queries) {
      for (const prefix of typing(query)) {
        const want = loaded.search(prefix, { limit: 20 });
        const got = built.search(prefix, { limit: 20 });
        expect(
          got.map((hit) => [hit.paper.id, hit.score]),
          prefix,
        ).toEqual(want.map((hit) => [hit.paper.id, hit.score]));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
    const kept = find.mock.results.filter((result) => result.value === true).length;
    expect(kept).toBeGreaterThan(find.mock.calls.length / 2);
    find.mockRestore();
  });

  it('is left out of the search entry a widget bundles, and in the main entry', async () => {
    const bundle = async (entry: string) =>
      (
        await build({
          entryPoints: [new URL(`../src/entries/${entry}`, import.meta.url).pathname],
          bundle: true,
          write: false,
          format: 'esm',
          platform: 'browser',
          logLevel: 'silent',
        })
      ).outputFiles[0]?.text ?? '';
    expect(await bundle('search.ts')).not.toMatch(/\bKeptFields\b/);
    expect(await bundle('index.ts')).toMatch(/\bKeptFields = class\b/);
  });
});

describe('kept tokens', () => {
  /** A field of `values` values: ends counted from its start, then `ids` ids, all from `seed`. */
  function field(seed: number, values: number, ids: number): Int32Array {
    const out = new Int32Array(values + ids);
    for (let v = 0; v < values; v++) out[v] = values + Math.round(((v + 1) * ids) / values);
    for (let k = 0; k < ids; k++) out[values + k] = (seed * 31 + k) % 1000;
    return out;
  }

  it('keeps a field the second time it is read, and finds it where it was put, its ends moved with it', () => {
    const kept = new KeptTokens();
    expect(kept.find(7)).toBe(false);
    expect(kept.seenBefore(7)).toBe(false);
    expect(kept.seenBefore(7)).toBe(true);
    for (let key = 0; key < 50; key++) {
      const given = field(key, 2, 40);
      kept.keep(key, given, given.length, 2);
    }
    for (let key = 0; key < 50; key++) {
      expect(kept.find(key)).toBe(true);
      const { array, at } = kept;
      const given = field(key, 2, 40);
      expect([array[at] as number, array[at + 1] as number]).toEqual([
        at + (given[0] as number),
        at + (given[1] as number),
      ]);
      expect(Array.from(array.subarray(at + 2, at + given.length))).toEqual(Array.from(given.subarray(2)));
    }
  });

  it('forgets the oldest fields a pool at a time, keeping the last pool whole', () => {
    const kept = new KeptTokens();
    // 5,000 ids a field: a pool (131,072) holds 26; 100 fields fill it three times over.
    for (let key = 0; key < 100; key++) {
      const given = field(key, 1, 5000);
      kept.keep(key, given, given.length, 1);
    }
    const found = Array.from({ length: 100 }, (_, key) => kept.find(key));
    expect(found.slice(0, 50).some(Boolean)).toBe(false);
    expect(found.slice(-40).every(Boolean)).toBe(true);
    for (let key = 60; key < 100; key++) {
      kept.find(key);
      const { array, at } = kept;
      expect(Array.from(array.subarray(at + 1, at + 5001))).toEqual(Array.from(field(key, 1, 5000).subarray(1)));
    }
  });

  it('hands back a field larger than a pool without keeping it', () => {
    const kept = new KeptTokens();
    const huge = field(1, 1, 200_000);
    kept.keep(9, huge, huge.length, 1);
    expect(kept.array).toBe(huge);
    expect(kept.at).toBe(0);
    expect(kept.find(9)).toBe(false);
  });
});
