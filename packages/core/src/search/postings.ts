/**
 * Postings: which documents have a term, and in which fields, as `doc << 5 | fieldMask` in document order.
 * A segment's postings live in one array, term after term, found through one array of offsets: hundreds of
 * thousands of terms, most of them in one or two papers, would otherwise be as many small arrays and
 * objects to allocate, grow and collect (the bench showed a tenth of a large build in growing them).
 * While an index is built, postings are written into a batch first and counting-sorted by term when it is
 * full; a sorted batch is a segment, and a small index's segments are laid end to end per term as one.
 */

/**
 * Some documents' postings, term after term: term `t`'s are `data[starts[t]]` … `data[starts[t + 1] - 1]`
 * (a term added since has none in it: `starts` ends before it).
 */
export interface Segment {
  data: Int32Array;
  starts: Int32Array;
}

/**
 * The postings of every term, in segments of documents, earlier documents first: a term's postings are its
 * run in each segment, in order. A large build keeps its sorted batches as they are: laying them out again
 * term by term, into 86 MB of fresh memory at 100,000 papers, was a sixth of the build. A small index (a
 * widget's) has one segment, and many segments are laid out as one (`PendingPostings.finish`).
 */
export class PostingStore {
  segments: Segment[] = [];
  /** Per term, how many postings in all (a term added since the last finish has none yet). */
  counts: Int32Array = new Int32Array(0);

  /** How many postings (documents) a term has. */
  count(term: number): number {
    return term < this.counts.length ? (this.counts[term] as number) : 0;
  }

  /**
   * One segment of `data` (or, without it, zeros to decode into) as the postings of terms with these counts,
   * term after term (a loaded index: nothing copied). Returns the segment.
   */
  adopt(data: Int32Array | undefined, counts: readonly number[]): Segment {
    const starts = new Int32Array(counts.length + 1);
    for (let term = 0; term < counts.length; term++) {
      starts[term + 1] = (starts[term] as number) + (counts[term] as number);
    }
    const segment = { data: data ?? new Int32Array(starts[counts.length] as number), starts };
    this.segments = [segment];
    this.counts = Int32Array.from(counts);
    return segment;
  }

  /**
   * Make sure term `term`'s postings are in the segments (call before reading them). Built postings always
   * are; a loaded index's are decoded when first read (`SavedPostings`, which widgets never load).
   */
  ready(_term: number): void {}

  /** Every term's postings in the segments. */
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
 * Postings held back per batch before they are sorted by term: at first this many (one Int32Array of this
 * length, released after the build). The buffer starts at `PENDING_START` and grows only as far as a build
 * needs, so indexing a listing of 20 papers allocates a few kilobytes. A megabyte of postings stays in the
 * CPU's cache while it is sorted: larger first batches measured slower. A large build's batches then grow
 * with it, to a quarter of what was sorted before them and at most `MAX_BATCH`: each batch is a segment of
 * the store, and each costs a search a step per term and the store an offset per term (100,000 papers: about
 * two dozen segments, not 82; 4 MB of offsets, not 13.6 MB).
 */
const PENDING_BATCH = 1 << 18;
const PENDING_START = 1 << 12;
const MAX_BATCH = 1 << 21;
/** A pending posting is `term << 5 | fields` in 32 bits: term ids must stay below this. */
const MAX_TERMS = 1 << 27;

/** The postings of documents being added, until they are segments of the store. */
export class PendingPostings {
  /**
   * While adding a document: per term, the document it was last seen in (+1) and the fields so far, as
   * `(doc + 1) << 5 | fields`: one read per token (two arrays cost two cache misses for a rare term).
   */
  #seen = new Int32Array(0);
  /**
   * The distinct terms of the document being added, in the order met: a typed array kept across documents
   * (a JS array emptied per document gave its storage back and grew it again, most of a build's garbage).
   */
  #docTerms = new Int32Array(256);
  #docTermCount = 0;
  /**
   * Postings written but not yet sorted, as `term << 5 | fields`, document after document; where each
   * document's end is `#docEnds` (the documents of a batch are consecutive from `#firstDoc`). One number a
   * posting, where a term and a value were two: half the memory a large build writes and reads back.
   */
  #pending = new Int32Array(PENDING_START);
  #pendingCount = 0;
  #docEnds = new Int32Array(256);
  #docCount = 0;
  #firstDoc = 0;
  /** How many postings a batch holds: `PENDING_BATCH`, growing to `MAX_BATCH` as a large build goes on. */
  #batchSize = PENDING_BATCH;
  #sorted = 0;
  /** Full batches, sorted by term id (terms new since a batch have none in it). */
  readonly #batches: Segment[] = [];
  /** Scratch of `#sortBatch`: per term, where its next posting goes. */
  #cursor = new Int32Array(0);

  /** Room for per-term state of `terms` terms. */
  reserve(terms: number): void {
    if (terms > MAX_TERMS) throw new RangeError(`A search index holds at most ${MAX_TERMS} distinct words`);
    this.#seen = grow(this.#seen, terms);
  }

