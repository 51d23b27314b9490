/**
 * Normalisation shared by every source: the ways real listings get text, URLs and ids wrong.
 */

/** Collapse runs of whitespace (including arXiv's `"\n  "` hard wraps) into one space, and trim. */
export function cleanLine(text: string): string {
  // This runs on every title, name and abstract, so it is tuned: most values are already clean, and
  // `replace(/\s+/g)` pays for every single space it matches. Checks with `includes` first, then joins
  // hard-wrapped lines with `split`, and only falls back to the regex for what is left. Lone exotic spaces
  // (no-break, thin) inside text are content and stay.
  if (!needsCleaning(text)) return hasExoticEdge(text) ? text.trim() : text;
  let clean = text;
  if (clean.includes('\n')) {
    let joined = '';
    for (const line of clean.split('\n')) {
      const trimmed = line.trim();
      if (trimmed !== '') joined = joined === '' ? trimmed : `${joined} ${trimmed}`;
    }
    clean = joined;
    if (!needsCleaning(clean)) return clean;
  }
  return clean.replace(/\s+/g, ' ').trim();
}

/** Does the text start or end with a space beyond ASCII (an en quad, an ideographic space)? Then it is trimmed. */
function hasExoticEdge(text: string): boolean {
  if (text.length === 0) return false;
  const exotic = (code: number): boolean => code > 127 && /\s/.test(String.fromCharCode(code));
  return exotic(text.charCodeAt(0)) || exotic(text.charCodeAt(text.length - 1));
}

function needsCleaning(text: string): boolean {
  if (text.length === 0) return false;
  return (
    text.charCodeAt(0) <= 32 ||
    text.charCodeAt(text.length - 1) <= 32 ||
    text.includes('\n') ||
    text.includes('  ') ||
    text.includes('\t') ||
    text.includes('\r')
  );
}

/**
 * Join hard-wrapped lines of an abstract while keeping paragraph breaks (a blank line) as `\n\n`.
 */
