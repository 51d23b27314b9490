/**
 * Every distinct token as a term id. An open-addressing hash table over the terms is probed with the FNV
 * hash of a range of characters and compares the term in place, so a token is looked up without becoming a
 * string; only new terms do.
 */
import { FNV_OFFSET, FNV_PRIME, hashOf } from './text.js';

export class TermTable {
  readonly terms: string[] = [];
  /** Slot → term id + 1 (0 is empty), and the slot's hash. */
  #slots = new Int32Array(1 << 12);
  #slotHashes = new Int32Array(1 << 12);

  /**
   * The id of `text.slice(start, end)` (its FNV hash given), or -1. With `folded`, the range holds capitals
   * (ASCII) that count as their small letters, as the hash did: the text is compared letter by letter instead
   * of being lower-cased into a copy first.
   */
  lookup(text: string, start: number, end: number, hash: number, folded = false): number {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    const size = end - start;
    for (;;) {
      const entry = this.#slots[slot] as number;
      if (entry === 0) return -1;
      if (this.#slotHashes[slot] === hash) {
        const term = this.terms[entry - 1] as string;
        if (term.length === size && (folded ? sameFolded(term, text, start) : text.startsWith(term, start))) {
          return entry - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The id of a term, or -1. */
  idOf(term: string): number {
    return this.lookup(term, 0, term.length, hashOf(term));
  }

  /** Add a term that is not in the table; returns its id. */
  add(token: string): number {
    const id = this.terms.length;
    this.terms.push(token);
    // Keep the table at most half full.
    if ((id + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#insert(id, hashOf(token));
    return id;
  }

  /** Make room for `count` more terms at once (a loaded index knows how many it brings): no rehashing. */
  reserve(count: number): void {
    const needed = (this.terms.length + count) * 2;
    if (needed <= this.#slots.length) return;
    let size = this.#slots.length;
    while (size < needed) size *= 2;
    this.#rehash(size);
  }

  #insert(id: number, hash: number): void {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
    this.#slots[slot] = id + 1;
    this.#slotHashes[slot] = hash;
  }

  /** Re-insert every term into a table of `size` slots. */
  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    this.#slotHashes = new Int32Array(size);
    for (const [termId, term] of this.terms.entries()) this.#insert(termId, hashOf(term));
  }
}

/** Does `text` at `start` read as `term` (lower case) once its ASCII capitals are folded? */
export function sameFolded(term: string, text: string, start: number): boolean {
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
