import { createClient } from '@papertrend/core';
import { TrendingPapers, trimForWidget } from '@papertrend/react';
import type { Route } from './+types/home';

export function meta() {
  return [{ title: 'Lab notebook — trending papers' }];
}

/**
 * Runs at build time (the route is prerendered): Hugging Face when reachable, the bundled snapshot when not,
 * which the client warns about in the build log and the widget tells readers. Only what the widget shows and
 * searches travels in the page's hydration data (`trimForWidget`), with one `now` for both renders.
 */
export async function loader() {
  const listing = await createClient({ fallback: 'snapshot' }).trending({ limit: 30 });
  return { listing: trimForWidget(listing), now: Date.now() };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  return (
    <main>
      <h1>Lab notebook</h1>
      <p>What the Hugging Face community is reading, loaded when this site was built. Search as you type.</p>
      <TrendingPapers listing={loaderData.listing} now={loaderData.now} limit={5} headingLevel={2} />
    </main>
  );
}
