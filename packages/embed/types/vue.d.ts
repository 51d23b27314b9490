/**
 * `<trending-papers>` in Vue templates (Volar / vue-tsc): `import type {} from '@papertrend/embed/vue'` once.
 * Vue must also be told the tag is a custom element: `compilerOptions.isCustomElement`.
 */
import type { DefineComponent } from 'vue';
import type { TrendingPapersAttributes } from '../dist/index.js';

declare module 'vue' {
  interface GlobalComponents {
    'trending-papers': DefineComponent<TrendingPapersAttributes>;
  }
}
