/**
 * Typo distance and the filter that finds candidates cheaply before the distance is computed.
 */

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

/** Typos forgiven in a word of this length: none below 4 letters, one from 4, two from 8. */
export function allowedTypos(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** The letter pairs of a word (`latent` → `la at te en nt`). */
export function bigramsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/**
 * How many of a word's distinct bigrams a term within `edits` edits must still share with it (the q-gram
 * lemma). A substitution, insertion or deletion breaks at most two bigrams, but a transposition — the most
 * common typing slip — breaks three (`latent` → `ltaent` loses `la`, `at`, `te`), so the bound is three per
 * edit: with two, a swapped pair near the start hid the word altogether.
 */
export function sharedBigramsNeeded(distinctBigrams: number, edits: number): number {
  return Math.max(1, distinctBigrams - 3 * edits);
}
