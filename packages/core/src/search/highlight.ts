/**
 * Highlight ranges for a hit, computed when first read: a widget asks for every hit (to count and page them)
 * but shows twenty, and a one-letter query matches nearly every paper.
 */
import type { Paper } from '../model.js';
import type { QueryWord } from './query-words.js';
import { FIELDS, type SearchField } from './scoring.js';
import { foldToken, isAscii, MAX_JOINED_LENGTH, tokenSpans } from './text.js';
import type { Expansion } from './vocabulary.js';

/** Character ranges `[start, end)` in the original, un-normalised text of one field value. */
export interface SearchMatch {
  field: SearchField;
  /** For `authors` and `keywords`: which entry of the list matched. */
  index?: number;
  /** The text the ranges refer to (the author's name, the title, …). */
  value: string;
  ranges: [start: number, end: number][];
}

export interface SearchHit {
  paper: Paper;
  /** Higher is better; comparable only within one query's results. */
  score: number;
  matches: SearchMatch[];
}

/** The searchable values of one field of a paper. */
export function fieldValues(paper: Paper, field: SearchField): readonly string[] {
  switch (field) {
    case 'title':
      return [paper.title];
    case 'abstract':
      return paper.abstract ? [paper.abstract] : [];
    case 'summary':
      return paper.aiSummary ? [paper.aiSummary] : [];
    case 'keywords':
      return paper.keywords ?? [];
    case 'authors':
      return paper.authors?.map((author) => author.name) ?? [];
  }
}

/** `terms`: term → how many leading characters to highlight (Infinity: the whole token). */
export function lazyHit(paper: Paper, score: number, terms: Map<string, number>): SearchHit {
  const hit = { paper, score } as SearchHit;
  Object.defineProperty(hit, 'matches', MATCHES_WHEN_READ);
  HitHighlights.attach(hit, terms);
  return hit;
}

/**
 * A hit's `matches`, one getter shared by every hit. An object literal with a getter of its own
 * (`get matches() {…}`, a closure per hit) gave each hit a hidden class of its own, and those outlived the
 * keystroke: most of what each scavenge copied and promoted while typing (~5 ms pauses). The hits stay plain
 * objects with an own, enumerable `matches`, as spreading, `JSON.stringify` and React's server-to-client
 * props expect.
 */
const MATCHES_WHEN_READ: PropertyDescriptor = {
  get(this: SearchHit): SearchMatch[] {
    return HitHighlights.of(this);
  },
  enumerable: true,
  configurable: true,
};

/** A base class whose constructor returns the object it is given, so that a subclass can add fields to it. */
class OnObject {
  constructor(object: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the object given is the instance, on purpose
    return object;
  }
}

/**
 * What a hit's highlights are computed from, kept on the hit as private fields: no key, enumerable or not,
 * that `Object.keys`, spreading or React's plain-object check could see, and no WeakMap (its table, 20
 * entries a keystroke, was a third of what each scavenge copied).
 */
