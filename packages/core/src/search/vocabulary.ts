/**
 * The vocabulary: every distinct token of the indexed papers (`term-table.ts`), its postings (which
 * documents have it, in which fields: `postings.ts`), and the ways a query word reaches terms — exactly, as a
 * prefix of a word being typed, with a short suffix (`model` → `models`), or within one or two typos.
 */
import { PendingPostings, PostingStore } from './postings.js';
import { TextScanner } from './scan.js';
import { type SortedTerms, sortTerms } from './sorted-terms.js';
import { TermTable } from './term-table.js';
import { STOP_WORDS } from './text.js';
import { allowedTypos, TypoWalk } from './typos.js';

/** A term a query word may mean, and how much a match on it counts. */
export interface Expansion {
  term: number;
  weight: number;
  /** How the word reached the term. */
  kind: 'exact' | 'prefix' | 'typo';
  /** For prefix matches: how many characters of the term the query covers (for highlighting). */
  prefix?: number;
}

/** A vocabulary term within a few typos of a word, and how many. */
interface TypoCandidate {
  term: number;
  distance: number;
}

/** How many vocabulary terms one query word may expand to (most frequent first): bounds work per keystroke. */
const MAX_PREFIX_EXPANSIONS = 40;
/** Words already finished (a space typed after them) still match their plural and other short suffixes. */
const MAX_SUFFIX_EXPANSIONS = 6;
const MAX_SUFFIX_LENGTH = 3;
const MAX_FUZZY_EXPANSIONS = 12;
/** A slip in the word being typed: the nearest spellings whose completions are read, and how many of each. */
const SLIP_CANDIDATES = 4;
const SLIP_COMPLETIONS = 4;
const MAX_ONE_SLIP_EXPANSIONS = 64;
const PREFIX_WEIGHT = 0.75;
const TYPO_WEIGHT = [1, 0.55, 0.35];
/**
 * When the word typed is itself a word of the papers, a near-spelling of it is probably another word
 * (`audino` the author, `audio` the topic): its matches count this much less, so the exact word wins.
 */
const NEAR_SPELLING_OF_A_REAL_WORD = 0.4;
/** How much of a completion `typed` covers, as a weight: a longer completion is a weaker guess of what is typed. */
const coverage = (typed: string, term: string): number => 0.5 + 0.5 * (typed.length / term.length);
/** Query words whose expansions are remembered: typing re-expands every earlier word at each keystroke. */
const EXPANSION_CACHE_SIZE = 512;

export class Vocabulary {
  readonly #table: TermTable;
  readonly terms: string[];
  readonly postings: PostingStore;
  readonly #pending = new PendingPostings();
  readonly #fuzzy: boolean;
  /** The terms in code-unit order: for prefixes (a binary search) and typos (a walk). */
  #sorted: SortedTerms | undefined;
  readonly #typoWalk = new TypoWalk();
  readonly #expansionCache = new Map<string, Expansion[]>();
  /**
   * Typo candidates per word, kept apart from its expansions: the word being typed and the same word
   * finished (a space later) expand differently but have the same near-spellings, and a walk for two typos
   * is the slowest part of a keystroke the first time.
   */
  readonly #typoCache = new Map<string, TypoCandidate[]>();
  readonly #scanner: TextScanner;

  /**
   * A loaded index brings its terms and postings (`SavedTerms`, `SavedPostings`), and its terms laid out in
   * order when they were saved so; a build starts empty.
   */
  constructor(fuzzy: boolean, postings = new PostingStore(), table = new TermTable(), sorted?: SortedTerms) {
    this.#fuzzy = fuzzy;
    this.postings = postings;
    this.#table = table;
    this.#sorted = sorted;
    this.terms = table.terms;
    this.#pending.reserve(this.terms.length);
    this.#scanner = new TextScanner(table, this.#pending);
  }

