import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';

export default {
  extends: DefaultTheme,
  enhanceApp() {
    // The element needs a browser: define it there only (the server renders the tag as it is).
    if (!import.meta.env.SSR) void import('@papertrend/embed');
  },
} satisfies Theme;
