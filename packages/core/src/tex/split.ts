/**
 * TeX in titles and abstracts, as readers should see it. arXiv keeps authors' TeX (`$\nabla^2$DFT`,
 * `LLM$\times$MapReduce`, `Prefill \& Decode`), and one paper in a hundred carries some. `splitTex` cuts a
 * text into pieces: text as it is, TeX turned into Unicode (², ×, α, ∇, é), and math Unicode cannot show
 * faithfully (`\frac`, `\sqrt`, unknown commands), which keeps its TeX for a MathML renderer and a Unicode
 * approximation for everything else. `texToUnicode` is the plain-text form, for terminals, feeds and Markdown.
 *
 * Every piece remembers where it came from, so search highlights (offsets into the original text) land on
 * the right characters. The scan is linear: each closing delimiter is looked up once, not once per opener.
 */

import { bareSuperscript, convertMath, convertTextCommand, MAX_MATH_LENGTH } from './math.js';

export interface TexPiece {
  /** What to show: the source text, or the Unicode form of its TeX (an approximation when `math` is set). */
  text: string;
  /** Where the piece is in the original text, `[start, end)`. */
  start: number;
  end: number;
  /**
   * `text`: the original characters, so highlight offsets apply inside the piece. `command`: a text-mode
   * command (`\&`, `\textbf{…}`, `\"o`) and `math`: a math span with its delimiters, both valid TeX as
   * written. `script`: a bare superscript (`A^2FM`), which is not.
   */
  kind: 'text' | 'command' | 'math' | 'script';
  /** Math Unicode can only approximate: the TeX between its delimiters, for a MathML renderer. */
  math?: string;
}
function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

/** Where each kind of math span closes, found once and reused while the scan has not passed it. */
class Closers {
  #next = new Map<string, number>();
  constructor(readonly text: string) {}
  after(closer: string, from: number): number {
    const known = this.#next.get(closer);
    if (known !== undefined && (known >= from || known === -1)) return known;
    const found = this.text.indexOf(closer, from);
    this.#next.set(closer, found);
    return found;
  }
}

/** Whether `text` holds anything `splitTex` would change. */
export function hasTex(text: string): boolean {
  const pieces = splitTex(text);
  return pieces.length !== 1 || pieces[0]?.kind !== 'text';
}

/**
 * `text` cut into plain text, Unicode-converted TeX and math. Math is `$…$` (Pandoc's rule: no space inside
 * either dollar, no digit right after the closing one, so "$5 and $10" stays text), `$$…$$`, `\(…\)` and
 * `\[…\]`. Outside math only known commands change (`\&`, `\$`, `\times`, `\textbf{…}`, accents).
 */
export function splitTex(text: string): TexPiece[] {
  if (!text.includes('\\') && !text.includes('$') && !text.includes('^'))
    return [{ text, start: 0, end: text.length, kind: 'text' }];
  const pieces: TexPiece[] = [];
  const closers = new Closers(text);
  let plainFrom = 0;
  let at = 0;
  while (at < text.length) {
    const found = pieceAt(text, at, closers);
    if (found === undefined) at++;
    else if ('skip' in found) at = found.skip;
    else {
      if (found.start > plainFrom)
        pieces.push({ text: text.slice(plainFrom, found.start), start: plainFrom, end: found.start, kind: 'text' });
      pieces.push(found);
      at = plainFrom = found.end;
    }
  }
  if (plainFrom < text.length)
    pieces.push({ text: text.slice(plainFrom), start: plainFrom, end: text.length, kind: 'text' });
  return pieces;
}

/** The TeX piece that starts at `at`; `skip` past dollars that open no math; `undefined` for plain text. */
function pieceAt(text: string, at: number, closers: Closers): TexPiece | { skip: number } | undefined {
  const char = text[at];
  if (char === '$') return dollarMath(text, at, closers);
  if (char === '^' && at > 0 && !isSpace(text[at - 1])) {
    const script = bareSuperscript(text, at);
    return script && { text: script.text, start: at, end: script.end, kind: 'script' };
  }
  if (char !== '\\') return undefined;
  const next = text[at + 1];
  if (next === '(' || next === '[') {
    const close = closers.after(next === '(' ? '\\)' : '\\]', at + 2);
    if (close === -1 || close - at - 2 > MAX_MATH_LENGTH || close <= at + 2) return undefined;
    return mathPiece(text.slice(at + 2, close), at, close + 2);
  }
  const command = convertTextCommand(text, at);
  return command && { text: command.text, start: at, end: command.end, kind: 'command' };
}

/** `$…$` or `$$…$$` as math, or the dollars to skip when they open none. */
function dollarMath(text: string, at: number, closers: Closers): TexPiece | { skip: number } {
  const display = text[at + 1] === '$';
  const open = display ? 2 : 1;
  const close = display ? closers.after('$$', at + 2) : closers.after('$', at + 1);
  const body = close === -1 ? '' : text.slice(at + open, close);
  const fits = close !== -1 && body.length > 0 && body.length <= MAX_MATH_LENGTH;
  const inline = !isSpace(text[at + 1]) && !isSpace(text[close - 1]) && !/[0-9]/.test(text[close + 1] ?? '');
  return fits && (display || inline) ? mathPiece(body, at, close + open) : { skip: at + open };
}

function mathPiece(body: string, start: number, end: number): TexPiece {
  const converted = convertMath(body);
  const piece: TexPiece = { text: converted.text, start, end, kind: 'math' };
  if (!converted.exact) piece.math = body;
  return piece;
}

/** `text` with its TeX as Unicode: `$\nabla^2$DFT` → `∇²DFT`, `Prefill \& Decode` → `Prefill & Decode`. */
export function texToUnicode(text: string): string {
  const pieces = splitTex(text);
  return pieces.length === 1 && pieces[0]?.kind === 'text' ? text : pieces.map((piece) => piece.text).join('');
}
