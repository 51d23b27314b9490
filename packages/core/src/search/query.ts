/**
 * The query language, small enough to type without reading a manual:
 *
 *   diffusion video           words, in any order; the last one may be unfinished; typos forgiven
 *   "chain of thought"        a phrase: these words next to each other, in this order
 *   -survey                   leave out papers with this word
 *   title:agent               only in this field: title:, author:, abstract:, keyword:, summary:
 *   author:"yann lecun"       fields take phrases too; -title:survey leaves out by field
 *
 * Anything else is plain words: an unknown prefix (`foo:bar`) is two words, a lone `-` or `"` is nothing.
 */
import { isAsciiLetterOrDigit, STOP_WORDS, tokenSpans } from './text.js';

/** The fields a query can name (`author:` and `authors:` are the same). */
export type QueryField = 'title' | 'authors' | 'abstract' | 'keywords' | 'summary';

const FIELD_NAMES = new Map<string, QueryField>([
  ['title', 'title'],
  ['author', 'authors'],
  ['authors', 'authors'],
  ['abstract', 'abstract'],
  ['keyword', 'keywords'],
  ['keywords', 'keywords'],
  ['summary', 'summary'],
]);

/** One part of a query: a word, or a quoted phrase, maybe limited to a field or excluded. */
export interface QueryClause {
  /** Folded words (`Jégou` → `jegou`; `pre-train` → `pretrain`). A phrase keeps its stop words here. */
  words: string[];
  /** Quoted: the words must stand next to each other, in order (stop words between them do not count). */
  phrase: boolean;
  /** `-word`: papers with it are left out. */
  exclude: boolean;
  field?: QueryField;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** The last word is still being typed (the query ends in a letter or digit, or inside an open quote). */
  typingLast: boolean;
  /**
   * The query was longer than `MAX_QUERY_LENGTH` characters or `MAX_QUERY_CLAUSES` clauses, and only its
   * beginning was read.
   */
  truncated: boolean;
}

/**
 * How much of a query is read. A search box gets pasted URLs and paragraphs; past a long title's worth of
 * words more words only slow the answer (at most 31 words are scored), so the rest is not read at all.
 */
export const MAX_QUERY_LENGTH = 1_000;
export const MAX_QUERY_CLAUSES = 64;

/**
 * Read a query as the search box gives it. Never throws: every string is a query.
 *
 * @example
 * parseSearchQuery('"diffusion policy" -survey author:chi').clauses
 * // [{ words: ['diffusion', 'policy'], phrase: true, exclude: false },
 * //  { words: ['survey'], phrase: false, exclude: true },
 * //  { words: ['chi'], phrase: false, exclude: false, field: 'authors' }]
 */
export function parseSearchQuery(text: string): ParsedQuery {
  let query = text;
  let truncated = false;
  if (query.length > MAX_QUERY_LENGTH) {
    // Never cut between the two halves of a surrogate pair.
    const high = query.charCodeAt(MAX_QUERY_LENGTH - 1);
    query = query.slice(0, high >= 0xd800 && high <= 0xdbff ? MAX_QUERY_LENGTH - 1 : MAX_QUERY_LENGTH);
    truncated = true;
  }
  const clauses: QueryClause[] = [];
  let i = 0;
  let openQuote = false;
  const length = query.length;
  while (i < length) {
    if (clauses.length >= MAX_QUERY_CLAUSES) {
      truncated = true;
      clauses.length = MAX_QUERY_CLAUSES;
      break;
    }
    while (i < length && /\s/.test(query[i] as string)) i++;
    if (i >= length) break;
    let exclude = false;
    let field: QueryField | undefined;
    if (query[i] === '-' && startsWordOrQuote(query, i + 1)) {
      exclude = true;
      i++;
    }
    // Not case-insensitive under `u`, which would make the regex a millisecond to compile (see below).
    const prefix = /^([a-z]+):/i.exec(query.slice(i, i + 10));
    const named = prefix ? FIELD_NAMES.get((prefix[1] as string).toLowerCase()) : undefined;
    if (prefix && named && startsWordOrQuote(query, i + prefix[0].length)) {
      field = named;
      i += prefix[0].length;
    }
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      const end = close === -1 ? length : close;
      if (close === -1) openQuote = true;
      const words = phraseWords(query.slice(i + 1, end));
      if (words.length > 0) clauses.push(clause(words, words.length > 1, exclude, field));
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < length && !/\s/.test(query[end] as string) && query[end] !== '"') end++;
    for (const words of itemWords(query.slice(i, end))) clauses.push(clause(words, false, exclude, field));
    i = end;
  }
  const typingLast = openQuote || endsInWord(query);
  return { clauses, typingLast, truncated };
}