export function cleanParagraphs(text: string): string {
  if (!text.includes('\n')) return cleanLine(text);
  return text
    .split(/\n[ \t]*\n\s*/)
    .map(cleanLine)
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

// Characters no link should carry: controls (NUL included), characters HTML or a terminal treat specially,
// and bidirectional controls that make a link read as another (`\u202E`).
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const UNSAFE_URL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f"<>\\^`{|}\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** An absolute http(s) URL as written: the scheme, `//`, then a host straight away (`https:///x` is not). */
const ABSOLUTE_HTTP = /^https?:\/\/[^/?#@:]/i;

/**
 * Turn a URL as sources write it into an absolute http(s) URL, or `undefined` when it is not one.
 * Removes whitespace anywhere in it (Hugging Face has `"https://github.com/\nowner/repo"` and `" https://…"`),
 * resolves relative URLs against `base`, and accepts scheme-less `github.com/owner/repo`. An absolute URL
 * keeps the source's spelling once it is validated (no trailing slash added, no host lower-cased): a link
 * people copy should read as its author wrote it.
 */
export function toHttpUrl(raw: string, base?: string): string | undefined {
  const compact = raw.replace(/\s+/g, '');
  if (compact === '' || compact.length > 8_192 || UNSAFE_URL_CHARACTERS.test(compact)) return undefined;
  if (HAS_SCHEME.test(compact)) {
    if (!ABSOLUTE_HTTP.test(compact)) return undefined;
    const url = parseUrl(compact);
    return url && url.hostname !== '' ? compact : undefined;
  }
  const url = base === undefined ? undefined : parseUrl(compact, base);
  if (url) return ALLOWED_PROTOCOLS.has(url.protocol) && url.hostname !== '' ? url.href : undefined;
  // `github.com/edwardjhu/TP4`: a host without a scheme, as page text prints it.
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(compact)) return toHttpUrl(`https://${compact}`);
  return undefined;
}

function parseUrl(text: string, base?: string): URL | undefined {
  try {
    return base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return undefined;
  }
}

/** Is `text` exactly an http(s) URL papertrend would keep (what every `Paper` link is)? */
export function isHttpUrl(text: string): boolean {
  return toHttpUrl(text) === text;
}

const MAX_ARXIV_REFERENCE_LENGTH = 2_048;
const NEW_STYLE_ID = /^(\d{4}\.\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE_ID = /^([a-z-]+)(?:\.[a-z]{2})?\/(\d{7})(?:v(\d+))?$/;

/** An arXiv id split into its id without version and its version. */
export interface ArxivId {
  /** `2106.09685`, `math/0611800`. */
  id: string;
  version?: number;
}

/**
 * Read an arXiv id in any of the forms users meet: `2106.09685`, `2106.09685v2`, `arXiv:2106.09685`,
 * `oai:arXiv.org:2106.09685`, `https://arxiv.org/abs/2106.09685v2`, `…/pdf/2106.09685v2.pdf`,
 * `https://huggingface.co/papers/2106.09685`, the arXiv DOI `10.48550/arXiv.2106.09685`, and old-style ids
 * (`hep-th/9901001v1`; `math.CA/0611800` → `math/0611800`). Returns `undefined` for anything else.
 */
export function parseArxivId(raw: string): ArxivId | undefined {
  // The longest form (a PDF URL with a query) is well under this; longer text is not an id, and is not scanned.
  if (raw.length > MAX_ARXIV_REFERENCE_LENGTH) return undefined;
  let text = raw.trim();
  text = text.replace(/^https?:\/\/(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co)\/(?:abs|pdf|papers)\//i, '');
  text = text.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  text = text.replace(/^(?:oai:arxiv\.org:|arxiv:|10\.48550\/arxiv\.)/i, '');
  // Query and fragment off by index (`/[?#].*$/` backtracks quadratically on a run of `?` before a newline).
  const query = text.search(/[?#]/);
  if (query !== -1) text = text.slice(0, query);
  text = text.replace(/\.pdf$/i, '').replace(/\/$/, '');
  const lower = text.toLowerCase();
  const modern = NEW_STYLE_ID.exec(lower);
  if (modern) return withVersion(modern[1] as string, modern[2]);
  const old = OLD_STYLE_ID.exec(lower);
  if (old) return withVersion(`${old[1]}/${old[2]}`, old[3]);
  return undefined;
}

function withVersion(id: string, version: string | undefined): ArxivId {
  return version === undefined ? { id } : { id, version: Number(version) };
}

/** The arXiv id without version (`arXiv:2106.09685v2` → `2106.09685`), or `undefined` if it is not one. */
export function normalizeArxivId(raw: string): string | undefined {
  return parseArxivId(raw)?.id;
}

/** Counts as pages print them: `1.54k` → 1540, `110k` → 110000, `2,345` → 2345, `1.2M` → 1200000. */
export function parseCount(text: string): number | undefined {
  const match = /^(\d+(?:[.,]\d+)*)\s*([kKmM])?$/.exec(text.trim());
  if (!match) return undefined;
  const [, digits = '', suffix] = match;
  if (suffix === undefined) {
    const value = Number(digits.replace(/,/g, ''));
    return Number.isSafeInteger(value) ? value : undefined;
  }
  const value = Number(digits.replace(/,/g, '.'));
  return Math.round(value * (suffix.toLowerCase() === 'k' ? 1_000 : 1_000_000));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A page's printed day (`Oct 4, 2026`, `Sep 16 2026`) as `2026-10-04`; `undefined` when it has no year or
 * is not a date. Twelve English month names are all Hugging Face prints, so a lookup beats a date library
 * in the widget's bundle.
 */
export function parsePrintedDate(text: string): string | undefined {
  const match = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf((match[1] as string).toLowerCase()) + 1;
  const day = Number(match[2]);
  if (month === 0 || day < 1 || day > 31) return undefined;
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Is `text` a printed month and day without a year (`Mar 11`, `Aug 1`)? */
export function isMonthDayLabel(text: string): boolean {
  const match = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})$/.exec(text.trim());
  return match !== null && MONTHS.includes((match[1] as string).toLowerCase()) && Number(match[2]) <= 31;
}

/**
 * `text` with lone surrogates replaced by U+FFFD: what `encodeURIComponent`, `TextEncoder` and URLs need
 * (`encodeURIComponent` throws `URIError` on a lone surrogate). Linear; well-formed text is returned as is.
 */
export function wellFormed(text: string): string {
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE_GLOBAL, '\uFFFD') : text;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_GLOBAL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * A function from a character offset in `text` to its 1-based line number. The line starts are found once,
 * on the first call, and each lookup is a binary search: reporting many issues stays linear in the input.
 */
export function lineLocator(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** Shorten raw input for an issue's `snippet`. */
export function snippetOf(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : boundedJson(value, max);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Nesting shown in a snippet; deeper values print as `…`. */
const SNIPPET_DEPTH = 8;

/**
 * JSON text of `value`, written only as far as `max` characters and `SNIPPET_DEPTH` levels: a snippet of a
 * 5,000-deep array or a million-element one costs as little as a small one, and never overflows the stack
 * (`JSON.stringify` throws `RangeError` there).
 */
function boundedJson(value: unknown, max: number): string {
  let out = '';
  const write = (item: unknown, depth: number): void => {
    if (out.length > max) return;
    if (item === null || typeof item !== 'object') {
      if (typeof item === 'string') out += JSON.stringify(item.length > max ? item.slice(0, max) : item);
      else if (typeof item === 'number' || typeof item === 'boolean') out += String(item);
      else out += item === undefined ? 'null' : JSON.stringify(String(item));
      return;
    }
    if (depth >= SNIPPET_DEPTH) {
      out += '…';
      return;
    }
    if (Array.isArray(item)) {
      out += '[';
      for (let i = 0; i < item.length && out.length <= max; i++) {
        if (i > 0) out += ',';
        write(item[i], depth + 1);
      }
      out += ']';
      return;
    }
    out += '{';
    let first = true;
    for (const key in item) {
      if (out.length > max) break;
      const field = (item as Record<string, unknown>)[key];
      if (!Object.hasOwn(item, key) || field === undefined || typeof field === 'function') continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      write(field, depth + 1);
    }
    out += '}';
  };
  write(value, 0);
  return out;
}
