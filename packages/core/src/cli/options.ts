/**
 * The command line's one option table: `parseArgs` reads it, and the type of the parsed values is derived
 * from it, so a flag is written once. Also the exit codes and the two errors that choose them.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export const EXIT = { ok: 0, badInput: 1, usage: 2, network: 3, internal: 70 } as const;

/** Wrong usage: exit code 2, with a pointer to `--help`. */
export class UsageError extends Error {}
/** The input cannot be a listing before it is even read (too large): exit code 1, like any bad input. */
export class BadInputError extends Error {}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  /** The input's format for `parse`; the feed's format (rss, atom, json) for `feed`. */
  format: { type: 'string' },
  strict: { type: 'boolean', default: false },
  limit: { type: 'string' },
  date: { type: 'string' },
  offline: { type: 'boolean', default: false },
  fallback: { type: 'boolean', default: false },
  file: { type: 'string' },
  out: { type: 'string' },
  previous: { type: 'string' },
  'min-papers': { type: 'string' },
  'max-items': { type: 'string' },
  title: { type: 'string' },
  link: { type: 'string' },
  'feed-url': { type: 'string' },
  summary: { type: 'string' },
  bibtex: { type: 'boolean', default: false },
  markdown: { type: 'boolean', default: false },
  slack: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const satisfies ParseArgsConfig['options'];

export function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
}

/** The parsed options the commands read. */
export type Values = ReturnType<typeof parseCommandLine>['values'];

export function wholeNumber(raw: string | undefined, flag: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(Number.isInteger(value) && value >= min)) {
    throw new UsageError(`${flag} takes a whole number of at least ${min}, not "${raw}"`);
  }
  return value;
}

/** `parseArgs` refusing an unknown flag or a missing value: a usage error like ours. */
export function isNodeArgError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
