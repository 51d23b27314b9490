import { TrendingPapers } from '@papertrend/react';
import { trimForWidget } from '@papertrend/react/server';
import { createPapersClient } from '../lib/papers-client';

// Rendered on the server at build time and again at most hourly (ISR); readers get HTML with the papers in it.
export const revalidate = 3600;

const client = createPapersClient();

/** A Server Component: the data is fetched here, and only plain papers cross into the client widget. */
export default async function Page() {
  const listing = await client.trending({ limit: 30 });
  // One reference time for the server render and hydration, so relative dates cannot disagree.
  const renderedAt = Date.now();
  return (
    <main className="docs-main">
      <h1>Papers this week</h1>
      <p>
        {listing.meta.fallback === 'snapshot'
          ? `Hugging Face could not be reached when this page was built; showing the bundled snapshot of ${listing.meta.date}.`
          : `Fetched from Hugging Face on the server, ${listing.papers.length} papers.`}
      </p>
      {/* The listing as the client answered it (a snapshot shows its note), trimmed to what the widget shows and
          searches: the props travel in the page. */}
      <TrendingPapers listing={trimForWidget(listing)} limit={10} now={renderedAt} headingLevel={2} />
    </main>
  );
}
