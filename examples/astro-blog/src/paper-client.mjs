import { createClient } from '@papertrend/core';
import { createFileCache } from '@papertrend/core/node';

/**
 * The client the build fetches single papers with. Each paper is kept in `paper-cache/` (committed), and
 * `maxAge: Infinity` reads it from there ever after: builds are offline and give the same page every time.
 * Delete a file, or the folder, to fetch again. (This repository's cache was primed from saved responses with
 * scripts/prime-paper-cache.mjs, as its machines have no network.)
 */
export const paperClient = createClient({
  cache: { store: createFileCache({ dir: 'paper-cache', maxAge: Number.POSITIVE_INFINITY }) },
});
