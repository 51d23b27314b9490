import { defineConfig } from 'vitepress';

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
        isCustomElement: (tag) => tag === 'trending-papers',
      },
    },
  },
  themeConfig: {
    nav: [{ text: 'Papers', link: '/' }],
  },
});
