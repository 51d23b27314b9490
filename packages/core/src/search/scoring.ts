/**
 * Scoring: BM25-style field weights and length normalisation, rarity, and the best-k heap. (Phrase runs are
 * read in `phrases.ts`, from the best candidates' text.)
 */
import { grow } from './postings.js';

/** Fields in index order; a posting's field mask has bit `1 << index`. */
export type SearchField = 'title' | 'keywords' | 'authors' | 'summary' | 'abstract';
export const FIELDS: readonly SearchField[] = ['title', 'keywords', 'authors', 'summary', 'abstract'];

/**
 * Per field: how much its length tempers a match (BM25's b). Titles and abstracts are prose, where a word in
 * a short text says more than in a long one. Author and keyword lists are not: an exact surname on a
 * 664-author paper names that author as surely as on a 3-author one (it scored 1.5 against 18.2 for a
 * near-spelling on a short list before lists were exempt).
 */
const LENGTH_EFFECT: Record<SearchField, number> = {
  title: 0.75,
  keywords: 0,
  authors: 0,
  summary: 0.75,
  abstract: 0.75,
};

/** BM25 length normalisation (k1 = 1.2, term frequency 1) times the field weight, per document and field. */
export function fieldNorms(
  lengths: Uint16Array,
  docs: number,
  totals: Float64Array,
  weights: Record<SearchField, number>,
  into: Float32Array,
): void {
  const averages = FIELDS.map((_, index) => (totals[index] as number) / docs || 1);
  const factors = FIELDS.map((field) => weights[field] * 2.2);
  const bs = FIELDS.map((field) => LENGTH_EFFECT[field]);
  for (let doc = 0; doc < docs; doc++) {
    for (let field = 0; field < FIELDS.length; field++) {
      const length = lengths[doc * FIELDS.length + field] as number;
      const b = bs[field] as number;
      into[doc * FIELDS.length + field] =
        (factors[field] as number) / (1 + 1.2 * (1 - b + (b * length) / (averages[field] as number)));
    }
  }
}

/** Inverse document frequency of a term in `docs` documents, `count` of which have it. */
export function idf(docs: number, count: number): number {
  return Math.log(1 + (docs - count + 0.5) / (count + 0.5));
}

/**
 * The `capacity` highest scores seen (ties: lower document first), as a min-heap in typed arrays that grow
 * only as far as they fill: a keystroke offers it thousands of documents, and pushing them must not allocate.
 */
export class TopScores {
  #capacity: number;
  #docs = new Int32Array(64);
  #scores = new Float64Array(64);
  #size = 0;
  constructor(capacity: number) {
    this.#capacity = capacity;
  }
  /** Empty, to hold up to `capacity` again: one heap serves every keystroke, its arrays kept. */
  reset(capacity: number): void {
    this.#capacity = capacity;
    this.#size = 0;
  }
  #worse(i: number, j: number): boolean {
    const a = this.#scores[i] as number;
    const b = this.#scores[j] as number;
    return a < b || (a === b && (this.#docs[i] as number) > (this.#docs[j] as number));
  }
  #swap(i: number, j: number): void {
    const docs = this.#docs;
    const scores = this.#scores;
    const doc = docs[i] as number;
    const score = scores[i] as number;
    docs[i] = docs[j] as number;
    scores[i] = scores[j] as number;
    docs[j] = doc;
    scores[j] = score;
  }
  /** Could a document with this score enter? (Cheap check before running filters.) */
  accepts(score: number): boolean {
    return this.#size < this.#capacity || score >= (this.#scores[0] as number);
  }
  push(doc: number, score: number): void {
    if (this.#size < this.#capacity) {
      if (this.#size === this.#docs.length) {
        this.#docs = grow(this.#docs, this.#size + 1);
        this.#scores = grow(this.#scores, this.#size + 1);
      }
      this.#docs[this.#size] = doc;
      this.#scores[this.#size] = score;
      for (let i = this.#size++; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.#worse(i, parent)) break;
        this.#swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootScore = this.#scores[0] as number;
    if (score < rootScore || (score === rootScore && doc > (this.#docs[0] as number))) return;
    this.#docs[0] = doc;
    this.#scores[0] = score;
    this.#siftDown(this.#size);
  }
  /** The root moved down until the first `end` entries are a heap again. */
  #siftDown(end: number): void {
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < end && this.#worse(left, smallest)) smallest = left;
      if (right < end && this.#worse(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.#swap(i, smallest);
      i = smallest;
    }
  }
  /** Is it holding as many documents as it may? */
  full(): boolean {
    return this.#size >= this.#capacity;
  }
  /** The lowest score held (the one a newcomer must beat). */
  lowest(): number {
    return this.#size > 0 ? (this.#scores[0] as number) : Number.NEGATIVE_INFINITY;
  }
  /**
   * The documents held, best first, in place (a heap sort: nothing allocated, where an array of `{ doc, score }`
   * per keystroke was a third of typing's garbage). Read them through `docs`, `scores` and `size` until
   * `reset`: the heap order is spent, so nothing may be pushed before then. Returns how many.
   */
  sortBestFirst(): number {
    for (let end = this.#size - 1; end > 0; end--) {
      // The worst held goes to the end; the heap shrinks by one and is mended from the root.
      this.#swap(0, end);
      this.#siftDown(end);
    }
    return this.#size;
  }
  /** How many documents it holds. */
  get size(): number {
    return this.#size;
  }
  /** The documents, best first after `sortBestFirst` (the first `size` entries). */
  get docs(): Int32Array {
    return this.#docs;
  }
  /** Their scores, best first after `sortBestFirst`; the phrase reward raises some and re-sorts the head. */
  get scores(): Float64Array {
    return this.#scores;
  }
}

/**
 * The first `count` documents and scores put back in best-first order (higher score, then the earlier
 * document), in place: after the phrase reward raised some of an ordered list, so an insertion sort, which
 * moves only what was raised, and allocates nothing.
 */
export function reorderBestFirst(docs: Int32Array, scores: Float64Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const doc = docs[i] as number;
    const score = scores[i] as number;
    let at = i;
    for (; at > 0; at--) {
      const before = scores[at - 1] as number;
      if (before > score || (before === score && (docs[at - 1] as number) < doc)) break;
      docs[at] = docs[at - 1] as number;
      scores[at] = before;
    }
    docs[at] = doc;
    scores[at] = score;
  }
}

/**
 * How many bits are set, without a loop: a loop's exit, after a different number of steps from one document
 * to the next, was a mispredicted branch per document where a search reads them all.
 */
export function popcount(value: number): number {
  const pairs = value - ((value >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
