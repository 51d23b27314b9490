/**
 * Text → tokens: folding (accents, case, compatibility forms) and splitting, the same for papers and queries.
 * Hyphenated words are indexed both ways: `Pre-Train` gives `pre`, `train` and the joined `pretrain`, so
 * `pretrain`, `pre-train` and `pre train` all find it.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is the point
const ASCII = /^[\x00-\x7f]*$/;
// Letters and digits, with the combining marks that follow them (`e\u0301` stays one token).
const UNICODE_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const MARKS = /\p{M}+/gu;

/** Joined hyphen chains longer than this are not indexed (no real compound is; a run of `a-a-a…` is not one). */
export const MAX_JOINED_LENGTH = 40;

export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

/** Fold one token for matching: compatibility-decomposed, accents removed, lower case (`Jégou` → `jegou`). */
export function foldToken(token: string): string {
  if (ASCII.test(token)) return token.toLowerCase();
  return token.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** A token and where it is in the original text. `joined`: a hyphen chain's parts, joined (`pretrain`). */
export interface TokenSpan {
  token: string;
  start: number;
  end: number;
  joined?: boolean;
}

const isHyphen = (char: string | undefined): boolean => char === '-' || char === '\u2010' || char === '\u2011';

/**
 * The folded tokens of a text with their ranges in the original, each hyphen chain's joined form after its
 * last part. Folding can split a token (`ﬁ` → `fi` stays one; `½` → `1`, `2`): the pieces share its range.
 */
export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  let chain: TokenSpan[] = [];
  const endChain = (): void => {
    if (chain.length >= 2) {
      const token = chain.map((part) => part.token).join('');
      if (token.length <= MAX_JOINED_LENGTH) {
        out.push({
          token,
          start: (chain[0] as TokenSpan).start,
          end: (chain[chain.length - 1] as TokenSpan).end,
          joined: true,
        });
      }
    }
    chain = [];
  };
  // A token at [start, end) folded into `pieces` (one, unless folding split it): it extends the hyphen chain
  // when a hyphen joins it to the token before, and otherwise ends it.
  const take = (start: number, end: number, pieces: string[]): void => {
    const previous = chain[chain.length - 1];
    if (previous && !(previous.end + 1 === start && isHyphen(text[previous.end]))) endChain();
    for (const token of pieces) out.push({ token, start, end });
    if (pieces.length === 1) chain.push({ token: pieces[0] as string, start, end });
    else endChain();
  };
  if (ASCII.test(text)) {
    // Letters and digits, read by code: a query is usually ASCII, and the Unicode regex below costs its
    // first search a millisecond to compile when no paper needed it.
    const source = text.toLowerCase();
    for (let at = 0; at < source.length; at++) {
      if (!isAsciiLetterOrDigit(source.charCodeAt(at))) continue;
      let end = at + 1;
      while (end < source.length && isAsciiLetterOrDigit(source.charCodeAt(end))) end++;
      take(at, end, [source.slice(at, end)]);
      at = end;
    }
  } else {
    for (const match of text.matchAll(UNICODE_TOKEN)) {
      take(match.index, match.index + match[0].length, foldToken(match[0]).match(UNICODE_TOKEN) ?? []);
    }
  }
  endChain();
  return out;
}

/** `[a-zA-Z0-9]`: what the Unicode token pattern matches within ASCII. */
export function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** The folded tokens of a text, hyphen chains joined too. */
export function tokens(text: string): string[] {
  return tokenSpans(text).map((span) => span.token);
}

/** The folded tokens of a text in order, without joined forms: what phrases are matched against. */
export function plainTokens(text: string): string[] {
  return tokenSpans(text)
    .filter((span) => !span.joined)
    .map((span) => span.token);
}

/**
 * Words too common to tell papers apart. They are skipped when a query has other words (they would only
 * cost time: each is in nearly every abstract), still searched when typed alone or as the last prefix, and
 * transparent inside phrases (`gains in the overall` matches `gains overall`).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by can do for from has have how in into is it its of on or our that the their this to via vs was we what when which with without'.split(
    ' ',
  ),
);

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * A term's hash keeps FNV's low 30 bits, so V8 can hold it as a small integer wherever it is passed to a call
 * that is not inlined (a full 32-bit hash may need a heap number there). Measured alone it did not change a
 * build's garbage; it costs one AND.
 */
export const HASH_MASK = 0x3fffffff;

/** FNV-1a over UTF-16 code units, the hash the index's ASCII scanner computes while it reads. */
export function hashOf(term: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), FNV_PRIME);
  return hash & HASH_MASK;
}
