/**
 * The binary saved form of an index (`saveSearchIndex(index)`): what a page ships when it wants the index loaded, not
 * rebuilt. The JSON form spends most of its load in `JSON.parse` and base64; this one is read where it lies.
 * It is checked as whole as the JSON form: a tampered or truncated file fails with `SearchIndexFormatError`.
 *
 * Layout, little-endian: a header, then six sections laid end to end, their sizes in the header.
 *
 * | bytes | what |
 * | --- | --- |
 * | 4 | `PTSI` |
 * | 1 + 1 + 2 | version (3), flags (bit 0: fuzzy), zero |
 * | 5 × 8 | field weights, float64, in `FIELDS` order |
 * | 4 + 4 | how many papers, how many terms |
 * | 6 × 4 | the sections' sizes in bytes |
 * | sections | papers' ids: their lengths (LEB128, UTF-16 units) and their text (UTF-8, end to end); terms in
 * UTF-8, ascending, a line each (a term has no line break); posting counts per term (LEB128); postings as in
 * JSON version 2; lengths (uint16) |
 */
import type { Paper } from '../model.js';
import { fromBase64 } from './base64.js';
import { checkGaps } from './saved-postings.js';
import { FIELDS } from './scoring.js';
import type { SearchIndex } from './search-index.js';
import { type CheckedIndex, checkedWeights, fail, failTerms, MAX_TERM_LENGTH, writeVarint } from './serialize.js';
import { layOutLines } from './sorted-terms.js';

const MAGIC = [0x50, 0x54, 0x53, 0x49];
const VERSION = 3;
const SECTIONS = 6;
const HEADER = 8 + FIELDS.length * 8 + 8 + SECTIONS * 4;

/**
 * Save an index in its binary form, for `loadSearchIndex(bytes, papers)`: three quarters of `toJSON()`'s size,
 * quicker to load, and what to ship beside a page's papers (`fetch(…).arrayBuffer()`). Written from the JSON
 * form, which holds the same parts (its postings are the same LEB128 gaps), so that a widget that never
 * saves an index does not carry this writer.
 */
export function saveSearchIndex(index: SearchIndex): Uint8Array<ArrayBuffer> {
  const { options, ids, terms, counts, postings, lengths } = index.toJSON();
  // TextEncoder would write a lone surrogate as U+FFFD, and the index would no longer match its papers.
  const badId = ids.find((id) => /\p{Cs}/u.test(id));
  if (badId !== undefined) {
    throw new TypeError(`The paper id ${JSON.stringify(badId)} is not well-formed Unicode: save with toJSON()`);
  }
  const encoder = new TextEncoder();
  const sections = [
    varints(ids.map((id) => id.length)),
    encoder.encode(ids.join('')),
    encoder.encode(terms.join('\n')),
    varints(counts),
    fromBase64(postings),
    fromBase64(lengths),
  ];
  const out = new Uint8Array(HEADER + sections.reduce((sum, section) => sum + section.length, 0));
  const view = new DataView(out.buffer);
  out.set(MAGIC);
  out[4] = VERSION;
  out[5] = options.fuzzy ? 1 : 0;
  for (const [k, field] of FIELDS.entries()) view.setFloat64(8 + k * 8, options.weights[field], true);
  let at = 8 + FIELDS.length * 8;
  view.setUint32(at, ids.length, true);
  view.setUint32(at + 4, terms.length, true);
  at += 8;
  for (const section of sections) {
    view.setUint32(at, section.length, true);
    at += 4;
  }
  for (const section of sections) {
    out.set(section, at);
    at += section.length;
  }
  return out;
}

