import { defineProject } from 'vitest/config';

// The generated site (`pnpm --filter @papertrend/example-nuxt-site build`) in Debian's chromium.
export default defineProject({
  test: {
    name: 'example-nuxt-site',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
