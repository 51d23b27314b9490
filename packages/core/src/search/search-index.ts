/**
 * Search as you type over thousands of papers with long abstracts.
 *
 * Scanning every document per keystroke (what fuse.js does) costs time in proportion to all the text.
 * Instead the text is indexed once into an inverted index (term → documents and the fields the term occurs
 * in). A query is answered from the index: each query word is expanded to the vocabulary terms it could
 * mean — itself, the words it is a prefix of (typing), and words within one or two typos — and documents are
 * scored BM25-style with field weights; then the best few are re-read to reward query words that stand next
 * to each other, in order.
 *
 * This file holds the index and the order of a search; the rest of `search/` holds its parts (the README's
 * map of the folders names each).
 */
import type { Paper } from '../model.js';
import { limitOf, type SearchFilter, type SearchSort, sortPapers, sortRelevant, toPredicate } from './filters.js';
import { fieldValues, highlightTermsOf, lazyHit, type SearchHit } from './highlight.js';
import { PhraseRuns } from './phrases.js';
import { grow } from './postings.js';
import { parseSearchQuery, type QueryClause, scoredClauses } from './query.js';
import {
  FIELD_BIT,
  markExcluded,
  type QueryWord,
  queryWords,
  type RequiredPhrase,
  requiredPhrases,
} from './query-words.js';
import { checkSavedBytes } from './saved-bytes.js';
import { FIELDS, fieldNorms, popcount, type SearchField, TopScores } from './scoring.js';
import {
  checkSerialized,
  type Restored,
  restoreVocabulary,
  type SerializedSearchIndex,
  serialize,
} from './serialize.js';
import { type Expansion, Vocabulary } from './vocabulary.js';
import { WordScorer } from './word-scores.js';

/** Fields that are searched, with their default weights: title above keywords and authors above abstract. */
export const DEFAULT_FIELD_WEIGHTS = { title: 5, keywords: 2.5, authors: 2.5, summary: 1.2, abstract: 1 } as const;

export interface SearchIndexOptions {
  /** Relative weight of each field (defaults: title 5, keywords 2.5, authors 2.5, AI summary 1.2, abstract 1). */
  weights?: Partial<Record<SearchField, number>>;
  /** Allow typos: words of 4+ characters match with one edit, words of 8+ with two. Default true. */
  fuzzy?: boolean;
}

/** One page of results (`SearchIndex.searchPage`) and how many matches there are in all. */
export interface SearchPage {
  hits: SearchHit[];
  total: number;
}

export interface SearchOptions {
  /** At most this many hits (default 20; `Infinity` for all). NaN or a negative number counts as the default. */
  limit?: number;
  filter?: SearchFilter | ((paper: Paper) => boolean);
  /** `relevance` (default; for the empty query: the listing's own order), `upvotes` or `date` (newest first). */
  sort?: SearchSort;
}

/**
 * The parts `loadSearchIndex` read from a saved index, for the constructor it calls next, which takes them
 * instead of building. The reading lives in `serialize.ts`, so bundles that never load a saved index (the
 * widgets) do not carry it, and the constructor's signature stays the public one.
 */
let restoring: Restored | undefined;

/** Candidates re-read for phrase runs: enough to lift a phrase from deep in the list, few enough to be cheap. */
const PHRASE_POOL = 120;

export class SearchIndex {
  readonly #papers: Paper[] = [];
  readonly #weights: Record<SearchField, number>;
  readonly #fuzzy: boolean;
  readonly #vocabulary: Vocabulary;
  readonly #scorer: WordScorer;
  readonly #phrases: PhraseRuns;
  /** Per document, per field: number of tokens (kept to recompute norms and to serialise). */
  #lengths = new Uint16Array(0);
  readonly #totalLength = new Float64Array(FIELDS.length);
  /** Per document, per field: the field's weight with BM25 length normalisation, recomputed after adds. */
  #norms = new Float32Array(0);
  #normsFor = -1;
  /** Scratch per document, reused across calls and zero between them. */
  #scores = new Float64Array(0);
  #matched = new Uint32Array(0);
  #excluded = new Uint8Array(0);
  /** Per document while scoring: the fields one query word matched in, and those two or more did. */
  #fieldsOnce = new Uint8Array(0);
  #fieldsTwice = new Uint8Array(0);
  /** The documents some query word matched, `#touchedCount` of them, in the order met. */
  #touched = new Int32Array(0);
  #touchedCount = 0;
  /** The best candidates of a search: a heap while they are chosen, then sorted best first in place. */
  readonly #best = new TopScores(0);

