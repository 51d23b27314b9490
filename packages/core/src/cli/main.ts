#!/usr/bin/env node
/**
 * `papertrend` — parse and show paper listings from the command line.
 * Exit codes: 0 success, 1 the input is not a readable listing (or has issues under --strict),
 * 2 wrong usage, 3 the network or the service failed, 70 an internal error (a bug: please report it).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '../client/index.js';
import { listSources, parseListing } from '../entries/parse.js';
import { describePosition, isPapertrendError, isRequestError } from '../errors.js';
import { isIsoDate, type Listing, type Paper } from '../model.js';
import { createSearchIndex } from '../search/search-index.js';
import { isArxivApiError } from '../sources/arxiv-atom.js';
import { texToUnicode } from '../tex/split.js';
import { toBibtex } from '../writers/bibtex.js';
import { FEED_FORMATS, type FeedFormat, toFeed } from '../writers/feed.js';
import { toMarkdown } from '../writers/markdown.js';
import { planFeedItems } from '../writers/never-blank.js';

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
  papertrend feed [trending|daily] --format rss|atom|json
                                  An RSS, Atom or JSON feed that keeps the last feed's items on a bad day
  papertrend export [trending|daily] --bibtex|--markdown
                                  BibTeX entries, or a Markdown digest for a newsletter or chat

Options:
  --json            Print the whole Listing as JSON (papers, issues, format, meta)
  --format <name>   Skip detection and read the input as this format
  --strict          Exit with 1 when any entry had an issue
  --limit <n>       Show (and fetch) at most n papers
  --offline         trending/daily/feed/export: no network at all, serve the bundled snapshot (says so on stderr)
  --fallback        trending/daily/feed/export: try Hugging Face, serve the snapshot if it cannot be reached
  --file <path>     search/feed/export: use this local listing file instead of Hugging Face
  --out <path>      feed/export: write to this file (atomically: a failed run leaves the old file as it was)
  -h, --help        Show this help (papertrend <command> --help: that command's)
  -v, --version     Print the version

Formats: ${listSources()
  .map((source) => source.name)
  .join(', ')}
Environment: PAPERTREND_HF_URL, PAPERTREND_ARXIV_URL override the service base URLs (proxies, tests).
Exit codes: 0 ok, 1 bad input, 2 usage error, 3 network or service failure, 70 internal error.
`;

/** Replaced by the build with the package's version; `dev` when run from source. */
declare const __PAPERTREND_VERSION__: string | undefined;
const VERSION = typeof __PAPERTREND_VERSION__ === 'string' ? __PAPERTREND_VERSION__ : 'dev';

const COMMAND_HELP: Record<string, string> = {
  trending: `papertrend trending [--limit n] [--json] [--offline | --fallback]
  Trending papers on Hugging Face (daily_papers?sort=trending), as a table or with --json the whole Listing.
  --offline serves the bundled snapshot without touching the network; --fallback tries Hugging Face first and
  serves the snapshot only if it cannot be reached. Either way a line on stderr says the data is the snapshot.`,
  daily: `papertrend daily [--date YYYY-MM-DD] [--limit n] [--json] [--offline | --fallback]
  Hugging Face Daily Papers of a day (default: the latest). The snapshot holds one day only.`,
  feed: `papertrend feed [trending|daily] [--format rss|atom|json] [--out FILE] [--previous FILE]
                [--min-papers N] [--max-items N] [--file LISTING] [--offline | --fallback]
                [--title T] [--link URL] [--feed-url URL] [--summary abstract|ai] [--date YYYY-MM-DD]
  A feed of today's papers (default: trending, RSS 2.0). Never blank: with --previous (the feed you published
  last time, or a saved listing), a failed fetch or one with fewer than --min-papers papers (default: half
  the previous items) keeps the previous items, merged by id, newest first, at most --max-items (default
  100), and says so on stderr. --file builds from a saved listing of any format instead of fetching.`,
  export: `papertrend export [trending|daily] (--bibtex | --markdown [--slack]) [--file LISTING] [--out FILE]
                  [--limit n] [--offline | --fallback] [--date YYYY-MM-DD]
  BibTeX @misc entries (arXiv style, unique keys), or a Markdown digest (--slack: Slack's link syntax).`,
  search: `papertrend search <query> [--limit n] [--json] [--file listing]
  Search Hugging Face papers, or with --file search a local listing of any format (typos and prefixes forgiven).`,
  paper: `papertrend paper <id> [--json]
  One paper: an arXiv id in any form (2106.09685v2, arXiv:…, an arXiv or Hugging Face URL).`,
  arxiv: `papertrend arxiv <query> [--limit n] [--json]
  Search arXiv (all:word, ti:word, au:name, cat:cs.LG; AND, OR, ANDNOT). One request every 3 s, as arXiv asks.`,
  parse: `papertrend parse <file|-> [--format name] [--strict] [--limit n] [--json]
  Parse a listing file (or standard input with -) in any known format and print its papers; issues go to stderr.
  Regular files and standard input up to 64 MiB; a byte-order mark or UTF-16 is read right.
  --strict exits with 1 when an entry was left out or a field dropped. --json output is safe to inline in HTML.`,
  snapshot: `papertrend snapshot [daily|trending] [--limit n] [--json]
  Print the bundled offline snapshot (daily: most upvoted first).`,
};