/** Every check `loadSearchIndex` makes of the binary form, in one pass (linear in its size). */
export function checkSavedBytes(data: Uint8Array | ArrayBuffer, papers: readonly Paper[]): CheckedIndex {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < 5 || MAGIC.some((byte, k) => bytes[k] !== byte)) {
    fail('it is not a papertrend search index (expected the bytes "PTSI" first)');
  }
  if (bytes[4] !== VERSION) fail(`version ${bytes[4]} of the binary form is not supported (expected ${VERSION})`);
  if (bytes.length < HEADER) fail(`its header is cut short (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = bytes[5] as number;
  if (flags > 1 || view.getUint16(6, true) !== 0) fail('its header sets flags this version does not have');
  const weights = checkedWeights(
    Object.fromEntries(FIELDS.map((field, k) => [field, view.getFloat64(8 + k * 8, true)])),
  );
  let at = 8 + FIELDS.length * 8;
  const paperCount = view.getUint32(at, true);
  const termCount = view.getUint32(at + 4, true);
  at += 8;
  const sizes = Array.from({ length: SECTIONS }, (_, k) => view.getUint32(at + k * 4, true));
  if (HEADER + sizes.reduce((sum, size) => sum + size, 0) !== bytes.length) {
    fail(`its sections' sizes do not add up to the ${bytes.length} bytes given`);
  }
  // The sections in order, each a view of the bytes (nothing copied).
  const sections: Uint8Array[] = [];
  at = HEADER;
  for (const size of sizes) {
    sections.push(bytes.subarray(at, at + size));
    at += size;
  }
  const [idLengths, idText, termText, countBytes, postingBytes, lengthBytes] = sections as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  if (paperCount !== papers.length)
    fail('the papers given are not the ones it was built from (same papers, same order)');
  checkIds(idLengths, idText, papers);
  // The terms are checked and laid out for searching in one pass over their text, before it is split.
  const termLines = utf8(termText, 'terms');
  const terms = termCount === 0 && termLines === '' ? [] : termLines.split('\n');
  if (terms.length !== termCount) fail(`it promises ${termCount} terms and holds ${terms.length}`);
  const sortedTerms = layOutLines(termLines, termCount, MAX_TERM_LENGTH) ?? failTerms(terms);
  const { values: counts, total } = varintsOf(countBytes, termCount, 'counts');
  // Not copied: the index decodes a term's postings when a search first reads it, and that decoding stays
  // safe (it drops what no longer checks out) if the caller has reused its buffer since.
  const postings = checkGaps(postingBytes, counts, total, papers.length, fail);
  if (lengthBytes.length !== papers.length * FIELDS.length * 2) {
    fail(`the lengths hold ${lengthBytes.length} bytes, expected ${papers.length * FIELDS.length * 2}`);
  }
  // Copied: a uint16 view needs an even offset, which a file read into a larger buffer may not give.
  const lengths = new Uint16Array(lengthBytes.slice().buffer);
  return { weights, fuzzy: flags === 1, terms, sortedTerms, counts, postings, lengths };
}

/** The saved ids (their lengths in UTF-16 units as LEB128, their text as UTF-8) are the papers' ids, in order. */
function checkIds(lengthBytes: Uint8Array, textBytes: Uint8Array, papers: readonly Paper[]): void {
  const lengths = varintsOf(lengthBytes, papers.length, 'ids').values;
  const text = utf8(textBytes, 'ids');
  let from = 0;
  for (let k = 0; k < papers.length; k++) {
    // Compared in place: no string is cut out of the text per paper.
    const id = (papers[k] as Paper).id;
    if (lengths[k] !== id.length || !text.startsWith(id, from)) {
      fail('the papers given are not the ones it was built from (same papers, same order)');
    }
    from += id.length;
  }
  if (from !== text.length) fail("the ids hold more text than the papers' ids");
}

function utf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail(`the ${name} are not UTF-8`);
  }
}

/** Whole numbers below 2^32 as LEB128 (a term's posting count, a string's length). */
function varints(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 5);
  let at = 0;
  for (const value of values) at = writeVarint(out, at, value);
  return out.subarray(0, at);
}

/** Exactly `count` LEB128 numbers that fill `bytes`, each at most five bytes and below 2^32, and their sum. */
function varintsOf(bytes: Uint8Array, count: number, name: string): { values: number[]; total: number } {
  // Each takes at least one byte: a larger count is refused before anything is allocated for it.
  if (count > bytes.length) fail(`the ${name} hold at most ${bytes.length} numbers, ${count} are promised`);
  const out = new Array<number>(count);
  let total = 0;
  let read = 0;
  for (let k = 0; k < count; k++) {
    let value = 0;
    let scale = 1;
    for (let length = 1; ; length++) {
      if (read === bytes.length) fail(`the ${name} are cut short`);
      const byte = bytes[read++] as number;
      value += (byte & 127) * scale;
      if (byte < 128) break;
      if (length === 5) fail(`a number of the ${name} is longer than five bytes`);
      scale *= 128;
    }
    if (value >= 2 ** 32) fail(`a number of the ${name} is too large`);
    out[k] = value;
    total += value;
  }
  if (read !== bytes.length) fail(`the ${name} hold more bytes than the ${count} numbers promised`);
  return { values: out, total };
}
