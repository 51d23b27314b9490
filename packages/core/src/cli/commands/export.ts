/** `papertrend export`: BibTeX entries, or a Markdown digest for a newsletter or chat. */
import { defined } from '../../utils/defined.js';
import { toBibtex } from '../../writers/bibtex.js';
import { toMarkdown } from '../../writers/markdown.js';
import { type Io, writeOutput } from '../io.js';
import { EXIT, UsageError, type Values } from '../options.js';
import { reportIssues } from '../table.js';
import { headingOf } from './fetch.js';
import { papersFor } from './today.js';

export async function exportCommand(
  rest: string[],
  values: Values,
  limit: number | undefined,
  io: Io,
): Promise<number> {
  if (values.bibtex === values.markdown) throw new UsageError('export takes one of --bibtex or --markdown');
  const { listing, kind } = await papersFor(rest, values, limit, io);
  const papers = limit === undefined ? listing.papers : listing.papers.slice(0, limit);
  const heading = kind === 'file' ? undefined : headingOf(kind, listing, listing.meta.date);
  const text = values.bibtex
    ? toBibtex(papers)
    : toMarkdown(papers, { flavor: values.slack ? 'slack' : 'markdown', ...defined({ heading }) });
  writeOutput(text, values.out, io);
  reportIssues(listing, io);
  return EXIT.ok;
}
