/**
 * The saved form of an index (`toJSON()`) and the checks that make loading one safe: a tampered or truncated
 * index fails with `SearchIndexFormatError` instead of giving wrong results or crashing.
 */

import { SearchIndexFormatError } from '../errors.js';
import type { Paper } from '../model.js';
import { fromBase64, toBase64 } from './base64.js';
import { grow, PostingStore } from './postings.js';
import { checkGaps, type SavedGaps, SavedPostings } from './saved-postings.js';
import { SavedTerms } from './saved-terms.js';
import { FIELDS, type SearchField } from './scoring.js';
import { layOutLines, type SortedTerms } from './sorted-terms.js';
import { Vocabulary } from './vocabulary.js';

/**
 * A serialised index: `toJSON()` output, loaded with `loadSearchIndex(data, papers)`.
 *
 * Version 2 stores each term's postings as gaps: within a term, documents ascend, so each posting is written
 * as `(doc - previous doc) << 5 | fieldMask` in LEB128 (7 bits a byte), mostly one or two bytes instead of
 * four. Version 1 (plain int32 postings) is still read.
 */
export interface SerializedSearchIndex {
  format: 'papertrend-search-index';
  version: 1 | 2;
  options: { weights: Record<SearchField, number>; fuzzy: boolean };
  /** Ids of the indexed papers, in order, to check that the same papers are given when loading. */
  ids: string[];
  terms: string[];
  /** Per term: how many postings it has (same order as `terms`). */
  counts: number[];
  /**
   * All postings, term after term, base64: version 2, LEB128 varints of `gap << 5 | fieldMask` (the first
   * gap of a term counts from -1); version 1, little-endian int32 `doc << 5 | fieldMask`.
   */
  postings: string;
  /** Per document: token counts per field, base64 of uint16, for length normalisation. */
  lengths: string;
}

export interface CheckedIndex {
  weights: Record<SearchField, number>;
  fuzzy: boolean;
  terms: string[];
  /**
   * The terms laid out in code-unit order, as checked: all but version 1's, which kept them in the order
   * found (undefined: the vocabulary sorts them).
   */
  sortedTerms: SortedTerms | undefined;
  counts: number[];
  /** Version 1's postings, read; or version 2's and the binary form's, checked and still as saved. */
  postings: Int32Array<ArrayBuffer> | SavedGaps;
  lengths: Uint16Array<ArrayBuffer>;
}

/** A saved index's parts, read back: what the index's constructor takes in place of building them. */
export interface Restored {
  vocabulary: Vocabulary;
  lengths: Uint16Array<ArrayBuffer>;
}

/** The vocabulary of a checked saved index: its terms in order, each with its postings (not copied). */
export function restoreVocabulary(checked: CheckedIndex): Vocabulary {
  const { postings, counts } = checked;
  let store: PostingStore;
  if (postings instanceof Int32Array) {
    store = new PostingStore();
    store.adopt(postings, counts);
  } else {
    store = new SavedPostings(postings, counts);
  }
  const { terms, sortedTerms } = checked;
  const vocabulary = new Vocabulary(
    checked.fuzzy,
    store,
    new SavedTerms(terms, sortedTerms !== undefined),
    sortedTerms,
  );
  // Terms in the order found are sorted now, as part of loading.
  if (sortedTerms === undefined) vocabulary.changed();
  return vocabulary;
}

/** The saved form of an index: its options, its papers' ids, its vocabulary (terms sorted, so loading sorts nothing) and lengths. */
export function serialize(
  options: SerializedSearchIndex['options'],
  papers: readonly Paper[],
  vocabulary: Vocabulary,
  lengths: Uint16Array,
): SerializedSearchIndex {
  const order = vocabulary.sortedIds();
  const { bytes, counts } = postingGaps(vocabulary, order);
  return {
    format: 'papertrend-search-index',
    version: 2,
    options: { weights: { ...options.weights }, fuzzy: options.fuzzy },
    ids: papers.map((paper) => paper.id),
    terms: Array.from(order, (id) => vocabulary.terms[id] as string),
    counts,
    postings: toBase64(bytes),
    lengths: toBase64(new Uint8Array(lengths.buffer, 0, papers.length * FIELDS.length * 2)),
  };
}

