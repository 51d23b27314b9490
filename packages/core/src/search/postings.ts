/**
 * Postings: which documents have a term, and in which fields, as `doc << 5 | fieldMask` in document order.
 * Every term's postings live in one array, term after term, found through one array of offsets: hundreds of
 * thousands of terms, most of them in one or two papers, would otherwise be as many small arrays and
 * objects to allocate, grow and collect (the bench showed a tenth of a large build in growing them).
 * While an index is built, postings are written into a batch first and counting-sorted by term when it is
 * full; the sorted batches are laid end to end per term once, when the build is done.
 */

/** The postings of every term: term `t`'s are `data[starts[t]]` … `data[starts[t + 1] - 1]`. */
export class PostingStore {
  data: Int32Array = new Int32Array(0);
  /** Offsets into `data`, one per term and one past the last; a term added since has none yet. */
  starts: Int32Array = new Int32Array(1);

  /** How many postings (documents) a term has. */
  count(term: number): number {
    return term + 1 < this.starts.length ? (this.starts[term + 1] as number) - (this.starts[term] as number) : 0;
  }

  /** Take `data` as the postings of terms with these counts, term after term (a loaded index: nothing copied). */
  adopt(data: Int32Array, counts: readonly number[]): void {
    const starts = new Int32Array(counts.length + 1);
    for (let term = 0; term < counts.length; term++) {
      starts[term + 1] = (starts[term] as number) + (counts[term] as number);
    }
    this.data = data;
    this.starts = starts;
  }

  /**
   * Make sure term `term`'s postings are in `data` (call before reading them). Built postings always are; a
   * loaded index's are decoded when first read (`SavedPostings`, in `serialize.ts`, which widgets never load).
   */
  ready(_term: number): void {}

  /** Every term's postings in `data`. */
  readyAll(): void {}
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
 * Postings held back per batch before they are sorted by term: at most this many (term ids and values: two
 * Int32Arrays of this length, released after the build). The buffers start at `PENDING_START` and grow only
 * as far as a build needs, so indexing a listing of 20 papers allocates a few kilobytes. A megabyte of
 * postings stays in the CPU's cache while it is sorted: larger batches, or none, measured slower.
 */
const PENDING_BATCH = 1 << 18;
const PENDING_START = 1 << 12;

/**
 * One full batch, sorted by term id: term `t`'s postings in it are `postings[offsets[t]…offsets[t + 1])`
 * (terms past `offsets.length - 2` were new after the batch and have none). Ordered by term, every batch is
 * read front to back once when the batches are laid out, and the store is written front to back too.
 */
interface SortedBatch {
  postings: Int32Array;
  offsets: Int32Array;
}

/** The postings of documents being added, until they are laid out in the store. */
export class PendingPostings {
  /** While adding a document: per term, the document it was last seen in (+1) and the fields so far. */
  #lastDoc = new Int32Array(0);
  #docMask = new Uint8Array(0);
  /**
   * The distinct terms of the document being added, in the order met: a typed array kept across documents
   * (a JS array emptied per document gave its storage back and grew it again, most of a build's garbage).
   */
  #docTerms = new Int32Array(256);
  #docTermCount = 0;
  /** Postings written but not yet sorted (term id and value, in document order). */
  #terms = new Int32Array(PENDING_START);
  #values = new Int32Array(PENDING_START);
  #pending = 0;
  readonly #batches: SortedBatch[] = [];
  /** Scratch of `#sortBatch`: per term, where its next posting goes. */
  #cursor = new Int32Array(0);

  /** Room for per-term state of `terms` terms. */
  reserve(terms: number): void {
    this.#lastDoc = grow(this.#lastDoc, terms);
    this.#docMask = grow(this.#docMask, terms);
  }