  constructor(papers: readonly Paper[] = [], options: SearchIndexOptions = {}) {
    const restored = restoring;
    restoring = undefined;
    this.#weights = { ...DEFAULT_FIELD_WEIGHTS, ...options.weights };
    this.#fuzzy = options.fuzzy ?? true;
    this.#vocabulary = restored?.vocabulary ?? new Vocabulary(this.#fuzzy);
    this.#scorer = new WordScorer(this.#vocabulary);
    this.#phrases = new PhraseRuns(this.#papers, this.#vocabulary);
    if (!restored) {
      this.add(papers);
    } else {
      this.#papers.push(...papers);
      this.#lengths = restored.lengths;
      sumFieldLengths(this.#lengths, this.#totalLength);
      this.#prepare();
    }
    indexMade?.();
  }

  /** How many papers are indexed. */
  get size(): number {
    return this.#papers.length;
  }

  /** The indexed papers, in the order they were added. */
  get papers(): readonly Paper[] {
    return this.#papers;
  }

  /** Index more papers without rebuilding what is there. */
  add(papers: readonly Paper[]): void {
    if (papers.length === 0) return;
    const vocabulary = this.#vocabulary;
    const first = this.#papers.length;
    this.#lengths = grow(this.#lengths, (first + papers.length) * FIELDS.length);
    for (let offset = 0; offset < papers.length; offset++) {
      const paper = papers[offset] as Paper;
      const doc = first + offset;
      this.#papers.push(paper);
      for (let fieldIndex = 0; fieldIndex < FIELDS.length; fieldIndex++) {
        const field = FIELDS[fieldIndex] as SearchField;
        const bit = FIELD_BIT[field];
        // The field's length in tokens (joined hyphen forms not counted).
        let count = 0;
        for (const value of fieldValues(paper, field)) count += vocabulary.scan(value, doc, bit);
        this.#lengths[doc * FIELDS.length + fieldIndex] = Math.min(count, 65_535);
        this.#totalLength[fieldIndex] = (this.#totalLength[fieldIndex] as number) + count;
      }
      vocabulary.flush(doc);
    }
    vocabulary.changed();
    this.#prepare();
  }

  /**
   * Norms, scratch buffers and the word-score cache made ready as part of building or loading, so that the
   * first keystroke does not pay.
   */
  #prepare(): void {
    const docs = this.#papers.length;
    this.#ensureNorms();
    if (this.#scores.length < docs) {
      this.#scores = new Float64Array(docs);
      this.#matched = new Uint32Array(docs);
      this.#excluded = new Uint8Array(docs);
      this.#fieldsOnce = new Uint8Array(docs);
      this.#fieldsTwice = new Uint8Array(docs);
      this.#touched = new Int32Array(docs);
    }
    this.#scorer.reset(docs);
  }

