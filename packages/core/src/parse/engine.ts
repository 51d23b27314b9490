/**
 * The parsing engine behind `parseListing`: detection, the user-source registry and the listing's
 * bookkeeping. It imports no source, so an entry can pair it with only the sources it needs (`./lite`
 * leaves out the HTML/XML parser).
 */
import { ListingValidationError, UnknownFormatError } from '../errors.js';
import { canonicalPaper, type Listing, NOTICE_CODES } from '../model.js';
import { type Detection, type ListingInput, ParseContext, type Source, toDetection } from './source.js';

const userSourcesFirst: Source[] = [];
const userSourcesLast: Source[] = [];

/**
 * Make `parseListing` auto-detect a source of your own. By default user sources are tried before the
 * built-in ones (your source wins when both could read the input); pass `{ priority: 'last' }` to be tried
 * only when no built-in source claims the input. Registering a source with a name already taken replaces it.
 * Returns a function that unregisters it.
 */
export function registerSource(source: Source, options: { priority?: 'first' | 'last' } = {}): () => void {
  unregisterSource(source.name);
  (options.priority === 'last' ? userSourcesLast : userSourcesFirst).push(source);
  return () => unregisterSource(source.name);
}

/** Remove a registered user source by name. Built-in sources cannot be removed (pass `format` instead). */
export function unregisterSource(name: string): void {
  for (const list of [userSourcesFirst, userSourcesLast]) {
    const index = list.findIndex((source) => source.name === name);
    if (index !== -1) list.splice(index, 1);
  }
}

/** Every source a parse with these built-ins considers, in the order it tries them. */
export function sourcesWith(builtins: readonly Source[]): Source[] {
  return [...userSourcesFirst, ...builtins, ...userSourcesLast];
}

/** What `parseListing` accepts: text (any format), bytes (UTF-8), or an already-parsed JSON value. */
export type ListingSourceInput = string | Uint8Array | ArrayBuffer | object;

export interface ParseListingOptions {
  /** Skip detection and read the input as this format (a source name such as `hf-api`). */
  format?: string;
  /** Throw a `ListingValidationError` carrying every issue instead of returning them in `issues`. */
  strict?: boolean;
  /** Extra sources to consider for this call only, tried before the registered and built-in ones. */
  sources?: readonly Source[];
}

/** `parseListing` over the given built-in sources (plus registered and per-call ones). */
export function parseListingWith(
  builtins: readonly Source[],
  input: ListingSourceInput,
  options: ParseListingOptions = {},
): Listing {
  const sources = [...(options.sources ?? []), ...sourcesWith(builtins)];
  const listingInput = toListingInput(input);
  let source: Source | undefined;
  if (options.format !== undefined) {
    source = sources.find((candidate) => candidate.name === options.format);
    if (!source) {
      throw new UnknownFormatError(
        `no source is named "${options.format}"`,
        sources.map((s) => s.name),
      );
    }
  } else {
    source = pickSource(sources, listingInput);
  }

  const context = new ParseContext(source.name);
  const result = source.parse(listingInput, context);
  const errors = context.issues.filter((issue) => issue.severity === 'error').length;
  const duplicates = result.meta?.duplicates ?? 0;
  const listing: Listing = {
    // One key order whatever the source: the same paper writes the same bytes.
    papers: result.papers.map(canonicalPaper),
    issues: context.issues,
    format: source.name,
    meta: { ...result.meta, entries: result.meta?.entries ?? result.papers.length + errors + duplicates, duplicates },
  };
  // Strict mode fails on anything lost (entries left out, fields dropped), not on notices that lose nothing.
  if (options.strict && listing.issues.some((issue) => !NOTICE_CODES.has(issue.code ?? ''))) {
    throw new ListingValidationError(source.name, listing.issues);
  }
  return listing;
}

/** The lowest confidence at which a source may claim an input. */
export const DETECTION_THRESHOLD = 0.5;

/**
 * The most confident source at or above the threshold; among equals, the first in order (per-call sources,
 * then user sources registered first, then the built-ins). Sources registered `last` are asked only when no
 * other is confident. None: `UnknownFormatError`, naming the closest format and what it missed.
 */
function pickSource(sources: readonly Source[], input: ListingInput): Source {
  const last = new Set(userSourcesLast);
  const groups = [sources.filter((source) => !last.has(source)), sources.filter((source) => last.has(source))];
  let closest: { source: Source; detection: Detection } | undefined;
  for (const group of groups) {
    let best: { source: Source; detection: Detection } | undefined;
    for (const source of group) {
      const detection = safeDetect(source, input);
      if (best === undefined || detection.confidence > best.detection.confidence) best = { source, detection };
    }
    if (best && best.detection.confidence >= DETECTION_THRESHOLD) return best.source;
    if (best && (closest === undefined || best.detection.confidence > closest.detection.confidence)) closest = best;
  }
  throw new UnknownFormatError(
    describeUnknown(input, closest),
    sources.map((source) => source.name),
  );
}