  /** Record that `doc` has term `id` in the field `bit`: one posting per (document, term), fields as a mask. */
  see(id: number, doc: number, bit: number): void {
    if (this.#lastDoc[id] !== doc + 1) {
      this.#lastDoc[id] = doc + 1;
      this.#docMask[id] = bit;
      if (this.#docTermCount === this.#docTerms.length) this.#docTerms = grow(this.#docTerms, this.#docTermCount + 1);
      this.#docTerms[this.#docTermCount++] = id;
    } else {
      this.#docMask[id] = (this.#docMask[id] as number) | bit;
    }
  }

  /** Write the postings of the document `doc` (after every field was seen). */
  flush(doc: number, termCount: number): void {
    const docTermCount = this.#docTermCount;
    const needed = this.#pending + docTermCount;
    if (needed > this.#terms.length) {
      // Small builds grow the batch (a 20-paper widget never allocates the full size); large ones sort it
      // away when it is full. A document with more distinct terms than a batch gets one its size.
      if (needed > PENDING_BATCH) this.#sortBatch(termCount);
      const size = Math.max(this.#pending + docTermCount, Math.min(PENDING_BATCH, this.#terms.length * 2));
      this.#terms = grow(this.#terms, size);
      this.#values = grow(this.#values, size);
    }
    const terms = this.#terms;
    const values = this.#values;
    const docTerms = this.#docTerms;
    const docMask = this.#docMask;
    let at = this.#pending;
    for (let k = 0; k < docTermCount; k++) {
      const id = docTerms[k] as number;
      terms[at] = id;
      values[at++] = (doc << 5) | (docMask[id] as number);
    }
    this.#pending = at;
    this.#docTermCount = 0;
  }

  /** Sort the pending postings by term id into a batch of their own (order within a term kept). */
  #sortBatch(termCount: number): void {
    const pending = this.#pending;
    if (pending === 0) return;
    const terms = this.#terms;
    const values = this.#values;
    // A counting sort: per term how many postings, then where the next one goes.
    const offsets = new Int32Array(termCount + 1);
    for (let i = 0; i < pending; i++) {
      const next = (terms[i] as number) + 1;
      offsets[next] = (offsets[next] as number) + 1;
    }
    for (let term = 0; term < termCount; term++) {
      offsets[term + 1] = (offsets[term + 1] as number) + (offsets[term] as number);
    }
    this.#cursor = grow(this.#cursor, termCount);
    const cursor = this.#cursor;
    cursor.set(offsets.subarray(0, termCount));
    const postings = new Int32Array(pending);
    for (let i = 0; i < pending; i++) {
      const id = terms[i] as number;
      const to = cursor[id] as number;
      postings[to] = values[i] as number;
      cursor[id] = to + 1;
    }
    this.#batches.push({ postings, offsets });
    this.#pending = 0;
  }

  /**
   * Lay the store's postings and every batch end to end per term, in document order (the store holds the
   * earliest documents, and each batch earlier ones than the next), as the store's new arrays; then release
   * the batch buffers after a large build. Term by term, each batch is read front to back and the new array
   * written front to back (a few per cent faster at 100,000 papers than scattering each batch's runs, and
   * simpler). What remains of its time on a fresh VM is the first touch of the new array's pages.
   */
  finish(store: PostingStore, termCount: number): void {
    this.#sortBatch(termCount);
    const batches = this.#batches.splice(0);
    if (batches.length === 0) return;
    store.readyAll();
    let total = store.data.length;
    for (const { postings } of batches) total += postings.length;
    const data = new Int32Array(total);
    const starts = new Int32Array(termCount + 1);
    const old = store.data;
    const oldStarts = store.starts;
    const oldTerms = oldStarts.length - 1;
    let at = 0;
    for (let term = 0; term < termCount; term++) {
      starts[term] = at;
      if (term < oldTerms) {
        for (let i = oldStarts[term] as number, end = oldStarts[term + 1] as number; i < end; i++) {
          data[at++] = old[i] as number;
        }
      }
      for (let b = 0; b < batches.length; b++) {
        const { postings, offsets } = batches[b] as SortedBatch;
        if (term + 1 >= offsets.length) continue;
        for (let i = offsets[term] as number, end = offsets[term + 1] as number; i < end; i++) {
          data[at++] = postings[i] as number;
        }
      }
    }
    starts[termCount] = at;
    store.data = data;
    store.starts = starts;
    if (this.#terms.length > PENDING_START) {
      this.#terms = new Int32Array(PENDING_START);
      this.#values = new Int32Array(PENDING_START);
      this.#cursor = new Int32Array(0);
    }
  }
}
