/**
 * Phrase runs: query words that stand next to each other, in order, in one field of a paper. The best
 * candidates are re-read for them (a reward), quoted phrases must have them (a requirement), and excluded
 * phrases must not. Token ids of re-read fields are cached, because typing re-reads the same few candidates
 * at every keystroke.
 */
import type { Paper } from '../model.js';
import { fieldValues } from './highlight.js';
import type { QueryClause } from './query.js';
import { FIELD_BIT, fieldBits, type RequiredPhrase } from './query-words.js';
import { FIELDS, type SearchField, TopScores } from './scoring.js';
import { isAscii, plainTokens, STOP_WORDS } from './text.js';
import type { Expansion, Vocabulary } from './vocabulary.js';

/**
 * How much a run of query words next to each other, in order, multiplies a paper's score: a full run in the
 * title by `1 + TITLE_RUN`, in any other field by `1 + TEXT_RUN`, shorter runs in proportion. Without it, a
 * phrase remembered from an abstract lost to papers with the same common words scattered through their titles.
 */
const TITLE_RUN = 2.5;
const TEXT_RUN = 2.5;
/** Every query word somewhere in the title, not next to each other: a smaller reward than a run. */
const ALL_IN_TITLE = 0.5;
/** Field values whose token ids are kept for phrase runs (an abstract is about 300 ids). */
const TOKEN_CACHE_SIZE = 16_384;

/** A candidate document and its score, as the best-k heap gives them. */
export interface Candidate {
  doc: number;
  score: number;
}

export class PhraseRuns {
  readonly #papers: readonly Paper[];
  readonly #vocabulary: Vocabulary;
  /** Per vocabulary term, which query words it may be (bit `j` for word `j`); `-1` for stop words. */
  #termMasks = new Int32Array(0);
  readonly #runLengths = new Int32Array(32);
  readonly #ids: number[] = [];
  /** Token ids of recently re-read field values, by `doc * 5 + field`. */
  readonly #tokenCache = new Map<number, Int32Array>();

  constructor(papers: readonly Paper[], vocabulary: Vocabulary) {
    this.#papers = papers;
    this.#vocabulary = vocabulary;
  }

  /** The vocabulary grew: the term masks must cover every term. */
  reserve(terms: number): void {
    if (this.#termMasks.length < terms) {
      this.#termMasks = new Int32Array(Math.max(terms, this.#termMasks.length * 2));
    }
  }

  /**
   * Mark which query words each vocabulary term may be, for reading runs; stop words that are not query
   * words are `-1` (transparent). `clear` undoes it after the query.
   */
  mark(expansionsByWord: Expansion[][]): void {
    const masks = this.#termMasks;
    this.#markStopWords(-1);
    expansionsByWord.forEach((expansions, wordIndex) => {
      for (const { term } of expansions) {
        masks[term] = ((masks[term] as number) === -1 ? 0 : (masks[term] as number)) | (1 << wordIndex);
      }
    });
  }

  clear(expansionsByWord: Expansion[][]): void {
    this.#markStopWords(0);
    for (const expansions of expansionsByWord) for (const { term } of expansions) this.#termMasks[term] = 0;
  }

