/**
 * Postings: which documents have a term, and in which fields, as `doc << 5 | fieldMask` in document order.
 * While an index is built they are written into a batch first and moved into their lists together:
 * writing each one straight into its term's list is a random write into one of hundreds of thousands of
 * small arrays, each grown by doubling; batched, every list grows at most once per batch, and the growing
 * room of long lists is trimmed at the end (the bench shows build time and memory).
 */

/** Shared by every list until its first postings arrive: most terms occur once, and many never in a batch. */
const NO_POSTINGS = new Int32Array(0);

/** A growable list of postings, each `doc << 5 | fieldMask`, in document order. */
export class PostingList {
  data = NO_POSTINGS;
  length = 0;
}

/** `array` if it holds `size` items, else a copy at least twice as large. */
export function grow<T extends Int32Array | Uint8Array | Float32Array | Float64Array | Uint16Array>(
  array: T,
  size: number,
): T {
  if (array.length >= size) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Postings held back per batch before they go into their lists: at most this many (term ids, values and their
 * sorted copy: three Int32Arrays of this length, released after the build). The buffers start at `PENDING_START` and
 * grow only as far as a build needs, so indexing a listing of 20 papers allocates a few kilobytes.
 */
const PENDING_BATCH = 1 << 20;
const PENDING_START = 1 << 12;

/** The postings of documents being added, until they are distributed into their terms' lists. */
export class PendingPostings {
  /** While adding a document: per term, the document it was last seen in (+1) and the fields so far. */
  #lastDoc = new Int32Array(0);
  #docMask = new Uint8Array(0);
  /** Postings written but not yet in their lists (term id and value, in document order). */
  #terms = new Int32Array(PENDING_START);
  #values = new Int32Array(PENDING_START);
  #pending = 0;
  #termStarts = new Int32Array(0);
  #sorted = new Int32Array(0);

  /** Room for per-term state of `terms` terms. */
  reserve(terms: number): void {
    this.#lastDoc = grow(this.#lastDoc, terms);
    this.#docMask = grow(this.#docMask, terms);
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
  flush(doc: number, docTerms: number[], lists: PostingList[]): void {
    const needed = this.#pending + docTerms.length;
    if (needed > this.#terms.length) {
      // Small builds grow the batch (a 20-paper widget never allocates the full size); large ones empty it
      // into the lists when it is full. A document with more distinct terms than a batch gets one its size.
      if (needed > PENDING_BATCH) this.distribute(lists);
      const size = Math.max(this.#pending + docTerms.length, Math.min(PENDING_BATCH, this.#terms.length * 2));
      this.#terms = grow(this.#terms, size);
      this.#values = grow(this.#values, size);
    }
    const terms = this.#terms;
    const values = this.#values;
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
  distribute(lists: PostingList[]): void {
    const pending = this.#pending;
    if (pending === 0) return;
    const terms = this.#terms;
    const values = this.#values;
    const termCount = lists.length;
    this.#termStarts = grow(this.#termStarts, termCount + 1);
    const starts = this.#termStarts;
    starts.fill(0, 0, termCount + 1);
    for (let i = 0; i < pending; i++)
      starts[(terms[i] as number) + 1] = (starts[(terms[i] as number) + 1] as number) + 1;
    for (let id = 0; id < termCount; id++) starts[id + 1] = (starts[id + 1] as number) + (starts[id] as number);
    this.#sorted = grow(this.#sorted, pending);
    const sorted = this.#sorted;
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
      const list = lists[id] as PostingList;
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
   * Distribute what is pending and, after a large build, release the batch buffers and the lists' growing
   * room (only where it is worth a copy: a few thousand long lists, not the hundreds of thousands of short
   * ones).
   */
  finish(lists: PostingList[]): void {
    this.distribute(lists);
    if (this.#terms.length <= PENDING_START) return;
    for (const list of lists) {
      if (list.data.length - list.length > 256) list.data = list.data.slice(0, list.length);
    }
    this.#terms = new Int32Array(PENDING_START);
    this.#values = new Int32Array(PENDING_START);
    this.#termStarts = new Int32Array(0);
    this.#sorted = new Int32Array(0);
  }
}
