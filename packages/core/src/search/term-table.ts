/**
 * Every distinct token as a term id. An open-addressing hash table over the terms is probed with the FNV
 * hash of a range of characters and compares the term in place, so a token is looked up without becoming a
 * string; only new terms do.
 */
import { grow } from './postings.js';
import { FNV_OFFSET, FNV_PRIME, HASH_MASK, hashOf, isAsciiLetterOrDigit } from './text.js';

export class TermTable {
  readonly terms: string[] = [];
  /**
   * Slot `s` is two numbers from `slots[2s]`: the term id + 1 (0 is empty) and where its characters are, as
   * `start << 8 | length` (`LONG` when they do not fit: read from `#starts`). A probe reads the slot, then
   * the characters: two reads one after the other, where id and hash took three (slot, the term's place,
   * its characters), and each was as likely a cache miss as the first at 100,000 papers. A slot whose length
   * differs is passed over unread, as a differing hash was. Eight bytes a slot keep the table of 30,000
   * terms in half a megabyte.
   */
  #slots = new Int32Array(2 << 12);
  /** Every term's characters (UTF-16 code units), term after term: term `t`'s are `#starts[t]` up to `#starts[t + 1]`. */
  #chars = new Uint16Array(1 << 14);
  #starts = new Int32Array(1 << 12);

  /** The id of `text.slice(start, end)` (its hash given), or -1: compared in place, never copied first. */
  lookup(text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    const chars = this.#chars;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    probe: for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot << 1] as number;
      if (entry === 0) return -1;
      let k = this.#startIfLength(entry, slots[(slot << 1) + 1] as number, length);
      if (k === -1) continue;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) !== chars[k++]) continue probe;
      return entry - 1;
    }
  }

  /**
   * `lookup` for a token of ASCII letters and digits held as bytes (`bytes[start]` … `bytes[end - 1]`, its
   * hash given): the build reads each text as bytes once, since a typed array is read faster than a string's
   * characters. Setting bit 5 (`| 32`) makes such a token's capitals small letters and leaves the rest alone.
   * A hyphen chain's joined form (`pre-Trained` as `pretrained`) is looked up in place too: its hyphens are
   * skipped and `length` is its length without them (a token has none: the branch costs it nothing).
   */
  lookupBytes(bytes: Uint8Array, start: number, end: number, hash: number, length = end - start): number {
    const slots = this.#slots;
    const chars = this.#chars;
    const mask = (slots.length >> 1) - 1;
    probe: for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot << 1] as number;
      if (entry === 0) return -1;
      let k = this.#startIfLength(entry, slots[(slot << 1) + 1] as number, length);
      if (k === -1) continue;
      for (let i = start; i < end; i++) {
        const byte = bytes[i] as number;
        if (byte !== 45 && (byte | 32) !== chars[k++]) continue probe;
      }
      return entry - 1;
    }
  }

  /** Where the characters of a slot's term (`entry`, `place`) start, if it is `length` long; else -1. */
  #startIfLength(entry: number, place: number, length: number): number {
    if (place !== LONG) return (place & 255) === length ? place >>> 8 : -1;
    const start = this.#starts[entry - 1] as number;
    return (this.#starts[entry] as number) - start === length ? start : -1;
  }

  /** Can tokens be looked up (`lookupBytes`) without hashing every term first? */
  get hashed(): boolean {
    return true;
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

  /** Add a term that is not in the table (its `hashOf` given, when the caller has it); returns its id. */
  add(token: string, hash = hashOf(token)): number {
    const id = this.terms.length;
    this.terms.push(token);
    this.#starts = grow(this.#starts, id + 2);
    const start = this.#starts[id] as number;
    this.#chars = grow(this.#chars, start + token.length);
    const chars = this.#chars;
    for (let k = 0; k < token.length; k++) chars[start + k] = token.charCodeAt(k);
    this.#starts[id + 1] = start + token.length;
    // Keep the table at most half full.
    if ((id + 1) * 2 > this.#slots.length >> 1) this.#rehash(this.#slots.length, id);
    this.#insert(id, hash);
    return id;
  }

  /** Make room for `count` more terms at once (a loaded index knows how many it brings): no rehashing. */
  reserve(count: number): void {
    const needed = (this.terms.length + count) * 2;
    let size = this.#slots.length >> 1;
    this.#starts = grow(this.#starts, this.terms.length + count + 1);
    if (needed <= size) return;
    while (size < needed) size *= 2;
    this.#rehash(size, this.terms.length);
  }

  /** Put term `id` (its characters already in `#chars`) in its slot. */
  #insert(id: number, hash: number): void {
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    while (slots[slot << 1] !== 0) slot = (slot + 1) & mask;
    const start = this.#starts[id] as number;
    const length = (this.#starts[id + 1] as number) - start;
    slots[slot << 1] = id + 1;
    slots[(slot << 1) + 1] = length < 255 && start < MAX_SHORT_START ? (start << 8) | length : LONG;
  }

  /**
   * Move the first `count` terms into a table of `size` slots. Slots keep no hash: each term's is computed
   * again (`hashOf`, which every caller's hash is), so it lands where a lookup probes. The table doubles a
   * dozen times in a large build; each term is hashed again about twice in all.
   */
  #rehash(size: number, count: number): void {
    this.#slots = new Int32Array(size * 2);
    for (let id = 0; id < count; id++) this.#insert(id, hashOf(this.terms[id] as string));
  }
}

