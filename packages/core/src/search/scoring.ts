/**
 * Scoring: BM25-style field weights and length normalisation, rarity, and the best-k heap. (Phrase runs are
 * read in `search.ts`, from the cached token ids of the best candidates.)
 */

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

/** The `capacity` highest scores seen (ties: lower document first), as a min-heap. */
export class TopScores {
  readonly #capacity: number;
  readonly #docs: number[] = [];
  readonly #scores: number[] = [];
  constructor(capacity: number) {
    this.#capacity = capacity;
  }
  #worse(i: number, j: number): boolean {
    const a = this.#scores[i] as number;
    const b = this.#scores[j] as number;
    return a < b || (a === b && (this.#docs[i] as number) > (this.#docs[j] as number));
  }
  #swap(i: number, j: number): void {
    [this.#docs[i], this.#docs[j]] = [this.#docs[j] as number, this.#docs[i] as number];
    [this.#scores[i], this.#scores[j]] = [this.#scores[j] as number, this.#scores[i] as number];
  }
  /** Could a document with this score enter? (Cheap check before running filters.) */
  accepts(score: number): boolean {
    return this.#docs.length < this.#capacity || score >= (this.#scores[0] as number);
  }
  push(doc: number, score: number): void {
    if (this.#docs.length < this.#capacity) {
      this.#docs.push(doc);
      this.#scores.push(score);
      for (let i = this.#docs.length - 1; i > 0; ) {
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
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.#docs.length && this.#worse(left, smallest)) smallest = left;
      if (right < this.#docs.length && this.#worse(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.#swap(i, smallest);
      i = smallest;
    }
  }
  /** Is it holding as many documents as it may? */
  full(): boolean {
    return this.#docs.length >= this.#capacity;
  }
  /** The lowest score held (the one a newcomer must beat). */
  lowest(): number {
    return (this.#scores[0] as number) ?? Number.NEGATIVE_INFINITY;
  }
  /** Best first. */
  sorted(): { doc: number; score: number }[] {
    return this.#docs
      .map((doc, i) => ({ doc, score: this.#scores[i] as number }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}

export function popcount(value: number): number {
  let count = 0;
  let rest = value;
  while (rest) {
    rest &= rest - 1;
    count++;
  }
  return count;
}
