import { type IssuePosition, isIsoDate, type ListingIssue, type ListingMeta, type Paper } from '../model.js';
import { snippetOf, toHttpUrl } from './normalize.js';

/**
 * The input handed to a source. Text is decoded once and JSON parsed once, however many sources look at
 * it during detection.
 */
export interface ListingInput {
  /** The input as text; `undefined` when the caller passed an already-parsed value. */
  readonly text: string | undefined;
  /** The input as a JSON value, or `undefined` when it is not JSON. */
  readonly json: unknown;
  /** Whether the input is JSON (a parsed value, or text that parses). */
  readonly isJson: boolean;
}

/** What a source's `parse` returns; `parseListing` adds the format name and checks the accounting. */
export interface SourceResult {
  papers: Paper[];
  /** Defaults to the number of papers plus error issues when a source does not count entries itself. */
  meta?: Partial<ListingMeta>;
}

/** A position, or a function making one: hot paths build positions only when there is an issue to report. */
export type LazyPosition = IssuePosition | (() => IssuePosition);

export function resolve(position: LazyPosition): IssuePosition {
  return typeof position === 'function' ? position() : position;
}

/** Collects issues while a source parses; positions and snippets are filled in consistently. */
export class ParseContext {
  readonly issues: ListingIssue[] = [];
  readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  /** Leave an entry out, saying where and why. */
  reject(position: LazyPosition, message: string, raw: unknown): void {
    this.issues.push({ severity: 'error', position: resolve(position), message, snippet: snippetOf(raw) });
  }

  /** Keep the entry but report that part of it was dropped. */
  warn(position: LazyPosition, message: string, raw: unknown): void {
    this.issues.push({ severity: 'warning', position: resolve(position), message, snippet: snippetOf(raw) });
  }

  /**
   * Report something worth knowing that loses nothing (a warning with a `code`, which `strict` does not
   * count): arXiv's empty entry for an id it does not have, say.
   */
  notice(position: LazyPosition, message: string, raw: unknown, code: string): void {
    this.issues.push({ severity: 'warning', position: resolve(position), message, snippet: snippetOf(raw), code });
  }

  /**
   * An http(s) URL or `undefined`. A value that is present but not a usable http(s) URL (`javascript:…`) is
   * reported as a warning, so unsafe links never reach a `Paper` silently.
   */
  url(raw: string | undefined, position: LazyPosition, base?: string): string | undefined {
    if (raw === undefined || raw.trim() === '') return undefined;
    const url = toHttpUrl(raw, base);
    if (url === undefined) this.warn(resolve(position), 'dropped a link that is not an http(s) URL', raw);
    return url;
  }

  /** An ISO-8601 date or `undefined`; a present value that is not one is dropped and reported as `field`. */
  date(raw: string | undefined, position: LazyPosition, field: string): string | undefined {
    if (raw === undefined || raw === '') return undefined;
    if (isIsoDate(raw)) return raw;
    this.warn(
      position,
      `dropped ${field}: ${JSON.stringify(snippetOf(raw, 80))} is not an ISO-8601 date that exists`,
      raw,
    );
    return undefined;
  }
}

/** How sure a source is that an input is its format, and if not, why not. */
export interface Detection {
  /** 0 (not mine) to 1 (certain). `parseListing` takes the most confident source at or above 0.5. */
  confidence: number;
  /** What the input lacked, in words: "no title/abstract pairs, no papers header". */
  missing?: string;
}

/** A detector's answer as a `Detection` (booleans are certainty either way; numbers are clamped to 0–1). */
export function toDetection(result: boolean | number | Detection): Detection {
  if (typeof result === 'boolean') return { confidence: result ? 1 : 0 };
  if (typeof result === 'number') return { confidence: Number.isNaN(result) ? 0 : Math.min(1, Math.max(0, result)) };
  const confidence = Number.isNaN(result.confidence) ? 0 : Math.min(1, Math.max(0, result.confidence));
  return result.missing === undefined ? { confidence } : { confidence, missing: result.missing };
}

/** A source of paper listings: cheap detection, then parsing into `Paper`s. */
export interface Source {
  /** Unique name, used as `Listing.format`, `Paper.source` and the `format` option (`hf-api`). */
  readonly name: string;
  /** A sentence saying what the source reads, shown in errors and `--help`. */
  readonly description: string;
  /**
   * Cheap sniffing: how sure is this source that the input is its format? `true`/`false` (certain / not
   * mine), a confidence from 0 to 1, or a `Detection` that also says what was missing (shown in
   * `UnknownFormatError` when no source is confident enough). Must not throw, must not parse the whole input.
   */
  detect(input: ListingInput): boolean | number | Detection;
  /**
   * Turn the input into papers. Report every entry that cannot become a `Paper` with `context.reject`
   * and every dropped field with `context.warn`. Throw `ListingFormatError` only when the input as a whole
   * cannot be read as this format.
   */
  parse(input: ListingInput, context: ParseContext): SourceResult;
}

/**
 * Define a source with full type checking. It is just the object you pass, typed; register it with
 * `registerSource` so `parseListing` auto-detects it.
 */
export function defineSource<const S extends Source>(source: S): S {
  return source;
}