/** A slot's place for a term whose start or length does not fit in `start << 8 | length`. */
const LONG = -1;
/** Starts from here on do not fit in 23 bits (a place must stay a positive 32-bit number). */
const MAX_SHORT_START = 1 << 23;

/**
 * `hash`, a whole FNV-1a state (`token[2]` of `nextByteToken`), continued over the token `bytes[start]` …
 * `bytes[end - 1]` (ASCII letters and digits) with its capitals folded; `& HASH_MASK` makes it a term's hash.
 * A hyphen chain's joined form is hashed so, part after part, without becoming a string.
 */
export function continueByteHash(hash: number, bytes: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ ((bytes[i] as number) | 32), FNV_PRIME);
  return hash;
}

/** UTF-8, the platform's: `encodeInto` copies a text into bytes and says whether it was ASCII on the way. */
const ENCODER = new TextEncoder();

/** What `AsciiBytes.readEach` puts for a character outside ASCII: neither a letter, a digit nor a hyphen. */
export const NOT_ASCII = 0x80;

/**
 * Text with characters outside ASCII, as `AsciiBytes.readEach` put it in `bytes`, split where two readings
 * meet: `asBytes(from, to)` for each part read as bytes, `asText(start, end)` for each stretch the tokenizer
 * reads (folding, marks, other hyphens), in the text's order. A stretch reaches from the last ASCII character
 * before a character outside ASCII that is neither a letter, a digit nor a hyphen to the first one after it:
 * no token or hyphen chain crosses such a character, so the readings meet exactly where the tokenizer's
 * reading of the whole text would split it anyway.
 */
export function splitMixed(
  bytes: Uint8Array,
  length: number,
  asBytes: (from: number, to: number) => void,
  asText: (start: number, end: number) => void,
): void {
  let from = 0;
  for (let at = 0; at < length; at++) {
    if (bytes[at] !== NOT_ASCII) continue;
    let start = at;
    while (start > from && !endsTokens(bytes[start - 1] as number)) start--;
    let end = at + 1;
    while (end < length && !endsTokens(bytes[end] as number)) end++;
    asBytes(from, start);
    asText(start, end);
    from = end;
    at = end;
  }
  asBytes(from, length);
}

/** An ASCII byte no token or hyphen chain reads past: neither a letter, a digit, a hyphen nor `NOT_ASCII`. */
function endsTokens(byte: number): boolean {
  return byte !== 45 && byte !== NOT_ASCII && !isAsciiLetterOrDigit(byte);
}

/** A reused buffer of the text last read into it, as bytes: what `nextByteToken` and `lookupBytes` read. */
export class AsciiBytes {
  bytes: Uint8Array;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }

  /** Copy `text` into `bytes` (grown as needed); whether it is ASCII (every character became one byte). */
  read(text: string): boolean {
    const length = text.length;
    if (this.bytes.length < length) this.bytes = new Uint8Array(Math.max(length, this.bytes.length * 2));
    const { read, written } = ENCODER.encodeInto(text, this.bytes);
    return read === length && written === length;
  }

  /**
   * After `read` said `text` is not ASCII: its characters one byte each, those outside ASCII as `NOT_ASCII`,
   * so that byte `i` is character `i` (UTF-8 would move every byte after the first such character).
   */
  readEach(text: string): void {
    const bytes = this.bytes;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[i] = code < 128 ? code : NOT_ASCII;
    }
  }
}

/**
 * The next token at or after `from` of ASCII text held as bytes (`AsciiBytes`) up to `length`: a run of letters
 * and digits, capitals counting as small letters. Its start and the hash of its lower-case form (`hashOf`) go
 * into `token[0]` and `token[1]`, the whole FNV state into `token[2]` (to continue a hyphen chain's hash), and
 * its end is returned; -1 when there is none. Nothing is allocated, not even a lower-cased copy of the text,
 * so the index's build and its phrase reading scan text at the cost of the loop.
 */
export function nextByteToken(bytes: Uint8Array, from: number, length: number, token: Int32Array): number {
  let i = from;
  for (; i < length; i++) {
    const byte = bytes[i] as number;
    // A letter, either case (`| 32` makes capitals small letters), or a digit.
    if (((byte | 32) >= 97 && (byte | 32) <= 122) || (byte >= 48 && byte <= 57)) break;
  }
  if (i >= length) return -1;
  token[0] = i;
  let hash = FNV_OFFSET;
  for (; i < length; i++) {
    const byte = bytes[i] as number;
    const code = byte | 32;
    if (!((code >= 97 && code <= 122) || (byte >= 48 && byte <= 57))) break;
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  token[1] = hash & HASH_MASK;
  token[2] = hash;
  return i;
}
