/**
 * The vocabulary: every distinct token of the indexed papers, its postings (which documents have it, in which
 * fields), and the ways a query word reaches terms — exactly, as a prefix of a word being typed, with a
 * short suffix (`model` → `models`), or within one or two typos.
 */
import { FNV_OFFSET, FNV_PRIME, hashOf, MAX_JOINED_LENGTH } from './text.js';
import { allowedTypos, type SortedTerms, sortTerms, TypoWalk } from './typos.js';

/** Shared by every list until its first postings arrive: most terms occur once, and many never in a batch. */
const NO_POSTINGS = new Int32Array(0);

/** A growable list of postings, each `doc << 5 | fieldMask`, in document order. */
export class PostingList {
  data = NO_POSTINGS;
  length = 0;
}

/** A term a query word may mean, and how much a match on it counts. */
export interface Expansion {
  term: number;
  weight: number;
  /** How the word reached the term. */
  kind: 'exact' | 'prefix' | 'typo';
  /** For prefix matches: how many characters of the term the query covers (for highlighting). */
  prefix?: number;
}

export function grow<T extends Int32Array | Uint8Array | Float32Array | Uint16Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Postings held back per batch before they go into their lists: at most this many (term ids, values and their
 * sorted copy, three Int32Arrays: 12 MiB, released after the build). The buffers start at `PENDING_START` and
 * grow only as far as a build needs, so indexing a listing of 20 papers allocates a few kilobytes.
 */
const PENDING_BATCH = 1 << 20;
const PENDING_START = 1 << 12;

/** How many vocabulary terms one query word may expand to (most frequent first): bounds work per keystroke. */
const MAX_PREFIX_EXPANSIONS = 40;
/** Words already finished (a space typed after them) still match their plural and other short suffixes. */
const MAX_SUFFIX_EXPANSIONS = 6;
const MAX_SUFFIX_LENGTH = 3;
const MAX_FUZZY_EXPANSIONS = 12;
const MAX_ONE_SLIP_EXPANSIONS = 64;
const PREFIX_WEIGHT = 0.75;
const TYPO_WEIGHT = [1, 0.55, 0.35];
/**
 * When the word typed is itself a word of the papers, a near-spelling of it is probably another word
 * (`audino` the author, `audio` the topic): its matches count this much less, so the exact word wins.
 */
const NEAR_SPELLING_OF_A_REAL_WORD = 0.4;
/** Query words whose expansions are remembered: typing re-expands every earlier word at each keystroke. */
const EXPANSION_CACHE_SIZE = 512;

export class Vocabulary {
  readonly terms: string[] = [];
  readonly postings: PostingList[] = [];
  readonly #fuzzy: boolean;
  /** The terms in code-unit order: for prefixes (a binary search) and typos (a walk). */
  #sorted: SortedTerms | undefined;
  readonly #typoWalk = new TypoWalk();
  readonly #expansionCache = new Map<string, Expansion[]>();
  /** Open-addressing hash table: slot → term id + 1 (0 is empty), and the slot's hash. */
  #slots = new Int32Array(1 << 12);
  #slotHashes = new Int32Array(1 << 12);
  /** While adding a document: per term, the document it was last seen in (+1) and the fields so far. */
  #lastDoc = new Int32Array(0);
  #docMask = new Uint8Array(0);
  /**
   * Postings written but not yet in their lists (term id and value, in document order). Writing each one
   * straight into its term's list (a random write into one of ~500,000 small arrays, each grown by doubling)
   * was about a third of a 100,000-paper build; batched, every list grows at most once per batch, and the
   * build takes ~20 % less time and its index ~25 % less memory (growing room of long lists is trimmed).
   */
  #pendingTerms = new Int32Array(PENDING_START);
  #pendingValues = new Int32Array(PENDING_START);
  #pending = 0;
  #termStarts = new Int32Array(0);
  #sortedPending = new Int32Array(0);

  constructor(fuzzy: boolean) {
    this.#fuzzy = fuzzy;
  }

  /** Forget cached lookups after terms or postings changed (and put pending postings in their lists). */
  changed(): void {
    this.#distribute();
    // A large build's batch buffers are not kept for the life of the index, nor its lists' growing room
    // (only where it is worth a copy: a few thousand long lists, not the hundreds of thousands of short ones).
    if (this.#pendingTerms.length > PENDING_START) {
      for (const list of this.postings) {
        if (list.data.length - list.length > 256) list.data = list.data.slice(0, list.length);
      }
      this.#pendingTerms = new Int32Array(PENDING_START);
      this.#pendingValues = new Int32Array(PENDING_START);
      this.#termStarts = new Int32Array(0);
      this.#sortedPending = new Int32Array(0);
    }
    // Sorted now, as part of building, so that the first keystroke does not pay for it.
    this.#sorted = undefined;
    this.#sortedTerms();
    this.#expansionCache.clear();
  }

