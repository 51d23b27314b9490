import { createClient } from '@papertrend/core';
import { TrendingPapers } from '@papertrend/react';

// Fetched on every request (no caching): what a dashboard wants. Still server-rendered HTML.
export const dynamic = 'force-dynamic';

const client = createClient({
  fallback: 'snapshot',
  timeout: 5_000,
  cache: false,
  ...(process.env.PAPERTREND_HF_URL ? { baseUrls: { huggingface: process.env.PAPERTREND_HF_URL } } : {}),
});

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
