/**
 * Every distinct token as a term id. An open-addressing hash table over the terms is probed with the FNV
 * hash of a range of characters and compares the term in place, so a token is looked up without becoming a
 * string; only new terms do.
 */
import { grow } from './postings.js';
import { FNV_OFFSET, FNV_PRIME, HASH_MASK, hashOf } from './text.js';

/** How `TermTable.lookup` reads a range of text: as it is, capitals as small letters, or hyphens dropped too. */
export const AS_IS = 0;
export const FOLDED = 1;
export const JOINED = 2;

export class TermTable {
  readonly terms: string[] = [];
  /**
   * Slot `s` is four numbers from `slots[4s]`: the term id + 1 (0 is empty), its hash, and where its characters
   * start in `#chars` and how many there are. A probe compares a token against those characters, so a term
   * met again costs one cache line of slot and one of characters, not a string object's pointer chase.
   */
  #slots = new Int32Array(4 << 12);
  /** Every term's characters (UTF-16 code units), term after term. */
  #chars = new Uint16Array(1 << 14);
  #used = 0;

  /**
   * The id of `text.slice(start, end)` (its hash given), or -1, read as `reading` says: as it is, with ASCII
   * capitals as small letters (as the scanner hashed them), or as a hyphen chain's joined form `length`
   * characters long. The text is compared in place, never lower-cased or joined into a copy first.
   */
  lookup(text: string, start: number, end: number, hash: number, reading = AS_IS, length = end - start): number {
    const slots = this.#slots;
    const mask = (slots.length >> 2) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const entry = slots[at] as number;
      if (entry === 0) return -1;
      if (slots[at + 1] === hash && slots[at + 3] === length && this.#reads(text, start, end, at, reading)) {
        return entry - 1;
      }
    }
  }

  /** Does `text.slice(start, end)`, read as `reading` says, spell the term in slot `slots[at]`? */
  #reads(text: string, start: number, end: number, at: number, reading: number): boolean {
    const chars = this.#chars;
    let k = this.#slots[at + 2] as number;
    for (let i = start; i < end; i++) {
      let code = text.charCodeAt(i);
      if (reading !== AS_IS) {
        if (code === 45 && reading === JOINED) continue;
        if (code >= 65 && code <= 90) code |= 32;
      }
      if (code !== chars[k++]) return false;
    }
    return true;
  }

  /** Forget every term, keeping the table's size (a small table reused per query). */
  clear(): void {
    this.terms.length = 0;
    this.#slots.fill(0);
    this.#used = 0;
  }

  /** The id of a term, or -1. */
  idOf(term: string): number {
    return this.lookup(term, 0, term.length, hashOf(term));
  }

  /** Add a term that is not in the table (its hash given, when the caller has it); returns its id. */
  add(token: string, hash = hashOf(token)): number {
    const id = this.terms.length;
    this.terms.push(token);
    const start = this.#used;
    this.#chars = grow(this.#chars, start + token.length);
    const chars = this.#chars;
    for (let k = 0; k < token.length; k++) chars[start + k] = token.charCodeAt(k);
    this.#used = start + token.length;
    // Keep the table at most half full.
    if ((id + 1) * 2 > this.#slots.length >> 2) this.#rehash(this.#slots.length >> 1);
    this.#insert(id + 1, hash, start, token.length);
    return id;
  }

  /** Make room for `count` more terms at once (a loaded index knows how many it brings): no rehashing. */
  reserve(count: number): void {
    const needed = (this.terms.length + count) * 2;
    let size = this.#slots.length >> 2;
    if (needed <= size) return;
    while (size < needed) size *= 2;
    this.#rehash(size);
  }

  #insert(entry: number, hash: number, start: number, length: number): void {
    const slots = this.#slots;
    const mask = (slots.length >> 2) - 1;
    let slot = hash & mask;
    while (slots[slot << 2] !== 0) slot = (slot + 1) & mask;
    const at = slot << 2;
    slots[at] = entry;
    slots[at + 1] = hash;
    slots[at + 2] = start;
    slots[at + 3] = length;
  }

  /** Move every term into a table of `size` slots. */
  #rehash(size: number): void {
    const old = this.#slots;
    this.#slots = new Int32Array(size * 4);
    for (let at = 0; at < old.length; at += 4) {
      const entry = old[at] as number;
      if (entry !== 0) this.#insert(entry, old[at + 1] as number, old[at + 2] as number, old[at + 3] as number);
    }
  }
}

/**
 * `hash`, a whole FNV-1a state (`token[3]` of the scanner), continued over `text.slice(start, end)` with its
 * ASCII capitals folded; `& HASH_MASK` makes it a term's hash.
 */
export function continueHash(hash: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code | 32 : code), FNV_PRIME);
  }
  return hash;
}

/**
 * The next token of ASCII text at or after `from` (a run of letters and digits, capitals counting as small
 * letters): its start and the hash of its lower-case form (`hashOf`) go into `token[0]` and `token[1]`,
 * whether it holds a capital into `token[2]` (`FOLDED` or `AS_IS`: how `TermTable.lookup` reads it), the whole FNV state into `token[3]` (to continue a
 * hyphen chain's hash), and its end is returned; -1 when there is none, and -2 when a
 * character outside ASCII comes first or ends the token (the text needs the tokenizer). Nothing is allocated, not even a
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
  let capitals = AS_IS;
  for (; i < length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      code |= 32;
      capitals = FOLDED;
    } else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) break;
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  // A token that runs into a character outside ASCII (`Jég…`, `x²`, `e\u0301`) is the tokenizer's to read.
  if (i < length && text.charCodeAt(i) >= 128) return -2;
  token[1] = hash & HASH_MASK;
  token[2] = capitals;
  token[3] = hash;
  return i;
}
