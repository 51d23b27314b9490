import { TrendingPapers } from '@papertrend/react';

/**
 * The widget fetching in the reader's browser, through the site's own proxy (`app/hf/[...path]`): Hugging
 * Face's API may send no CORS header, so a browser cannot read it from another origin directly.
 */
export default function BrowserPage() {
  return (
    <main className="docs-main">
      <h1>Today's papers, fetched in your browser</h1>
      <TrendingPapers src="/hf/api/daily_papers?limit=50" limit={10} headingLevel={2} />
    </main>
  );
}
