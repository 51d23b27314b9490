/** What `papertrend --help` and `papertrend <command> --help` print, and `--version`. */
import { listSources } from '../entries/parse.js';

export const HELP = `papertrend — research-paper listings from Hugging Face, arXiv and your own sources

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
export const VERSION = typeof __PAPERTREND_VERSION__ === 'string' ? __PAPERTREND_VERSION__ : 'dev';

export const COMMAND_HELP: Record<string, string> = {
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
