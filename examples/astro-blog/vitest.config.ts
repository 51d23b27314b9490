import { defineProject } from 'vitest/config';

// The built site (`pnpm --filter @papertrend/example-astro-blog build`) in Debian's chromium.
export default defineProject({
  test: {
    name: 'example-astro-blog',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
