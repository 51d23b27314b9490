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

/** Longest math span read as math; an unmatched `$` further away is a dollar sign. */
const MAX_MATH_LENGTH = 400;

const GREEK =
  'alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ iota ι kappa κ lambda λ mu μ nu ν xi ξ pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω';
const SYMBOLS =
  'times × cdot · pm ± mp ∓ div ÷ ast ∗ star ⋆ circ ∘ bullet • oplus ⊕ otimes ⊗ leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃ equiv ≡ propto ∝ ll ≪ gg ≫ infty ∞ nabla ∇ partial ∂ sum ∑ prod ∏ int ∫ in ∈ notin ∉ ni ∋ subset ⊂ subseteq ⊆ supset ⊃ cup ∪ cap ∩ emptyset ∅ varnothing ∅ forall ∀ exists ∃ neg ¬ lnot ¬ land ∧ wedge ∧ lor ∨ vee ∨ to → rightarrow → leftarrow ← gets ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐ Leftrightarrow ⇔ mapsto ↦ uparrow ↑ downarrow ↓ implies ⟹ iff ⟺ ldots … dots … cdots ⋯ vdots ⋮ prime ′ dagger † ddagger ‡ ell ℓ hbar ℏ Re ℜ Im ℑ aleph ℵ mid ∣ parallel ∥ perp ⊥ angle ∠ triangle △ checkmark ✓ langle ⟨ rangle ⟩ lceil ⌈ rceil ⌉ lfloor ⌊ rfloor ⌋ top ⊤ bot ⊥ vert | Vert ‖ | ‖ colon : textbackslash \\ textasciitilde ~ textasciicircum ^ textbar | textendash – textemdash — dag † S § P ¶ copyright © textregistered ® texttrademark ™ euro € pounds £ degree ° ss ß o ø O Ø ae æ AE Æ oe œ OE Œ aa å AA Å l ł L Ł i ı';
/** Commands that print their argument as it is (the font does not change what the text says). */
const AS_IS =
  'text textrm textbf textit textsf texttt textsc textnormal textup emph mathrm mathbf mathit mathsf mathtt mathnormal boldsymbol bm operatorname mbox hbox underline';
/** Operator names TeX sets upright with space around them. */
const OPERATORS = 'log ln exp max min sup inf lim sin cos tan arg det dim ker deg gcd Pr argmax argmin softmax'.split(
  ' ',
);
/** Text accents, as combining characters. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  // Math accents: one letter under them is still exact Unicode.
  hat: '\u0302',
  tilde: '\u0303',
  bar: '\u0304',
  dot: '\u0307',
  ddot: '\u0308',
  vec: '\u20d7',
  check: '\u030c',
  acute: '\u0301',
  grave: '\u0300',
  breve: '\u0306',
};
const ESCAPES: Record<string, string> = { $: '$', '&': '&', '%': '%', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ' };
const SPACES: Record<string, string> = {
  ',': '\u2009',
  ':': '\u2005',
  ';': '\u2004',
  '!': '',
  quad: '\u2003',
  qquad: '\u2003\u2003',
  ' ': ' ',
};
/** Text-mode commands that are letters, which TeX ends with a space it then drops. */
const TEXT_LETTERS = new Set('ss o O ae AE oe OE aa AA l L i j'.split(' '));
/** Sizing and pairing commands that change nothing a reader of plain text sees. */
const INVISIBLE = new Set(
  'left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr middle displaystyle textstyle limits nolimits'.split(
    ' ',
  ),
);

const SUPERSCRIPTS = pairs(
  '0⁰1¹2²3³4⁴5⁵6⁶7⁷8⁸9⁹+⁺-⁻−⁻=⁼(⁽)⁾a ᵃb ᵇc ᶜd ᵈe ᵉf ᶠg ᵍh ʰi ⁱj ʲk ᵏl ˡm ᵐn ⁿo ᵒp ᵖr ʳs ˢt ᵗu ᵘv ᵛw ʷx ˣy ʸz ᶻA ᴬB ᴮD ᴰE ᴱG ᴳH ᴴI ᴵJ ᴶK ᴷL ᴸM ᴹN ᴺO ᴼP ᴾR ᴿT ᵀU ᵁV ⱽW ᵂ*∗′′†††‡‡°°⊤ᵀ',
);
const SUBSCRIPTS = pairs(
  '0₀1₁2₂3₃4₄5₅6₆7₇8₈9₉+₊-₋−₋=₌(₍)₎a ₐe ₑh ₕi ᵢj ⱼk ₖl ₗm ₘn ₙo ₒp ₚr ᵣs ₛt ₜu ᵤv ᵥx ₓβ ᵦγ ᵧρ ᵨφ ᵩχ ᵪ',
);

