/**
 * Typo distance, and the walk that finds every vocabulary term within one or two typos of a word without
 * comparing the word with each term.
 */
import { grow } from './postings.js';
import type { SortedTerms } from './sorted-terms.js';

/** Optimal-string-alignment distance between `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  let previous2 = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, (previous2[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[n] as number;
}

/**
 * Typos forgiven in a word of this length: none below 4 letters, one from 4, two from 8, and none past
 * `MAX_TYPO_WORD`: a pasted URL or paragraph is not a misspelling, and its expansion would cost time in
 * proportion to its length for every term the walk visits.
 */
export function allowedTypos(length: number): number {
  if (length > MAX_TYPO_WORD) return 0;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
export const MAX_TYPO_WORD = 32;

/**
 * Every term within `max` edits (optimal string alignment: a swapped pair is one edit) of a word, found by
 * walking the sorted vocabulary as if it were a trie, as Lucene's fuzzy query walks its term dictionary.
 *
 * One row of the edit-distance table is kept per character of the term being read; a term shares a prefix
 * with the one before it, so only the rows past that prefix are computed. When a row's smallest value
 * exceeds `max`, no term with that prefix can come within `max` edits, and the walk skips all of them (in
 * a few hops along `nextLower`, not one term at a time). So the cost follows the prefixes that stay close to
 * the word, not the size of the vocabulary, and nothing is allocated: the rows are one typed array, reused.
 */
export class TypoWalk {
  #rows = new Int32Array(0);
  #word = new Uint16Array(0);
  /** The terms found by the last `walk` (the first `count` it returned), and each one's distance. */
  found = new Int32Array(64);
  distances = new Uint8Array(64);

  /**
   * Every term within `max` edits of `word` (itself included, at 0) into `found` and `distances`; returns how
   * many. The walk itself reads no string and calls no closure: words come as strings of several kinds
   * (flat, sliced, joined), and a closure made per call is a new call target, and either once seen by the
   * compiled walk threw it away; it then ran unoptimised, ten times slower, until compiled again.
   */
  walk(word: string, max: number, sortedTerms: SortedTerms): number {
    const m = word.length;
    if (this.#word.length < m) this.#word = new Uint16Array(m);
    readCodes(word, this.#word);
    return this.#walkLetters(m, max, sortedTerms);
  }

  #walkLetters(m: number, max: number, sortedTerms: SortedTerms): number {
    const { ids, chars, starts, shared, nextLower } = sortedTerms;
    const width = m + 1;
    // A term prefix longer than the word plus `max` is always more than `max` edits away.
    const depthLimit = m + max;
    const needed = (depthLimit + 1) * width;
    if (this.#rows.length < needed) this.#rows = new Int32Array(needed);
    const rows = this.#rows;
    const letters = this.#word;
    let foundCount = 0;
    for (let j = 0; j < width; j++) rows[j] = j;
    const outside = max + 1;

    /** Rows computed for the previous term (its prefixes of length 1…valid). */
    let valid = 0;
    const count = ids.length;
    let i = 0;
    while (i < count) {
      const start = starts[i] as number;
      const length = (starts[i + 1] as number) - start;
      const common = shared[i] as number;
      if (length > depthLimit || length + max < m) {
        // Too long or too short to be within `max` edits, whatever its letters: no rows are computed for it.
        // The rows kept stay valid for what it shares with the term they were computed for.
        if (valid > common) valid = common;
        i++;
        continue;
      }
      let depth = Math.min(valid, common);
      let pruned = 0;
      for (let d = depth + 1; d <= length; d++) {
        const row = d * width;
        const above = row - width;
        const ch = chars[start + d - 1] as number;
        const chBefore = d > 1 ? (chars[start + d - 2] as number) : -1;
        // Only cells within `max` of the diagonal can be within `max` edits (Ukkonen's band); the cells just
        // outside it read as `max + 1`.
        const from = Math.max(d - max, 1);
        const to = Math.min(d + max, m);
        rows[row + from - 1] = from === 1 ? d : outside;
        if (to < m) rows[row + to + 1] = outside;
        let rowMin = from === 1 ? d : outside;
        for (let j = from; j <= to; j++) {
          const wj = letters[j - 1] as number;
          let value = (rows[above + j - 1] as number) + (ch === wj ? 0 : 1);
          const deletion = (rows[above + j] as number) + 1;
          if (deletion < value) value = deletion;
          const insertion = (rows[row + j - 1] as number) + 1;
          if (insertion < value) value = insertion;
          if (ch !== wj && j > 1 && chBefore === wj && ch === letters[j - 2]) {
            const swap = (rows[above - width + j - 2] as number) + 1;
            if (swap < value) value = swap;
          }
          rows[row + j] = value;
          if (value < rowMin) rowMin = value;
        }
        depth = d;
        if (rowMin > max) {
          pruned = d;
          break;
        }
      }
      valid = depth;
      i++;
      if (pruned === 0) {
        // Its length is within `max` of the word's (checked above), so the last cell is in the band.
        const distance = rows[length * width + m] as number;
        if (distance <= max) foundCount = this.#keep(foundCount, ids[i - 1] as number, distance);
        continue;
      }
      // The terms that follow with this prefix are as far off: skip them all, a run of them at a hop.
      while (i < count && (shared[i] as number) >= pruned) i = nextLower[i] as number;
      if (valid >= pruned) valid = pruned - 1;
    }
    return foundCount;
  }

  /** Record a term found; returns the new count. */
  #keep(count: number, term: number, distance: number): number {
    if (count === this.found.length) {
      this.found = grow(this.found, count + 1);
      this.distances = grow(this.distances, count + 1);
    }
    this.found[count] = term;
    this.distances[count] = distance;
    return count + 1;
  }
}

/** A word's UTF-16 code units into `into`. */
function readCodes(word: string, into: Uint16Array): void {
  for (let j = 0; j < word.length; j++) into[j] = word.charCodeAt(j);
}
