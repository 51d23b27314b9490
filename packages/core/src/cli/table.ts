/** A listing as the terminal shows it: a table of papers, and the issues of its entries on stderr. */
import { describePosition } from '../errors.js';
import type { Listing, Paper } from '../model.js';
import { texToUnicode } from '../tex/split.js';
import type { Io } from './io.js';
import { printable } from './safe-output.js';

export function reportIssues(listing: Listing, io: Io): void {
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
