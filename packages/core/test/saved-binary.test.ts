import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  createSearchIndex,
  isSearchIndexFormatError,
  loadSearchIndex,
  type Paper,
  parseListing,
  saveSearchIndex,
} from '../src/entries/index.js';
import { corpusDays, fixture } from './helpers.js';

const papers = parseListing(fixture('hf-api/2026-08-21.json')).papers;
const index = createSearchIndex(papers, { weights: { title: 7 }, fuzzy: true });
const bytes = saveSearchIndex(index);
const queries = ['agent', 'envharnes', 'video generation', 'reinforcement learning', 'taesiri', '"world model"', ''];

function refusal(data: Uint8Array | ArrayBuffer, given: readonly Paper[] = papers): Error {
  try {
    loadSearchIndex(data, given).search('agent');
  } catch (error) {
    expect(isSearchIndexFormatError(error), String(error)).toBe(true);
    return error as Error;
  }
  throw new Error('the index was loaded');
}

/** The header's fields (see `saved-bytes.ts`): where the papers' and terms' counts and the section sizes are. */
const COUNTS_AT = 8 + 5 * 8;
const SIZES_AT = COUNTS_AT + 8;
const HEADER = SIZES_AT + 6 * 4;
function sectionStart(section: number): number {
  const view = new DataView(bytes.buffer);
  let at = HEADER;
  for (let k = 0; k < section; k++) at += view.getUint32(SIZES_AT + k * 4, true);
  return at;
}
/** Inside the first term of three or more ASCII characters: a line break there splits it in two. */
function lineBreakAt(): number {
  const terms = index.toJSON().terms;
  const k = terms.findIndex((term) => /^[a-z0-9]{3,}$/.test(term));
  return sectionStart(2) + terms.slice(0, k).reduce((sum, term) => sum + new TextEncoder().encode(term).length + 1, 1);
}
function edited(edit: (copy: Uint8Array, view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  edit(copy, new DataView(copy.buffer));
  return copy;
}

describe('the binary saved index', () => {
  it('loads to an index that answers exactly as the original, and saves to the same bytes and JSON', () => {
    const loaded = loadSearchIndex(bytes, papers);
    for (const query of queries) expect(loaded.search(query)).toEqual(index.search(query));
    expect(saveSearchIndex(loaded)).toEqual(bytes);
    expect(loaded.toJSON()).toEqual(index.toJSON());
  });

  it('is read from an ArrayBuffer, and from a view at an odd offset of a larger buffer (a file read into a pool)', () => {
    expect(loadSearchIndex(bytes.slice().buffer, papers).search('agent')).toEqual(index.search('agent'));
    const pool = new Uint8Array(bytes.length + 3);
    pool.set(bytes, 1);
    expect(saveSearchIndex(loadSearchIndex(pool.subarray(1, 1 + bytes.length), papers))).toEqual(bytes);
  });

  it('decodes postings as searches read them: adding papers to a loaded index equals building them all', () => {
    const more = parseListing(fixture('hf-api/2026-04-03.json')).papers;
    const loaded = loadSearchIndex(bytes, papers);
    expect(loaded.search('video generation')).toEqual(index.search('video generation'));
    loaded.add(more);
    const built = createSearchIndex([...papers, ...more], { weights: { title: 7 } });
    expect(saveSearchIndex(loaded)).toEqual(saveSearchIndex(built));
    for (const query of queries) expect(loaded.search(query)).toEqual(built.search(query));
  });

  it('stays within its papers when the caller reuses the loaded buffer afterwards', () => {
    // Postings are decoded from the caller's bytes on first use: overwritten after the load, they must
    // cost matches, never a crash or a paper that is not there.
    for (const fill of [0xff, 0x00, 0x7f, 0x81]) {
      const copy = bytes.slice();
      const loaded = loadSearchIndex(copy, papers);
      copy.fill(fill, HEADER);
      for (const query of [...queries, 'the', 'a', 'model']) {
        for (const hit of loaded.search(query, { limit: Infinity })) expect(papers).toContain(hit.paper);
      }
      expect(() => loadSearchIndex(saveSearchIndex(loaded), papers)).not.toThrow();
    }
  });

  it('keeps the options: weights and fuzzy', () => {
    const strict = createSearchIndex(papers, { fuzzy: false });
    const loaded = loadSearchIndex(saveSearchIndex(strict), papers);
    expect(loaded.search('envharnes')).toEqual(strict.search('envharnes'));
    expect(loaded.toJSON().options).toEqual({ ...strict.toJSON().options });
    expect(loadSearchIndex(bytes, papers).toJSON().options.weights.title).toBe(7);
  });

  it('holds papers and terms outside ASCII, and an empty index', () => {
    const odd: Paper[] = [
      { ...(papers[0] as Paper), id: 'über:1', title: 'Jégou’s café: 𝔽-algebras and 東京 x² e\u0301' },
      { ...(papers[1] as Paper), id: '🙂', title: 'Ångström' },
    ];
    const built = createSearchIndex(odd);
    const loaded = loadSearchIndex(saveSearchIndex(built), odd);
    for (const query of ['jegou', 'cafe', '東京', 'angstrom', '𝔽'])
      expect(loaded.search(query)).toEqual(built.search(query));
    expect(loadSearchIndex(saveSearchIndex(createSearchIndex([])), []).size).toBe(0);
  });

  it('refuses to save a paper id with a lone surrogate (it could not be read back), saying to use toJSON', () => {
    const bad = [{ ...(papers[0] as Paper), id: 'a\ud800b' }];
    expect(() => saveSearchIndex(createSearchIndex(bad))).toThrow(/not well-formed Unicode: save with toJSON/);
  });

  it('builds the same bytes in one call over several posting batches as paper by paper, fewer than JSON', () => {
    const corpus = corpusDays()
      .slice(0, 40)
      .flatMap((day) => parseListing(day.text).papers);
    const byChunks = createSearchIndex([]);
    for (let at = 0; at < corpus.length; at += 61) byChunks.add(corpus.slice(at, at + 61));
    const whole = createSearchIndex(corpus);
    expect(saveSearchIndex(byChunks)).toEqual(saveSearchIndex(whole));
    // And it is the smaller form, before gzip and after.
    const json = JSON.stringify(whole.toJSON());
    expect(saveSearchIndex(whole).length).toBeLessThan(json.length * 0.8);
    expect(gzipSync(saveSearchIndex(whole)).length).toBeLessThan(gzipSync(json).length);
  });
});

describe('a tampered binary index is refused with one typed error', () => {
  const cases: [string, () => Uint8Array | ArrayBuffer, RegExp, Paper[]?][] = [
    ['no bytes', () => new Uint8Array(0), /expected the bytes "PTSI"/],
    ['a JSON index as text', () => new TextEncoder().encode(JSON.stringify(index.toJSON())), /"PTSI"/],
    ['another version', () => edited((copy) => (copy[4] = 4)), /version 4 of the binary form/],
    ['a header cut short', () => bytes.slice(0, 20), /header is cut short/],
    ['an unknown flag', () => edited((copy) => (copy[5] = 2)), /flags/],
    ['a negative weight', () => edited((_, view) => view.setFloat64(8, -1, true)), /weight of "title"/],
    ['a weight that is NaN', () => edited((_, view) => view.setFloat64(16, Number.NaN, true)), /weight of/],
    ['one byte cut off', () => bytes.slice(0, -1), /do not add up/],
    ['one byte too many', () => new Uint8Array([...bytes, 0]), /do not add up/],
    ['other papers', () => bytes, /not the ones it was built from/, papers.slice(1)],
    ['the papers in another order', () => bytes, /not the ones/, [...papers].reverse()],
    [
      'a term count of 2^32 - 1',
      () => edited((_, view) => view.setUint32(COUNTS_AT + 4, 2 ** 32 - 1, true)),
      /promises 4294967295 terms/,
    ],
    // The first term made to start with `z`: it sorts after the second.
    [
      'terms out of order',
      () => edited((copy) => (copy[sectionStart(2)] = 'z'.charCodeAt(0))),
      /repeated, out of order/,
    ],
    ['term text that is not UTF-8', () => edited((copy) => (copy[sectionStart(2)] = 0xff)), /not UTF-8/],
    ['a line break in a term', () => edited((copy) => (copy[lineBreakAt()] = 0x0a)), /holds/],
    ['an id of another length', () => edited((copy) => (copy[sectionStart(0)] = 0x7f)), /not the ones it was built/],
    [
      'a posting count of 2^28',
      () => edited((copy) => copy.set([0x80, 0x80, 0x80, 0x80, 0x01], sectionStart(3))),
      /promise|cut short|more bytes/,
    ],
    [
      'a posting past the papers',
      () => edited((copy) => copy.set([0xff, 0x7f], sectionStart(4))),
      /outside|cut short|more bytes/,
    ],
  ];
  it.each(cases)('%s', (_, make, message, given) => {
    expect(refusal(make(), given).message).toMatch(message);
  });

  it('survives every single-byte change without a crash, a hang or a wrong load that does not say so', () => {
    // Each byte of a small index flipped in turn: the load is refused, or (a change the checks cannot see,
    // such as one field bit or a weight) gives an index that still answers.
    const tiny = createSearchIndex(papers.slice(0, 3));
    const saved = saveSearchIndex(tiny);
    let refused = 0;
    for (let at = 0; at < saved.length; at++) {
      const copy = saved.slice();
      copy[at] = (copy[at] as number) ^ 0x55;
      try {
        loadSearchIndex(copy, papers.slice(0, 3)).search('the agent');
      } catch (error) {
        expect(isSearchIndexFormatError(error), `byte ${at}: ${String(error)}`).toBe(true);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(saved.length / 2);
  });
});