  /** Record that `doc` has term `id` in the field `bit`: one posting per (document, term), fields as a mask. */
  see(id: number, doc: number, bit: number): void {
    const seen = this.#seen[id] as number;
    if (seen >>> 5 !== doc + 1) {
      this.#seen[id] = ((doc + 1) << 5) | bit;
      if (this.#docTermCount === this.#docTerms.length) this.#docTerms = grow(this.#docTerms, this.#docTermCount + 1);
      this.#docTerms[this.#docTermCount++] = id;
    } else {
      this.#seen[id] = seen | bit;
    }
  }

  /** Write the postings of the document `doc` (after every field was seen). */
  flush(doc: number, termCount: number): void {
    const docTermCount = this.#docTermCount;
    const needed = this.#pendingCount + docTermCount;
    // A batch holds documents in a row (as a build adds them); a full one is sorted away.
    if (needed > this.#batchSize || (this.#docCount > 0 && doc !== this.#firstDoc + this.#docCount)) {
      this.#sortBatch(termCount);
    }
    if (this.#docCount === 0) this.#firstDoc = doc;
    if (this.#pendingCount + docTermCount > this.#pending.length) {
      // Small builds grow the batch (a 20-paper widget never allocates the full size). A document with more
      // distinct terms than a batch gets one its size.
      const size = Math.max(this.#pendingCount + docTermCount, Math.min(this.#batchSize, this.#pending.length * 2));
      this.#pending = grow(this.#pending, size);
    }
    const pending = this.#pending;
    const docTerms = this.#docTerms;
    const seen = this.#seen;
    let at = this.#pendingCount;
    for (let k = 0; k < docTermCount; k++) {
      const id = docTerms[k] as number;
      pending[at++] = (id << 5) | ((seen[id] as number) & 31);
    }
    this.#pendingCount = at;
    this.#docTermCount = 0;
    if (this.#docCount === this.#docEnds.length) this.#docEnds = grow(this.#docEnds, this.#docCount + 1);
    this.#docEnds[this.#docCount++] = at;
  }

  /** Sort the pending postings by term id into a batch of their own (document order kept within a term). */
  #sortBatch(termCount: number): void {
    const count = this.#pendingCount;
    const pending = this.#pending;
    if (count > 0) {
      // A counting sort: per term how many postings, then where the next one goes.
      const offsets = new Int32Array(termCount + 1);
      for (let i = 0; i < count; i++) {
        const next = ((pending[i] as number) >>> 5) + 1;
        offsets[next] = (offsets[next] as number) + 1;
      }
      for (let term = 0; term < termCount; term++) {
        offsets[term + 1] = (offsets[term + 1] as number) + (offsets[term] as number);
      }
      this.#cursor = grow(this.#cursor, termCount);
      const cursor = this.#cursor;
      cursor.set(offsets.subarray(0, termCount));
      const postings = new Int32Array(count);
      const docEnds = this.#docEnds;
      let i = 0;
      for (let k = 0; k < this.#docCount; k++) {
        const doc = (this.#firstDoc + k) << 5;
        for (const end = docEnds[k] as number; i < end; i++) {
          const entry = pending[i] as number;
          const id = entry >>> 5;
          const to = cursor[id] as number;
          postings[to] = doc | (entry & 31);
          cursor[id] = to + 1;
        }
      }
      this.#batches.push({ data: postings, starts: offsets });
      this.#sorted += count;
      this.#batchSize = Math.min(MAX_BATCH, Math.max(PENDING_BATCH, 2 ** Math.floor(Math.log2(this.#sorted / 4))));
    }
    this.#pendingCount = 0;
    this.#docCount = 0;
  }

  /**
   * Add the batches to the store as segments, and each term's count to its total. Then, when the store is
   * small (under `LAY_OUT_UP_TO` postings) or has more than `MAX_SEGMENTS` segments, lay them all out as one,
   * term by term: a widget's index keeps one segment however often papers are added to it, and a large one
   * never pays more than a copy every `MAX_SEGMENTS` batches. The batch buffers are released after a large build.
   */
  finish(store: PostingStore, termCount: number): void {
    this.#sortBatch(termCount);
    const batches = this.#batches.splice(0);
    if (batches.length === 0) return;
    store.readyAll();
    const counts = grow(store.counts, termCount);
    for (const batch of batches) {
      addCounts(batch.starts, counts);
      store.segments.push(batch);
    }
    store.counts = counts;
    let total = 0;
    for (const { data } of store.segments) total += data.length;
    if (store.segments.length > 1 && (total <= LAY_OUT_UP_TO || store.segments.length > MAX_SEGMENTS)) {
      store.segments = [layOut(store.segments, termCount, total)];
    }
    this.#sorted = 0;
    this.#batchSize = PENDING_BATCH;
    if (this.#pending.length > PENDING_START) {
      this.#pending = new Int32Array(PENDING_START);
      this.#docEnds = new Int32Array(256);
      this.#cursor = new Int32Array(0);
    }
  }
}

/**
 * Stores of up to this many postings (16 MB; 10,000 papers have half as many) are one segment: what a search
 * pays per segment stays out of every index but the largest.
 */
const LAY_OUT_UP_TO = 1 << 22;
/** A store of more segments than this is laid out as one. */
const MAX_SEGMENTS = 512;

/** Each term's postings in a batch (from its offsets), added to its count. */
function addCounts(offsets: Int32Array, counts: Int32Array): void {
  for (let term = 0; term + 1 < offsets.length; term++) {
    counts[term] = (counts[term] as number) + (offsets[term + 1] as number) - (offsets[term] as number);
  }
}

/** Segments laid end to end per term, in order: term by term, each read front to back and one written so. */
function layOut(segments: Segment[], termCount: number, total: number): Segment {
  const data = new Int32Array(total);
  const starts = new Int32Array(termCount + 1);
  let at = 0;
  for (let term = 0; term < termCount; term++) {
    starts[term] = at;
    for (let k = 0; k < segments.length; k++) {
      const { data: from, starts: offsets } = segments[k] as Segment;
      if (term + 1 >= offsets.length) continue;
      for (let i = offsets[term] as number, end = offsets[term + 1] as number; i < end; i++) {
        data[at++] = from[i] as number;
      }
    }
  }
  starts[termCount] = at;
  return { data, starts };
}
