/**
 * Fields of papers kept as their tokens' term ids, for the phrase reader (`PhraseRuns`): the candidates of
 * one keystroke are mostly those of the keystrokes before (about 26 a keystroke, three in four of them read
 * in the three before), and a kept field is read again as one array lookup a token instead of tokenized.
 * The main entry installs it (`installKeptFields`); the search entry a widget loads does without.
 */
import { addMask, type FieldReader, keepFieldsWith } from './phrases.js';
import { grow } from './postings.js';
import type { TermTable } from './term-table.js';
import { STOP_WORDS } from './text.js';
import type { Expansion, Vocabulary } from './vocabulary.js';

/** Let every phrase reader made from now on keep fields as term ids. */
export function installKeptFields(): void {
  keepFieldsWith((vocabulary, reader) => new KeptFields(vocabulary, reader));
}

/**
 * A paper's fields as term ids, and which query words each term id may be for the search under way. A field
 * is kept the second time it is read: the first time, the phrase reader reads it with the query's small
 * table, since looking every token up in the vocabulary costs more than that (a hit each time, where the
 * small table mostly says "no word of the query" at once), and a keystroke that brings new candidates, the
 * slowest, would pay it for fields that may never be read again.
 */
export class KeptFields {
  readonly #vocabulary: Vocabulary;
  readonly #reader: FieldReader;
  readonly #tokens = new KeptTokens();
  /** By vocabulary term id + 1: which query words it may be (as `PhraseRuns` masks); only the query's are set. */
  masks = new Int32Array(0);
  /** The ids set in `masks` (+ 1), to clear after the search. */
  #marked = new Int32Array(64);
  #markedCount = 0;
  /** The vocabulary's table, while a search can read it (`Vocabulary.tokenTable`). */
  #table: TermTable | undefined;
  /** The stop words' vocabulary ids, for `#stopIdsFor` terms. */
  #stopIds = new Int32Array(0);
  #stopIdsFor = -1;
  /** A field's values' tokens gathered before they are kept (scratch). */
  #gathered = new Int32Array(1 << 10);
  /** The field `find` found: in `array`, from `at`. */
  array: Int32Array = this.#gathered;
  at = 0;

  constructor(vocabulary: Vocabulary, reader: FieldReader) {
    this.#vocabulary = vocabulary;
    this.#reader = reader;
  }

