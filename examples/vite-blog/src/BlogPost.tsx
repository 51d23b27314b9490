import type { Paper } from '@papertrend/core';
import { TrendingPapers } from '@papertrend/react';
import '@papertrend/react/styles.css';
import { useState, version } from 'react';
// Written at build time by `papertrend trending --offline --json` (see package.json): the page ships the
// papers it was built with, and never calls Hugging Face from the reader's browser.
import listing from './papers.generated.json';

const papers = listing.papers as Paper[];
const builtAt = Date.parse(listing.meta.date ?? '') || Date.now();

export function BlogPost() {
  const [theme, setTheme] = useState<'light' | 'dark'>(() =>
    document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
  );
  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    // The blog's own theme switch; the widget follows the page's data-theme by itself.
    document.documentElement.dataset.theme = next;
    setTheme(next);
  };
  return (
    <>
      <header className="blog-header">
        <a className="blog-name" href="/">
          Notes on machine learning
        </a>
        <button type="button" className="theme-toggle" onClick={toggleTheme}>
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </header>
      <main>
        <article>
          <h1>What caught our eye this week</h1>
          <p>
            Every Friday we go through the papers people upvoted on Hugging Face. The list below was generated when this
            site was built; search it, sort it, open what looks interesting.
          </p>
          <h2>Trending papers</h2>
          <TrendingPapers className="blog-trending" papers={papers} limit={8} now={builtAt} headingLevel={3} />
          <h2>More from the trending page</h2>
          <p>This one is fetched and validated in the browser, from a listing file beside the page.</p>
          <TrendingPapers className="blog-more" src="/more-papers.json" limit={3} headingLevel={3} />
        </article>
        <aside className="blog-sidebar" aria-labelledby="top-five">
          <h2 id="top-five">Top five</h2>
          <TrendingPapers
            className="blog-top"
            papers={papers}
            variant="compact"
            sort="upvotes"
            limit={5}
            now={builtAt}
            headingLevel={3}
          />
        </aside>
      </main>
      <footer className="blog-footer">Built with React {version}</footer>
    </>
  );
}