  #markStopWords(mask: number): void {
    for (const word of STOP_WORDS) {
      const id = this.#vocabulary.idOf(word);
      if (id !== undefined) this.#termMasks[id] = mask;
    }
  }

  /**
   * Does the document hold a quoted phrase's words next to each other? Only fields where two query words
   * meet are read (`meeting`); a phrase of one scored word (`"the model"`) needs only that word.
   */
  hasRun(doc: number, phrase: RequiredPhrase, meeting: Uint8Array): boolean {
    if (phrase.count === 1) return true;
    const fields = phrase.fields & (meeting[doc] as number);
    return fields !== 0 && this.#runs(doc, fields, phrase.count, phrase.from) >= phrase.count;
  }

  /** Does the document hold an excluded phrase's words next to each other, exactly as written? */
  hasExactPhrase(doc: number, clause: QueryClause): boolean {
    const wanted = clause.words.filter((word) => !STOP_WORDS.has(word));
    if (wanted.length === 0) return false;
    const paper = this.#papers[doc] as Paper;
    for (const field of FIELDS) {
      if (!(fieldBits(clause.field) & FIELD_BIT[field])) continue;
      for (const value of fieldValues(paper, field)) {
        const tokens = plainTokens(value).filter((token) => !STOP_WORDS.has(token));
        for (let start = 0; start + wanted.length <= tokens.length; start++) {
          if (wanted.every((word, at) => tokens[start + at] === word)) return true;
        }
      }
    }
    return false;
  }

  /**
   * Among the best candidates, reward query words that stand next to each other, in order, in one field.
   * Only fields where two query words meet are read (`meeting`). For relevance order, candidates are taken
   * best first, and the reading stops once a candidate could not reach the top `limit` even with the largest
   * reward: what follows keeps its score and cannot change the hits returned.
   */
  reward(
    candidates: Candidate[],
    count: number,
    pool: number,
    limit: number,
    bySort: boolean,
    meeting: Uint8Array,
  ): void {
    const head = candidates.slice(0, pool);
    const bonus = (field: number): number => (field === 0 ? TITLE_RUN : TEXT_RUN);
    const largest = 1 + Math.max(TITLE_RUN, TEXT_RUN, ALL_IN_TITLE);
    const top = new TopScores(bySort ? 0 : limit);
    for (const candidate of head) {
      if (!bySort && top.full() && candidate.score * largest < top.lowest()) break;
      const fields = meeting[candidate.doc] as number;
      if (fields !== 0) candidate.score *= this.#runs(candidate.doc, fields, count, 0, bonus);
      if (!bySort) top.push(candidate.doc, candidate.score);
    }
    // The unread rest kept its score, below every rewarded hit that can be returned: one sort orders all.
    head.sort((a, b) => b.score - a.score || a.doc - b.doc);
    candidates.splice(0, head.length, ...head);
  }

  /**
   * The longest run of query words `shift`…`shift + count - 1`, next to each other and in order, in each
   * field value of the allowed fields of a document: the best factor it earns (`bonus` per field), or with
   * `bonus` undefined the longest run itself.
   */
  #runs(doc: number, allowed: number, count: number, shift: number, bonus?: (field: number) => number): number {
    const masks = this.#termMasks;
    const runs = this.#runLengths;
    let best = bonus ? 1 : 0;
    const every = count >= 31 ? -1 : (1 << count) - 1;
    for (let field = 0; field < FIELDS.length; field++) {
      if (!(allowed & (1 << field))) continue;
      const tokens = this.#fieldTokens(doc, field);
      let longest = 0;
      // Which query words the field value holds at all: every one of them in one title is proximity too.
      let seen = 0;
      let open = false;
      for (let i = 0; i <= tokens.length; i++) {
        const id = i < tokens.length ? (tokens[i] as number) : -2;
        if (id === -2) {
          if (i > 0) {
            if (!bonus) best = Math.max(best, longest);
            else {
              if (longest >= 2) best = Math.max(best, 1 + (bonus(field) * (longest - 1)) / (count - 1));
              if (field === 0 && (seen & every) === every) best = Math.max(best, 1 + ALL_IN_TITLE);
            }
          }
          longest = 0;
          seen = 0;
          runs.fill(0, 0, count);
          open = false;
          continue;
        }
        const raw = id === -1 ? 0 : (masks[id] as number);
        if (raw === -1) continue; // a stop word: transparent
        const mask = raw >>> shift;
        if (mask === 0) {
          // Most tokens are no query word: they end any run, and cost nothing more when none is open.
          if (open) {
            runs.fill(0, 0, count);
            open = false;
          }
          continue;
        }
        open = true;
        seen |= mask;
        for (let j = count - 1; j >= 0; j--) {
          if (mask & (1 << j)) {
            const run = j > 0 ? (runs[j - 1] as number) + 1 : 1;
            runs[j] = run;
            if (run > longest) longest = run;
          } else runs[j] = 0;
        }
      }
    }
    return best;
  }

  /**
   * The token ids of one field of a document, each field value opened by `-2`: what phrase runs are read
   * from. Cached, because typing re-reads the same few candidates at every keystroke (a bounded cache).
   */
  #fieldTokens(doc: number, fieldIndex: number): Int32Array {
    const key = doc * FIELDS.length + fieldIndex;
    const cached = this.#tokenCache.get(key);
    if (cached) return cached;
    const paper = this.#papers[doc] as Paper;
    const ids: number[] = [];
    const vocabulary = this.#vocabulary;
    for (const value of fieldValues(paper, FIELDS[fieldIndex] as SearchField)) {
      ids.push(-2);
      if (isAscii(value)) {
        for (const id of vocabulary.idsOfAscii(value, this.#ids)) ids.push(id);
      } else {
        for (const token of plainTokens(value)) ids.push(vocabulary.idOf(token) ?? -1);
      }
    }
    const tokens = Int32Array.from(ids);
    if (this.#tokenCache.size >= TOKEN_CACHE_SIZE) this.#tokenCache.clear();
    this.#tokenCache.set(key, tokens);
    return tokens;
  }
}
