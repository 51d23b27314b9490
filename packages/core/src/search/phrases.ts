/**
 * Phrase runs: query words that stand next to each other, in order, in one field of a paper. The best
 * candidates are re-read for them (a reward), quoted phrases must have them (a requirement), and excluded
 * phrases must not. A re-read asks of each token only which query words it may be. The candidates of one
 * keystroke are mostly those of the keystrokes before, so once the main entry is loaded each field a paper had
 * read is kept as its tokens' term ids (`KeptFields`) and read again as one array lookup a token. Otherwise
 * (the search entry alone, or a loaded index whose terms are not hashed) each field is read anew: the query's
 * few terms and the stop words sit in a small table keyed by the hash the tokenizer computes anyway.
 */
import type { Paper } from '../model.js';
import { fieldValues } from './highlight.js';
import type { KeptFields } from './kept-tokens.js';
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
/** A term's mask with `mask` added: a stop word's `-1` gives way to any query word's bits. */
export const addMask = (old: number, mask: number): number => (mask === -1 ? old : (old === -1 ? 0 : old) | mask);

/**
 * What keeps fields as term ids (`KeptFields`), for the phrase reader: installed by the main entry, so that
 * a widget, whose listings are small and whose bytes are its page's, does not carry it.
 */
export type KeptFieldsFactory = (vocabulary: Vocabulary, reader: FieldReader) => KeptFields;

/**
 * The phrase reader's reading of a field value, which `KeptFields` keeps. The reader itself, not closures
 * over it: V8 compiles a call to a closure against that one closure, and it dies with its index, so the
 * compiled `KeptFields.find` was thrown away with every index (`search/shapes.ts`).
 */
export interface FieldReader {
  /** The ids (+ 1; 0 for a token not in it) in `table` of a value's tokens, into `tokenIds`; returns how many. */
  readIds(value: string, table: TermTable): number;
  readonly tokenIds: Int32Array;
}
let keptFields: KeptFieldsFactory | undefined;
/** Let every phrase reader made from now on keep fields with `factory`. */
export function keepFieldsWith(factory: KeptFieldsFactory): void {
  keptFields = factory;
}
/** A run's reward in field `field` (0: the title). */
const runBonus = (field: number): number => (field === 0 ? TITLE_RUN : TEXT_RUN);
/** The stop words and their hashes, computed once. */
const STOP_WORD_HASHES = [...STOP_WORDS].map((word) => [word, hashOf(word)] as const);

export class PhraseRuns implements FieldReader {
  readonly #papers: readonly Paper[];
  readonly #vocabulary: Vocabulary;
  /** The query's terms and the stop words, probed with the hash the scanner computes anyway. */
  readonly #queryTerms = new TermTable();
  /**
   * By `#queryTerms` id + 1: which query words the term may be (bit `j` for word `j`; `-1` for a stop word).
   * Entry 0, a token no query word is, stays 0.
   */
  #masks = new Int32Array(64);
  /** Fields read before, kept as their tokens' term ids, and whether this query can read them (`keepFieldsWith`). */
  readonly #kept: KeptFields | undefined;
  #keptReady = false;
  readonly #runLengths = new Int32Array(32);
  /**
   * The ids (+ 1) of one field value's tokens, in order (scratch). Room for a value of 16,000 characters from
   * the start: growing it later, mid-search, would also make V8 drop the search's compiled code once.
   */
  #tokenIds = new Int32Array(1 << 13);
  readonly #token = new Int32Array(4);
  /** The field value being read, as bytes, reused. */
  readonly #value = new AsciiBytes(1 << 13);
  /** The rewarded candidates' best, one heap for every keystroke. */
  readonly #top = new TopScores(0);

  constructor(papers: readonly Paper[], vocabulary: Vocabulary) {
    this.#papers = papers;
    this.#vocabulary = vocabulary;
    this.#kept = keptFields?.(vocabulary, this);
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
    this.#keptReady = this.#kept?.mark(expansionsByWord) ?? false;
  }

