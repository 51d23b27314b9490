import { TrendingPapers } from '@papertrend/react';
import { createPapersClient } from '../../lib/papers-client';

// Fetched on every request (no caching): what a dashboard wants. Still server-rendered HTML.
export const dynamic = 'force-dynamic';

const client = createPapersClient({ timeout: 5_000, cache: false });

export default async function LivePage() {
  const listing = await client.trending({ limit: 20 });
  const renderedAt = Date.now();
  return (
    <main className="docs-main">
      <h1>Trending right now</h1>
      <TrendingPapers papers={listing.papers} limit={10} now={renderedAt} headingLevel={2} />
    </main>
  );
}
