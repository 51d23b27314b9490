/**
 * `<trending-papers>` and `<paper-card>` in Vue templates (Volar / vue-tsc): `import type {} from '@papertrend/embed/vue'` once.
 * Vue must also be told the tags are custom elements: `compilerOptions.isCustomElement`.
 */
import type { DefineComponent } from 'vue';
import type { PaperCardAttributes, TrendingPapersAttributes } from '../dist/index.js';

declare module 'vue' {
  interface GlobalComponents {
    'trending-papers': DefineComponent<TrendingPapersAttributes>;
    'paper-card': DefineComponent<PaperCardAttributes>;
  }
}
