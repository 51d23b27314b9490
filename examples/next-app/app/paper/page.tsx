import { Paper } from '@papertrend/react/server';
import { paperClient } from '../../lib/paper-client';

// One clock for the server render and hydration, so "4 months ago" reads the same in both.
const now = Date.parse('2026-12-01T00:00:00Z');

export default function PaperPage() {
  return (
    <main className="docs-main">
      <h1>Two papers worth reading</h1>
      <p>
        Each card is an async Server Component: <code>{'<Paper id="…" />'}</code> fetches the paper while the page is
        built, and the browser receives its HTML.
      </p>
      <Paper id="2608.19880" fetchOptions={{ client: paperClient }} headingLevel={2} now={now} />
      <p>An arXiv or Hugging Face URL works as an id too:</p>
      <Paper id="https://arxiv.org/abs/1707.08567" fetchOptions={{ client: paperClient }} headingLevel={2} now={now} />
    </main>
  );
}
