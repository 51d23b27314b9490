import type { ListingIssue } from './model.js';

/** Base class of every error papertrend throws on purpose. Anything else is a bug: please report it. */
export class PapertrendError extends Error {
  override name = 'PapertrendError';
}

/**
 * The input is not a listing papertrend knows: empty, binary, an HTML error page, JSON of another shape.
 * `tried` lists the formats that were considered, `reason` what was wrong with the input as a whole.
 */
export class UnknownFormatError extends PapertrendError {
  override name = 'UnknownFormatError';
  readonly tried: readonly string[];
  readonly reason: string;
  constructor(reason: string, tried: readonly string[]) {
    super(`Not a paper listing: ${reason}. Formats tried: ${tried.join(', ')}.`);
    this.tried = tried;
    this.reason = reason;
  }
}

/**
 * The input looks like a known format but cannot be read as one as a whole (a JSON object where the
 * format promises an array, a truncated document). Per-entry problems are `ListingIssue`s, not this.
 */
export class ListingFormatError extends PapertrendError {
  override name = 'ListingFormatError';
  readonly format: string;
  constructor(format: string, message: string, options?: { cause?: unknown }) {
    super(`Cannot read this as ${format}: ${message}`, options);
    this.format = format;
  }
}

/** Thrown by `parseListing(input, { strict: true })` when any issue was found; carries all of them. */
export class ListingValidationError extends PapertrendError {
  override name = 'ListingValidationError';
  readonly format: string;
  readonly issues: readonly ListingIssue[];
  constructor(format: string, issues: readonly ListingIssue[]) {
    const first = issues
      .slice(0, 3)
      .map((issue) => `  - ${describePosition(issue)}: ${issue.message}`)
      .join('\n');
    const more = issues.length > 3 ? `\n  … and ${issues.length - 3} more` : '';
    super(`${issues.length} problem(s) in ${format} input:\n${first}${more}`);
    this.format = format;
    this.issues = issues;
  }
}

/** `entry 3`, `line 12`, `$[3].paper.upvotes` — how an issue's position reads in messages. */
export function describePosition(issue: Pick<ListingIssue, 'position'>): string {
  const { index, line, path } = issue.position;
  if (path && path.length > 0) {
    return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}`;
  }
  if (line !== undefined) return `line ${line}`;
  if (index !== undefined) return `entry ${index}`;
  return 'input';
}

// Guards check `name` as well as `instanceof` so they work across realms and duplicated installs.
function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

export function isPapertrendError(error: unknown): error is PapertrendError {
  return (
    error instanceof PapertrendError ||
    (error instanceof Error &&
      [
        'PapertrendError',
        'UnknownFormatError',
        'ListingFormatError',
        'ListingValidationError',
        'ArxivApiError',
      ].includes(error.name))
  );
}
export function isUnknownFormatError(error: unknown): error is UnknownFormatError {
  return error instanceof UnknownFormatError || hasName(error, 'UnknownFormatError');
}
export function isListingFormatError(error: unknown): error is ListingFormatError {
  return error instanceof ListingFormatError || hasName(error, 'ListingFormatError');
}
export function isListingValidationError(error: unknown): error is ListingValidationError {
  return error instanceof ListingValidationError || hasName(error, 'ListingValidationError');
}
