import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'Research notes',
  description: 'A docs site that shows trending papers with the papertrend embed',
  lang: 'en-US',
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
