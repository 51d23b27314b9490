/**
 * The saved form of an index (`toJSON()`) and the checks that make loading one safe: a tampered or truncated
 * index fails with `SearchIndexFormatError` instead of giving wrong results or crashing.
 */
import { SearchIndexFormatError } from '../errors.js';
import type { Paper } from '../model.js';
import { FIELDS, type SearchField } from './scoring.js';
import type { PostingList } from './vocabulary.js';

/** A serialised index: `toJSON()` output, loaded with `loadSearchIndex(data, papers)`. */
export interface SerializedSearchIndex {
  format: 'papertrend-search-index';
  version: 1;
  options: { weights: Record<SearchField, number>; fuzzy: boolean };
  /** Ids of the indexed papers, in order, to check that the same papers are given when loading. */
  ids: string[];
  terms: string[];
  /** Per term: how many postings it has (same order as `terms`). */
  counts: number[];
  /** All postings, base64 of little-endian int32 `doc << 5 | fieldMask`, term after term. */
  postings: string;
  /** Per document: token counts per field, base64 of uint16, for length normalisation. */
  lengths: string;
}

export interface CheckedIndex {
  weights: Record<SearchField, number>;
  fuzzy: boolean;
  terms: string[];
  counts: number[];
  postings: Int32Array<ArrayBuffer>;
  lengths: Uint16Array<ArrayBuffer>;
}

export function serialize(parts: {
  weights: Record<SearchField, number>;
  fuzzy: boolean;
  papers: readonly Paper[];
  terms: readonly string[];
  postings: readonly PostingList[];
  lengths: Uint16Array;
}): SerializedSearchIndex {
  const counts = parts.postings.map((list) => list.length);
  const all = new Int32Array(counts.reduce((sum, count) => sum + count, 0));
  let at = 0;
  for (const list of parts.postings) {
    all.set(list.data.subarray(0, list.length), at);
    at += list.length;
  }
  return {
    format: 'papertrend-search-index',
    version: 1,
    options: { weights: { ...parts.weights }, fuzzy: parts.fuzzy },
    ids: parts.papers.map((paper) => paper.id),
    terms: [...parts.terms],
    counts,
    postings: toBase64(new Uint8Array(all.buffer)),
    lengths: toBase64(new Uint8Array(parts.lengths.buffer, 0, parts.papers.length * FIELDS.length * 2)),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every check `loadSearchIndex` makes, in one pass over the data (linear in its size). */
export function checkSerialized(data: unknown, papers: readonly Paper[]): CheckedIndex {
  const fail = (problem: string): never => {
    throw new SearchIndexFormatError(problem);
  };
  if (!isObject(data) || data.format !== 'papertrend-search-index') {
    fail('it is not a papertrend search index (expected format "papertrend-search-index")');
  }
  const index = data as Record<string, unknown>;
  if (index.version !== 1) fail(`version ${JSON.stringify(index.version)} is not supported (expected 1)`);
  const options = isObject(index.options) ? index.options : fail('"options" is missing');
  const rawWeights = isObject(options.weights) ? options.weights : fail('"options.weights" is missing');
  const weights = {} as Record<SearchField, number>;
  for (const field of FIELDS) {
    const weight = rawWeights[field];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      fail(`the weight of "${field}" is not a non-negative number`);
    }
    weights[field] = weight as number;
  }
  if (typeof options.fuzzy !== 'boolean') fail('"options.fuzzy" is not a boolean');
  const { ids, terms, counts } = index;
  if (!Array.isArray(ids) || ids.length !== papers.length || ids.some((id, at) => papers[at]?.id !== id)) {
    fail('the papers given are not the ones it was built from (same papers, same order)');
  }
  if (!Array.isArray(terms) || !Array.isArray(counts) || terms.length !== counts.length) {
    fail('"terms" and "counts" are not two arrays of one length');
  }
  const termList = terms as unknown[];
  const seen = new Set<string>();
  for (const term of termList) {
    if (typeof term !== 'string' || term === '' || term.length > 1_000 || seen.has(term)) {
      fail(`the term ${JSON.stringify(String(term).slice(0, 40))} is empty, too long, repeated or not a string`);
    }
    seen.add(term as string);
  }
  let total = 0;
  for (const count of counts as unknown[]) {
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      fail('a posting count is not a whole number ≥ 0');
    }
    total += count as number;
  }
  const postingBytes = decodeBase64(index.postings, 'postings');
  if (postingBytes.length !== total * 4) {
    fail(`the postings hold ${Math.floor(postingBytes.length / 4)} entries, the counts promise ${total}`);
  }
  const postings = new Int32Array(postingBytes.buffer, 0, total);
  const fieldMasks = 1 << FIELDS.length;
  let at = 0;
  for (const count of counts as number[]) {
    let previous = -1;
    for (let end = at + count; at < end; at++) {
      const value = postings[at] as number;
      const doc = value >> 5;
      const mask = value & 31;
      // Documents ascend within a term (the index is built in document order) and name a given paper.
      if (value < 0 || doc >= papers.length || doc <= previous || mask === 0 || mask >= fieldMasks) {
        fail(`posting ${at} points outside the ${papers.length} papers or at no field`);
      }
      previous = doc;
    }
  }
  const lengthBytes = decodeBase64(index.lengths, 'lengths');
  if (lengthBytes.length !== papers.length * FIELDS.length * 2) {
    fail(`"lengths" holds ${lengthBytes.length} bytes, expected ${papers.length * FIELDS.length * 2}`);
  }
  return {
    weights,
    fuzzy: options.fuzzy as boolean,
    terms: termList as string[],
    counts: counts as number[],
    postings,
    lengths: new Uint16Array(lengthBytes.buffer, 0, papers.length * FIELDS.length),
  };
}

function decodeBase64(value: unknown, name: string): Uint8Array<ArrayBuffer> {
  if (typeof value !== 'string') throw new SearchIndexFormatError(`"${name}" is not a base64 string`);
  try {
    return fromBase64(value);
  } catch {
    throw new SearchIndexFormatError(`"${name}" is not valid base64`);
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