/**
 * Every term's postings in `order`, as LEB128 gaps (`(doc - previous doc) * 32 + fieldMask`, the first
 * counting from -1), and how many each term has: the postings of both saved forms. A posting with no field
 * is left out: only a loaded index whose buffer the caller overwrote has one (`SavedPostings`).
 */
export function postingGaps(vocabulary: Vocabulary, order: Int32Array): { bytes: Uint8Array; counts: number[] } {
  const postings = vocabulary.postings;
  postings.readyAll();
  const counts: number[] = [];
  // At most five bytes a posting; most take one or two.
  let bytes = new Uint8Array(1024);
  let at = 0;
  for (const id of order) {
    const count = postings.count(id);
    bytes = grow(bytes, at + count * 5);
    let previous = -1;
    let written = 0;
    for (const { data, starts } of postings.segments) {
      if (id + 1 >= starts.length) continue;
      for (let i = starts[id] as number, end = starts[id + 1] as number; i < end; i++) {
        const value = data[i] as number;
        if ((value & 31) === 0) continue;
        const doc = value >>> 5;
        // The gap times 32 may pass 2^31: arithmetic, not bit shifts, until it is split into bytes.
        const rest = (doc - previous) * 32 + (value & 31);
        previous = doc;
        written++;
        at = writeVarint(bytes, at, rest);
      }
    }
    counts.push(written);
  }
  return { bytes: bytes.subarray(0, at), counts };
}

/** `value` (a whole number ≥ 0, up to 2^53) as LEB128 into `bytes` at `at`; returns where the next goes. */
export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  // Arithmetic, not bit shifts: a posting's gap times 32 may pass 2^31.
  while (value >= 128) {
    bytes[at++] = (value % 128) | 128;
    value = Math.floor(value / 128);
  }
  bytes[at++] = value;
  return at;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const fail = (problem: string): never => {
  throw new SearchIndexFormatError(problem);
};

/** Every check `loadSearchIndex` makes, in one pass over the data (linear in its size). */
export function checkSerialized(data: unknown, papers: readonly Paper[]): CheckedIndex {
  if (!isObject(data) || data.format !== 'papertrend-search-index') {
    fail('it is not a papertrend search index (expected format "papertrend-search-index")');
  }
  const index = data as Record<string, unknown>;
  if (index.version !== 1 && index.version !== 2) {
    fail(`version ${JSON.stringify(index.version)} is not supported (expected 1 or 2)`);
  }
  const options = isObject(index.options) ? index.options : fail('"options" is missing');
  const weights = checkedWeights(options.weights);
  if (typeof options.fuzzy !== 'boolean') fail('"options.fuzzy" is not a boolean');
  const { ids, terms, counts } = index;
  if (!Array.isArray(ids) || ids.length !== papers.length || ids.some((id, at) => papers[at]?.id !== id)) {
    fail('the papers given are not the ones it was built from (same papers, same order)');
  }
  if (!Array.isArray(terms) || !Array.isArray(counts) || terms.length !== counts.length) {
    fail('"terms" and "counts" are not two arrays of one length');
  }
  const sortedTerms = checkTerms(terms as unknown[], index.version === 1);
  const total = checkedTotal(counts as unknown[]);
  const postingBytes = decodeBase64(index.postings, 'postings');
  const postings =
    index.version === 2
      ? checkGaps(postingBytes, counts as number[], total, papers.length, fail)
      : readInt32s(postingBytes, counts as number[], total, papers.length, fail);
  const lengthBytes = decodeBase64(index.lengths, 'lengths');
  if (lengthBytes.length !== papers.length * FIELDS.length * 2) {
    fail(`"lengths" holds ${lengthBytes.length} bytes, expected ${papers.length * FIELDS.length * 2}`);
  }
  return {
    weights,
    fuzzy: options.fuzzy as boolean,
    // A copy: the index keeps its terms and adds to them, and must not change the caller's data.
    terms: (terms as string[]).slice(),
    sortedTerms,
    counts: counts as number[],
    postings,
    lengths: new Uint16Array(lengthBytes.buffer, 0, papers.length * FIELDS.length),
  };
}

