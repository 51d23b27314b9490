#!/usr/bin/env node
import { isPapertrendError, isRequestError } from '../errors.js';
/**
 * `papertrend` — parse and show paper listings from the command line. This file reads the command line,
 * hands it to a command (`commands/`), prints the listing it returns, and maps failures to exit codes:
 * 0 success, 1 the input is not a readable listing (or has issues under --strict), 2 wrong usage, 3 the
 * network or the service failed, 70 an internal error (a bug: please report it).
 */
import { isIsoDate } from '../model.js';
import { isArxivApiError } from '../sources/arxiv-atom/index.js';
import { exportCommand } from './commands/export.js';
import { feedCommand } from './commands/feed.js';
import { fetchListing, type Shown } from './commands/fetch.js';
import { parseCommand, searchFileCommand, snapshotCommand } from './commands/local.js';
import { listingOf } from './commands/today.js';
import { COMMAND_HELP, HELP, VERSION } from './help.js';
import { defaultIo, type Io } from './io.js';
import {
  BadInputError,
  EXIT,
  isNodeArgError,
  parseCommandLine,
  UsageError,
  type Values,
  wholeNumber,
} from './options.js';
import { printable, toSafeJson } from './safe-output.js';
import { formatListing, reportIssues } from './table.js';

/** Run the CLI with `argv` (without `node` and the script); returns the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [command, ...rest] = positionals;
    const helped = help(command, values, io);
    if (helped !== undefined) return helped;
    const limit = wholeNumber(values.limit, '--limit', 1);
    if (values.offline && values.fallback) {
      throw new UsageError('--offline (no network) and --fallback (network, then the snapshot) exclude each other');
    }
    if (values.date !== undefined && !(values.date.length === 10 && isIsoDate(values.date))) {
      throw new UsageError(`--date takes a day that exists, as YYYY-MM-DD, not "${values.date}"`);
    }
    if (command === 'feed') return await feedCommand(rest, values, io);
    if (command === 'export') return await exportCommand(rest, values, limit, io);
    const { listing, title } = await listingCommand(command as string, rest, values, limit, io);
    if (values.json) {
      const shown = limit === undefined ? listing : { ...listing, papers: listing.papers.slice(0, limit) };
      io.stdout(`${toSafeJson(shown)}\n`);
    } else {
      io.stdout(formatListing(listing, title, { columns: io.columns, limit }));
    }
    reportIssues(listing, io);
    return EXIT.ok;
  } catch (error) {
    return failed(error, io);
  }
}

/** `--version`, `--help`, `<command> --help`, or no command: the exit code, or `undefined` to go on. */
function help(command: string | undefined, values: Values, io: Io): number | undefined {
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (values.help && command !== undefined && COMMAND_HELP[command]) {
    io.stdout(`Usage: ${COMMAND_HELP[command]}\n\nRun "papertrend --help" for every command, format and exit code.\n`);
    return EXIT.ok;
  }
  if (values.help || command === undefined) {
    io.stdout(HELP);
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  return undefined;
}

/** The commands that print a listing. */
async function listingCommand(
  command: string,
  rest: string[],
  values: Values,
  limit: number | undefined,
  io: Io,
): Promise<Shown> {
  if (command === 'parse') return parseCommand(rest, values, io);
  if (command === 'snapshot') return snapshotCommand(rest);
  if (command === 'search' && values.file !== undefined) return searchFileCommand(rest, values.file, limit);
  if (command === 'trending' || command === 'daily') return listingOf(command, values, limit, io);
  if (command === 'search' || command === 'paper' || command === 'arxiv') {
    if (values.offline || values.fallback) {
      throw new UsageError(
        `${command} has no offline data: --offline and --fallback work with trending, daily, feed and export`,
      );
    }
    return fetchListing(command, rest, values, limit, io);
  }
  throw new UsageError(`unknown command "${command}"`);
}

function failed(error: unknown, io: Io): number {
  if (error instanceof UsageError || isNodeArgError(error)) {
    io.stderr(`papertrend: ${printable((error as Error).message)}\nRun "papertrend --help" for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof BadInputError) {
    io.stderr(`papertrend: ${printable((error as Error).message)}\n`);
    return EXIT.badInput;
  }
  if (isPapertrendError(error)) {
    io.stderr(`papertrend: ${printable(error.message)}\n`);
    return isRequestError(error) || isArxivApiError(error) ? EXIT.network : EXIT.badInput;
  }
  io.stderr(`papertrend: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.internal;
}

// Run only as the bin, not when imported by tests.
const invokedAs = process.argv[1] ?? '';
if (/papertrend(\.js)?$|cli\.(c?js|ts)$|cli\/main\.ts$/.test(invokedAs)) {
  // `papertrend … | head` closes the pipe early: that is the reader being done, not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