  clear(): void {
    this.#queryTerms.clear();
    this.#kept?.clear();
  }

  /** Adds `mask` to a term's (a stop word's `-1` gives way to any query word's bits). */
  #put(term: string, hash: number, mask: number): void {
    const table = this.#queryTerms;
    let id = table.lookup(term, 0, term.length, hash);
    if (id === -1) {
      id = table.add(term, hash);
      this.#masks = grow(this.#masks, id + 2);
      this.#masks[id + 1] = mask;
      return;
    }
    this.#masks[id + 1] = addMask(this.#masks[id + 1] as number, mask);
  }

  /** The scratch `readIds` reads into (`FieldReader`). */
  get tokenIds(): Int32Array {
    return this.#tokenIds;
  }

  /**
   * The ids (+ 1; 0 for a token not in it) in `table` of a field value's tokens, into `#tokenIds`; returns how
   * many.
   */
  readIds(value: string, table: TermTable): number {
    const length = value.length;
    // A token takes a character and the one that ends it: at most half the text, rounded up.
    if (this.#tokenIds.length <= length >> 1) this.#tokenIds = new Int32Array(length);
    // Read as bytes, as the index's build reads it (`TextScanner`), and outside ASCII the same way too: only
    // the stretches around such characters go to the tokenizer (folding, marks), so nothing is kept.
    if (this.#value.read(value)) return this.#readBytes(0, length, 0, table);
    this.#value.readEach(value);
    let count = 0;
    splitMixed(
      this.#value.bytes,
      length,
      (from, to) => {
        count = this.#readBytes(from, to, count, table);
      },
      (start, end) => {
        // Folding can make more tokens than characters (`½` is `1`, `2`).
        const tokens = plainTokens(value.slice(start, end));
        this.#tokenIds = grow(this.#tokenIds, count + tokens.length + (length >> 1) + 1);
        for (const token of tokens) this.#tokenIds[count++] = table.idOf(token) + 1;
      },
    );
    return count;
  }

  /** The ids (+ 1) in `table` of the tokens of `#value`'s bytes `from` … `to - 1` into `#tokenIds` after the first `count`; returns how many now. */
  #readBytes(from: number, to: number, count: number, table: TermTable): number {
    const bytes = this.#value.bytes;
    const ids = this.#tokenIds;
    const token = this.#token;
    for (let end = nextByteToken(bytes, from, to, token); end >= 0; end = nextByteToken(bytes, end, to, token)) {
      ids[count++] = table.lookupBytes(bytes, token[0] as number, end, token[1] as number) + 1;
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
    const kept = this.#keptReady ? this.#kept : undefined;
    for (let field = 0; field < FIELDS.length; field++) {
      if (!(allowed & (1 << field))) continue;
      const values = fieldValues(paper, FIELDS[field] as SearchField);
      // The field's ids, when kept (or kept now, at its second reading).
      const keptField = kept?.find(doc, field, values) ? kept : undefined;
      for (let v = 0; v < values.length; v++) {
        // The value's tokens as ids + 1 from `start` to `end` of `ids`, and what each id may be in `masks`.
        let ids: Int32Array = this.#tokenIds;
        let start = 0;
        let end: number;
        let masks = this.#masks;
        if (keptField) {
          const { array, at, masks: byId } = keptField;
          ids = array;
          start = v === 0 ? at + values.length : (array[at + v - 1] as number);
          end = array[at + v] as number;
          masks = byId;
        } else {
          end = this.readIds(values[v] as string, this.#queryTerms);
        }
        let longest = 0;
        // Which query words the field value holds at all: every one of them in one title is proximity too.
        let seen = 0;
        let open = false;
        runs.fill(0, 0, count);
        for (let i = start; i < end; i++) {
          const raw = masks[ids[i] as number] as number;
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