let tables: { symbols: Map<string, string>; asIs: Set<string>; operators: Set<string> } | undefined;

/** The command tables, built on first use: pages whose papers hold no TeX never pay for them. */
function commandTables() {
  if (tables) return tables;
  const symbols = new Map<string, string>();
  const words = `${GREEK} ${SYMBOLS}`.split(' ');
  for (let index = 0; index + 1 < words.length; index += 2)
    symbols.set(words[index] as string, words[index + 1] as string);
  tables = { symbols, asIs: new Set(AS_IS.split(' ')), operators: new Set(OPERATORS) };
  return tables;
}

/** `"0⁰1¹a ᵃ"` → Map: each source character followed by its replacement (a space after letters keeps them apart). */
function pairs(list: string): Map<string, string> {
  const map = new Map<string, string>();
  const chars = [...list.replaceAll(' ', '')];
  for (let index = 0; index + 1 < chars.length; index += 2) map.set(chars[index] as string, chars[index + 1] as string);
  return map;
}

/** `\mathcal{O}` → 𝒪 and `\mathbb{R}` → ℝ: Unicode's letter-like symbols fill the holes of the math alphabets. */
function mathAlphabet(kind: 'cal' | 'bb', char: string): string | undefined {
  const code = char.charCodeAt(0);
  const upper = code >= 65 && code <= 90;
  if (kind === 'cal') {
    if (!upper) return undefined;
    const hole = { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ' }[char];
    return hole ?? String.fromCodePoint(0x1d49c + code - 65);
  }
  if (upper) {
    const hole = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' }[char];
    return hole ?? String.fromCodePoint(0x1d538 + code - 65);
  }
  if (code >= 97 && code <= 122) return String.fromCodePoint(0x1d552 + code - 97);
  if (code >= 48 && code <= 57) return String.fromCodePoint(0x1d7d8 + code - 48);
  return undefined;
}

const isLetter = (char: string | undefined): boolean => char !== undefined && /^[A-Za-z]$/.test(char);

/** Math as Unicode: `text`, and whether it says what the TeX says (`exact`) or only approximates it. */
interface Converted {
  text: string;
  exact: boolean;
}

/**
 * A reader of TeX math: a recursive descent over groups, commands and scripts. Depth and length are bounded
 * by the span it is given (at most `MAX_MATH_LENGTH`), so hostile input costs linear time.
 */
class MathReader {
  exact = true;
  readonly end: number;
  constructor(
    readonly source: string,
    public at = 0,
    end = source.length,
    readonly textMode = false,
  ) {
    this.end = Math.min(end, source.length);
  }

  /** The character at `at + ahead`, or `undefined` past the span. */
  peek(ahead = 0): string | undefined {
    return this.at + ahead < this.end ? this.source[this.at + ahead] : undefined;
  }

  /** Atoms until the end or a closing brace (left for the caller). */
  sequence(): string {
    let out = '';
    while (this.at < this.end && this.peek() !== '}') out += this.scripted();
    return out;
  }

  /** One atom with the `^` and `_` scripts that follow it. */
  scripted(): string {
    // `$^2$` has no base: the script stands alone.
    const first = this.peek();
    let out = !this.textMode && (first === '^' || first === '_') ? '' : this.atom();
    for (;;) {
      const char = this.peek();
      if (this.textMode || (char !== '^' && char !== '_')) return out;
      this.at++;
      const script = this.argument();
      out += this.script(script, char === '^' ? SUPERSCRIPTS : SUBSCRIPTS, char);
    }
  }

  script(script: string, table: Map<string, string>, mark: string): string {
    let out = '';
    for (const char of script) {
      const small = table.get(char) ?? (char === ' ' ? '' : undefined);
      if (small === undefined) {
        this.exact = false;
        return [...script].length === 1 ? `${mark}${script}` : `${mark}(${script})`;
      }
      out += small;
    }
    return out;
  }

  /** A command's argument: a braced group, a command or one character, skipping spaces first. */
  argument(): string {
    while (this.peek() === ' ') this.at++;
    const char = this.peek();
    if (char === undefined) return '';
    if (char === '{') return this.group();
    if (char === '\\') return this.command();
    this.at += char.length;
    return char;
  }

  group(): string {
    this.at++; // {
    const out = this.sequence();
    if (this.peek() === '}') this.at++;
    return out;
  }

  atom(): string {
    const char = this.peek() as string;
    if (char === '{') return this.group();
    if (char === '\\') return this.command();
    this.at++;
    if (this.textMode) return char;
    if (char === "'") return '′';
    if (char === '~') return '\u00a0';
    if (char === '&' || char === '^' || char === '_') {
      this.exact = false;
      return char === '&' ? ' ' : char;
    }
    return char;
  }

  command(): string {
    const start = ++this.at; // past the backslash
    let name = this.peek() ?? '';
    if (isLetter(name)) {
      while (isLetter(this.peek(1))) this.at++;
      name = this.source.slice(start, this.at + 1);
    } else if (name !== '') {
      name = String.fromCodePoint(this.source.codePointAt(this.at) as number);
      this.at += name.length - 1;
    }
    this.at++;
    // A letter command ends at the first non-letter: TeX drops one space after it, and `{}` ends it too.
    if (isLetter(name[0]) && this.textMode) {
      // Only after the letters (`Stra\ss e`): `2.3\times speedup` means the space.
      if (this.peek() === ' ' && TEXT_LETTERS.has(name)) this.at++;
      else if (this.peek() === '{' && this.peek(1) === '}' && !ACCENTS[name] && !commandTables().asIs.has(name))
        this.at += 2;
    }
    if (name === '' || name === '\\') {
      this.exact = false;
      return ' ';
    }
    const { symbols, asIs, operators } = commandTables();
    const escaped = ESCAPES[name];
    if (escaped !== undefined) return escaped;
    const space = SPACES[name];
    if (space !== undefined) return space;
    const symbol = symbols.get(name);
    if (symbol !== undefined) return symbol;
    if (INVISIBLE.has(name)) {
      if (this.peek() === '.') this.at++; // \left. is an invisible delimiter
      return '';
    }
    if (operators.has(name)) return ` ${name} `;
    if (asIs.has(name)) return this.argument();
    const accent = ACCENTS[name];
    if (accent !== undefined) {
      // `\"{\i}`: the dotless i under an accent is the reader's i.
      const base = this.argument().replace('ı', 'i').replace('ȷ', 'j');
      if ([...base].length !== 1) this.exact = false;
      return `${base}${accent}`.normalize('NFC');
    }
    if (name === 'mathcal' || name === 'mathscr' || name === 'mathbb' || name === 'mathbbm') {
      const kind = name === 'mathbb' || name === 'mathbbm' ? 'bb' : 'cal';
      let out = '';
      for (const char of this.argument()) {
        const letter = mathAlphabet(kind, char);
        if (letter === undefined) this.exact = false;
        out += letter ?? char;
      }
      return out;
    }
    this.exact = false;
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const top = this.argument();
      const bottom = this.argument();
      return `${wrap(top)}/${wrap(bottom)}`;
    }
    if (name === 'sqrt') {
      if (this.peek() === '[') {
        const close = this.source.indexOf(']', this.at);
        if (close !== -1 && close < this.end) this.at = close + 1;
      }
      return `√${wrap(this.argument())}`;
    }
    // An unknown command: its name is the best plain-text guess (`\mathfrak{g}` reads as "mathfrak g").
    return name;
  }
}

