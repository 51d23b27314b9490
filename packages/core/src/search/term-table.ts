/**
 * Every distinct token as a term id. An open-addressing hash table over the terms is probed with the FNV
 * hash of a range of characters and compares the term in place, so a token is looked up without becoming a
 * string; only new terms do.
 */
import { FNV_OFFSET, FNV_PRIME, hashOf } from './text.js';

export class TermTable {
  readonly terms: string[] = [];
  /**
   * Slot `s` is `slots[2s]`, the term id + 1 (0 is empty), beside `slots[2s + 1]`, its hash: a probe reads one
   * cache line, not two arrays (the probe is most of an index build's time).
   */
  #slots = new Int32Array(2 << 12);
  /** Each term's hash, by id: growing the table re-inserts without hashing again. */
  #hashes = new Int32Array(1 << 11);

  /**
   * The id of `text.slice(start, end)` (its FNV hash given), or -1. With `folded`, the range holds capitals
   * (ASCII) that count as their small letters, as the hash did: the text is compared letter by letter instead
   * of being lower-cased into a copy first.
   */
  lookup(text: string, start: number, end: number, hash: number, folded = false): number {
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    const size = end - start;
    for (;;) {
      const entry = slots[slot << 1] as number;
      if (entry === 0) return -1;
      if (slots[(slot << 1) + 1] === hash) {
        const term = this.terms[entry - 1] as string;
        if (term.length === size && (folded ? sameFolded(term, text, start) : text.startsWith(term, start))) {
          return entry - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Forget every term, keeping the table's size (a small table reused per query). */
  clear(): void {
    this.terms.length = 0;
    this.#slots.fill(0);
  }

  /** The id of a term, or -1. */
  idOf(term: string): number {
    return this.lookup(term, 0, term.length, hashOf(term));
  }

  /** Add a term that is not in the table (its hash given, when the caller has it); returns its id. */
  add(token: string, hash = hashOf(token)): number {
    const id = this.terms.length;
    this.terms.push(token);
    if (id === this.#hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[id] = hash;
    // Keep the table at most half full.
    if ((id + 1) * 2 > this.#slots.length >> 1) this.#rehash(this.#slots.length);
    else this.#insert(id, hash);
    return id;
  }

  /** Make room for `count` more terms at once (a loaded index knows how many it brings): no rehashing. */
  reserve(count: number): void {
    const needed = (this.terms.length + count) * 2;
    if (needed <= this.#slots.length >> 1) return;
    let size = this.#slots.length >> 1;
    while (size < needed) size *= 2;
    this.#rehash(size);
    if (this.#hashes.length < this.terms.length + count) {
      const grown = new Int32Array(this.terms.length + count);
      grown.set(this.#hashes.subarray(0, this.terms.length));
      this.#hashes = grown;
    }
  }

  #insert(id: number, hash: number): void {
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    while (slots[slot << 1] !== 0) slot = (slot + 1) & mask;
    slots[slot << 1] = id + 1;
    slots[(slot << 1) + 1] = hash;
  }

  /** Re-insert every term into a table of `size` slots. */
  #rehash(size: number): void {
    this.#slots = new Int32Array(size * 2);
    for (let id = 0; id < this.terms.length; id++) this.#insert(id, this.#hashes[id] as number);
  }
}

/** Does `text` at `start` read as `term` (lower case) once its ASCII capitals are folded? */
function sameFolded(term: string, text: string, start: number): boolean {
  for (let k = 0; k < term.length; k++) {
    const code = text.charCodeAt(start + k);
    if ((code >= 65 && code <= 90 ? code | 32 : code) !== term.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The next token of ASCII text at or after `from` (a run of letters and digits, capitals counting as small
 * letters): its start and the FNV hash of its lower-case form go into `token[0]` and `token[1]`, whether it
 * holds a capital into `token[2]` (1 or 0), and its end is returned; -1 when there is none, and -2 when a
 * character outside ASCII comes first (the text needs the tokenizer). Nothing is allocated, not even a
 * lower-cased copy of the text, so the index's build and its phrase reading scan text at the cost of the loop.
 */
export function nextAsciiToken(text: string, from: number, token: Int32Array): number {
  const length = text.length;
  let i = from;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) break;
    if (code >= 128) return -2;
  }
  if (i >= length) return -1;
  token[0] = i;
  let hash = FNV_OFFSET;
  let capitals = 0;
  for (; i < length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      code |= 32;
      capitals = 1;
    } else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) break;
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  token[1] = hash;
  token[2] = capitals;
  return i;
}
