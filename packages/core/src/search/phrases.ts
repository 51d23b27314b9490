/**
 * Phrase runs: query words that stand next to each other, in order, in one field of a paper. The best
 * candidates are re-read for them (a reward), quoted phrases must have them (a requirement), and excluded
 * phrases must not. A re-read asks of each token only which query words it may be: the query's few terms
 * (and the stop words) sit in a small table keyed by the hash the scanner computes anyway, so a token that
 * is no query word costs one probe of a table that stays in the processor's cache, not a lookup in the
 * vocabulary's, and nothing is kept between keystrokes.
 */
import type { Paper } from '../model.js';
import { fieldValues } from './highlight.js';
import { grow } from './postings.js';
import type { QueryClause } from './query.js';
import { FIELD_BIT, fieldBits, type RequiredPhrase } from './query-words.js';
import { FIELDS, reorderBestFirst, type SearchField, TopScores } from './scoring.js';
import { AsciiBytes, nextByteToken, splitMixed, TermTable } from './term-table.js';
import { hashOf, plainTokens, STOP_WORDS } from './text.js';
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
/** A run's reward in field `field` (0: the title). */
const runBonus = (field: number): number => (field === 0 ? TITLE_RUN : TEXT_RUN);
/** The stop words and their hashes, computed once. */
const STOP_WORD_HASHES = [...STOP_WORDS].map((word) => [word, hashOf(word)] as const);

export class PhraseRuns {
  readonly #papers: readonly Paper[];
  readonly #vocabulary: Vocabulary;
  /** The query's terms and the stop words, probed with the hash the scanner computes anyway. */
  readonly #queryTerms = new TermTable();
  /** By `#queryTerms` id: which query words the term may be (bit `j` for word `j`; `-1` for a stop word). */
  #masks = new Int32Array(64);
  readonly #runLengths = new Int32Array(32);
  /**
   * The masks of one field value's tokens, in order (scratch). Room for a value of 16,000 characters from the
   * start: growing it later, mid-search, would also make V8 drop the search's compiled code once.
   */
  #tokenMasks = new Int32Array(1 << 13);
  readonly #token = new Int32Array(4);
  /** The field value being read, as bytes, reused. */
  readonly #value = new AsciiBytes(1 << 13);
  /** The rewarded candidates' best, one heap for every keystroke. */
  readonly #top = new TopScores(0);

  constructor(papers: readonly Paper[], vocabulary: Vocabulary) {
    this.#papers = papers;
    this.#vocabulary = vocabulary;
  }

  /** Which query words each term may be, as the table of this query; `clear` empties it afterwards. */
  mark(expansionsByWord: Expansion[][]): void {
    this.clear(); // empty already, unless a search before this one threw halfway
    for (const [word, hash] of STOP_WORD_HASHES) this.#put(word, hash, -1);
    const terms = this.#vocabulary.terms;
    expansionsByWord.forEach((expansions, wordIndex) => {
      for (const { term } of expansions) {
        const text = terms[term] as string;
        this.#put(text, hashOf(text), 1 << wordIndex);
      }
    });
  }

  clear(): void {
    this.#queryTerms.clear();
  }

