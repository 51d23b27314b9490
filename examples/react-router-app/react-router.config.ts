import type { Config } from '@react-router/dev/config';

// A static site: `/` is rendered at build time (its loader runs then), and the browser hydrates it.
export default {
  ssr: false,
  prerender: ['/'],
} satisfies Config;
