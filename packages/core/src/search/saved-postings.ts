/**
 * A saved index's postings (LEB128 gaps, as both saved forms hold them): checked whole when it is loaded,
 * then decoded a term at a time as searches read them.
 */
import { PostingStore } from './postings.js';

/**
 * A loaded index's postings as saved (LEB128 gaps, checked whole when it was loaded), decoded into `data` a
 * term at a time when a search first reads the term: a load writes, and the system maps, only the postings
 * searches use (at 100,000 papers, writing all 86 MB of them was most of a load).
 */
export class SavedPostings extends PostingStore {
  #saved: SavedGaps | undefined;
  #decoded: Uint8Array;

  constructor(saved: SavedGaps, counts: readonly number[]) {
    super();
    // The offsets first; their last is the number of postings, the size of `data` to decode into.
    this.adopt(new Int32Array(0), counts);
    this.data = new Int32Array(this.starts[counts.length] as number);
    this.#saved = saved;
    this.#decoded = new Uint8Array(counts.length);
  }

  override ready(term: number): void {
    if (this.#saved !== undefined && this.#decoded[term] === 0) this.#decode(this.#saved, term);
  }

  override readyAll(): void {
    const saved = this.#saved;
    if (saved === undefined) return;
    for (let term = 0; term + 1 < this.starts.length; term++) if (this.#decoded[term] === 0) this.#decode(saved, term);
    this.#saved = undefined;
    this.#decoded = new Uint8Array(0);
  }

  /**
   * Decode term `term`'s saved postings into `data`. They were checked when loaded, but the bytes are the
   * caller's and may have changed since: anything that no longer checks out (a varint past the term's bytes
   * or five bytes long, documents not ascending or past the papers) ends the term's postings there, and the
   * rest stay 0, which matches no field. Wrong bytes lose matches; they cannot reach outside the papers.
   */
  #decode({ bytes, byteStarts, papers }: SavedGaps, term: number): void {
    this.#decoded[term] = 1;
    const data = this.data;
    let read = byteStarts[term] as number;
    const last = byteStarts[term + 1] as number;
    let previous = -1;
    for (let at = this.starts[term] as number, end = this.starts[term + 1] as number; at < end; at++) {
      let byte = bytes[read++] as number;
      let value = byte & 127;
      for (let scale = 128; byte >= 128 && scale <= 2 ** 28; scale *= 128) {
        byte = bytes[read++] as number;
        value += (byte & 127) * scale;
      }
      const doc = previous + Math.floor(value / 32);
      if (byte >= 128 || read > last || doc <= previous || doc >= papers) return;
      data[at] = (doc << 5) | (value & 31);
      previous = doc;
    }
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
  const length = bytes.length;
  let read = 0;
  let at = 0;
  for (let term = 0; term < counts.length; term++) {
    byteStarts[term] = read;
    let previous = -1;
    for (let end = at + (counts[term] as number); at < end; at++) {
      // Up to four bytes (28 bits: nearly every posting) in integer arithmetic, unrolled; a fifth in floating
      // point. A read past the end gives `undefined` (as 0, ending the varint) and is refused just after.
      let byte = bytes[read++] as number;
      let value = byte & 127;
      if (byte >= 128) {
        byte = bytes[read++] as number;
        value |= (byte & 127) << 7;
        if (byte >= 128) {
          byte = bytes[read++] as number;
          value |= (byte & 127) << 14;
          if (byte >= 128) {
            byte = bytes[read++] as number;
            value |= (byte & 127) << 21;
          }
        }
      }
      if (read > length) fail(`posting ${at} is cut short`);
      let mask = value & 31;
      let gap = value >>> 5;
      if (byte >= 128) {
        if (read === length) fail(`posting ${at} is cut short`);
        byte = bytes[read++] as number;
        if (byte >= 128) fail(`posting ${at} is longer than five bytes`);
        const whole = value + byte * 2 ** 28;
        mask = whole % 32;
        gap = Math.floor(whole / 32);
      }
      const doc = previous + gap;
      if (doc <= previous || doc >= papers || mask === 0) {
        fail(`posting ${at} points outside the ${papers} papers or at no field`);
      }
      previous = doc;
    }
  }
  byteStarts[counts.length] = read;
  if (read !== bytes.length) fail(`the postings hold more bytes than the ${total} entries the counts promise`);
  return { bytes, byteStarts, papers };
}