class UsageError extends Error {}
/** The input cannot be a listing before it is even read (too large): exit code 1, like any bad input. */
class BadInputError extends Error {}

/** The largest input `parse` and `--file` read: far above any real listing, far below what exhausts memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string | Uint8Array | Promise<string | Uint8Array>;
  columns: number;
  /** Show a progress note; returns a function that clears it. Only for terminals. */
  progress?: ((message: string) => () => void) | undefined;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: readStandardInput,
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
      },
    });
    const [command, ...rest] = positionals;
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (values.help && command !== undefined && COMMAND_HELP[command]) {
      io.stdout(
        `Usage: ${COMMAND_HELP[command]}\n\nRun "papertrend --help" for every command, format and exit code.\n`,
      );
      return EXIT.ok;
    }
    if (values.help || command === undefined) {
      io.stdout(HELP);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    const limit = wholeNumber(values.limit, '--limit', 1);
    if (values.offline && values.fallback) {
      throw new UsageError('--offline (no network) and --fallback (network, then the snapshot) exclude each other');
    }
    if (values.date !== undefined && !(values.date.length === 10 && isIsoDate(values.date))) {
      throw new UsageError(`--date takes a day that exists, as YYYY-MM-DD, not "${values.date}"`);
    }
    if (command === 'feed') return await feedCommand(rest, values, io);
    if (command === 'export') return await exportCommand(rest, values, limit, io);

    const formats = listSources().map((source) => source.name);
    if (values.format !== undefined && !formats.includes(values.format)) {
      throw new UsageError(`--format takes one of ${formats.join(', ')}; "${values.format}" is none of them`);
    }

    let listing: Listing;
    let title: string;
    if (command === 'parse') {
      const file = rest[0];
      if (file === undefined) throw new UsageError('parse needs a file name, or - for standard input');
      const text = file === '-' ? await io.readStdin() : readInput(file);
      listing = parseListing(text, {
        ...(values.format === undefined ? {} : { format: values.format }),
        strict: values.strict,
      });
      title = `${file === '-' ? 'stdin' : file} (${listing.format})`;
    } else if (command === 'snapshot') {
      const which = rest[0] ?? 'daily';
      if (which !== 'daily' && which !== 'trending') throw new UsageError('snapshot takes "daily" or "trending"');
      const { snapshot, snapshotPapers } = await import('../entries/snapshot.js');
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
    } else if (command === 'trending' || command === 'daily') {
      ({ listing, title } = await listingOf(command, values, limit, io));
    } else if (['search', 'paper', 'arxiv'].includes(command)) {
      if (values.offline || values.fallback) {
        throw new UsageError(
          `${command} has no offline data: --offline and --fallback work with trending, daily, feed and export`,
        );
      }
      ({ listing, title } = await fetchListing(command, rest, values, limit, io));
    } else {
      throw new UsageError(`unknown command "${command}"`);
    }

    if (values.json) {
      const shown = limit === undefined ? listing : { ...listing, papers: listing.papers.slice(0, limit) };
      io.stdout(`${toSafeJson(shown)}\n`);
    } else {
      io.stdout(formatListing(listing, title, { columns: io.columns, limit }));
    }
    reportIssues(listing, io);
    return EXIT.ok;
  } catch (error) {
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
}

/** The parsed options the commands read. */
interface Values {
  date?: string | undefined;
  offline?: boolean | undefined;
  fallback?: boolean | undefined;
  file?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  previous?: string | undefined;
  'min-papers'?: string | undefined;
  'max-items'?: string | undefined;
  title?: string | undefined;
  link?: string | undefined;
  'feed-url'?: string | undefined;
  summary?: string | undefined;
  bibtex?: boolean | undefined;
  markdown?: boolean | undefined;
  slack?: boolean | undefined;
}

