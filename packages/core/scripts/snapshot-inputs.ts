import { parseListing } from '../src/entries/parse.js';
import type { SnapshotData } from '../src/entries/snapshot.js';

/** The fixtures the snapshot is made of, relative to the package root. */
export const SNAPSHOT_INPUTS = {
  trending: 'test/fixtures/hf-page-text/trending-mar-11.txt',
  daily: 'test/fixtures/hf-api/2026-08-21.json',
} as const;

/** Parse the snapshot's inputs exactly as users' input is parsed (shared by the script and its test). */
export function buildSnapshotData(read: (path: string) => string): SnapshotData {
  const trending = parseListing(read(SNAPSHOT_INPUTS.trending), { strict: true });
  const daily = parseListing(read(SNAPSHOT_INPUTS.daily), { strict: true });
  return {
    trending,
    daily: { ...daily, meta: { ...daily.meta, date: '2026-08-21' } },
  };
}