export function checkedWeights(raw: unknown): Record<SearchField, number> {
  const rawWeights = isObject(raw) ? raw : fail('"options.weights" is missing');
  const weights = {} as Record<SearchField, number>;
  for (const field of FIELDS) {
    const weight = rawWeights[field];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      fail(`the weight of "${field}" is not a non-negative number`);
    }
    weights[field] = weight as number;
  }
  return weights;
}

/** The longest term a saved index may hold (the tokenizer makes none this long; a hostile file might). */
export const MAX_TERM_LENGTH = 1_000;

/**
 * Version 2 writes terms in ascending order, which also makes them unique: that is checked while they are
 * laid out for searching, and the layout returned. Version 1 wrote them as found (undefined is returned).
 */
export function checkTerms(terms: unknown[], foundOrder: boolean): SortedTerms | undefined {
  checkEachTerm(terms, foundOrder ? new Set<string>() : undefined);
  if (foundOrder) return undefined;
  return layOutLines(terms.join('\n'), terms.length, MAX_TERM_LENGTH) ?? failTerms(terms as string[]);
}

/** Strings, neither empty nor too long, and (when `seen` is given) each new. */
function checkEachTerm(terms: unknown[], seen: Set<string> | undefined): void {
  for (const term of terms) {
    if (typeof term !== 'string' || term === '' || term.length > MAX_TERM_LENGTH || seen?.has(term)) {
      failTerm(term);
    }
    seen?.add(term);
  }
}

/** Fail naming the first term that is empty, too long, holds a line break or is not after the one before. */
export function failTerms(terms: readonly string[]): never {
  const bad = terms.find(
    (term, at) =>
      term === '' ||
      term.length > MAX_TERM_LENGTH ||
      term.includes('\n') ||
      (at > 0 && term <= (terms[at - 1] as string)),
  );
  return bad === undefined ? fail('the terms are not one a line') : failTerm(bad);
}

function failTerm(term: unknown): never {
  return fail(
    `the term ${JSON.stringify(String(term).slice(0, 40))} is empty, too long, repeated, out of order or not a string`,
  );
}

function checkedTotal(counts: unknown[]): number {
  let total = 0;
  for (const count of counts) {
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      fail('a posting count is not a whole number ≥ 0');
    }
    total += count as number;
  }
  return total;
}

const FIELD_MASKS = 1 << FIELDS.length;

/** Version 1: plain int32 postings, each checked to name a paper and a field, documents ascending per term. */
function readInt32s(
  bytes: Uint8Array<ArrayBuffer>,
  counts: number[],
  total: number,
  papers: number,
  fail: (problem: string) => never,
): Int32Array<ArrayBuffer> {
  if (bytes.length !== total * 4) {
    fail(`the postings hold ${Math.floor(bytes.length / 4)} entries, the counts promise ${total}`);
  }
  const postings = new Int32Array(bytes.buffer, 0, total);
  let at = 0;
  for (const count of counts) {
    let previous = -1;
    for (let end = at + count; at < end; at++) {
      const value = postings[at] as number;
      const doc = value >> 5;
      const mask = value & 31;
      // Documents ascend within a term (the index is built in document order) and name a given paper.
      if (value < 0 || doc >= papers || doc <= previous || mask === 0 || mask >= FIELD_MASKS) {
        fail(`posting ${at} points outside the ${papers} papers or at no field`);
      }
      previous = doc;
    }
  }
  return postings;
}

function decodeBase64(value: unknown, name: string): Uint8Array<ArrayBuffer> {
  if (typeof value !== 'string') throw new SearchIndexFormatError(`"${name}" is not a base64 string`);
  try {
    return fromBase64(value);
  } catch {
    throw new SearchIndexFormatError(`"${name}" is not valid base64`);
  }
}
