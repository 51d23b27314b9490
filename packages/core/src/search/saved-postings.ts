/**
 * A saved index's postings (LEB128 gaps, as both saved forms hold them): checked whole when it is loaded,
 * then decoded a term at a time as searches read them.
 */
import { PostingStore, type Segment } from './postings.js';

/**
 * A loaded index's postings as saved (LEB128 gaps, checked whole when it was loaded), decoded into `data` a
 * term at a time when a search first reads the term: a load writes, and the system maps, only the postings
 * searches use (at 100,000 papers, writing all 86 MB of them was most of a load).
 */
export class SavedPostings extends PostingStore {
  #saved: SavedGaps | undefined;
  #decoded: Uint8Array;
  /** The one segment, decoded into a term at a time. */
  readonly #segment: Segment;

  constructor(saved: SavedGaps, counts: readonly number[]) {
    super();
    // Sized from the offsets, whose last is the number of postings: nothing written until a term is read.
    this.#segment = this.adopt(undefined, counts);
    this.#saved = saved;
    this.#decoded = new Uint8Array(counts.length);
  }

  override ready(term: number): void {
    if (this.#saved !== undefined && this.#decoded[term] === 0) this.#decode(this.#saved, term);
  }

  override readyAll(): void {
    const saved = this.#saved;
    if (saved === undefined) return;
    for (let term = 0; term < this.#decoded.length; term++) if (this.#decoded[term] === 0) this.#decode(saved, term);
    this.#saved = undefined;
    this.#decoded = new Uint8Array(0);
  }

  /**
   * Decode term `term`'s saved postings into the segment, with the check the load made. They were checked
   * then, but the bytes are the caller's and may have changed since: anything that no longer checks out (a
   * varint past the term's bytes or five bytes long, documents not ascending or past the papers, no field)
   * ends the term's postings there, and the rest stay 0, which matches no field. Wrong bytes lose matches;
   * they cannot reach outside the papers.
   */
  #decode({ bytes, byteStarts, papers }: SavedGaps, term: number): void {
    this.#decoded[term] = 1;
    const { data, starts } = this.#segment;
    const from = starts[term] as number;
    const count = (starts[term + 1] as number) - from;
    readTermGaps(bytes, byteStarts[term] as number, byteStarts[term + 1] as number, count, papers, data, from);
  }
}

/** Postings as saved (LEB128 gaps, term after term), where each term starts in the bytes, and how many papers they index. */
export interface SavedGaps {
  bytes: Uint8Array;
  byteStarts: Int32Array;
  papers: number;
}

/**
 * Version 2 and the binary form: LEB128 gaps, checked in one pass without decoding them anywhere (a search
 * decodes a term's postings when it first reads them: `SavedPostings`). A gap of 0 cannot be written
 * (documents ascend), a varint longer than five bytes is refused before it can overflow, and every byte must
 * be used. Returns the bytes with where each term's postings start in them.
 */
export function checkGaps(
  bytes: Uint8Array,
  counts: number[],
  total: number,
  papers: number,
  fail: (problem: string) => never,
): SavedGaps {
  // Each posting takes at least one byte: a larger count is refused before anything is allocated for it.
  if (total > bytes.length) fail(`the postings hold at most ${bytes.length} entries, the counts promise ${total}`);
  const byteStarts = new Int32Array(counts.length + 1);
  let read = 0;
  let at = 0;
  for (let term = 0; term < counts.length; term++) {
    byteStarts[term] = read;
    const count = counts[term] as number;
    read = readTermGaps(bytes, read, bytes.length, count, papers);
    if (read < 0) fail(`the postings of term ${term} ${TERM_PROBLEMS[-read - 1]} (postings ${at}…${at + count - 1})`);
    at += count;
  }
  byteStarts[counts.length] = read;
  if (read !== bytes.length) fail(`the postings hold more bytes than the ${total} entries the counts promise`);
  return { bytes, byteStarts, papers };
}

const TERM_PROBLEMS = [
  'are cut short',
  'hold a number longer than five bytes',
  'point outside the papers or at no field',
];

/**
 * Check `count` postings from `bytes[from]` on, read no further than `limit`: where they end, or minus 1 + the
 * `TERM_PROBLEMS` index. With `into`, each posting that checks out is also written there from `at` on (a
 * search's first read of a loaded term: what no longer checks out ends the term's postings there). A
 * function per term, not a loop inside `checkGaps`'s: V8 compiles a small function called 40,000 times once
 * and well, where the long loop was compiled while it ran (on stack replacement), thrown away at its end
 * for code after it that had no type feedback yet, and compiled again three times slower.
 */
function readTermGaps(
  bytes: Uint8Array,
  from: number,
  limit: number,
  count: number,
  papers: number,
  into?: Int32Array,
  at = 0,
): number {
  let read = from;
  let previous = -1;
  for (let k = 0; k < count; k++) {
    // Up to four bytes (28 bits: nearly every posting) in integer arithmetic; a fifth in floating point. A
    // read past the end gives `undefined` (as 0, ending the varint) and is refused just after.
    let byte = bytes[read++] as number;
    let value = byte & 127;
    for (let shift = 7; byte >= 128 && shift < 28; shift += 7) {
      byte = bytes[read++] as number;
      value |= (byte & 127) << shift;
    }
    if (read > limit) return -1;
    let mask = value & 31;
    let gap = value >>> 5;
    if (byte >= 128) {
      if (read === limit) return -1;
      byte = bytes[read++] as number;
      if (byte >= 128) return -2;
      const whole = value + byte * 2 ** 28;
      mask = whole % 32;
      gap = Math.floor(whole / 32);
    }
    const doc = previous + gap;
    if (doc <= previous || doc >= papers || mask === 0) return -3;
    if (into) into[at + k] = (doc << 5) | mask;
    previous = doc;
  }
  return read;
}
