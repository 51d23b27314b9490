/**
 * Papers as BibTeX, in the shape arXiv's own "Export BibTeX citation" gives: `@misc` entries with `eprint`,
 * `archivePrefix` and `primaryClass`, which biblatex and natbib styles both cite as arXiv preprints.
 */
import type { Paper } from '../model.js';
import { normalizeArxivId } from '../parse/normalize.js';
import { splitTex } from '../tex/split.js';
import { onlyKnownCommands } from '../tex/symbols.js';
import { xmlSafe } from './text.js';

// TeX reads these as commands or grouping; each is written as the command that prints the character.
const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default text fonts these print other glyphs (`<` is ¡, `|` an em dash); `` ` `` starts ligatures.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '`': '\\textasciigrave{}',
  // `--`, `---` and `''` are ligatures (en dash, em dash, closing quote): an empty group keeps them apart.
  '-': '-{}',
  "'": "'{}",
};
// Specials, plus a `-` or `'` that the next character would join into a ligature.
const TEX_SPECIAL = /[\\{}&%$#_~^<>|`]|-(?=-)|'(?=')/g;

/**
 * Text as a BibTeX field value: TeX's special characters escaped, control characters and broken surrogates
 * removed, Unicode kept (biber and bibtex8 read UTF-8; arXiv's own export keeps accents as they are).
 */
export function escapeTex(text: string): string {
  return xmlSafe(text)
    .replace(/[\t\n\r]+/g, ' ')
    .replace(TEX_SPECIAL, (char) => TEX_ESCAPES[char] as string);
}

/**
 * A title as BibTeX should keep it: escaped, with each word that has a capital after its first letter
 * (`LLMs`, `GPT-4`, `EnvHarness`) braced, so styles that lower-case titles leave acronyms and names alone.
 */
export function bibtexTitle(title: string): string {
  return bibtexText(title, (text) =>
    text
      .split(/(\s+)/)
      .map((word) => (/^.+\p{Lu}/u.test(word) ? `{${escapeTex(word)}}` : escapeTex(word)))
      .join(''),
  );
}

/**
 * Text for a BibTeX field where the authors' own TeX (`$\nabla^2$`, `\&`, `\textsc{…}`) passes through as
 * written, braced so styles leave its case alone, and everything else goes through `escapeText`. TeX whose braces
 * do not balance, or that spans lines, could end the field early, and a command papertrend does not know
 * could be anything (`\input`, `\write18`): such TeX is escaped like any other text.
 */
export function bibtexText(text: string, escapeText: (text: string) => string = escapeTex): string {
  let out = '';
  for (const piece of splitTex(text)) {
    const source = text.slice(piece.start, piece.end);
    const asWritten =
      (piece.kind === 'math' || piece.kind === 'command') && balancedOneLine(source) && onlyKnownCommands(source);
    out += asWritten ? `{${source}}` : escapeText(piece.kind === 'script' ? piece.text : source);
  }
  return out;
}

/** Braces that open and close in order, on one line, with nothing XML or BibTeX cannot hold. */
function balancedOneLine(tex: string): boolean {
  if (xmlSafe(tex) !== tex || /[\r\n]/.test(tex)) return false;
  let depth = 0;
  for (let index = 0; index < tex.length; index++) {
    const char = tex[index];
    // An escaped brace (`\{`) is text, not a group.
    if (char === '\\') index++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0 && !tex.endsWith('\\');
}

// Small words a citation key skips to reach the first word that says something (`attention`, not `the`).
const SKIPPED_TITLE_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'towards',
  'toward',
]);

/** Lower-case ASCII letters and digits of `text`, accents folded (`Müller` → `muller`, `Łukasz` → `lukasz`). */
function keyPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function surname(name: string): string {
  const comma = name.indexOf(',');
  if (comma > 0) return name.slice(0, comma);
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

function yearOf(paper: Paper): string | undefined {
  const date = paper.publishedAt ?? paper.featuredAt ?? paper.updatedAt;
  return date?.slice(0, 4);
}

/** `firstauthorYEARfirstword`: `vaswani2017attention`. Parts a paper lacks are left out. */
export function citationKey(paper: Paper): string {
  const author = keyPart(surname(paper.authors?.[0]?.name ?? '')) || 'anonymous';
  const word =
    paper.title
      .split(/[\s\-–—:/]+/)
      .map(keyPart)
      .find((part) => part !== '' && !SKIPPED_TITLE_WORDS.has(part)) ?? '';
  return `${author}${yearOf(paper) ?? ''}${word}`;
}

/** One name as BibTeX's `and`-separated list can hold it: names with a comma or a lone `and` are braced whole. */
function authorName(name: string): string {
  const escaped = bibtexText(name);
  return /,|(^|\s)and(\s|$)/i.test(name) ? `{${escaped}}` : escaped;
}

/**
 * A URL as BibTeX's `url` field holds it. biblatex reads the field verbatim, but BibTeX still counts braces:
 * braces and backslashes are percent-encoded (a browser sends them encoded anyway, so it is the same URL), as
 * are spaces and control characters, so no URL can close the field or start a command.
 */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s\p{Cc}]/gu, (char) =>
    [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

export interface BibtexOptions {
  /** Keys already taken (by entries in the bibliography you append to): new keys avoid them. */
  reservedKeys?: Iterable<string>;
}

/**
 * Papers as BibTeX `@misc` entries, one per paper, with stable, unique keys (`vaswani2017attention`; a
 * second paper with the same key gets `-2`, and so on).
 *
 * @example
 * import { toBibtex } from '@papertrend/core/feed';
 * await fs.writeFile('papers.bib', toBibtex(listing.papers));
 */
export function toBibtex(papers: readonly Paper[], options: BibtexOptions = {}): string {
  const taken = new Set(options.reservedKeys ?? []);
  return papers
    .map((paper) => {
      const base = citationKey(paper);
      let key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
      taken.add(key);
      const fields: [string, string][] = [['title', bibtexTitle(paper.title)]];
      const authors = paper.authors?.map((author) => authorName(author.name)).filter((name) => name !== '');
      if (authors && authors.length > 0) fields.push(['author', authors.join(' and ')]);
      const year = yearOf(paper);
      if (year) fields.push(['year', year]);
      // Every value from data is escaped or checked by its kind: a paper built by hand, or read from a file,
      // never reached the model's checks, and one brace would end the field and open another.
      const arxivId = paper.arxivId === undefined ? undefined : normalizeArxivId(paper.arxivId);
      if (arxivId) {
        fields.push(['eprint', arxivId], ['archivePrefix', 'arXiv']);
        const primary = paper.categories?.[0];
        if (primary) fields.push(['primaryClass', escapeTex(primary)]);
      }
      if (paper.doi) fields.push(['doi', escapeTex(paper.doi)]);
      const url = paper.links.abstract ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : paper.links.page);
      if (url && /^https?:\/\//i.test(url)) fields.push(['url', bibtexUrl(url)]);
      const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
      return `@misc{${key},\n${body}\n}\n`;
    })
    .join('\n');
}