class HitHighlights extends OnObject {
  readonly #terms: Map<string, number>;
  #matches: SearchMatch[] | undefined;
  private constructor(hit: SearchHit, terms: Map<string, number>) {
    super(hit);
    this.#terms = terms;
  }
  static attach(hit: SearchHit, terms: Map<string, number>): void {
    new HitHighlights(hit, terms);
  }
  /** The hit's matches, computed when first read. */
  static of(hit: SearchHit): SearchMatch[] {
    if (!(#terms in hit)) return [];
    const state = hit as unknown as HitHighlights;
    state.#matches ??= highlight(hit.paper, state.#terms);
    return state.#matches;
  }
}

/**
 * What a hit's text is checked against: the terms, and which first characters and lengths they have, so that
 * most tokens of an abstract are passed over without becoming strings. Made once per query (hits share it).
 */
export interface TermFilter {
  terms: Map<string, number>;
  /** Per ASCII code: does some term start with it? */
  firstCodes: Uint8Array;
  longest: number;
}

const filters = new WeakMap<Map<string, number>, TermFilter>();

export function filterOf(terms: Map<string, number>): TermFilter {
  let filter = filters.get(terms);
  if (filter === undefined) {
    const firstCodes = new Uint8Array(128);
    let longest = 0;
    for (const term of terms.keys()) {
      const code = term.charCodeAt(0);
      if (code < 128) firstCodes[code] = 1;
      longest = Math.max(longest, term.length);
    }
    filter = { terms, firstCodes, longest };
    filters.set(terms, filter);
  }
  return filter;
}

function highlight(paper: Paper, terms: Map<string, number>): SearchMatch[] {
  const filter = filterOf(terms);
  const matches: SearchMatch[] = [];
  for (const field of FIELDS) {
    fieldValues(paper, field).forEach((value, index) => {
      const ranges = isAscii(value) ? asciiRanges(value, filter) : unicodeRanges(value, terms);
      if (ranges.length === 0) return;
      // A joined hyphen chain (`Pre-Train`) covers its parts' ranges: one range per stretch of text.
      ranges.sort((a, b) => a[0] - b[0]);
      const merged: [number, number][] = [];
      for (const range of ranges) {
        const previous = merged[merged.length - 1];
        if (previous && range[0] < previous[1]) previous[1] = Math.max(previous[1], range[1]);
        else merged.push(range);
      }
      const match: SearchMatch = { field, value, ranges: merged };
      if (field === 'authors' || field === 'keywords') match.index = index;
      matches.push(match);
    });
  }
  return matches;
}

/** The ranges of any text, through the tokenizer the index uses. */
export function unicodeRanges(value: string, terms: Map<string, number>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const { token, start, end } of tokenSpans(value)) {
    const length = terms.get(token);
    if (length === undefined) continue;
    // A prefix match highlights what was typed, when folding kept the length (it does for Latin text).
    const folded = foldToken(value.slice(start, end));
    const cut = Number.isFinite(length) && folded.length === end - start ? Math.min(end, start + length) : end;
    ranges.push([start, cut]);
  }
  return ranges;
}

const isTokenCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/**
 * The same ranges as `unicodeRanges` for ASCII text (nearly every abstract), read code by code: a token
 * becomes a string only when a term starts with its first character and is at least as long, and the text
 * is not split into token objects. Hyphen chains are joined as the tokenizer joins them.
 */
export function asciiRanges(value: string, filter: TermFilter): [number, number][] {
  const { terms, firstCodes, longest } = filter;
  const text = value.toLowerCase();
  const ranges: [number, number][] = [];
  const check = (token: string, start: number, end: number): void => {
    const length = terms.get(token);
    if (length !== undefined) ranges.push([start, Number.isFinite(length) ? Math.min(end, start + length) : end]);
  };
  let start = -1;
  // The current hyphen chain: where it starts, where its last part ends, and how many parts it has.
  let chainStart = -1;
  let chainEnd = -1;
  let parts = 0;
  const endChain = (): void => {
    if (parts >= 2 && firstCodes[text.charCodeAt(chainStart)] === 1) {
      const joined = text.slice(chainStart, chainEnd).replaceAll('-', '');
      if (joined.length <= MAX_JOINED_LENGTH && joined.length <= longest) check(joined, chainStart, chainEnd);
    }
    parts = 0;
  };
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (isTokenCode(code)) {
      if (start === -1) start = i;
      continue;
    }
    if (start === -1) continue;
    if (firstCodes[text.charCodeAt(start)] === 1 && i - start <= longest) check(text.slice(start, i), start, i);
    if (parts > 0 && chainEnd + 1 === start && text.charCodeAt(chainEnd) === 45) parts++;
    else {
      endChain();
      chainStart = start;
      parts = 1;
    }
    chainEnd = i;
    start = -1;
  }
  endChain();
  return ranges;
}

/**
 * What to highlight for a query: each term its words expanded to, with how many leading characters to mark
 * (`Infinity`: the whole token), and each word itself.
 */
export function highlightTermsOf(
  expansionsByWord: Expansion[][],
  words: QueryWord[],
  terms: readonly string[],
): Map<string, number> {
  const out = new Map<string, number>();
  expansionsByWord.forEach((expansions, index) => {
    for (const { term, prefix } of expansions) {
      const text = terms[term] as string;
      const length = prefix ?? Number.POSITIVE_INFINITY;
      out.set(text, Math.max(out.get(text) ?? 0, length));
    }
    const word = (words[index] as QueryWord).word;
    if (!out.has(word)) out.set(word, Number.POSITIVE_INFINITY);
  });
  return out;
}