  /** Forget cached lookups after terms or postings changed (and put pending postings in their lists). */
  changed(): void {
    this.#pending.finish(this.postings, this.terms.length);
    // Sorted now, as part of building, so that the first keystroke does not pay for it.
    this.#sorted = undefined;
    this.#sortedTerms();
    this.#expansionCache.clear();
    this.#typoCache.clear();
  }

  /** Write the postings of the document `doc` (after every field was seen). */
  flush(doc: number): void {
    this.#pending.flush(doc, this.terms.length);
  }

  /**
   * Tokenise a text and record each of its tokens as seen in `doc`'s field `bit` (`TextScanner`); returns
   * how many tokens it has.
   */
  scan(text: string, doc: number, bit: number): number {
    return this.#scanner.scan(text, doc, bit);
  }

  /** The id of a term, if the papers have it. */
  idOf(term: string): number | undefined {
    const id = this.#table.idOf(term);
    return id === -1 ? undefined : id;
  }

  /**
   * The table a phrase reader looks tokens up in to remember a paper's term ids (`PhraseRuns`), or undefined
   * while a loaded index's terms are not hashed: hashing 40,000 terms or more would fall on a reader's first
   * keystroke, which the load spared it.
   */
  tokenTable(): TermTable | undefined {
    return this.#table.hashed ? this.#table : undefined;
  }

  /** Term ids in the terms' code-unit order. */
  sortedIds(): Int32Array {
    return this.#sortedTerms().ids;
  }