const STRUCTURE = new Set(['frac', 'dfrac', 'tfrac', 'sqrt', 'mathcal', 'mathscr', 'mathbb', 'mathbbm']);

/**
 * Whether every command in `tex` is one this module knows. Only such TeX is copied into other TeX (BibTeX):
 * a title's `\input{…}` or `\write18` must not reach someone's LaTeX run.
 */
export function onlyKnownCommands(tex: string): boolean {
  const { symbols, asIs, operators } = commandTables();
  for (const match of tex.matchAll(/\\([A-Za-z]+)/g)) {
    const name = match[1] as string;
    const known =
      symbols.has(name) ||
      asIs.has(name) ||
      operators.has(name) ||
      INVISIBLE.has(name) ||
      STRUCTURE.has(name) ||
      name in ACCENTS ||
      name in SPACES;
    if (!known) return false;
  }
  return true;
}

/** Parentheses around more than one character, so `a+b/c` is not read for `(a+b)/c`. */
function wrap(text: string): string {
  return [...text].length > 1 ? `(${text})` : text;
}

function convertMath(tex: string): Converted {
  const reader = new MathReader(tex);
  let text = '';
  // A stray `}` ends `sequence`; step over it and read on.
  while (reader.at < reader.end) {
    text += reader.sequence();
    if (reader.at < reader.end) reader.at++;
  }
  return { text: text.replace(/ {2,}/g, ' ').trim(), exact: reader.exact };
}

