/**
 * What one query word scores in each document it matches: its best expansion, weighted by field and rarity.
 * Typing re-scores every earlier word at each keystroke, so recent words' scores are kept: only the word
 * being typed is read from the postings.
 */

import { grow } from './postings.js';
import type { QueryWord } from './query-words.js';
import { idf } from './scoring.js';
import type { Expansion, Vocabulary } from './vocabulary.js';

/** Recent query words whose scored documents are kept (each at most a few bytes per matching paper). */
const WORD_SCORE_CACHE_SIZE = 12;
/**
 * A word being typed that matches more papers than this is scored into reused scratch, not kept: the next
 * keystroke makes it another word, and keeping a megabyte per keystroke (a one-letter prefix over 100,000
 * papers) was most of the garbage collector's work while typing.
 */
const KEEP_TYPED_WORDS_UP_TO = 2048;

export interface WordScores {
  /** How many documents: the first `count` entries of each array. */
  count: number;
  docs: Int32Array;
  values: Float64Array;
  /** Field bits the word matched in, per document. */
  fields: Uint8Array;
}

export class WordScorer {
  readonly #vocabulary: Vocabulary;
  readonly #cache = new Map<string, WordScores>();
  /** Scratch per document, zero between calls. */
  #termScores = new Float64Array(0);
  #wordFields = new Uint8Array(0);
  /** The documents a word touched, in the order met (no array grown per keystroke). */
  #touched = new Int32Array(0);
  /** The result for a word being typed that is not kept (valid until the next call). */
  #scratch: WordScores = { count: 0, docs: new Int32Array(0), values: new Float64Array(0), fields: new Uint8Array(0) };

  constructor(vocabulary: Vocabulary) {
    this.#vocabulary = vocabulary;
  }

  /** Papers were added: scores change, and the scratch must cover every document. */
  reset(docs: number): void {
    this.#cache.clear();
    this.#termScores = grow(this.#termScores, docs);
    this.#wordFields = grow(this.#wordFields, docs);
    this.#touched = grow(this.#touched, docs);
    const scratch = this.#scratch;
    scratch.docs = grow(scratch.docs, docs);
    scratch.values = grow(scratch.values, docs);
    scratch.fields = grow(scratch.fields, docs);
  }

  /**
   * The documents a query word matches, each with its score (its best expansion, weighted by field through
   * `norms`) and the fields it matched in.
   */
  scores(queryWord: QueryWord, expansions: Expansion[], norms: Float32Array, docs: number): WordScores {
    // Every field is read here, before the loops: V8 compiles this method while a loop is hot (on stack
    // replacement), and a field first read after the loop had no type feedback in that code, which then
    // deoptimised at every keystroke that reached it (473 times in one cold bench run).
    const cache = this.#cache;
    const scratch = this.#scratch;
    const key = `${queryWord.fields}\u0000${queryWord.typing ? 1 : 0}\u0000${queryWord.word}`;
    const cached = cache.get(key);
    if (cached) {
      // Most recently used last: a Map iterates in insertion order.
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const { fields: allowed, typing } = queryWord;
    const termScores = this.#termScores;
    const wordFields = this.#wordFields;
    const touched = this.#touched;
    let count = 0;
    const boosts = boostsOf(expansions, typing, docs, this.#vocabulary);
    const postings = this.#vocabulary.postings;
    for (let at = 0; at < expansions.length; at++) {
      const term = (expansions[at] as Expansion).term;
      postings.ready(term);
      const boost = boosts[at] as number;
      // A term's postings are its run in each segment (one for most indexes; a large build's batches).
      for (const { data, starts } of postings.segments) {
        if (term + 1 >= starts.length) continue;
        count = scoreRun(
          data,
          starts[term] as number,
          starts[term + 1] as number,
          allowed,
          boost,
          norms,
          termScores,
          wordFields,
          touched,
          count,
        );
      }
    }
    // The scratch arrays' documents as a compact result, leaving the scratch at zero.
    const keep = !typing || count <= KEEP_TYPED_WORDS_UP_TO;
    const scored: WordScores = keep
      ? { count, docs: new Int32Array(count), values: new Float64Array(count), fields: new Uint8Array(count) }
      : scratch;
    scored.count = count;
    for (let k = 0; k < count; k++) {
      const doc = touched[k] as number;
      scored.docs[k] = doc;
      scored.values[k] = termScores[doc] as number;
      scored.fields[k] = wordFields[doc] as number;
      termScores[doc] = 0;
      wordFields[doc] = 0;
    }
    if (keep) remember(cache, key, scored);
    return scored;
  }
}

/**
 * One run of a term's postings scored into the scorer's scratch: each document's value is the term's `boost`
 * times the weights of the fields it matched in (`allowed` ones), kept when it beats the document's best so
 * far. Returns how many documents the word has touched, `count` before.
 */
function scoreRun(
  data: Int32Array,
  from: number,
  to: number,
  allowed: number,
  boost: number,
  norms: Float32Array,
  termScores: Float64Array,
  wordFields: Uint8Array,
  touched: Int32Array,
  count: number,
): number {
  let touchedCount = count;
  for (let i = from; i < to; i++) {
    const posting = data[i] as number;
    const mask = posting & allowed;
    if (mask === 0) continue;
    const doc = posting >>> 5;
    const base = doc * 5;
    // Unrolled over the five fields of FIELDS, in order.
    let fields = 0;
    if (mask & 1) fields += norms[base] as number;
    if (mask & 2) fields += norms[base + 1] as number;
    if (mask & 4) fields += norms[base + 2] as number;
    if (mask & 8) fields += norms[base + 3] as number;
    if (mask & 16) fields += norms[base + 4] as number;
    const value = boost * fields;
    // A document scores each query word once, by its best expansion.
    if (termScores[doc] === 0) touched[touchedCount++] = doc;
    if (value > (termScores[doc] as number)) termScores[doc] = value;
    wordFields[doc] = (wordFields[doc] as number) | mask;
  }
  return touchedCount;
}

/**
 * Keep a word's scores, forgetting the least recently used past `WORD_SCORE_CACHE_SIZE`: a function of its
 * own, for the same reason as above (its first eviction came after `scores` was compiled, and deoptimised it).
 */
function remember(cache: Map<string, WordScores>, key: string, scored: WordScores): void {
  if (cache.size >= WORD_SCORE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, scored);
}

/**
 * How much each expansion of one word counts (its weight times its rarity). An expansion never counts as
 * rarer than the word typed when that word exists: a rare near-spelling (`dllms`) must not outscore the
 * common exact word (`llms`). The word being typed is one guess whatever it becomes: every completion
 * shares the rarity of all of them together, so a rare whole word (`ref`) does not bury the common word
 * being typed (`reference`).
 */
function boostsOf(expansions: Expansion[], typing: boolean, docs: number, vocabulary: Vocabulary): number[] {
  const exact = expansions.find((expansion) => expansion.kind === 'exact');
  if (typing && expansions.length > 1) {
    let total = 0;
    for (const { term } of expansions) total += vocabulary.documentCount(term);
    const shared = idf(docs, Math.min(docs, total));
    return expansions.map(({ weight }) => weight * shared);
  }
  const ceiling = exact === undefined ? Number.POSITIVE_INFINITY : idf(docs, vocabulary.documentCount(exact.term));
  return expansions.map(({ term, weight }) => weight * Math.min(idf(docs, vocabulary.documentCount(term)), ceiling));
}