  #sortedTerms(): SortedTerms {
    this.#sorted ??= sortTerms(this.terms);
    return this.#sorted;
  }

  /** How many documents have the term. */
  documentCount(term: number): number {
    return this.postings.count(term);
  }

  /**
   * The vocabulary terms a query word may mean, with how much each counts (cached per word). `typing`: the
   * word is the one being typed, so any completion may be meant.
   */
  expand(word: string, typing: boolean): Expansion[] {
    const cacheKey = typing ? `${word}\u0000` : word;
    const cached = this.#expansionCache.get(cacheKey);
    if (cached) return cached;
    const expansions = new Map<number, Expansion>();
    const exact = this.idOf(word);
    if (exact !== undefined) expansions.set(exact, { term: exact, weight: 1, kind: 'exact' });

    // Prefix matches: the word being typed may become anything; a finished word only gains a short suffix.
    // One or two typed characters say little: expand them to the few most frequent completions only.
    const cap = !typing
      ? MAX_SUFFIX_EXPANSIONS
      : word.length === 1
        ? 8
        : word.length === 2
          ? 16
          : MAX_PREFIX_EXPANSIONS;
    const maxLength = typing ? Number.POSITIVE_INFINITY : word.length + MAX_SUFFIX_LENGTH;
    const terms = this.terms;
    const completions = this.#mostFrequentCompletions(word, exact, maxLength, cap);
    for (const id of completions) {
      expansions.set(id, {
        term: id,
        weight: PREFIX_WEIGHT * coverage(word, terms[id] as string),
        kind: 'prefix',
        prefix: word.length,
      });
    }

    const typos = this.#fuzzy ? allowedTypos(word.length) : 0;
    if (typos > 0) {
      const damping = exact === undefined ? 1 : NEAR_SPELLING_OF_A_REAL_WORD;
      const candidates = this.#typoCandidates(word, typos);
      for (const { term, distance } of candidates) {
        if (!expansions.has(term)) {
          expansions.set(term, { term, weight: (TYPO_WEIGHT[distance] as number) * damping, kind: 'typo' });
        }
      }
      // Letters no term starts with, being typed: a slip. What the nearest spellings go on to be is meant
      // too (`diffusion modle` for `models`, not only `model`).
      if (typing && exact === undefined && completions.length === 0)
        this.#slipCompletions(word, candidates, expansions);
    }
    const result = [...expansions.values()];
    if (this.#expansionCache.size >= EXPANSION_CACHE_SIZE) this.#expansionCache.clear();
    this.#expansionCache.set(cacheKey, result);
    return result;
  }

  /**
   * The most frequent completions of the nearest spellings of a word being typed that no term starts with,
   * weighted as typos and as prefixes both, into `expansions`.
   */
  #slipCompletions(word: string, candidates: TypoCandidate[], expansions: Map<number, Expansion>): void {
    for (const { term, distance } of candidates.slice(0, SLIP_CANDIDATES)) {
      if (distance > 1) return;
      const near = this.terms[term] as string;
      for (const id of this.#mostFrequentCompletions(near, term, Number.POSITIVE_INFINITY, SLIP_COMPLETIONS)) {
        if (expansions.has(id)) continue;
        const weight = (TYPO_WEIGHT[1] as number) * PREFIX_WEIGHT * coverage(near, this.terms[id] as string);
        expansions.set(id, { term: id, weight, kind: 'prefix', prefix: word.length });
      }
    }
  }

  /**
   * The `cap` most frequent terms that start with `word` (not `exact`, at most `maxLength` long), most
   * frequent first and in sorted order among equals. The completions are a range of the sorted terms, found
   * by binary search; only the best `cap` are kept while reading it, so a one-letter prefix with thousands
   * of completions sorts nothing.
   */
  #mostFrequentCompletions(word: string, exact: number | undefined, maxLength: number, cap: number): number[] {
    const { ids, starts, shared } = this.#sortedTerms();
    const terms = this.terms;
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((terms[ids[mid] as number] as string) < word) low = mid + 1;
      else high = mid;
    }
    const best: number[] = [];
    const counts: number[] = [];
    if (low === ids.length || !(terms[ids[low] as number] as string).startsWith(word)) return best;
    // The first completion starts with the word; the ones after it do while they share as many characters.
    for (let i = low; i < ids.length && (i === low || (shared[i] as number) >= Math.min(word.length, 255)); i++) {
      const id = ids[i] as number;
      const length = (starts[i + 1] as number) - (starts[i] as number);
      if (id === exact || length > maxLength) continue;
      const count = this.documentCount(id);
      if (best.length === cap && count <= (counts[cap - 1] as number)) continue;
      // A stop word is never what a prefix is typed to find (`o` is not `of`), and the most frequent terms
      // of all would take every place: at 100,000 papers they were most of the slowest keystrokes' work.
      if (STOP_WORDS.has(terms[id] as string)) continue;
      // Insert after every term at least as frequent (a stable order), dropping the last when full.
      let at = best.length;
      while (at > 0 && (counts[at - 1] as number) < count) at--;
      best.splice(at, 0, id);
      counts.splice(at, 0, count);
      if (best.length > cap) {
        best.pop();
        counts.pop();
      }
    }
    return best;
  }

  /**
   * Terms within `max` edits of `word`, nearest first and the more frequent first among equals. Every term
   * one slip away stays a candidate (a short word can have dozens of neighbours, and the rare one meant must
   * not fall off the end); terms two slips away fill up to the usual cap.
   */
  #typoCandidates(word: string, max: number): TypoCandidate[] {
    const cached = this.#typoCache.get(word);
    if (cached) return cached;
    const found: (TypoCandidate & { frequency: number })[] = [];
    const walk = this.#typoWalk;
    const count = walk.walk(word, max, this.#sortedTerms());
    for (let k = 0; k < count; k++) {
      const term = walk.found[k] as number;
      const distance = walk.distances[k] as number;
      if (distance > 0) found.push({ term, distance, frequency: this.documentCount(term) });
    }
    found.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency);
    let oneSlip = 0;
    while (oneSlip < found.length && (found[oneSlip] as { distance: number }).distance === 1) oneSlip++;
    const kept = found.slice(0, Math.max(MAX_FUZZY_EXPANSIONS, Math.min(oneSlip, MAX_ONE_SLIP_EXPANSIONS)));
    if (this.#typoCache.size >= EXPANSION_CACHE_SIZE) this.#typoCache.clear();
    this.#typoCache.set(word, kept);
    return kept;
  }
}