/*
 * Characters are classed by code for ASCII and by a Unicode regex only past it: a regex with `\p{…}` costs
 * about a millisecond to compile the first time it runs, and a reader's first keystroke paid for three.
 */
const QUOTE = 34;
const NON_ASCII_WORD_START = /^[\p{L}\p{N}]/u;
const NON_ASCII_WORD_END = /[\p{L}\p{N}\p{M}]$/u;

/** Does a letter, a digit or a quote start at `at`? (What may follow `-` or `field:`.) */
function startsWordOrQuote(query: string, at: number): boolean {
  if (at >= query.length) return false;
  const code = query.charCodeAt(at);
  if (code < 128) return code === QUOTE || isAsciiLetterOrDigit(code);
  return NON_ASCII_WORD_START.test(query.slice(at, at + 2));
}

/** Does the query end in a letter, a digit or a combining mark (a word still being typed)? */
function endsInWord(query: string): boolean {
  const code = query.charCodeAt(query.length - 1);
  if (code < 128) return isAsciiLetterOrDigit(code);
  return NON_ASCII_WORD_END.test(query.slice(-2));
}

function clause(words: string[], phrase: boolean, exclude: boolean, field: QueryField | undefined): QueryClause {
  return field === undefined ? { words, phrase, exclude } : { words, phrase, exclude, field };
}

/** A quoted phrase's words in order (no joined forms: a phrase is matched word by word). */
function phraseWords(text: string): string[] {
  return tokenSpans(text)
    .filter((span) => !span.joined)
    .map((span) => span.token);
}

/**
 * An unquoted item's words: one per token, except that a hyphenated word counts as its joined form
 * (`pre-train` → `pretrain`, which the index holds for every hyphenated word, and for `pretrain` written
 * whole).
 */
function itemWords(item: string): string[][] {
  const spans = tokenSpans(item);
  // Where each joined hyphen chain starts: its form follows the chain's last part, and it stands for them.
  const joinedAt = new Map<number, number>();
  spans.forEach((span, at) => {
    if (span.joined) joinedAt.set(span.start, at);
  });
  const out: string[][] = [];
  for (let at = 0; at < spans.length; at++) {
    const span = spans[at] as TokenSpanLike;
    if (span.joined) continue;
    const joined = joinedAt.get(span.start);
    if (joined !== undefined && joined > at) {
      out.push([(spans[joined] as TokenSpanLike).token]);
      at = joined;
      continue;
    }
    out.push([span.token]);
  }
  return out;
}

type TokenSpanLike = ReturnType<typeof tokenSpans>[number];

/** The words of a parsed query that are scored (stop words dropped when other words remain). */
export function scoredClauses(parsed: ParsedQuery): QueryClause[] {
  const positive = parsed.clauses.filter((item) => !item.exclude);
  const last = positive[positive.length - 1];
  const meaningful = positive
    .map((item) => {
      if (item.phrase) return item;
      const keep = item.words.filter(
        (word) =>
          !STOP_WORDS.has(word) || (parsed.typingLast && item === last && word === item.words[item.words.length - 1]),
      );
      return keep.length === item.words.length ? item : { ...item, words: keep };
    })
    .filter((item) => item.words.length > 0);
  return meaningful.length > 0 ? meaningful : positive;
}
