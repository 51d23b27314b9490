#!/usr/bin/env node
/**
 * `papertrend` — parse and show paper listings from the command line.
 * Exit codes: 0 success, 1 the input is not a readable listing (or has issues under --strict),
 * 2 wrong usage, 3 the network or the service failed, 70 an internal error (a bug: please report it).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createClient } from './client.js';
import { describePosition, isPapertrendError, isRequestError } from './errors.js';
import type { Listing, Paper } from './model.js';
import { listSources, parseListing } from './parse.js';
import { createSearchIndex } from './search.js';
import { isArxivApiError } from './sources/arxiv-atom.js';

export const EXIT = { ok: 0, badInput: 1, usage: 2, network: 3, internal: 70 } as const;

const HELP = `papertrend — research-paper listings from Hugging Face, arXiv and your own sources

Usage:
  papertrend trending             Trending papers on Hugging Face
  papertrend daily [--date D]     Hugging Face Daily Papers of a day (YYYY-MM-DD; default: latest)
  papertrend search <query>       Search Hugging Face papers; with --file, search a local listing instead
  papertrend paper <id>           One paper (arXiv id, arXiv or Hugging Face URL)
  papertrend arxiv <query>        Search arXiv (query syntax: all:word, ti:word, au:name, cat:cs.LG)
  papertrend parse <file|->       Parse a listing (any known format) and print its papers
  papertrend snapshot [daily|trending]
                                  Print the bundled offline snapshot (default: daily, most upvoted first)

Options:
  --json            Print the whole Listing as JSON (papers, issues, format, meta)
  --format <name>   Skip detection and read the input as this format
  --strict          Exit with 1 when any entry had an issue
  --limit <n>       Show (and fetch) at most n papers
  --offline         trending/daily: use the bundled snapshot when Hugging Face cannot be reached
  --file <path>     search: search this local listing file instead of Hugging Face
  -h, --help        Show this help

Formats: ${listSources()
  .map((source) => source.name)
  .join(', ')}
Environment: PAPERTREND_HF_URL, PAPERTREND_ARXIV_URL override the service base URLs (proxies, tests).
Exit codes: 0 ok, 1 bad input, 2 usage error, 3 network or service failure, 70 internal error.
`;

class UsageError extends Error {}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  columns: number;
  /** Show a progress note; returns a function that clears it. Only for terminals. */
  progress?: ((message: string) => () => void) | undefined;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
  columns: process.stdout.columns ?? 100,
  progress: process.stderr.isTTY
    ? (message) => {
        process.stderr.write(message);
        return () => process.stderr.write(`\r${' '.repeat(message.length)}\r`);
      }
    : undefined,
};

