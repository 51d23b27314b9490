import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
// The paper cards the Markdown plugin writes are the widget's card as static HTML: its stylesheet styles them.
import '@papertrend/react/styles.css';

export default {
  extends: DefaultTheme,
  enhanceApp() {
    // The element needs a browser: define it there only (the server renders the tag as it is).
    if (!import.meta.env.SSR) void import('@papertrend/embed');
  },
} satisfies Theme;