function wholeNumber(raw: string | undefined, flag: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(Number.isInteger(value) && value >= min)) {
    throw new UsageError(`${flag} takes a whole number of at least ${min}, not "${raw}"`);
  }
  return value;
}

/**
 * Trending or daily papers: from the bundled snapshot with --offline (no network at all), else from Hugging
 * Face (with --fallback, the snapshot when it cannot be reached). Whenever the snapshot is served, stderr
 * says so in one line: a build log must show that old data was published.
 */
async function listingOf(
  kind: 'trending' | 'daily',
  values: Values,
  limit: number | undefined,
  io: Io,
): Promise<{ listing: Listing; title: string }> {
  if (!values.offline) {
    const fetched = await fetchListing(kind, [], values, limit, io);
    noteSnapshot(fetched.listing, io);
    return fetched;
  }
  const { snapshot, snapshotPapers } = await import('../entries/snapshot.js');
  const day = snapshot.daily.meta.date;
  if (values.date !== undefined && values.date !== day) {
    throw new UsageError(`--offline serves the bundled snapshot, which holds ${day} only, not ${values.date}`);
  }
  const listing: Listing = {
    ...snapshot.daily,
    papers: kind === 'trending' ? [...snapshotPapers] : snapshot.daily.papers,
    meta: { ...snapshot.daily.meta, fallback: 'snapshot', fallbackReason: '--offline' },
  };
  noteSnapshot(listing, io);
  const name = kind === 'trending' ? 'Trending on Hugging Face' : `Hugging Face Daily Papers, ${day}`;
  return { listing, title: `${name}${fallbackNote(listing)}` };
}

function noteSnapshot(listing: Listing, io: Io): void {
  if (listing.meta.fallback !== 'snapshot') return;
  const why =
    listing.meta.fallbackReason === '--offline'
      ? '--offline'
      : `Hugging Face could not be reached: ${printable(String(listing.meta.fallbackReason))}`;
  const which =
    listing.meta.date === undefined
      ? `the Hugging Face trending page of ${listing.meta.dateLabel}`
      : `Hugging Face Daily Papers of ${listing.meta.date}`;
  io.stderr(`papertrend: serving the bundled snapshot (${which}), not today's papers (${why})\n`);
}

/** Today's papers for `feed` and `export`: a saved listing (--file) or trending/daily as above. */
async function papersFor(
  rest: string[],
  values: Values,
  limit: number | undefined,
  io: Io,
): Promise<{ listing: Listing; kind: 'trending' | 'daily' | 'file' }> {
  if (values.file !== undefined) {
    if (rest.length > 0) throw new UsageError(`--file replaces "${rest[0]}": give one or the other`);
    if (values.offline || values.fallback)
      throw new UsageError('--file reads a local listing: --offline and --fallback do not apply');
    return { listing: parseListing(readInput(values.file)), kind: 'file' };
  }
  const kind = rest[0] ?? 'trending';
  if (kind !== 'trending' && kind !== 'daily') throw new UsageError(`takes "trending" or "daily", not "${kind}"`);
  if (rest.length > 1) throw new UsageError(`unexpected "${rest[1]}"`);
  return { listing: (await listingOf(kind, values, limit, io)).listing, kind };
}