/** A command met outside math (`\&`, `\times`, `\textbf{…}`, `\"o`): its text, if it is one we know. */
function convertTextCommand(source: string, at: number): { text: string; end: number } | undefined {
  const reader = new MathReader(source, at, at + MAX_MATH_LENGTH, true);
  const text = reader.command();
  // Unknown commands stay as they are: a backslash outside math may be a path or a regex, not TeX.
  return reader.exact ? { text, end: Math.min(reader.at, source.length) } : undefined;
}

/**
 * `A^2FM`, `O(N^2)`, `360^circ`: arXiv strips the dollars from titles and abstracts it lists, and leaves the
 * scripts. Digits (up to four), a short braced group that Unicode can raise, or `circ` become superscripts;
 * anything else (`x^top`, `R^{m times n}`) stays as written rather than be guessed at.
 */
function bareSuperscript(text: string, at: number): { text: string; end: number } | undefined {
  const digits = /^\^([0-9]{1,4})(?![0-9])|^\^\{([^{}\\]{1,12})\}|^\^\\?(circ)(?![A-Za-z])/.exec(
    text.slice(at, at + 16),
  );
  if (!digits) return undefined;
  const [whole, number, group, circ] = digits;
  if (circ) return { text: '°', end: at + whole.length };
  let out = '';
  for (const char of (number ?? group) as string) {
    const small = SUPERSCRIPTS.get(char);
    if (small === undefined) return undefined;
    out += small;
  }
  return { text: out, end: at + whole.length };
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
  const push = (
    start: number,
    end: number,
    kind: TexPiece['kind'],
    converted: Converted | string,
    tex?: string,
  ): void => {
    if (start > plainFrom)
      pieces.push({ text: text.slice(plainFrom, start), start: plainFrom, end: start, kind: 'text' });
    const piece: TexPiece = { text: typeof converted === 'string' ? converted : converted.text, start, end, kind };
    if (typeof converted !== 'string' && !converted.exact && tex !== undefined) piece.math = tex;
    pieces.push(piece);
    plainFrom = end;
  };
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '$') {
      const display = text[at + 1] === '$';
      const open = display ? 2 : 1;
      const close = display ? closers.after('$$', at + 2) : closers.after('$', at + 1);
      const body = close === -1 ? '' : text.slice(at + open, close);
      const fits = close !== -1 && body.length > 0 && body.length <= MAX_MATH_LENGTH;
      if (
        fits &&
        (display || (!isSpace(text[at + 1]) && !isSpace(text[close - 1]) && !/[0-9]/.test(text[close + 1] ?? '')))
      ) {
        push(at, close + open, 'math', convertMath(body), body);
        at = close + open;
        continue;
      }
      at += open;
      continue;
    }
    if (char === '^' && at > 0 && !isSpace(text[at - 1])) {
      const script = bareSuperscript(text, at);
      if (script) {
        push(at, script.end, 'script', script.text);
        at = script.end;
        continue;
      }
    }
    if (char === '\\') {
      const next = text[at + 1];
      if (next === '(' || next === '[') {
        const close = closers.after(next === '(' ? '\\)' : '\\]', at + 2);
        if (close !== -1 && close - at - 2 <= MAX_MATH_LENGTH && close > at + 2) {
          const body = text.slice(at + 2, close);
          push(at, close + 2, 'math', convertMath(body), body);
          at = close + 2;
          continue;
        }
      } else {
        const command = convertTextCommand(text, at);
        if (command) {
          push(at, command.end, 'command', command.text);
          at = command.end;
          continue;
        }
      }
    }
    at++;
  }
  if (plainFrom < text.length)
    pieces.push({ text: text.slice(plainFrom), start: plainFrom, end: text.length, kind: 'text' });
  return pieces;
}

/** `text` with its TeX as Unicode: `$\nabla^2$DFT` → `∇²DFT`, `Prefill \& Decode` → `Prefill & Decode`. */
export function texToUnicode(text: string): string {
  const pieces = splitTex(text);
  return pieces.length === 1 && pieces[0]?.kind === 'text' ? text : pieces.map((piece) => piece.text).join('');
}