  #ensureNorms(): Float32Array {
    const docs = this.#papers.length;
    if (this.#normsFor === docs) return this.#norms;
    this.#norms = grow(this.#norms, docs * FIELDS.length);
    fieldNorms(this.#lengths, docs, this.#totalLength, this.#weights, this.#norms);
    this.#normsFor = docs;
    return this.#norms;
  }

  /**
   * Search the index. An empty query returns the papers in the listing's own order (or the chosen sort),
   * filtered. Words match in any order; every word is a prefix of what is being typed; typos are forgiven;
   * words next to each other in a paper, in the query's order, count for more. The query language
   * (`"a phrase"`, `-word`, `title:`, `author:`, `abstract:`, `keyword:`, `summary:`) is described at
   * `parseSearchQuery`.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.#run(query, options, false).hits;
  }

  /**
   * One page of results and how many there are in all, as a paged list shows them ("20 of 312 papers"):
   * the same hits as `search`, without ranking and wrapping every match as `limit: Infinity` would.
   */
  searchPage(query: string, options: SearchOptions = {}): SearchPage {
    return this.#run(query, options, true);
  }

  /** `search`, and with `countAll` the number of all matches (`total` is the hits' count without it). */
  #run(query: string, options: SearchOptions, countAll: boolean): SearchPage {
    const limit = limitOf(options.limit);
    const accept = toPredicate(options.filter);
    const parsed = parseSearchQuery(query);
    const excluded = markExcluded(parsed, this.#vocabulary, this.#excluded);
    const clauses = scoredClauses(parsed);
    const words = queryWords(clauses, parsed);
    const keepDoc = (doc: number): boolean => !excluded[doc] && accept(this.#papers[doc] as Paper);
    if (words.length === 0) {
      // The empty query: the papers in the listing's order or the chosen sort, filtered.
      let papers = this.#papers.filter((_, doc) => keepDoc(doc));
      if (options.sort === 'upvotes' || options.sort === 'date') papers = sortPapers(papers, options.sort);
      this.#excluded.fill(0);
      return { hits: papers.slice(0, limit).map((paper) => ({ paper, score: 0, matches: [] })), total: papers.length };
    }

    const expansionsByWord = words.map(({ word, typing }) => this.#vocabulary.expand(word, typing));
    this.#scoreWords(words, expansionsByWord);
    // Quoted phrases must stand as written; other words only count for more when they do.
    this.#phrases.mark(expansionsByWord);
    // Sorting by upvotes or date needs every relevant result; relevance needs only the best few, kept in a
    // bounded heap instead of sorting tens of thousands of weak matches.
    const bySort = options.sort === 'upvotes' || options.sort === 'date';
    const excludedPhrases = parsed.clauses.filter((item) => item.exclude && item.phrase);
    const keep = bySort ? Number.POSITIVE_INFINITY : Math.max(limit * 3, PHRASE_POOL);
    const required = requiredPhrases(clauses, words);
    const total = this.#select(words.length, required, excludedPhrases, keep, countAll, keepDoc);
    const best = this.#best;
    this.#excluded.fill(0);
    if (words.length > 1) this.#phrases.reward(best, words.length, PHRASE_POOL, limit, bySort, this.#fieldsTwice);
    if (this.#isDense()) this.#fieldsTwice.fill(0, 0, this.#papers.length);
    else for (let k = 0; k < this.#touchedCount; k++) this.#fieldsTwice[this.#touched[k] as number] = 0;
    this.#phrases.clear();
    const highlightTerms = highlightTermsOf(expansionsByWord, words, this.#vocabulary.terms);
    const { size: count, docs, scores } = best;
    // Ranked by relevance, the candidates past the limit were only there for the phrase reward.
    let relevant: { paper: Paper; score: number }[] = [];
    for (let k = 0; k < (bySort ? count : Math.min(limit, count)); k++) {
      relevant.push({ paper: this.#papers[docs[k] as number] as Paper, score: scores[k] as number });
    }
    if (bySort) relevant = sortRelevant(relevant, options.sort as 'upvotes' | 'date');
    const hits = relevant.slice(0, limit).map(({ paper, score }) => lazyHit(paper, score, highlightTerms));
    // Sorting keeps every match, then drops the weakest: what is left is the total.
    return { hits, total: bySort ? relevant.length : countAll ? total : hits.length };
  }

  /** Every query word's scores summed per document, and the documents touched (`#touched`). */
  #scoreWords(words: QueryWord[], expansionsByWord: Expansion[][]): void {
    const scores = this.#scores;
    const matched = this.#matched;
    const fieldsOnce = this.#fieldsOnce;
    const fieldsTwice = this.#fieldsTwice;
    const norms = this.#ensureNorms();
    const touched = this.#touched;
    let count = 0;
    expansionsByWord.forEach((expansions, wordIndex) => {
      const scored = this.#scorer.scores(words[wordIndex] as QueryWord, expansions, norms, this.#papers.length);
      const bit = 1 << Math.min(wordIndex, 31);
      const { count: wordCount, docs: wordDocs, values, fields } = scored;
      for (let k = 0; k < wordCount; k++) {
        const doc = wordDocs[k] as number;
        if (matched[doc] === 0) touched[count++] = doc;
        scores[doc] = (scores[doc] as number) + (values[k] as number);
        matched[doc] = (matched[doc] as number) | bit;
        // Fields where two query words meet: the only ones a run of them can be read from.
        const field = fields[k] as number;
        fieldsTwice[doc] = (fieldsTwice[doc] as number) | ((fieldsOnce[doc] as number) & field);
        fieldsOnce[doc] = (fieldsOnce[doc] as number) | field;
      }
    });
    this.#touchedCount = count;
  }

  /** Did the query touch a quarter of the papers or more? */
  #isDense(): boolean {
    return this.#touchedCount * 4 > this.#papers.length;
  }

  /**
   * The touched documents that may be results, best first in `#best`, and how many match in all. Documents
   * matching every word come first; partial matches still show, scaled down. The scratch is left at zero.
   */
  #select(
    words: number,
    required: RequiredPhrase[],
    excludedPhrases: QueryClause[],
    keep: number,
    countAll: boolean,
    keepDoc: (doc: number) => boolean,
  ): number {
    const scores = this.#scores;
    const matched = this.#matched;
    const best = this.#best;
    best.reset(keep);
    let total = 0;
    const touched = this.#touched;
    // When most papers were touched (a common word, a short prefix), reading them in order is cheaper than
    // jumping about the arrays in the order met; the results are the same (ties go to the earlier paper).
    const dense = this.#isDense();
    const end = dense ? this.#papers.length : this.#touchedCount;
    for (let k = 0; k < end; k++) {
      const doc = dense ? k : (touched[k] as number);
      const all = matched[doc] as number;
      if (all === 0) continue;
      const covered = popcount(all);
      const coverage = covered / words;
      const score = (scores[doc] as number) * coverage * coverage * (covered === words ? 2 : 1);
      scores[doc] = 0;
      matched[doc] = 0;
      this.#fieldsOnce[doc] = 0;
      // A paper that cannot enter the results is checked no further, unless every match is being counted.
      const accepted = best.accepts(score);
      if ((!accepted && !countAll) || !keepDoc(doc)) continue;
      // Loops, not `every`/`some` with a closure: thousands of candidates a keystroke would each allocate one.
      if (!this.#hasRequiredPhrases(doc, all, required) || this.#hasExcludedPhrase(doc, excludedPhrases)) continue;
      total++;
      if (accepted) best.push(doc, score);
    }
    sortBest(best);
    return total;
  }

  #hasRequiredPhrases(doc: number, all: number, required: RequiredPhrase[]): boolean {
    for (const phrase of required) {
      if ((all & phrase.bits) !== phrase.bits || !this.#phrases.hasRun(doc, phrase, this.#fieldsTwice)) return false;
    }
    return true;
  }

  #hasExcludedPhrase(doc: number, excludedPhrases: QueryClause[]): boolean {
    for (const phrase of excludedPhrases) if (this.#phrases.hasExactPhrase(doc, phrase)) return true;
    return false;
  }

  /** A plain-JSON form of the index; `loadSearchIndex(data, papers)` restores it without re-tokenising. */
  toJSON(): SerializedSearchIndex {
    return serialize({ weights: this.#weights, fuzzy: this.#fuzzy }, this.#papers, this.#vocabulary, this.#lengths);
  }
}

/**
 * The heap's documents sorted best first: a function, not a call at the end of `#select`, whose loop V8
 * compiles while it runs, before that call has been seen; an unseen method load there deoptimised it a dozen
 * times in one cold bench run.
 */
function sortBest(best: TopScores): void {
  best.sortBestFirst();
}

/**
 * Every document's field lengths added up per field, into `totals`. A function of its own: the loop in the
 * constructor was compiled while it ran, and thrown away at every load by the call after it.
 */
function sumFieldLengths(lengths: Uint16Array, totals: Float64Array): void {
  for (let at = 0; at < lengths.length; at++) {
    const field = at % FIELDS.length;
    totals[field] = (totals[field] as number) + (lengths[at] as number);
  }
}

/**
 * Called after every index is made, once set (`onIndexMade`): the main entry keeps the search's classes alive
 * with it (`search/shapes.ts`), and the search entry, a widget's, does without.
 */
let indexMade: (() => void) | undefined;

/** Set what runs after every index is made (`undefined`: nothing). */
export function onIndexMade(hook: (() => void) | undefined): void {
  indexMade = hook;
}

/** Build a search index over papers, synchronously. */
export function createSearchIndex(papers: readonly Paper[], options?: SearchIndexOptions): SearchIndex {
  return new SearchIndex(papers, options);
}

/**
 * Load an index saved with `saveSearchIndex(index)` (its bytes) or `index.toJSON()`; `papers` must be the same
 * papers in the same order. The data is checked whole (shape, version, counts, bounds, the papers' ids)
 * before use, so a tampered or truncated index fails with `SearchIndexFormatError` instead of wrong results
 * or a crash. A term's postings are decoded when a search first reads them, from the bytes given: keep them
 * unchanged (a buffer overwritten later costs matches, never a crash).
 */
export function loadSearchIndex(
  data: Uint8Array | ArrayBuffer | SerializedSearchIndex,
  papers: readonly Paper[],
): SearchIndex {
  // Throws `SearchIndexFormatError` for anything but a sound index of exactly these papers.
  const checked =
    data instanceof Uint8Array || data instanceof ArrayBuffer
      ? checkSavedBytes(data, papers)
      : checkSerialized(data, papers);
  restoring = { vocabulary: restoreVocabulary(checked), lengths: checked.lengths };
  return new SearchIndex(papers, { weights: checked.weights, fuzzy: checked.fuzzy });
}
