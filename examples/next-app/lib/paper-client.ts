import { createClient } from '@papertrend/core';
import { createFileCache } from '@papertrend/core/node';

/**
 * The client single papers are fetched with at build time. Each paper is kept in `paper-cache/` (committed)
 * and read from there ever after (`maxAge: Infinity`): the build is offline and gives the same page every
 * time; delete a file to fetch that paper again. (This repository's cache was primed from saved responses with
 * scripts/prime-paper-cache.mjs, as its machines have no network.)
 */
export const paperClient = createClient({
  cache: { store: createFileCache({ dir: 'paper-cache', maxAge: Number.POSITIVE_INFINITY }) },
});