/** Run the CLI with `argv` (without `node` and the script); returns the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        format: { type: 'string' },
        strict: { type: 'boolean', default: false },
        limit: { type: 'string' },
        date: { type: 'string' },
        offline: { type: 'boolean', default: false },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined) {
      io.stdout(HELP);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      throw new UsageError(`--limit takes a positive whole number, not "${values.limit}"`);
    }

    let listing: Listing;
    let title: string;
    if (command === 'parse') {
      const file = rest[0];
      if (file === undefined) throw new UsageError('parse needs a file name, or - for standard input');
      const text = file === '-' ? io.readStdin() : readInput(file);
      listing = parseListing(text, {
        ...(values.format === undefined ? {} : { format: values.format }),
        strict: values.strict,
      });
      title = `${file === '-' ? 'stdin' : file} (${listing.format})`;
    } else if (command === 'snapshot') {
      const which = rest[0] ?? 'daily';
      if (which !== 'daily' && which !== 'trending') throw new UsageError('snapshot takes "daily" or "trending"');
      const { snapshot, snapshotPapers } = await import('./snapshot.js');
      listing = which === 'daily' ? { ...snapshot.daily, papers: [...snapshotPapers] } : snapshot.trending;
      title =
        which === 'daily'
          ? `Hugging Face Daily Papers, ${snapshot.daily.meta.date} (bundled snapshot, most upvoted first)`
          : `Hugging Face trending papers, ${snapshot.trending.meta.dateLabel} (bundled snapshot)`;
    } else if (command === 'search' && values.file !== undefined) {
      const query = rest.join(' ');
      const parsed = parseListing(readInput(values.file));
      const hits = createSearchIndex(parsed.papers).search(query, { limit: limit ?? 20 });
      listing = { ...parsed, papers: hits.map((hit) => hit.paper) };
      title = `"${query}" in ${values.file} (${hits.length} best matches of ${parsed.papers.length})`;
    } else if (['trending', 'daily', 'search', 'paper', 'arxiv'].includes(command)) {
      ({ listing, title } = await fetchListing(command, rest, values, limit, io));
    } else {
      throw new UsageError(`unknown command "${command}"`);
    }

    if (values.json) {
      const shown = limit === undefined ? listing : { ...listing, papers: listing.papers.slice(0, limit) };
      io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
    } else {
      io.stdout(formatListing(listing, title, { columns: io.columns, limit }));
    }
    reportIssues(listing, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || isNodeArgError(error)) {
      io.stderr(`papertrend: ${(error as Error).message}\nRun "papertrend --help" for usage.\n`);
      return EXIT.usage;
    }
    if (isPapertrendError(error)) {
      io.stderr(`papertrend: ${error.message}\n`);
      return isRequestError(error) || isArxivApiError(error) ? EXIT.network : EXIT.badInput;
    }
    io.stderr(`papertrend: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}

async function fetchListing(
  command: string,
  rest: string[],
  values: { date?: string | undefined; offline?: boolean | undefined },
  limit: number | undefined,
  io: Io,
): Promise<{ listing: Listing; title: string }> {
  const client = createClient({
    baseUrls: {
      ...(process.env.PAPERTREND_HF_URL ? { huggingface: process.env.PAPERTREND_HF_URL } : {}),
      ...(process.env.PAPERTREND_ARXIV_URL ? { arxiv: process.env.PAPERTREND_ARXIV_URL } : {}),
    },
    userAgent: 'papertrend-cli (+https://www.npmjs.com/package/@papertrend/core)',
    ...(values.offline ? { fallback: 'snapshot' as const } : {}),
  });
  const query = rest.join(' ').trim();
  const needsQuery = command === 'search' || command === 'paper' || command === 'arxiv';
  if (needsQuery && query === '') throw new UsageError(`${command} needs ${command === 'paper' ? 'an id' : 'a query'}`);
  const stopProgress = io.progress?.(`fetching ${command}…`);
  try {
    const limited = limit === undefined ? {} : { limit };
    switch (command) {
      case 'trending': {
        const listing = await client.trending(limited);
        return { listing, title: `Trending on Hugging Face${fallbackNote(listing)}` };
      }
      case 'daily': {
        const listing = await client.daily({ ...limited, ...(values.date ? { date: values.date } : {}) });
        return {
          listing,
          title: `Hugging Face Daily Papers${values.date ? `, ${values.date}` : ''}${fallbackNote(listing)}`,
        };
      }
      case 'search':
        return { listing: await client.search(query, limited), title: `Hugging Face papers matching "${query}"` };
      case 'paper':
        return { listing: await client.paper(query), title: `Paper ${query}` };
      default:
        return {
          listing: await client.arxiv.search({ query, ...(limit === undefined ? {} : { maxResults: limit }) }),
          title: `arXiv: ${query}`,
        };
    }
  } finally {
    stopProgress?.();
  }
}

function fallbackNote(listing: Listing): string {
  return listing.meta.fallback === 'snapshot'
    ? ` — offline: showing the bundled snapshot (${listing.meta.date}) because ${listing.meta.fallbackReason}`
    : '';
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function isNodeArgError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function reportIssues(listing: Listing, io: Io): void {
  if (listing.issues.length === 0) return;
  const errors = listing.issues.filter((issue) => issue.severity === 'error').length;
  io.stderr(
    `${listing.issues.length} issue(s): ${errors} entr${errors === 1 ? 'y' : 'ies'} left out, ${
      listing.issues.length - errors
    } field(s) dropped\n`,
  );
  for (const issue of listing.issues.slice(0, 10)) {
    io.stderr(`  ${issue.severity} at ${describePosition(issue)}: ${issue.message}\n`);
  }
  if (listing.issues.length > 10) io.stderr(`  … and ${listing.issues.length - 10} more (see --json)\n`);
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function authorsOf(paper: Paper): string {
  const names = paper.authors?.map((author) => author.name) ?? [];
  const total = paper.authorCount ?? names.length;
  if (names.length === 0) return total > 0 ? `${total} authors` : '';
  return total > 2 ? `${names[0]} +${total - 1}` : names.join(', ');
}

/** A readable table: one row per paper (#, title, date, upvotes, authors), its links on the line below. */
export function formatListing(
  listing: Listing,
  heading: string,
  options: { columns: number; limit?: number | undefined },
): string {
  const papers = options.limit === undefined ? listing.papers : listing.papers.slice(0, options.limit);
  const columns = Math.max(80, Math.min(options.columns, 160));
  const numberWidth = String(papers.length).length;
  const authorWidth = 24;
  const fixed = numberWidth + 2 + 10 + 2 + 5 + 2 + authorWidth + 2;
  const titleWidth = columns - fixed;
  const lines = [
    heading,
    `${papers.length} of ${listing.papers.length} papers${listing.meta.dateLabel ? ` · ${listing.meta.dateLabel}` : ''}`,
    '',
    `${pad('#', numberWidth)}  ${pad('Title', titleWidth)}  ${pad('Date', 10)}  ${'▲'.padStart(5)}  Authors`,
  ];
  papers.forEach((paper, index) => {
    const date = (paper.publishedAt ?? paper.featuredAt ?? '').slice(0, 10);
    const upvotes = paper.metrics.upvotes === undefined ? '' : String(paper.metrics.upvotes);
    lines.push(
      `${pad(String(index + 1), numberWidth)}  ${pad(truncate(paper.title, titleWidth), titleWidth)}  ${pad(date, 10)}  ${upvotes.padStart(5)}  ${truncate(authorsOf(paper), authorWidth)}`,
    );
    const links = [paper.links.page ?? paper.links.abstract, paper.links.code, paper.links.project].filter(
      (link): link is string => link !== undefined,
    );
    if (links.length > 0)
      lines.push(`${' '.repeat(numberWidth + 2)}${truncate(links.join('  '), columns - numberWidth - 2)}`);
  });
  return `${lines.join('\n')}\n`;
}

// Run only as the bin, not when imported by tests.
const invokedAs = process.argv[1] ?? '';
if (/papertrend(\.js)?$|cli\.(c?js|ts)$/.test(invokedAs)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
