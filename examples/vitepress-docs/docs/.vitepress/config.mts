import { createClient } from '@papertrend/core';
import { createFileCache } from '@papertrend/core/node';
import { markdownItPaperCards, preparePaperCards } from '@papertrend/markdown';
import { defineConfig } from 'vitepress';

// A paper link alone on its line becomes the paper's card when the site is built. markdown-it renders
// synchronously, so the papers the pages link are fetched first, once: each is kept in `paper-cache/`
// (committed) and read from there ever after (`maxAge: Infinity`), so builds are offline and reproducible.
const client = createClient({
  cache: { store: createFileCache({ dir: 'paper-cache', maxAge: Number.POSITIVE_INFINITY }) },
});
const papers = await preparePaperCards({ dir: 'docs' }, { client });

export default defineConfig({
  title: 'Research notes',
  description: 'A docs site that shows trending papers with the papertrend embed',
  lang: 'en-US',
  // docs/public holds the icon, and the CLI writes papers.json beside it at build time.
  head: [['link', { rel: 'icon', href: '/favicon.svg' }]],
  vue: {
    template: {
      compilerOptions: {
        // A custom element, not a Vue component: without this Vue renders `<!---->` on the server and warns
        // "Hydration completed but contains mismatches" in the browser.
        isCustomElement: (tag) => tag === 'trending-papers' || tag === 'paper-card',
      },
    },
  },
  markdown: {
    config: (md) => {
      md.use(markdownItPaperCards, { papers });
    },
  },
  themeConfig: {
    nav: [
      { text: 'Papers', link: '/' },
      { text: 'One paper', link: '/one-paper' },
    ],
  },
});