  /** Record that `doc` has term `id` in the field `bit`: one posting per (document, term), fields as a mask. */
  see(id: number, doc: number, bit: number, docTerms: number[]): void {
    if (this.#lastDoc[id] !== doc + 1) {
      this.#lastDoc[id] = doc + 1;
      this.#docMask[id] = bit;
      docTerms.push(id);
    } else {
      this.#docMask[id] = (this.#docMask[id] as number) | bit;
    }
  }

  /** Write the postings of the document whose terms are `docTerms` (after every field was seen). */
  flush(doc: number, docTerms: number[]): void {
    const needed = this.#pending + docTerms.length;
    if (needed > this.#pendingTerms.length) {
      // Small builds grow the batch (a 20-paper widget never allocates the full size); large ones empty it
      // into the lists when it is full. A document with more distinct terms than a batch gets one its size.
      if (needed > PENDING_BATCH) this.#distribute();
      const size = Math.max(this.#pending + docTerms.length, Math.min(PENDING_BATCH, this.#pendingTerms.length * 2));
      this.#pendingTerms = grow(this.#pendingTerms, size);
      this.#pendingValues = grow(this.#pendingValues, size);
    }
    const terms = this.#pendingTerms;
    const values = this.#pendingValues;
    let at = this.#pending;
    for (const id of docTerms) {
      terms[at] = id;
      values[at++] = (doc << 5) | (this.#docMask[id] as number);
    }
    this.#pending = at;
  }

  /**
   * Move the pending postings into their lists: a counting sort by term into one scratch array (writes that
   * stay within a few megabytes), then one sequential copy per term into its list, grown once.
   */
  #distribute(): void {
    const pending = this.#pending;
    if (pending === 0) return;
    const terms = this.#pendingTerms;
    const values = this.#pendingValues;
    const termCount = this.terms.length;
    this.#termStarts = grow(this.#termStarts, termCount + 1);
    const starts = this.#termStarts;
    starts.fill(0, 0, termCount + 1);
    for (let i = 0; i < pending; i++)
      starts[(terms[i] as number) + 1] = (starts[(terms[i] as number) + 1] as number) + 1;
    for (let id = 0; id < termCount; id++) starts[id + 1] = (starts[id + 1] as number) + (starts[id] as number);
    this.#sortedPending = grow(this.#sortedPending, pending);
    const sorted = this.#sortedPending;
    // `starts[id]` walks forward as the term's postings are placed; afterwards it is the term's end.
    for (let i = 0; i < pending; i++) {
      const id = terms[i] as number;
      sorted[starts[id] as number] = values[i] as number;
      starts[id] = (starts[id] as number) + 1;
    }
    let from = 0;
    for (let id = 0; id < termCount; id++) {
      const to = starts[id] as number;
      if (to === from) continue;
      const list = this.postings[id] as PostingList;
      const length = list.length;
      if (length + to - from > list.data.length) list.data = grow(list.data, length + to - from);
      const data = list.data;
      for (let at = from; at < to; at++) data[length + at - from] = sorted[at] as number;
      list.length = length + to - from;
      from = to;
    }
    this.#pending = 0;
  }

  /**
   * Tokenise lower-cased ASCII text and look every token up without allocating it: a hash over the
   * character codes probes an open-addressing table of term ids, and the term is compared in place. Only
   * new terms become strings. This is where index build time goes (millions of tokens at 10,000 papers).
   * A hyphen chain (`pre-trained`) is also recorded joined (`pretrained`); it does not count as a token.
   * Returns how many tokens the text has.
   */
  scanAscii(text: string, doc: number, bit: number, docTerms: number[]): number {
    let count = 0;
    let start = -1;
    let hash = 0;
    // The current hyphen chain: where it starts, where its last part ends, and how many parts it has.
    let chainStart = -1;
    let chainParts = 0;
    let chainLength = 0;
    const length = text.length;
    for (let i = 0; i <= length; i++) {
      const code = i < length ? text.charCodeAt(i) : 32;
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (start === -1) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
        continue;
      }
      if (start === -1) continue;
      this.see(this.#lookup(text, start, i, hash, true), doc, bit, docTerms);
      count++;
      // A token right after `part-` extends the hyphen chain; anything else ends it. Most tokens are in no
      // chain, and cost two comparisons here.
      if (chainParts > 0 && start - 1 === chainLength) chainParts++;
      else {
        if (chainParts >= 2) this.#endChain(text, chainStart, chainLength, chainParts, doc, bit, docTerms);
        chainStart = start;
        chainParts = 1;
      }
      chainLength = i;
      if (code !== 45) {
        if (chainParts >= 2) this.#endChain(text, chainStart, chainLength, chainParts, doc, bit, docTerms);
        chainParts = 0;
      }
      start = -1;
    }
    return count;
  }

  #endChain(
    text: string,
    chainStart: number,
    chainEnd: number,
    parts: number,
    doc: number,
    bit: number,
    docTerms: number[],
  ): void {
    if (chainStart === -1 || parts < 2) return;
    const joined = text.slice(chainStart, chainEnd).replaceAll('-', '');
    if (joined.length > MAX_JOINED_LENGTH) return;
    this.see(this.#lookup(joined, 0, joined.length, hashOf(joined), true), doc, bit, docTerms);
  }

  /** The id of `text.slice(start, end)` (its FNV hash given), adding the term when `insert` allows. */
  #lookup(text: string, start: number, end: number, hash: number, insert: boolean): number {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    const size = end - start;
    for (;;) {
      const entry = this.#slots[slot] as number;
      if (entry === 0) break;
      if (this.#slotHashes[slot] === hash) {
        const term = this.terms[entry - 1] as string;
        if (term.length === size && text.startsWith(term, start)) return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    return insert ? this.newTerm(text.slice(start, end)) : -1;
  }

  /**
   * The term ids of lower-cased ASCII text, in order, without adding terms (unknown tokens are -1) and
   * without joined forms: what phrase matching reads. Stop words come back as their ids like any word.
   */
  idsOfAscii(text: string, out: number[]): number[] {
    out.length = 0;
    let start = -1;
    let hash = 0;
    const length = text.length;
    for (let i = 0; i <= length; i++) {
      const code = i < length ? text.charCodeAt(i) : 32;
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (start === -1) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
        continue;
      }
      if (start === -1) continue;
      out.push(this.#lookup(text, start, i, hash, false));
      start = -1;
    }
    return out;
  }

  #insertSlot(id: number, hash: number): void {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
    this.#slots[slot] = id + 1;
    this.#slotHashes[slot] = hash;
  }

  /** The id of a term, if the papers have it (looked up in the terms' hash table: no second map of them). */
  idOf(term: string): number | undefined {
    const id = this.#lookup(term, 0, term.length, hashOf(term), false);
    return id === -1 ? undefined : id;
  }

  /** Re-insert every term into a table of `size` slots. */
  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    this.#slotHashes = new Int32Array(size);
    for (const [termId, term] of this.terms.entries()) this.#insertSlot(termId, hashOf(term));
  }

