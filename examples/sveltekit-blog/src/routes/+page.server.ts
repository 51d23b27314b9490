import { createClient } from '@papertrend/core';
import { renderTrendingPapers } from '@papertrend/embed/server';

// No SvelteKit runtime in the browser: the page is finished HTML, and the embed's script is all it loads (the
// data is not sent a second time for hydration).
export const csr = false;

/**
 * At build time: today's papers from Hugging Face (the bundled snapshot when it cannot be reached, as in an
 * offline build, which the client warns about in the build log), written as a finished `<trending-papers>`
 * element: readers without JavaScript and crawlers get the papers, the embed's script makes them searchable.
 */
export async function load() {
  const listing = await createClient({ fallback: 'snapshot' }).trending({ limit: 30 });
  return {
    saved: listing.meta.fallback === 'snapshot' ? listing.meta.date : undefined,
    widget: renderTrendingPapers({ papers: listing, attributes: { limit: 5, 'heading-level': 2 } }),
  };
}