async function feedCommand(rest: string[], values: Values, io: Io): Promise<number> {
  const format = (values.format ?? 'rss') as FeedFormat;
  if (!FEED_FORMATS.includes(format)) {
    throw new UsageError(`feed --format takes one of ${FEED_FORMATS.join(', ')}, not "${values.format}"`);
  }
  if (values.summary !== undefined && values.summary !== 'abstract' && values.summary !== 'ai') {
    throw new UsageError(`--summary takes "abstract" or "ai", not "${values.summary}"`);
  }
  for (const flag of ['link', 'feed-url'] as const) {
    const url = values[flag];
    if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url)) {
      throw new UsageError(`--${flag} takes an http(s) URL, not "${url}"`);
    }
  }
  const minPapers = wholeNumber(values['min-papers'], '--min-papers', 0);
  const maxItems = wholeNumber(values['max-items'], '--max-items', 1);
  // The previous feed is read first: a run that could not keep it must fail before fetching anything.
  const previous = values.previous === undefined ? undefined : parseListing(readInput(values.previous));
  let today: { listing: Listing; kind: 'trending' | 'daily' | 'file' } | undefined;
  let failure: string | undefined;
  try {
    today = await papersFor(rest, values, undefined, io);
  } catch (error) {
    if (previous === undefined || !(isRequestError(error) || isPapertrendError(error))) throw error;
    failure = `${values.file ?? 'Hugging Face'} failed: ${printable((error as Error).message)}`;
  }
  const papers = today?.listing.papers;
  const plan = planFeedItems(papers, { previous, minPapers, maxItems });
  if (plan.papers.length === 0) {
    throw new BadInputError(
      `${failure ?? 'no papers to write'}; no feed written${previous ? '' : " (--previous FILE keeps the last feed's items on a bad day)"}`,
    );
  }
  if (plan.keptFromPrevious > 0) {
    const count = papers?.length ?? 0;
    io.stderr(
      `papertrend: kept ${plan.keptFromPrevious} item${plan.keptFromPrevious === 1 ? '' : 's'} from the previous feed: ${
        failure ??
        `${today?.kind === 'file' ? values.file : 'Hugging Face'} returned ${count} paper${count === 1 ? '' : 's'} (fewer than ${plan.minPapers})`
      }\n`,
    );
  }
  const kind = today?.kind;
  // The plan is made once, above: the feed is written from its papers.
  const text = toFeed(plan.papers, {
    format,
    // The plan above already chose the items: the writer keeps them all (it would cap at its default).
    maxItems: Math.max(plan.papers.length, 1),
    title:
      values.title ??
      plan.previousTitle ??
      (kind === 'daily'
        ? 'Hugging Face Daily Papers'
        : kind === 'file'
          ? `Papers from ${basename(values.file ?? '')}`
          : 'Hugging Face trending papers'),
    link:
      values.link ?? (kind === 'trending' ? 'https://huggingface.co/papers/trending' : 'https://huggingface.co/papers'),
    ...(values['feed-url'] === undefined ? {} : { feedUrl: values['feed-url'] }),
    ...(values.summary === 'ai' ? { summary: 'ai-summary' as const } : {}),
  });
  writeOutput(text, values.out, io);
  return EXIT.ok;
}

async function exportCommand(rest: string[], values: Values, limit: number | undefined, io: Io): Promise<number> {
  if (values.bibtex === values.markdown) throw new UsageError('export takes one of --bibtex or --markdown');
  const { listing, kind } = await papersFor(rest, values, limit, io);
  const papers = limit === undefined ? listing.papers : listing.papers.slice(0, limit);
  const heading =
    kind === 'file'
      ? undefined
      : kind === 'daily'
        ? `Hugging Face Daily Papers${listing.meta.date ? `, ${listing.meta.date}` : ''}`
        : 'Trending on Hugging Face';
  const text = values.bibtex
    ? toBibtex(papers)
    : toMarkdown(papers, { flavor: values.slack ? 'slack' : 'markdown', ...(heading ? { heading } : {}) });
  writeOutput(text, values.out, io);
  reportIssues(listing, io);
  return EXIT.ok;
}

/** To stdout, or to `file` atomically (see `writeFileAtomically`). */
function writeOutput(text: string, file: string | undefined, io: Io): void {
  if (file === undefined) {
    io.stdout(text);
    return;
  }
  writeFileAtomically(file, text);
}

/**
 * Write `file` atomically: beside it under a temporary name, then renamed over it, so a run that fails (or is
 * killed) midway never leaves a half-written feed where a web server serves it. The temporary name is random
 * and created exclusively (`wx` is O_CREAT | O_EXCL, which also refuses a symlink planted there), so it is
 * always a file this run made, never one someone else points it at. `temporaryName` is for tests.
 */