  /** Make room for `count` more terms at once (a loaded index knows how many it brings): no rehashing. */
  reserve(count: number): void {
    const needed = (this.terms.length + count) * 2;
    if (needed <= this.#slots.length) return;
    let size = this.#slots.length;
    while (size < needed) size *= 2;
    this.#rehash(size);
    this.#lastDoc = grow(this.#lastDoc, this.terms.length + count);
    this.#docMask = grow(this.#docMask, this.terms.length + count);
  }

  newTerm(token: string): number {
    const id = this.terms.length;
    this.terms.push(token);
    this.postings.push(new PostingList());
    if ((id + 1) * 2 > this.#slots.length) {
      // Keep the table at most half full.
      this.#rehash(this.#slots.length * 2);
    } else {
      this.#insertSlot(id, hashOf(token));
    }
    this.#lastDoc = grow(this.#lastDoc, id + 1);
    this.#docMask = grow(this.#docMask, id + 1);
    return id;
  }

  /** Term ids in the terms' code-unit order. */
  sortedIds(): Int32Array {
    return this.#sortedTerms().ids;
  }

  #sortedTerms(): SortedTerms {
    this.#sorted ??= sortTerms(this.terms);
    return this.#sorted;
  }

  /** How many documents have the term. */
  documentCount(term: number): number {
    return (this.postings[term] as PostingList).length;
  }

