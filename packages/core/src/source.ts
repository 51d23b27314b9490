import { safeParse } from 'zod/mini';
import type * as zc from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { ISO_DATE_PATTERN, type IssuePosition, type ListingIssue, type ListingMeta, type Paper } from './model.js';
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

function resolve(position: LazyPosition): IssuePosition {
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
    if (ISO_DATE_PATTERN.test(raw)) return raw;
    this.warn(position, `dropped ${field}: ${JSON.stringify(raw)} is not an ISO-8601 date`, raw);
    return undefined;
  }
}

/** A source of paper listings: cheap detection, then parsing into `Paper`s. */
export interface Source {
  /** Unique name, used as `Listing.format`, `Paper.source` and the `format` option (`hf-api`). */
  readonly name: string;
  /** A sentence saying what the source reads, shown in errors and `--help`. */
  readonly description: string;
  /** Cheap sniffing: could this input be mine? Must not throw, must not parse the whole input. */
  detect(input: ListingInput): boolean;
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

type Path = PropertyKey[];

// English messages for this parse only: the core schemas are zod/mini (a browser widget pays for what it
// uses), which loads no locale, and setting one globally with z.config would change the user's zod too.
const parseOptions = { error: en().localeError };
/** Any zod 4 schema: classic (`zod`) and mini (`zod/mini`) both work. */
type AnySchema = zc.$ZodType;

function check<T extends AnySchema>(schema: T, value: unknown) {
  return safeParse(schema, value, parseOptions);
}

/**
 * Validate one raw entry against its zod schema, salvaging what can be salvaged: when only optional fields
 * are wrong, they are dropped and reported as warnings and the entry is kept. Returns `undefined` (after
 * reporting an error) when a required part is wrong.
 */
export function validateEntry<T extends AnySchema>(
  schema: T,
  raw: unknown,
  basePath: ReadonlyArray<string | number>,
  context: ParseContext,
): zc.output<T> | undefined {
  const first = check(schema, raw);
  if (first.success) return first.data;

  let candidate: unknown = raw;
  let result: ReturnType<typeof check<T>> = first;
  const dropped: { path: Path; message: string; value: unknown }[] = [];
  // Each round drops one offending optional field; a few rounds cover every real case we have seen.
  for (let round = 0; round < 16 && !result.success; round++) {
    const issue = result.error.issues[0];
    if (issue === undefined) break;
    const removable = removablePath(schema, candidate, issue.path);
    if (removable === undefined) break;
    dropped.push({ path: removable, message: issue.message, value: getAt(candidate, removable) });
    candidate = removeAt(candidate, removable);
    result = check(schema, candidate);
  }

  if (result.success) {
    for (const { path, message, value } of dropped) {
      context.warn(
        { path: [...basePath, ...(path as (string | number)[])] },
        `dropped ${formatPath(path)}: ${message}`,
        value,
      );
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []) as (string | number)[];
  const where = path.length > 0 ? ` at ${formatPath(path)}` : '';
  context.reject({ path: [...basePath, ...path] }, `invalid entry${where}: ${issue?.message ?? 'unknown'}`, raw);
  return undefined;
}

// Find the deepest prefix of `path` whose removal makes that location valid (the field is optional).
function removablePath(schema: AnySchema, candidate: unknown, path: Path): Path | undefined {
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    if (getAt(candidate, prefix) === undefined) continue;
    const trial = check(schema, removeAt(candidate, prefix));
    if (trial.success || !trial.error.issues.some((issue) => startsWith(issue.path, prefix))) return prefix;
  }
  return undefined;
}

function startsWith(path: PropertyKey[], prefix: Path): boolean {
  return prefix.every((key, index) => path[index] === key);
}

function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

// Copy-on-write removal: arrays lose the element, objects the key.
function removeAt(value: unknown, path: Path): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return value;
  const [key, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    if (rest.length === 0) copy.splice(Number(key), 1);
    else copy[Number(key)] = removeAt(copy[Number(key)], rest);
    return copy;
  }
  const copy: Record<PropertyKey, unknown> = { ...(value as Record<PropertyKey, unknown>) };
  if (rest.length === 0) delete copy[key as PropertyKey];
  else copy[key as PropertyKey] = removeAt(copy[key as PropertyKey], rest);
  return copy;
}

function formatPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
