/**
 * Today's papers, for `trending`, `daily`, `feed` and `export`: from Hugging Face, or the bundled snapshot
 * with `--offline` (no network at all) or `--fallback` (when Hugging Face cannot be reached). Whenever the
 * snapshot is served, stderr says so in one line: a build log must show that old data was published.
 */
import { parseListing } from '../../entries/parse.js';
import type { Listing } from '../../model.js';
import { type Io, readInput } from '../io.js';
import { UsageError, type Values } from '../options.js';
import { printable } from '../safe-output.js';
import { fetchListing, headingOf, type Shown } from './fetch.js';

export async function listingOf(
  kind: 'trending' | 'daily',
  values: Values,
  limit: number | undefined,
  io: Io,
): Promise<Shown> {
  if (!values.offline) {
    const fetched = await fetchListing(kind, [], values, limit, io);
    noteSnapshot(kind, fetched.listing, io);
    return fetched;
  }
  const { snapshot, snapshotPapers } = await import('../../entries/snapshot.js');
  const day = snapshot.daily.meta.date;
  if (values.date !== undefined && values.date !== day) {
    throw new UsageError(`--offline serves the bundled snapshot, which holds ${day} only, not ${values.date}`);
  }
  const listing: Listing = {
    ...snapshot.daily,
    papers: kind === 'trending' ? [...snapshotPapers] : snapshot.daily.papers,
    meta: { ...snapshot.daily.meta, fallback: 'snapshot', fallbackReason: '--offline' },
  };
  noteSnapshot(kind, listing, io);
  return { listing, title: headingOf(kind, listing) };
}

function noteSnapshot(kind: 'trending' | 'daily', listing: Listing, io: Io): void {
  if (listing.meta.fallback !== 'snapshot') return;
  const why =
    listing.meta.fallbackReason === '--offline'
      ? '--offline'
      : `Hugging Face could not be reached: ${printable(String(listing.meta.fallbackReason))}`;
  const which =
    listing.meta.date === undefined
      ? `the Hugging Face trending page of ${listing.meta.dateLabel}`
      : `Hugging Face Daily Papers of ${listing.meta.date}${kind === 'trending' ? ', most upvoted first' : ''}`;
  io.stderr(`papertrend: serving the bundled snapshot (${which}), not today's papers (${why})\n`);
}

/** What `feed` and `export` write from: a saved listing (--file) or trending/daily as above. */
export async function papersFor(
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
