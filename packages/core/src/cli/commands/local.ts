/** The commands that read no network: `parse` a file, print the bundled `snapshot`, `search --file`. */
import { listSources, parseListing } from '../../entries/parse.js';
import { createSearchIndex } from '../../search/search-index.js';
import { defined } from '../../utils/defined.js';
import { type Io, readInput } from '../io.js';
import { UsageError, type Values } from '../options.js';
import type { Shown } from './fetch.js';

export async function parseCommand(rest: string[], values: Values, io: Io): Promise<Shown> {
  const formats = listSources().map((source) => source.name);
  if (values.format !== undefined && !formats.includes(values.format)) {
    throw new UsageError(`--format takes one of ${formats.join(', ')}; "${values.format}" is none of them`);
  }
  const file = rest[0];
  if (file === undefined) throw new UsageError('parse needs a file name, or - for standard input');
  const text = file === '-' ? await io.readStdin() : readInput(file);
  const listing = parseListing(text, { ...defined({ format: values.format }), strict: values.strict });
  return { listing, title: `${file === '-' ? 'stdin' : file} (${listing.format})` };
}

export async function snapshotCommand(rest: string[]): Promise<Shown> {
  const which = rest[0] ?? 'daily';
  if (which !== 'daily' && which !== 'trending') throw new UsageError('snapshot takes "daily" or "trending"');
  const { snapshot, snapshotPapers } = await import('../../entries/snapshot.js');
  if (which === 'trending') {
    return {
      listing: snapshot.trending,
      title: `Hugging Face trending papers, ${snapshot.trending.meta.dateLabel} (bundled snapshot)`,
    };
  }
  return {
    listing: { ...snapshot.daily, papers: [...snapshotPapers] },
    title: `Hugging Face Daily Papers, ${snapshot.daily.meta.date} (bundled snapshot, most upvoted first)`,
  };
}

export function searchFileCommand(rest: string[], file: string, limit: number | undefined): Shown {
  const query = rest.join(' ');
  const parsed = parseListing(readInput(file));
  const hits = createSearchIndex(parsed.papers).search(query, { limit: limit ?? 20 });
  return {
    listing: { ...parsed, papers: hits.map((hit) => hit.paper) },
    title: `"${query}" in ${file} (${hits.length} best matches of ${parsed.papers.length})`,
  };
}