export function writeFileAtomically(
  file: string,
  text: string,
  temporaryName: (file: string) => string = (target) =>
    join(dirname(target), `.${basename(target)}.${randomBytes(12).toString('hex')}.tmp`),
): void {
  const temporary = temporaryName(file);
  let created = false;
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    created = true;
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    try {
      // Only a file this run created is removed; a name that was taken is someone else's.
      if (created) unlinkSync(temporary);
    } catch {
      // Already gone: nothing to clean up.
    }
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function fetchListing(
  command: string,
  rest: string[],
  values: Values,
  limit: number | undefined,
  io: Io,
): Promise<{ listing: Listing; title: string }> {
  const huggingface = baseUrlFromEnv('PAPERTREND_HF_URL');
  const arxiv = baseUrlFromEnv('PAPERTREND_ARXIV_URL');
  const client = createClient({
    baseUrls: { ...(huggingface ? { huggingface } : {}), ...(arxiv ? { arxiv } : {}) },
    userAgent: 'papertrend-cli (+https://www.npmjs.com/package/@papertrend/core)',
    ...(values.fallback ? { fallback: 'snapshot' as const } : {}),
    // The CLI says on stderr itself which snapshot it served (noteSnapshot), in its own words.
    onWarning: false,
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

function baseUrlFromEnv(name: string): string | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) {
    throw new UsageError(`${name} must be an http(s) URL, not ${JSON.stringify(value.slice(0, 100))}`);
  }
  return value;
}

/**
 * A listing file as bytes (so a byte-order mark or UTF-16 is read right). Only regular files: a FIFO
 * without a writer would block and `/dev/zero` never ends, so those go through standard input, which is
 * read with a cap.
 */
function readInput(file: string): Uint8Array {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new UsageError(`${file} is a directory, not a listing file`);
    if (!stats.isFile()) {
      throw new UsageError(
        `${file} is not a regular file (a FIFO, device or socket); to read it, pipe it in: papertrend parse - < ${file}`,
      );
    }
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_INPUT_BYTES) throw tooLarge(file, size);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function tooLarge(what: string, size: number): BadInputError {
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  return new BadInputError(
    `${what} is ${size > MAX_INPUT_BYTES ? `over ${mb(MAX_INPUT_BYTES)}` : mb(size)}; papertrend reads listings up to ${mb(MAX_INPUT_BYTES)} (a day of Hugging Face papers is about 0.2 MiB)`,
  );
}

/** Standard input, up to `MAX_INPUT_BYTES` (`< /dev/zero` fails there instead of filling memory). */
async function readStandardInput(): Promise<Uint8Array> {
  let isDirectory = false;
  try {
    isDirectory = fstatSync(0).isDirectory();
  } catch {
    // No standard input to inspect (closed): reading it below gives the empty input.
  }
  if (isDirectory) throw new UsageError('standard input is a directory, not a listing');
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin) {
      total += (chunk as Buffer).length;
      if (total > MAX_INPUT_BYTES) {
        process.stdin.destroy();
        throw tooLarge('standard input', total);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new UsageError(
      `cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return Buffer.concat(chunks);
}

/**
 * JSON that is safe to inline in HTML (`<script type="application/json">`) and in JavaScript: `<`, `>`, `&`
 * and the line separators U+2028/2029 are written as `\u` escapes, which every JSON reader turns back into
 * the same characters. A title holding `</script><script>…` then cannot end the script element.
 */
export function toSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// C0 and C1 controls (ESC starts terminal escape sequences: clear screen, window title, OSC 8 links) and the
// bidirectional overrides that make text display in another order than it reads.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a listing or a server as the terminal may show it: no control characters, no bidi overrides. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
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
    io.stderr(`  ${issue.severity} at ${printable(describePosition(issue))}: ${printable(issue.message)}\n`);
  }
  if (listing.issues.length > 10) io.stderr(`  … and ${listing.issues.length - 10} more (see --json)\n`);
}

function truncate(text: string, width: number): string {
  const chars = [...printable(text)];
  // The printable text either way: a short title must not carry terminal escapes past the check.
  return chars.length <= width ? chars.join('') : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function authorsOf(paper: Paper): string {
  const names = paper.authors?.map((author) => texToUnicode(author.name)) ?? [];
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
    printable(heading),
    `${papers.length} of ${listing.papers.length} papers${listing.meta.dateLabel ? ` · ${printable(listing.meta.dateLabel)}` : ''}`,
    '',
    `${pad('#', numberWidth)}  ${pad('Title', titleWidth)}  ${pad('Date', 10)}  ${'▲'.padStart(5)}  Authors`,
  ];
  papers.forEach((paper, index) => {
    const date = (paper.publishedAt ?? paper.featuredAt ?? '').slice(0, 10);
    const upvotes = paper.metrics.upvotes === undefined ? '' : String(paper.metrics.upvotes);
    lines.push(
      `${pad(String(index + 1), numberWidth)}  ${pad(truncate(texToUnicode(paper.title), titleWidth), titleWidth)}  ${pad(date, 10)}  ${upvotes.padStart(5)}  ${truncate(authorsOf(paper), authorWidth)}`,
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
  // `papertrend … | head` closes the pipe early: that is the reader being done, not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