  /** Which query words each term id may be, for this search; false when fields cannot be read by id now. */
  mark(expansionsByWord: Expansion[][]): boolean {
    this.#table = this.#vocabulary.tokenTable();
    if (!this.#table) return false;
    const termCount = this.#vocabulary.terms.length;
    this.masks = grow(this.masks, termCount + 1);
    if (this.#stopIdsFor !== termCount) {
      this.#stopIds = Int32Array.from(STOP_WORDS, (word) => this.#vocabulary.idOf(word) ?? -1);
      this.#stopIdsFor = termCount;
    }
    for (const id of this.#stopIds) if (id !== -1) this.#put(id + 1, -1);
    expansionsByWord.forEach((expansions, wordIndex) => {
      for (const { term } of expansions) this.#put(term + 1, 1 << wordIndex);
    });
    return true;
  }

  clear(): void {
    for (let k = 0; k < this.#markedCount; k++) this.masks[this.#marked[k] as number] = 0;
    this.#markedCount = 0;
  }

  #put(slot: number, mask: number): void {
    const old = this.masks[slot] as number;
    if (old === 0) {
      this.#marked = grow(this.#marked, this.#markedCount + 1);
      this.#marked[this.#markedCount++] = slot;
    }
    this.masks[slot] = old === 0 ? mask : addMask(old, mask);
  }

  /**
   * A field of a paper, if kept (or read a second time, and kept now): its values' ends, then its tokens'
   * vocabulary ids + 1, at `at` of `array`. Value `v`'s ids run from its start (after the ends, for the first;
   * else the end before) to the `v`-th end.
   */
  find(doc: number, field: number, values: readonly string[]): boolean {
    const tokens = this.#tokens;
    const key = doc * 8 + field;
    if (!tokens.find(key)) {
      if (!tokens.seenBefore(key)) return false;
      let total = values.length;
      for (let v = 0; v < values.length; v++) {
        const count = this.#reader.readIds(values[v] as string, this.#table as TermTable);
        this.#gathered = grow(this.#gathered, total + count);
        this.#gathered.set(this.#reader.tokenIds.subarray(0, count), total);
        total += count;
        this.#gathered[v] = total;
      }
      tokens.keep(key, this.#gathered, total, values.length);
    }
    this.array = tokens.array;
    this.at = tokens.at;
    return true;
  }
}

/** Fields remembered as read once (`KeptTokens.seenBefore`). */
const ONCE_SIZE = 4096;
/** Ids a pool holds at most (two pools: a megabyte), several hundred fields. */
const POOL_SIZE = 1 << 17;

/**
 * Fields go into the current pool until it is full; then the other is emptied and becomes the current one,
 * so the fields of the last pool's worth of reading stay. Nothing is allocated per field, and the memory is
 * bounded: arrays per field would outlive keystrokes, each one for the collector to copy and promote.
 */
export class KeptTokens {
  readonly #pools: Int32Array[] = [new Int32Array(1 << 12), new Int32Array(1 << 12)];
  /** Per pool, where each field (a caller's key) starts in it. */
  readonly #starts = [new Map<number, number>(), new Map<number, number>()];
  #current = 0;
  #used = 0;
  /** The array holding the field last found or kept, and where in it the field starts. */
  array: Int32Array = this.#pools[0] as Int32Array;
  at = 0;

  /** Fields read once and not kept, the latest few thousand. */
  readonly #once = new Set<number>();

  /** Was the field `key` read before (since it was last kept or forgotten)? Notes that it is read now. */
  seenBefore(key: number): boolean {
    if (this.#once.delete(key)) return true;
    if (this.#once.size >= ONCE_SIZE) this.#once.clear();
    this.#once.add(key);
    return false;
  }

  /** Is the field `key` kept? If so, `array` and `at` say where. */
  find(key: number): boolean {
    return this.#findIn(this.#current, key) || this.#findIn(1 - this.#current, key);
  }

  #findIn(pool: number, key: number): boolean {
    const at = (this.#starts[pool] as Map<number, number>).get(key);
    if (at === undefined) return false;
    this.array = this.#pools[pool] as Int32Array;
    this.at = at;
    return true;
  }

  /**
   * Keep `field[0]` … `field[size - 1]` as the field `key`: `ends` ends first (counted from the field's start),
   * then ids. `array` and `at` then say where it is (`field` itself, at 0, when larger than a pool).
   */
  keep(key: number, field: Int32Array, size: number, ends: number): void {
    if (size > POOL_SIZE) {
      this.array = field;
      this.at = 0;
      return;
    }
    const pool = this.#room(size);
    const at = this.#used;
    pool.set(field.subarray(0, size), at);
    for (let v = at; v < at + ends; v++) pool[v] = (pool[v] as number) + at;
    (this.#starts[this.#current] as Map<number, number>).set(key, at);
    this.#used = at + size;
    this.array = pool;
    this.at = at;
  }

  /** The current pool, with room for `size` more ids: grown up to `POOL_SIZE`, else the other one emptied. */
  #room(size: number): Int32Array {
    let pool = this.#pools[this.#current] as Int32Array;
    if (this.#used + size <= pool.length) return pool;
    if (this.#used + size > POOL_SIZE) {
      this.#current = 1 - this.#current;
      (this.#starts[this.#current] as Map<number, number>).clear();
      this.#used = 0;
      pool = this.#pools[this.#current] as Int32Array;
    }
    pool = grow(pool, Math.min(POOL_SIZE, Math.max(this.#used + size, pool.length * 2)));
    this.#pools[this.#current] = pool;
    return pool;
  }
}