  /** Adds `mask` to a term's (a stop word's `-1` gives way to any query word's bits). */
  #put(term: string, hash: number, mask: number): void {
    const table = this.#queryTerms;
    let id = table.lookup(term, 0, term.length, hash);
    if (id === -1) {
      id = table.add(term, hash);
      this.#masks = grow(this.#masks, id + 1);
      this.#masks[id] = mask;
      return;
    }
    const old = this.#masks[id] as number;
    if (mask !== -1) this.#masks[id] = (old === -1 ? 0 : old) | mask;
  }

  /** The mask of a token, 0 for a token no query word is. */
  #maskOf(token: string): number {
    const id = this.#queryTerms.idOf(token);
    return id === -1 ? 0 : (this.#masks[id] as number);
  }

  /** The masks of a field value's tokens into `#tokenMasks`; returns how many. */
  #readValue(value: string): number {
    const length = value.length;
    // A token takes a character and the one that ends it: at most half the text, rounded up.
    if (this.#tokenMasks.length <= length >> 1) this.#tokenMasks = new Int32Array(length);
    // Read as bytes, as the index's build reads it (`TextScanner`), and outside ASCII the same way too: only
    // the stretches around such characters go to the tokenizer (folding, marks), so nothing is kept.
    if (this.#value.read(value)) return this.#readBytes(0, length, 0);
    this.#value.readEach(value);
    let count = 0;
    splitMixed(
      this.#value.bytes,
      length,
      (from, to) => {
        count = this.#readBytes(from, to, count);
      },
      (start, end) => {
        // Folding can make more tokens than characters (`½` is `1`, `2`).
        const tokens = plainTokens(value.slice(start, end));
        this.#tokenMasks = grow(this.#tokenMasks, count + tokens.length + (length >> 1) + 1);
        for (const token of tokens) this.#tokenMasks[count++] = this.#maskOf(token);
      },
    );
    return count;
  }

  /** The masks of the tokens of `#value`'s bytes `from` … `to - 1` into `#tokenMasks` after the first `count`; returns how many now. */
  #readBytes(from: number, to: number, count: number): number {
    const bytes = this.#value.bytes;
    const masks = this.#tokenMasks;
    const token = this.#token;
    for (let end = nextByteToken(bytes, from, to, token); end >= 0; end = nextByteToken(bytes, end, to, token)) {
      const id = this.#queryTerms.lookupBytes(bytes, token[0] as number, end, token[1] as number);
      masks[count++] = id === -1 ? 0 : (this.#masks[id] as number);
    }
    return count;
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
  reward(best: TopScores, count: number, pool: number, limit: number, bySort: boolean, meeting: Uint8Array): void {
    const { docs, scores } = best;
    const head = Math.min(pool, best.size);
    const largest = 1 + Math.max(TITLE_RUN, TEXT_RUN, ALL_IN_TITLE);
    const top = this.#top;
    top.reset(bySort ? 0 : limit);
    for (let k = 0; k < head; k++) {
      const doc = docs[k] as number;
      if (!bySort && top.full() && (scores[k] as number) * largest < top.lowest()) break;
      const fields = meeting[doc] as number;
      if (fields !== 0) scores[k] = (scores[k] as number) * this.#runs(doc, fields, count, 0, runBonus);
      if (!bySort) top.push(doc, scores[k] as number);
    }
    // The unread rest kept its score, below every rewarded hit that can be returned: one sort orders all.
    reorderBestFirst(docs, scores, head);
  }

  /**
   * The longest run of query words `shift`…`shift + count - 1`, next to each other and in order, in each
   * field value of the allowed fields of a document: the best factor it earns (`bonus` per field), or with
   * `bonus` undefined the longest run itself.
   */
  #runs(doc: number, allowed: number, count: number, shift: number, bonus?: (field: number) => number): number {
    const runs = this.#runLengths;
    const paper = this.#papers[doc] as Paper;
    let best = bonus ? 1 : 0;
    const every = count >= 31 ? -1 : (1 << count) - 1;
    for (let field = 0; field < FIELDS.length; field++) {
      if (!(allowed & (1 << field))) continue;
      for (const value of fieldValues(paper, FIELDS[field] as SearchField)) {
        const tokens = this.#readValue(value);
        const masks = this.#tokenMasks;
        let longest = 0;
        // Which query words the field value holds at all: every one of them in one title is proximity too.
        let seen = 0;
        let open = false;
        runs.fill(0, 0, count);
        for (let i = 0; i < tokens; i++) {
          const raw = masks[i] as number;
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
        if (!bonus) best = Math.max(best, longest);
        else {
          if (longest >= 2) best = Math.max(best, 1 + (bonus(field) * (longest - 1)) / (count - 1));
          if (field === 0 && (seen & every) === every) best = Math.max(best, 1 + ALL_IN_TITLE);
        }
      }
    }
    return best;
  }
}
