/**
 * A bundled, real listing for offline use: demos, examples, Storybook, the widget's offline mode and the
 * client's `fallback: 'snapshot'`. A separate entry (`@papertrend/core/snapshot`) so bundles that never
 * import it never carry its data.
 */

// One JSON file for both builds: the ESM build imports it with a JSON attribute (stable on every Node the
// package supports, and read by every bundler we test), the CJS build requires it. Inlined as code it was
// shipped twice, 163 kB in each format.
import data from '../data/snapshot.json' with { type: 'json' };
import type { Listing, Paper } from '../model.js';

export interface SnapshotData {
  /** The Hugging Face trending page of a Mar 11 (copied page text): 60 papers with title and abstract. */
  trending: Listing;
  /** One Hugging Face Daily Papers API day (2026-08-21): upvotes, authors, code links, AI summaries. */
  daily: Listing;
}

/** Both bundled listings, already parsed and validated at build time. */
export const snapshot: SnapshotData = data as SnapshotData;

/** Papers of the bundled Daily Papers day, most upvoted first (what Hugging Face's trending sort shows). */
export const snapshotPapers: readonly Paper[] = [...snapshot.daily.papers].sort(
  (a, b) => (b.metrics.upvotes ?? 0) - (a.metrics.upvotes ?? 0),
);
