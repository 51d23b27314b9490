// Nuxt 4.4 (Nuxt 4.5 and later need Node 22): a static site (`nuxt generate`).
export default defineNuxtConfig({
  compatibilityDate: '2026-01-01',
  devtools: { enabled: false },
  telemetry: false,
  // The embed's elements are custom elements, not Vue components: Vue leaves them to the browser.
  vue: { compilerOptions: { isCustomElement: (tag: string) => tag === 'trending-papers' || tag === 'paper-card' } },
  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      title: 'Research digest — trending papers',
      link: [{ rel: 'icon', href: 'data:,' }],
    },
  },
});
