/**
 * TeX math as Unicode: a recursive-descent reader over groups, commands and scripts, bounded by the span it
 * is given, and the text-mode commands and bare superscripts arXiv leaves in titles.
 */

import {
  ACCENTS,
  commandTables,
  ESCAPES,
  INVISIBLE,
  mathAlphabet,
  SPACES,
  SUBSCRIPTS,
  SUPERSCRIPTS,
  TEXT_LETTERS,
} from './symbols.js';

/** Longest math span read as math; an unmatched `$` further away is a dollar sign. */
export const MAX_MATH_LENGTH = 400;
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
    const name = this.#commandName();
    if (name === '' || name === '\\') {
      this.exact = false;
      return ' ';
    }
    const exactly = this.#exactly(name);
    if (exactly !== undefined) return exactly;
    // Fractions, roots and unknown commands: a plain-text approximation, and the span is not exact.
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

  /** Read past the backslash and the name, and in text mode past what ends a letter command. */
  #commandName(): string {
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
    return name;
  }

  /** A command Unicode shows as TeX means it (escapes, spaces, symbols, accents, alphabets), else `undefined`. */
  #exactly(name: string): string | undefined {
    const { symbols, asIs, operators } = commandTables();
    const known = ESCAPES[name] ?? SPACES[name] ?? symbols.get(name);
    if (known !== undefined) return known;
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
    return undefined;
  }
}
/** Parentheses around more than one character, so `a+b/c` is not read for `(a+b)/c`. */
function wrap(text: string): string {
  return [...text].length > 1 ? `(${text})` : text;
}

export function convertMath(tex: string): Converted {
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
export function convertTextCommand(source: string, at: number): { text: string; end: number } | undefined {
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
export function bareSuperscript(text: string, at: number): { text: string; end: number } | undefined {
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