  /**
   * The vocabulary terms a query word may mean, with how much each counts (cached per word). `typing`: the
   * word is the one being typed, so any completion may be meant.
   */
  expand(word: string, typing: boolean): Expansion[] {
    const cacheKey = typing ? `${word}\u0000` : word;
    const cached = this.#expansionCache.get(cacheKey);
    if (cached) return cached;
    const expansions = new Map<number, Expansion>();
    const exact = this.idOf(word);
    if (exact !== undefined) expansions.set(exact, { term: exact, weight: 1, kind: 'exact' });

    // Prefix matches: the word being typed may become anything; a finished word only gains a short suffix.
    // One or two typed characters say little: expand them to the few most frequent completions only.
    const cap = !typing
      ? MAX_SUFFIX_EXPANSIONS
      : word.length === 1
        ? 8
        : word.length === 2
          ? 16
          : MAX_PREFIX_EXPANSIONS;
    const maxLength = typing ? Number.POSITIVE_INFINITY : word.length + MAX_SUFFIX_LENGTH;
    const terms = this.terms;
    for (const id of this.#mostFrequentCompletions(word, exact, maxLength, cap)) {
      // A longer completion is a weaker guess of what is being typed.
      const coverage = word.length / (terms[id] as string).length;
      expansions.set(id, {
        term: id,
        weight: PREFIX_WEIGHT * (0.5 + 0.5 * coverage),
        kind: 'prefix',
        prefix: word.length,
      });
    }

    const typos = this.#fuzzy ? allowedTypos(word.length) : 0;
    if (typos > 0) {
      const damping = exact === undefined ? 1 : NEAR_SPELLING_OF_A_REAL_WORD;
      for (const { term, distance } of this.#typoCandidates(word, typos)) {
        if (!expansions.has(term)) {
          expansions.set(term, { term, weight: (TYPO_WEIGHT[distance] as number) * damping, kind: 'typo' });
        }
      }
    }
    const result = [...expansions.values()];
    if (this.#expansionCache.size >= EXPANSION_CACHE_SIZE) this.#expansionCache.clear();
    this.#expansionCache.set(cacheKey, result);
    return result;
  }

  /**
   * The `cap` most frequent terms that start with `word` (not `exact`, at most `maxLength` long), most
   * frequent first and in sorted order among equals. The completions are a range of the sorted terms, found
   * by binary search; only the best `cap` are kept while reading it, so a one-letter prefix with thousands
   * of completions sorts nothing.
   */
  #mostFrequentCompletions(word: string, exact: number | undefined, maxLength: number, cap: number): number[] {
    const { ids, starts, shared } = this.#sortedTerms();
    const terms = this.terms;
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((terms[ids[mid] as number] as string) < word) low = mid + 1;
      else high = mid;
    }
    const best: number[] = [];
    const counts: number[] = [];
    if (low === ids.length || !(terms[ids[low] as number] as string).startsWith(word)) return best;
    // The first completion starts with the word; the ones after it do while they share as many characters.
    for (let i = low; i < ids.length && (i === low || (shared[i] as number) >= Math.min(word.length, 255)); i++) {
      const id = ids[i] as number;
      const length = (starts[i + 1] as number) - (starts[i] as number);
      if (id === exact || length > maxLength) continue;
      const count = this.documentCount(id);
      if (best.length === cap && count <= (counts[cap - 1] as number)) continue;
      // Insert after every term at least as frequent (a stable order), dropping the last when full.
      let at = best.length;
      while (at > 0 && (counts[at - 1] as number) < count) at--;
      best.splice(at, 0, id);
      counts.splice(at, 0, count);
      if (best.length > cap) {
        best.pop();
        counts.pop();
      }
    }
    return best;
  }

  /**
   * Terms within `max` edits of `word`, nearest first and the more frequent first among equals. Every term
   * one slip away stays a candidate (a short word can have dozens of neighbours, and the rare one meant must
   * not fall off the end); terms two slips away fill up to the usual cap.
   */
  #typoCandidates(word: string, max: number): { term: number; distance: number }[] {
    const found: { term: number; distance: number; frequency: number }[] = [];
    this.#typoWalk.walk(word, max, this.#sortedTerms(), (term, distance) => {
      if (distance > 0) found.push({ term, distance, frequency: this.documentCount(term) });
    });
    found.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency);
    let oneSlip = 0;
    while (oneSlip < found.length && (found[oneSlip] as { distance: number }).distance === 1) oneSlip++;
    return found.slice(0, Math.max(MAX_FUZZY_EXPANSIONS, Math.min(oneSlip, MAX_ONE_SLIP_EXPANSIONS)));
  }
}