function safeDetect(source: Source, input: ListingInput): Detection {
  try {
    return toDetection(source.detect(input));
  } catch {
    // A detector that throws cannot claim the input; parsing must not fail because of someone's sniffing.
    return { confidence: 0 };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Bytes as text: UTF-8 unless a byte-order mark or the telltale zero bytes say UTF-16. */
function decode(bytes: Uint8Array): string {
  const encoding = utf16Of(bytes);
  return encoding ? new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes) : utf8.decode(bytes);
}

/**
 * `utf-16le` / `utf-16be` when the bytes are UTF-16: a byte-order mark, or (without one) ASCII text whose every
 * other byte is zero. Windows tools write UTF-16 (PowerShell's `>` did until version 7).
 */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = Math.min(bytes.length - (bytes.length % 2), 512);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.9 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.9 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

function toListingInput(input: ListingSourceInput): ListingInput {
  let text: string | undefined;
  if (typeof input === 'string') text = input;
  else if (input instanceof Uint8Array) text = decode(input);
  else if (input instanceof ArrayBuffer) text = decode(new Uint8Array(input));
  if (text === undefined) return { text: undefined, json: input, isJson: true };
  // A byte-order mark survives in text read by tools that do not strip it (and in `readFile(…, 'utf8')`).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  // Parsed once, up front: JSON.parse rejects non-JSON text at its first character, so this costs text
  // sources nothing, and every source's detector then shares the one parsed value.
  const json = tryJson(text);
  return { text, json, isJson: json !== undefined };
}

function tryJson(text: string): unknown {
  // JSON.parse fails at the first character that cannot start JSON, so trying is cheap for any text.
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Say in a sentence what the input is, for `UnknownFormatError`. */
function describeUnknown(input: ListingInput, closest?: { source: Source; detection: Detection }): string {
  const { text } = input;
  if (text !== undefined) {
    const trimmed = text.trim();
    if (trimmed === '') return 'the input is empty';
    const head = text.slice(0, 4096);
    if (looksLikeUtf16ReadAsUtf8(head)) {
      return 'the input is UTF-16 text decoded as if it were UTF-8: pass the bytes (a Buffer or Uint8Array) or convert the file to UTF-8';
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary input is the point
    if (/[\u0000-\u0008\u000e-\u001f]/.test(head)) return 'the input is binary, not text';
    if (/^<!doctype html|^<html/i.test(trimmed)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed.slice(0, 4096))?.[1]?.trim();
      return `the input is an HTML page${title ? ` ("${title}")` : ''} without a paper listing in it`;
    }
    if (!input.isJson && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
      try {
        JSON.parse(trimmed);
      } catch (error) {
        return `it starts like JSON but does not parse (${(error as Error).message}); it may be truncated`;
      }
    }
  }
  const { json } = input;
  if (Array.isArray(json)) {
    const kinds = [...new Set(json.slice(0, 50).map(kindOf))].join(', ');
    const repr = json.some((item) => typeof item === 'string' && /^\s*\{\s*'paper'/.test(item))
      ? ' (the strings look like Python reprs of entries: export them with json.dumps, not str)'
      : '';
    return `a JSON array of ${kinds || 'nothing'}, not of entries with a "paper" object${repr}`;
  }
  if (json !== null && typeof json === 'object') {
    const keys = Object.keys(json).slice(0, 8).join(', ');
    return `a JSON object with keys {${keys}}, expected an array of daily-paper entries or a paper with id, title and authors`;
  }
  if (json !== undefined) return `a JSON ${json === null ? 'null' : typeof json}, expected an array or object`;
  if (closest && closest.detection.confidence > 0) {
    const missing = closest.detection.missing ? `: ${closest.detection.missing}` : '';
    return `the closest format is ${closest.source.name}, but the text does not have its structure${missing}`;
  }
  return closestByShape(text ?? '') ?? 'no known format recognised the text';
}

/**
 * When no source claimed the text at all, the closest format by its shape, and what it lacks: a reader's
 * next step is to know which format was nearly right.
 */
function closestByShape(text: string): string | undefined {
  const head = text.trimStart().slice(0, 4096);
  if (head.startsWith('<') && /<(\w+:)?(rss|feed)[\s>]/.test(head)) {
    return "the closest formats are arxiv-atom and papertrend-feed, but this RSS or Atom feed is neither arXiv's (it does not mention arXiv near its top) nor one papertrend wrote (no papertrend generator or extension)";
  }
  const links = text.slice(0, 1_000_000).match(/huggingface\.co\/papers\/\d{4}\.\d{4,5}/g)?.length ?? 0;
  if (links > 0) {
    return `the closest format is hf-page-text, but the text only links ${links} Hugging Face paper${links === 1 ? '' : 's'}: it has none of the page's paper cards (a title with its authors and upvotes); parse the page itself or its /api/daily_papers JSON`;
  }
  return undefined;
}

/** Every other character a NUL, after an optional mangled byte-order mark: UTF-16 read as UTF-8 or Latin-1. */
function looksLikeUtf16ReadAsUtf8(head: string): boolean {
  const body = head.replace(/^(\uFFFD{1,2}|\u00FF\u00FE|\u00FE\u00FF)/, '');
  const sample = body.slice(0, 256);
  if (sample.length < 8) return false;
  let zeros = 0;
  for (const char of sample) if (char === '\u0000') zeros++;
  return zeros >= sample.length * 0.4;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'arrays';
  return `${typeof value}s`;
}
