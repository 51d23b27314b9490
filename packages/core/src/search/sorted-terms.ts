/**
 * The vocabulary in code-unit order, laid out for the typo walk (`typos.ts`) and for prefixes: sorted once
 * per build, and checked and laid out in one pass when a saved index is loaded.
 */

/**
 * The vocabulary in code-unit order, laid out for walking: every term's characters in one array, and for
 * each term how many leading characters it shares with the one before it. Consecutive sorted terms are the
 * branches of a trie, so the shared length says how much of the previous term's work still holds, and the
 * terms under a prefix of length `p` are the run that follows while the shared length stays at least `p`.
 *
 * A class, not an object literal: each build makes one, and the literal made by a second build (another
 * index in the same page) had V8 throw away the compiled prefix expansion, whose next keystrokes then ran
 * unoptimised.
 */
export class SortedTerms {
  /** Term ids in code-unit order of their text. */
  readonly ids: Int32Array;
  /** Characters of the sorted terms, one after another; term `i` is `chars[starts[i]…starts[i + 1])`. */
  readonly chars: Uint16Array;
  readonly starts: Int32Array;
  /** Leading characters term `i` shares with term `i - 1` (at most 255). */
  readonly shared: Uint8Array;
  /**
   * The first term after `i` that shares fewer characters with its predecessor than term `i` does (`ids.length`
   * when none): the terms between share at least as much, so a walk that drops a prefix hops over them.
   */
  readonly nextLower: Int32Array;

  constructor(ids: Int32Array, chars: Uint16Array, starts: Int32Array, shared: Uint8Array) {
    this.ids = ids;
    this.chars = chars;
    this.starts = starts;
    this.shared = shared;
    this.nextLower = new Int32Array(ids.length).fill(ids.length);
    writeNextLower(shared, this.nextLower);
  }
}

/** A build's terms, in the order found, sorted and laid out. */
export function sortTerms(terms: readonly string[]): SortedTerms {
  const ids = new Int32Array(terms.length);
  for (let id = 0; id < ids.length; id++) ids[id] = id;
  ids.sort((a, b) => ((terms[a] as string) < (terms[b] as string) ? -1 : 1));
  const starts = new Int32Array(ids.length + 1);
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    starts[i] = total;
    total += (terms[ids[i] as number] as string).length;
  }
  starts[ids.length] = total;
  const chars = new Uint16Array(total);
  const shared = new Uint8Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const term = terms[ids[i] as number] as string;
    const at = starts[i] as number;
    for (let k = 0; k < term.length; k++) chars[at + k] = term.charCodeAt(k);
    // Shared with the term before, read in the laid-out characters rather than the strings.
    const before = i === 0 ? at : (starts[i - 1] as number);
    const limit = Math.min(at - before, term.length, 255);
    let common = 0;
    while (common < limit && chars[before + common] === chars[at + common]) common++;
    shared[i] = common;
  }
  return new SortedTerms(ids, chars, starts, shared);
}

/**
 * Terms written one a line (`terms.join('\n')`), laid out for walking if there are `count` of them, each 1 to
 * `maxLength` code units long and after the one before in code-unit order (so each is new); else undefined.
 * This is how a saved index's terms are checked: in one pass over one string, where laying out 42,000
 * separate strings and comparing them took a third of a load.
 */
export function layOutLines(text: string, count: number, maxLength: number): SortedTerms | undefined {
  if (count === 0) return text === '' ? sortTerms([]) : undefined;
  const lines = text.length - (count - 1);
  if (lines < count) return undefined;
  const chars = new Uint16Array(lines);
  const starts = new Int32Array(count + 1);
  const shared = new Uint8Array(count);
  if (!writeLines(text, count, maxLength, chars, starts, shared)) return undefined;
  const ids = new Int32Array(count);
  for (let id = 0; id < count; id++) ids[id] = id;
  return new SortedTerms(ids, chars, starts, shared);
}

/** `layOutLines`'s pass: every line's characters, where it starts, what it shares with the one before. */
function writeLines(
  text: string,
  count: number,
  maxLength: number,
  chars: Uint16Array,
  starts: Int32Array,
  shared: Uint8Array,
): boolean {
  let term = 0;
  let start = 0;
  let at = 0;
  let before = 0;
  let beforeLength = -1;
  // Of the line being read against the one before: how many leading units they share, and once they differ,
  // whether this one's unit was the larger.
  let common = 0;
  let differs = false;
  let larger = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? 10 : text.charCodeAt(i);
    if (code !== 10) {
      const k = at - start;
      if (!differs && k < beforeLength) {
        const old = chars[before + k] as number;
        if (old === code) common++;
        else {
          differs = true;
          larger = code > old;
        }
      }
      if (at === chars.length) return false;
      chars[at++] = code;
      continue;
    }
    const length = at - start;
    if (length === 0 || length > maxLength || term === count) return false;
    if (term > 0 && !(differs ? larger : beforeLength < length)) return false;
    shared[term] = Math.min(common, 255);
    starts[term++] = start;
    before = start;
    beforeLength = length;
    start = at;
    common = 0;
    differs = false;
    // Returned from inside the loop: code after it would have no type feedback when the loop is compiled.
    if (i === text.length) {
      starts[count] = at;
      return term === count;
    }
  }
  return false;
}

/** Each term waits on a stack until a later term shares less: that one is its `nextLower`. */
function writeNextLower(shared: Uint8Array, nextLower: Int32Array): void {
  const waiting = new Int32Array(shared.length);
  let top = 0;
  for (let i = 0; i < shared.length; i++) {
    while (top > 0 && (shared[waiting[top - 1] as number] as number) > (shared[i] as number)) {
      nextLower[waiting[--top] as number] = i;
    }
    waiting[top++] = i;
  }
}
